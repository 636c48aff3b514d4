// Force-directed layout for drawing: Fruchterman & Reingold, "Graph drawing by force-directed
// placement", Software: Practice and Experience 21(11), 1991, as Boost.Graph implements it
// (fruchterman_reingold_force_directed_layout), on the simple undirected subgraph induced by the
// given vertices. Requires nothing of the snapshot: direction, weights, parallel links and loops
// are read away.
//
// Each connected component gets its own run with the natural edge length fixed at 1, so the
// pieces can be packed at a common scale: side by side on shelves, largest first, with one unit
// of padding. A single run over a disconnected graph would push the pieces, and above all the
// isolated vertices, out against the frame. See docs/algorithms/layout.md.
//
// Determinism: initial positions and Boost's nudge of two vertices that land on one spot both
// draw from our Rng (one stream per component, through the engine adapter below); the force
// pairs are visited in vertex order and the temperature is a function of the step number.
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/layout/layout.hpp"

namespace linkscope {
namespace {

constexpr double kMargin = 0.05;  // of the unit square, on every side
constexpr double kPadding = 1.0;  // between packed components, in edge lengths
constexpr double kRoom = 4.0;     // the frame's width over the starting square's

// Boost's topologies draw random points through a Boost.Random engine (by default their own
// minstd_rand with its fixed seed); this one forwards to our Rng. The topology's uniform_01
// keeps a copy, and every copy draws from the same Rng.
class RngEngine {
 public:
  using result_type = uint64_t;
  explicit RngEngine(Rng* rng) : rng_(rng) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<uint64_t>::max(); }
  result_type operator()() { return rng_->Next(); }

 private:
  Rng* rng_;
};

using Topology = boost::square_topology<RngEngine>;
using BoostPoint = Topology::point_type;
using BoostDiff = Topology::point_difference_type;
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Fruchterman and Reingold's forces with the natural edge length fixed at 1 (Boost passes
// k = sqrt(frame area / c), which would tie it to the frame; here the frame is only a far-away
// fence, see LayoutComponent).
struct Attraction {
  template <typename Edge, typename Graph>
  double operator()(Edge, double /*k*/, double d, const Graph&) const {
    return d * d;
  }
};
struct Repulsion {
  template <typename Vertex, typename Graph>
  double operator()(Vertex, Vertex, double /*k*/, double d, const Graph&) const {
    return 1 / d;
  }
};

// A displacement too small to move a vertex, yet with a length Boost can divide by.
constexpr double kStill = 1e-100;

// Linear cooling from t0 to 0 over exactly `steps` steps (Boost's linear_cooling can take one
// more by rounding). Boost calls it once per step, after the forces are summed and
// before the vertices move, which is where it also guards the move: Boost divides each
// displacement by its length, so a zero (a vertex whose forces cancel exactly) or non-finite
// one would make the position NaN. Such a vertex stays put for the step instead.
class Cooling {
 public:
  Cooling(uint32_t steps, double t0, std::vector<BoostDiff>* displacement)
      : steps_(steps), t0_(t0), displacement_(displacement) {}

  double operator()() {
    if (step_ >= steps_) return 0;
    for (BoostDiff& d : *displacement_) {
      const double len = std::hypot(d[0], d[1]);  // what Boost divides by
      if (!(len > 0) || !std::isfinite(len)) {
        d[0] = kStill;
        d[1] = 0;
      }
    }
    const double t = t0_ * (1.0 - static_cast<double>(step_) / static_cast<double>(steps_));
    ++step_;
    return t;
  }

 private:
  uint32_t steps_;
  uint32_t step_ = 0;
  double t0_;
  std::vector<BoostDiff>* displacement_;
};

// Positions of one connected component (vertices 0..c-1, edges (a, b) with a < b), centred
// near the origin, edge length about 1.
std::vector<Point> LayoutComponent(uint32_t c, std::span<const std::pair<uint32_t, uint32_t>> edges,
                                   uint64_t seed, uint64_t stream, uint32_t iterations) {
  if (c == 1) return {Point{}};
  Rng rng = Rng::ForStream(seed, stream);
  // Start in a square of area 4c (four per vertex, at edge length 1), at the paper's
  // temperature of a tenth of its width. Boost keeps the vertices inside a frame; a tight one
  // presses sparse pieces (trees, rings) flat against its sides, so it is kRoom times wider
  // and, by the forces above, rarely reached.
  const double half = std::sqrt(static_cast<double>(c));
  std::vector<BoostPoint> position(c);
  for (BoostPoint& p : position) {
    p[0] = (2 * rng.Uniform() - 1) * half;
    p[1] = (2 * rng.Uniform() - 1) * half;
  }
  if (iterations > 0) {
    BoostGraph g(c);
    for (const auto& [a, b] : edges) boost::add_edge(a, b, g);
    RngEngine engine(&rng);
    const Topology frame(engine, kRoom * half);
    std::vector<BoostDiff> displacement(c);
    const auto index = boost::get(boost::vertex_index, g);
    boost::fruchterman_reingold_force_directed_layout(
        g, boost::make_iterator_property_map(position.begin(), index), frame, Attraction(),
        Repulsion(), boost::all_force_pairs(), Cooling(iterations, 2 * half / 10, &displacement),
        boost::make_iterator_property_map(displacement.begin(), index));
  }
  std::vector<Point> out(c);
  for (uint32_t i = 0; i < c; ++i) out[i] = Point{position[i][0], position[i][1]};
  return out;
}

struct Component {
  std::vector<uint32_t> members;                     // entries of `vertices`, ascending
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // member positions, a < b
};

// The induced simple subgraph as sorted distinct pairs of entries (a < b). Validates the ids.
std::vector<std::pair<uint32_t, uint32_t>> InducedEdges(const Snapshot& s,
                                                        std::span<const VertexId> vertices) {
  const auto n = static_cast<uint32_t>(vertices.size());
  std::vector<std::pair<VertexId, uint32_t>> sorted(n);  // (vertex, entry)
  for (uint32_t i = 0; i < n; ++i) {
    if (vertices[i] >= s.vertex_count()) {
      throw UsageError("layout: vertex " + std::to_string(vertices[i]) + " (entry " +
                       std::to_string(i) + ") is not in the snapshot (" +
                       std::to_string(s.vertex_count()) + " vertices)");
    }
    sorted[i] = {vertices[i], i};
  }
  std::sort(sorted.begin(), sorted.end());
  for (uint32_t i = 1; i < n; ++i) {
    if (sorted[i].first == sorted[i - 1].first) {
      throw UsageError("layout: vertex " + std::to_string(sorted[i].first) + " ('" +
                       std::string(s.ExternalId(sorted[i].first)) + "') is given twice (entries " +
                       std::to_string(sorted[i - 1].second) + " and " +
                       std::to_string(sorted[i].second) + ")");
    }
  }
  const auto entry_of = [&](VertexId w) -> uint32_t {
    const auto it =
        std::lower_bound(sorted.begin(), sorted.end(), std::pair<VertexId, uint32_t>{w, 0});
    return it != sorted.end() && it->first == w ? it->second : kNone32;
  };

  std::vector<std::pair<uint32_t, uint32_t>> edges;
  const auto add = [&](uint32_t i, uint32_t j) {
    if (j != kNone32 && j != i) edges.emplace_back(std::min(i, j), std::max(i, j));
  };
  for (uint32_t i = 0; i < n; ++i) {
    // Successors suffice: every arc between two given vertices leaves one of them. A hub is
    // searched for the given vertices instead of the other way round, so reading costs
    // O(min(degree, n) log) per vertex.
    const std::span<const VertexId> out = s.Out(vertices[i]);
    if (out.size() <= n) {
      for (const VertexId w : out) add(i, entry_of(w));
    } else {
      for (const auto& [w, j] : sorted) {
        if (std::binary_search(out.begin(), out.end(), w)) add(i, j);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

// Connected components, largest first, ties by their first entry; members ascending.
std::vector<Component> SplitComponents(uint32_t n,
                                       std::span<const std::pair<uint32_t, uint32_t>> edges) {
  std::vector<uint64_t> offset(n + 1, 0);
  for (const auto& [a, b] : edges) {
    ++offset[a + 1];
    ++offset[b + 1];
  }
  for (uint32_t i = 0; i < n; ++i) offset[i + 1] += offset[i];
  std::vector<uint32_t> adj(offset[n]);
  {
    std::vector<uint64_t> fill(offset.begin(), offset.end() - 1);
    for (const auto& [a, b] : edges) {
      adj[fill[a]++] = b;
      adj[fill[b]++] = a;
    }
  }
  std::vector<uint32_t> label(n, kNone32);
  std::vector<Component> comps;
  std::vector<uint32_t> queue;
  for (uint32_t root = 0; root < n; ++root) {
    if (label[root] != kNone32) continue;
    const auto id = static_cast<uint32_t>(comps.size());
    Component& c = comps.emplace_back();
    queue.assign(1, root);
    label[root] = id;
    for (size_t head = 0; head < queue.size(); ++head) {
      const uint32_t v = queue[head];
      for (uint64_t p = offset[v]; p < offset[v + 1]; ++p) {
        if (label[adj[p]] == kNone32) {
          label[adj[p]] = id;
          queue.push_back(adj[p]);
        }
      }
    }
    c.members = queue;
    std::sort(c.members.begin(), c.members.end());
  }
  // Member entry -> position inside its component, to renumber the edges.
  std::vector<uint32_t> local(n);
  for (const Component& c : comps) {
    for (uint32_t i = 0; i < c.members.size(); ++i) local[c.members[i]] = i;
  }
  for (const auto& [a, b] : edges) comps[label[a]].edges.emplace_back(local[a], local[b]);
  // Components were found in order of their first entry, so a stable sort breaks ties by it.
  std::stable_sort(comps.begin(), comps.end(), [](const Component& x, const Component& y) {
    return x.members.size() > y.members.size();
  });
  return comps;
}

}  // namespace

std::vector<Point> ForceLayout(const Snapshot& s, std::span<const VertexId> vertices,
                               const LayoutOptions& options) {
  if (vertices.size() >= kNone32) throw UsageError("layout: too many vertices");
  const auto n = static_cast<uint32_t>(vertices.size());
  const std::vector<std::pair<uint32_t, uint32_t>> edges = InducedEdges(s, vertices);
  if (n == 0) return {};
  if (n == 1) return {Point{0.5, 0.5}};

  const std::vector<Component> comps = SplitComponents(n, edges);

  // Lay out every component and pack its bounding box (plus padding) on shelves, largest
  // first; the shelf is as wide as the widest piece or the side of a square of their total
  // area, whichever is larger, so the picture stays roughly square.
  struct Box {
    double min_x, min_y, w, h;
  };
  std::vector<std::vector<Point>> pieces(comps.size());
  std::vector<Box> boxes(comps.size());
  double area = 0, widest = 0;
  for (size_t k = 0; k < comps.size(); ++k) {
    const Component& c = comps[k];
    pieces[k] = LayoutComponent(static_cast<uint32_t>(c.members.size()), c.edges, options.seed, k,
                                options.iterations);
    double x0 = pieces[k][0].x, x1 = x0, y0 = pieces[k][0].y, y1 = y0;
    for (const Point& p : pieces[k]) {
      x0 = std::min(x0, p.x);
      x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y);
      y1 = std::max(y1, p.y);
    }
    boxes[k] = Box{x0, y0, x1 - x0 + kPadding, y1 - y0 + kPadding};
    area += boxes[k].w * boxes[k].h;
    widest = std::max(widest, boxes[k].w);
  }
  const double shelf_width = std::max(widest, std::sqrt(area));
  std::vector<Point> result(n);
  double x = 0, y = 0, shelf_height = 0;
  for (size_t k = 0; k < comps.size(); ++k) {
    const Box& b = boxes[k];
    if (x > 0 && x + b.w > shelf_width) {
      x = 0;
      y += shelf_height;
      shelf_height = 0;
    }
    for (size_t i = 0; i < comps[k].members.size(); ++i) {
      result[comps[k].members[i]] =
          Point{pieces[k][i].x - b.min_x + x, pieces[k][i].y - b.min_y + y};
    }
    x += b.w;
    shelf_height = std::max(shelf_height, b.h);
  }

  // Uniform scale into the unit square with a margin, centred on the shorter side.
  double x0 = result[0].x, x1 = x0, y0 = result[0].y, y1 = y0;
  for (const Point& p : result) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y);
    y1 = std::max(y1, p.y);
  }
  const double span = std::max(x1 - x0, y1 - y0);
  const double scale = span > 0 ? (1 - 2 * kMargin) / span : 0;
  const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (Point& p : result) p = Point{0.5 + (p.x - cx) * scale, 0.5 + (p.y - cy) * scale};
  return result;
}

}  // namespace linkscope
