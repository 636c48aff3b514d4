// linkscope_path_compare: the speed bars of issue #4 (paths and centrality), measured against
// igraph C and Boost.Graph's compressed_sparse_row_graph in one process, on one graph, with
// the ratio printed.
//
// The graph is the planted partition of the community benchmark (1 M vertices, ~7.7 M edges,
// our own generator, fixed seed). It is built once as our Snapshot, as an igraph_t and as a
// Boost CSR graph from the same edge list, so vertex v is the same vertex everywhere. For the
// distance rows every edge gets a deterministic weight in [1, 11) (a hash of its ends), the
// same on both sides.
//
// Rows (medians over the repetitions; ours and the peer alternate which runs first):
//   bfs          single-source BFS, all hop distances: igraph_bfs_simple, Boost
//                breadth_first_search with a distance recorder (bars: igraph >= 4x, Boost >= 1.5x)
//   dijkstra     single-source Dijkstra, all distances: igraph_distances_dijkstra (bar >= 6x)
//   p2p          point-to-point shortest path by hops (PathFinder, bidirectional), median over
//                random pairs (bar: median <= 1 ms)
//   yen          10 shortest loopless paths by distance, against one of our Dijkstras from the
//                same source (bar: <= 12x); costs checked against igraph_get_k_shortest_paths
//                (on the smoke graph, or with --yen-peer: minutes on the full one)
//   betweenness  Brandes from a fixed set of sources (exact betweenness restricted to them:
//                the full sum over a million sources takes days on either side):
//                igraph_betweenness_subset vs ours on one thread (bar >= 1.5x), and ours on one
//                thread vs two (bar >= 1.6x)
//   pagerank     PageRank to igraph's PRPACK tolerance (L1 change < 1e-10): igraph_pagerank
//                vs ours (bar >= 4x)
// Every row checks that both sides computed the same thing (distances exactly, path costs,
// betweenness and PageRank within 1e-9 relative); a mismatch is printed and the exit status
// is 1. Exit status 3: a bar failed; 2: bad usage. --smoke: a 20 000-vertex graph, one
// repetition, agreement checked, bars not judged.
#include <fmt/format.h>
#include <igraph/igraph.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "compare_util.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/gen/planted.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/path/path.hpp"
#include "linkscope/path/traversal.hpp"

namespace linkscope::compare {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitMismatch = 1;
constexpr int kExitUsage = 2;
constexpr int kExitBarFailed = 3;

const std::vector<std::string> kRows = {"bfs", "dijkstra", "p2p", "yen", "betweenness", "pagerank"};

struct Options {
  uint32_t vertices = 1000000;
  uint64_t seed = 1;
  uint32_t repetitions = 5;
  uint32_t pairs = 1000;
  uint32_t sources = 16;
  uint32_t threads = 0;
  std::vector<std::string> only = kRows;
  bool smoke = false;
  bool yen_peer = false;  // also run igraph's k shortest paths (once) to check our costs

  bool Runs(std::string_view name) const {
    return std::find(only.begin(), only.end(), name) != only.end();
  }
};

struct Result {
  std::string name;
  std::string what;  // "ratio" (peer / ours >= bar), "max" (ours <= bar, in the unit), "ratio<="
  double value = 0;
  double bar = 0;
  bool at_least = true;  // value must be >= bar (else <= bar)
  std::string unit;

  bool Passes() const { return at_least ? value >= bar : value <= bar; }
};

struct Context {
  const Options& o;
  const Snapshot& s;       // unweighted
  const Snapshot& ws;      // the same graph with the benchmark weights
  const igraph_t* ig;
  const std::vector<double>& weights;  // per igraph edge
  std::vector<Result> results;
  std::vector<std::string> mismatches;

  void Mismatch(std::string what) {
    fmt::print("  MISMATCH: {}\n", what);
    mismatches.push_back(std::move(what));
  }
};

// A weight in [1, 11) for edge {u, v}, the same whichever way round.
double EdgeWeight(uint32_t u, uint32_t v) {
  const uint64_t a = std::min(u, v);
  const uint64_t b = std::max(u, v);
  uint64_t x = (a << 32) | b;
  x = Rng::SplitMix64(x);
  return 1.0 + static_cast<double>(x % 1000) / 100.0;
}

// The planted graph as a model with the benchmark weights: the entity table first (ids in
// order, so the vertex numbering equals the unweighted snapshot's), then a weighted edge list.
// Weights hash the snapshot's vertex numbers (`vertex`: planted id -> vertex), so that a path
// of vertices can be priced without the model.
std::shared_ptr<const Model> WeightedModel(const PlantedPartition& g,
                                           const std::vector<VertexId>& vertex) {
  std::string entities = "id\n";
  for (uint32_t v = 0; v < g.vertices; ++v) fmt::format_to(std::back_inserter(entities), "{}\n", v);
  std::string edges = "source,target,weight\n";
  edges.reserve(g.edges.size() * 24);
  for (const auto& [u, v] : g.edges) {
    fmt::format_to(std::back_inserter(edges), "{},{},{}\n", u, v, EdgeWeight(vertex[u], vertex[v]));
  }
  Graph graph;
  LoadOptions lo;
  lo.format = InputFormat::kEntitiesTable;
  graph.LoadText("planted-entities.csv", entities, lo);
  lo.format = InputFormat::kEdgeList;
  graph.LoadText("planted-weighted.csv", edges, lo);
  return graph.shared_model();
}

using BoostCsr = boost::compressed_sparse_row_graph<boost::directedS>;

std::vector<VertexId> RandomVertices(uint32_t n, uint32_t count, uint64_t seed) {
  Rng rng(seed);
  std::vector<VertexId> out(count);
  for (VertexId& v : out) v = static_cast<VertexId>(rng.Below(n));
  return out;
}

void Report(Context& c, Result r) {
  fmt::print("  => {} {} {:.3g}{} (bar {} {:.3g}{}): {}\n", r.name, r.what, r.value, r.unit,
             r.at_least ? ">=" : "<=", r.bar, r.unit,
             c.o.smoke ? "not judged (smoke)" : (r.Passes() ? "PASS" : "FAIL"));
  std::fflush(stdout);
  c.results.push_back(std::move(r));
}

// ---- rows --------------------------------------------------------------------------------

void RunBfs(Context& c, const BoostCsr& boost_graph) {
  const uint32_t n = c.s.vertex_count();
  const std::vector<VertexId> sources = RandomVertices(n, c.o.repetitions, c.o.seed ^ 0xBF5);
  std::vector<double> ours_t, igraph_t_, boost_t;
  for (uint32_t r = 0; r < c.o.repetitions; ++r) {
    const VertexId src = sources[r];
    std::vector<uint32_t> ours;
    IntVector order, layers, parents;
    std::vector<uint32_t> boost_dist;
    auto run_ours = [&] { ours_t.push_back(Seconds([&] { ours = BfsHops(c.s, src); })); };
    auto run_igraph = [&] {
      igraph_t_.push_back(Seconds([&] {
        Check(igraph_bfs_simple(c.ig, src, IGRAPH_ALL, order.get(), layers.get(), parents.get()),
              "igraph_bfs_simple");
      }));
    };
    auto run_boost = [&] {
      boost_t.push_back(Seconds([&] {
        boost_dist.assign(n, kNone32);
        boost_dist[src] = 0;
        boost::breadth_first_search(
            boost_graph, src,
            boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                boost::make_iterator_property_map(boost_dist.begin(),
                                                  get(boost::vertex_index, boost_graph)),
                boost::on_tree_edge()))));
      }));
    };
    if (r % 2 == 0) {
      run_ours();
      run_igraph();
      run_boost();
    } else {
      run_boost();
      run_igraph();
      run_ours();
    }
    fmt::print("  bfs {}/{} (source {}): ours {:.4f} s, igraph {:.4f} s, boost {:.4f} s\n", r + 1,
               c.o.repetitions, src, ours_t.back(), igraph_t_.back(), boost_t.back());
    // igraph's layers give the hop distances.
    std::vector<uint32_t> peer(n, kNone32);
    const auto ord = order.span();
    const auto lay = layers.span();
    for (size_t l = 0; l + 1 < lay.size(); ++l) {
      for (igraph_integer_t i = lay[l]; i < lay[l + 1]; ++i) peer[ord[i]] = static_cast<uint32_t>(l);
    }
    if (peer != ours) c.Mismatch(fmt::format("bfs from {}: hop distances differ from igraph's", src));
    if (boost_dist != ours) c.Mismatch(fmt::format("bfs from {}: hop distances differ from Boost's", src));
  }
  const double mine = Median(ours_t);
  fmt::print("  medians: ours {:.4f} s, igraph {:.4f} s, boost {:.4f} s ({:.0f} M edges/s)\n", mine,
             Median(igraph_t_), Median(boost_t),
             static_cast<double>(c.s.out_targets().size()) / mine / 1e6);
  Report(c, {"bfs vs igraph", "ratio", Median(igraph_t_) / mine, 4, true, "x"});
  Report(c, {"bfs vs boost csr", "ratio", Median(boost_t) / mine, 1.5, true, "x"});
}

void RunDijkstra(Context& c) {
  const uint32_t n = c.ws.vertex_count();
  const std::vector<VertexId> sources = RandomVertices(n, c.o.repetitions, c.o.seed ^ 0xD1);
  RealVector weights(static_cast<igraph_integer_t>(c.weights.size()));
  std::copy(c.weights.begin(), c.weights.end(), VECTOR(*weights.get()));
  std::vector<double> ours_t, peer_t;
  for (uint32_t r = 0; r < c.o.repetitions; ++r) {
    const VertexId src = sources[r];
    std::vector<double> ours;
    igraph_matrix_t res;
    Check(igraph_matrix_init(&res, 0, 0), "igraph_matrix_init");
    auto run_ours = [&] { ours_t.push_back(Seconds([&] { ours = DijkstraDistances(c.ws, src); })); };
    auto run_peer = [&] {
      peer_t.push_back(Seconds([&] {
        Check(igraph_distances_dijkstra(c.ig, &res, igraph_vss_1(src), igraph_vss_all(),
                                        weights.get(), IGRAPH_ALL),
              "igraph_distances_dijkstra");
      }));
    };
    if (r % 2 == 0) {
      run_ours();
      run_peer();
    } else {
      run_peer();
      run_ours();
    }
    fmt::print("  dijkstra {}/{} (source {}): ours {:.4f} s, igraph {:.4f} s\n", r + 1,
               c.o.repetitions, src, ours_t.back(), peer_t.back());
    uint64_t differ = 0;
    for (VertexId v = 0; v < n; ++v) {
      const double p = MATRIX(res, 0, v);
      const double q = ours[v];
      const bool same = (std::isinf(p) && std::isinf(q)) || std::abs(p - q) <= 1e-9 * std::max(1.0, p);
      differ += !same;
    }
    igraph_matrix_destroy(&res);
    if (differ > 0) c.Mismatch(fmt::format("dijkstra from {}: {} distances differ", src, differ));
  }
  fmt::print("  medians: ours {:.4f} s, igraph {:.4f} s\n", Median(ours_t), Median(peer_t));
  Report(c, {"dijkstra vs igraph", "ratio", Median(peer_t) / Median(ours_t), 6, true, "x"});
}

void RunPointToPoint(Context& c) {
  const uint32_t n = c.s.vertex_count();
  const std::vector<VertexId> a = RandomVertices(n, c.o.pairs, c.o.seed ^ 0xA);
  const std::vector<VertexId> b = RandomVertices(n, c.o.pairs, c.o.seed ^ 0xB);
  PathFinder finder(c.s, PathOptions{});
  std::vector<double> t;
  std::vector<uint32_t> hops(c.o.pairs, kNone32);
  finder.Shortest(a[0], b[0]);  // the first query allocates the scratch; not timed
  for (uint32_t i = 0; i < c.o.pairs; ++i) {
    std::vector<Path> p;
    t.push_back(Seconds([&] { p = finder.Shortest(a[i], b[i]); }));
    if (!p.empty()) hops[i] = p[0].hops;
  }
  std::vector<double> sorted = t;
  std::sort(sorted.begin(), sorted.end());
  const double median_ms = Median(t) * 1e3;
  fmt::print("  {} pairs: median {:.3f} ms, p90 {:.3f} ms, max {:.3f} ms\n", c.o.pairs, median_ms,
             sorted[sorted.size() * 9 / 10] * 1e3, sorted.back() * 1e3);
  // A few answers against a full BFS.
  for (uint32_t i = 0; i < std::min<uint32_t>(c.o.pairs, 5); ++i) {
    const std::vector<uint32_t> d = BfsHops(c.s, a[i]);
    if (d[b[i]] != hops[i]) {
      c.Mismatch(fmt::format("p2p {} -> {}: {} hops, BFS says {}", a[i], b[i], hops[i], d[b[i]]));
    }
  }
  Report(c, {"p2p median", "time", median_ms, 1.0, false, " ms"});
}

void RunYen(Context& c) {
  const uint32_t n = c.ws.vertex_count();
  const uint32_t reps = c.o.repetitions;
  const std::vector<VertexId> a = RandomVertices(n, reps, c.o.seed ^ 0x7E);
  const std::vector<VertexId> b = RandomVertices(n, reps, c.o.seed ^ 0x7F);
  PathOptions po;
  po.weight = PathWeight::kDistance;
  PathFinder finder(c.ws, po);
  RealVector weights(static_cast<igraph_integer_t>(c.weights.size()));
  std::copy(c.weights.begin(), c.weights.end(), VECTOR(*weights.get()));
  std::vector<double> yen_t, dijkstra_t, peer_t;
  for (uint32_t r = 0; r < reps; ++r) {
    std::vector<Path> paths;
    dijkstra_t.push_back(Seconds([&] { (void)DijkstraDistances(c.ws, a[r]); }));
    yen_t.push_back(Seconds([&] { paths = finder.Shortest(a[r], b[r], 10); }));
    if (r > 0 || !c.o.yen_peer) {
      fmt::print("  yen {}/{} ({} -> {}): 10 paths {:.4f} s, one Dijkstra {:.4f} s\n", r + 1, reps,
                 a[r], b[r], yen_t.back(), dijkstra_t.back());
      continue;
    }
    // igraph's Yen runs a full Dijkstra per spur vertex (minutes on the full graph): once, as
    // the check of our path costs, on the smoke graph or with --yen-peer.
    igraph_vector_int_list_t vpaths;
    Check(igraph_vector_int_list_init(&vpaths, 0), "igraph_vector_int_list_init");
    peer_t.push_back(Seconds([&] {
      Check(igraph_get_k_shortest_paths(c.ig, weights.get(), &vpaths, nullptr, 10, a[r], b[r],
                                        IGRAPH_ALL),
            "igraph_get_k_shortest_paths");
    }));
    // Path costs against igraph's (the paths themselves may differ between equal costs).
    std::vector<double> peer_cost;
    for (igraph_integer_t i = 0; i < igraph_vector_int_list_size(&vpaths); ++i) {
      const igraph_vector_int_t* p = igraph_vector_int_list_get_ptr(&vpaths, i);
      double cost = 0;
      for (igraph_integer_t j = 0; j + 1 < igraph_vector_int_size(p); ++j) {
        cost += EdgeWeight(static_cast<uint32_t>(VECTOR(*p)[j]), static_cast<uint32_t>(VECTOR(*p)[j + 1]));
      }
      peer_cost.push_back(cost);
    }
    igraph_vector_int_list_destroy(&vpaths);
    bool same = peer_cost.size() == paths.size();
    for (size_t i = 0; same && i < paths.size(); ++i) {
      same = std::abs(paths[i].cost - peer_cost[i]) <= 1e-9 * std::max(1.0, peer_cost[i]);
    }
    if (!same) {
      c.Mismatch(fmt::format("yen {} -> {}: {} paths, igraph {}; costs differ", a[r], b[r],
                             paths.size(), peer_cost.size()));
    }
    fmt::print("  yen {}/{} ({} -> {}): 10 paths {:.4f} s, one Dijkstra {:.4f} s, igraph {:.4f} s\n",
               r + 1, reps, a[r], b[r], yen_t.back(), dijkstra_t.back(), peer_t.back());
  }
  fmt::print("  medians: yen {:.4f} s, dijkstra {:.4f} s", Median(yen_t), Median(dijkstra_t));
  if (!peer_t.empty()) fmt::print("; igraph k-shortest (once) {:.4f} s", peer_t[0]);
  fmt::print("\n");
  Report(c, {"yen k=10 / one dijkstra", "ratio", Median(yen_t) / Median(dijkstra_t), 12, false, "x"});
}

void RunBetweenness(Context& c) {
  const uint32_t n = c.s.vertex_count();
  std::vector<VertexId> sources = RandomVertices(n, c.o.sources, c.o.seed ^ 0xBE);
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  IntVector src(static_cast<igraph_integer_t>(sources.size()));
  std::copy(sources.begin(), sources.end(), src.span().begin());
  igraph_vs_t vs_sources;
  Check(igraph_vs_vector(&vs_sources, src.get()), "igraph_vs_vector");
  std::vector<double> one_t, two_t, peer_t;
  const uint32_t two = c.o.threads == 0 ? 2 : c.o.threads;
  const uint32_t reps = std::min<uint32_t>(c.o.repetitions, 3);  // igraph: ~1 s a source
  for (uint32_t r = 0; r < reps; ++r) {
    CentralityOptions co;
    co.normalized = false;
    co.threads = 1;
    std::vector<double> one, both;
    RealVector res;
    auto run_peer = [&] {
      peer_t.push_back(Seconds([&] {
        Check(igraph_betweenness_subset(c.ig, res.get(), igraph_vss_all(), false, vs_sources,
                                        igraph_vss_all(), nullptr),
              "igraph_betweenness_subset");
      }));
    };
    auto run_one = [&] {
      co.threads = 1;
      one_t.push_back(Seconds([&] { one = BetweennessFromSources(c.s, sources, co).vertex; }));
    };
    auto run_two = [&] {
      co.threads = two;
      two_t.push_back(Seconds([&] { both = BetweennessFromSources(c.s, sources, co).vertex; }));
    };
    if (r % 2 == 0) {
      run_one();
      run_two();
      run_peer();
    } else {
      run_peer();
      run_two();
      run_one();
    }
    fmt::print("  betweenness {}/{} ({} sources): ours 1 thread {:.3f} s, {} threads {:.3f} s, "
               "igraph {:.3f} s\n",
               r + 1, reps, sources.size(), one_t.back(), two, two_t.back(),
               peer_t.back());
    if (one != both) c.Mismatch("betweenness: 1 and 2 threads differ");
    // igraph's subset betweenness of an undirected graph counts each (source, target) pair
    // once; ours (Brandes from the sources, unnormalised) counts pair {s, t} once per source in
    // it, and halves: the two agree up to one common factor, checked vertex by vertex.
    const double* peer = VECTOR(*res.get());
    double factor = 0;
    for (VertexId v = 0; v < n && factor == 0; ++v) {
      if (one[v] > 0 && peer[v] > 0) factor = peer[v] / one[v];
    }
    uint64_t differ = 0;
    for (VertexId v = 0; v < n; ++v) {
      differ += std::abs(peer[v] - factor * one[v]) > 1e-9 * std::max(1.0, peer[v]);
    }
    if (differ > 0 || factor == 0) {
      c.Mismatch(fmt::format("betweenness: {} vertices differ from igraph (factor {})", differ, factor));
    } else if (r == 0) {
      fmt::print("  igraph / ours = {:.6g} for every vertex\n", factor);
    }
  }
  igraph_vs_destroy(&vs_sources);
  fmt::print("  medians: ours 1 thread {:.3f} s, {} threads {:.3f} s, igraph {:.3f} s\n",
             Median(one_t), two, Median(two_t), Median(peer_t));
  Report(c, {"betweenness vs igraph (1 thread)", "ratio", Median(peer_t) / Median(one_t), 1.5, true, "x"});
  Report(c, {"betweenness 2 threads vs 1", "ratio", Median(one_t) / Median(two_t), 1.6, true, "x"});
}

void RunPageRank(Context& c) {
  const uint32_t n = c.s.vertex_count();
  std::vector<double> ours_t, peer_t;
  for (uint32_t r = 0; r < c.o.repetitions; ++r) {
    CentralityOptions co;
    co.threads = c.o.threads;
    // PRPACK (igraph) stops when the L1 change of an iteration is below 1e-10; ours stops when
    // it is below n * tolerance (networkx's test).
    co.tolerance = 1e-10 / n;
    std::vector<double> ours;
    RealVector res;
    igraph_real_t value = 0;
    auto run_ours = [&] { ours_t.push_back(Seconds([&] { ours = PageRank(c.s, co); })); };
    auto run_peer = [&] {
      peer_t.push_back(Seconds([&] {
        Check(igraph_pagerank(c.ig, IGRAPH_PAGERANK_ALGO_PRPACK, res.get(), &value,
                              igraph_vss_all(), false, 0.85, nullptr, nullptr),
              "igraph_pagerank");
      }));
    };
    if (r % 2 == 0) {
      run_ours();
      run_peer();
    } else {
      run_peer();
      run_ours();
    }
    fmt::print("  pagerank {}/{}: ours {:.3f} s, igraph {:.3f} s\n", r + 1, c.o.repetitions,
               ours_t.back(), peer_t.back());
    double worst = 0;
    for (VertexId v = 0; v < n; ++v) {
      worst = std::max(worst, std::abs(ours[v] - VECTOR(*res.get())[v]) / VECTOR(*res.get())[v]);
    }
    if (worst > 1e-6) c.Mismatch(fmt::format("pagerank: relative difference {:.3g}", worst));
    if (r == 0) fmt::print("  largest relative difference from igraph: {:.3g}\n", worst);
  }
  fmt::print("  medians: ours {:.3f} s, igraph {:.3f} s\n", Median(ours_t), Median(peer_t));
  Report(c, {"pagerank vs igraph", "ratio", Median(peer_t) / Median(ours_t), 4, true, "x"});
}

int Run(const Options& o) {
  igraph_set_error_handler(igraph_error_handler_printignore);
  PlantedPartitionOptions po;
  po.vertices = o.vertices;
  po.seed = o.seed;
  const PlantedPartition planted = GeneratePlantedPartition(po);
  const Snapshot s = Snapshot::Build(PlantedPartitionModel(planted));
  const uint32_t n = s.vertex_count();
  std::vector<VertexId> vertex(planted.vertices);
  for (uint32_t p = 0; p < planted.vertices; ++p) vertex[p] = s.VertexOfId(std::to_string(p));
  const Snapshot ws = Snapshot::Build(WeightedModel(planted, vertex));
  fmt::print("graph: planted partition, {} vertices, {} edges, seed {}; igraph {}, linkscope "
             "threads {} ({} hardware threads), repetitions {}\n",
             n, planted.edges.size(), o.seed, IGRAPH_VERSION,
             o.threads == 0 ? std::string("0 = all") : std::to_string(o.threads),
             std::thread::hardware_concurrency(), o.repetitions);
  for (uint32_t p = 0; p < planted.vertices; ++p) {
    if (ws.VertexOfId(std::to_string(p)) != vertex[p]) {
      fmt::print(stderr, "the weighted snapshot numbers vertices differently\n");
      return kExitMismatch;
    }
  }
  IntVector edges(static_cast<igraph_integer_t>(2 * planted.edges.size()));
  std::vector<double> weights(planted.edges.size());
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  arcs.reserve(2 * planted.edges.size());
  for (size_t i = 0; i < planted.edges.size(); ++i) {
    const uint32_t u = vertex[planted.edges[i].first];
    const uint32_t v = vertex[planted.edges[i].second];
    edges.span()[2 * i] = u;
    edges.span()[2 * i + 1] = v;
    weights[i] = EdgeWeight(u, v);
    arcs.emplace_back(u, v);
    arcs.emplace_back(v, u);
  }
  IgraphGraph ig(edges, n);
  std::sort(arcs.begin(), arcs.end());
  const BoostCsr boost_graph(boost::edges_are_sorted, arcs.begin(), arcs.end(), n);
  arcs = {};
  Context c{o, s, ws, ig.get(), weights, {}, {}};
  if (o.Runs("bfs")) {
    fmt::print("\nSingle-source BFS\n");
    RunBfs(c, boost_graph);
  }
  if (o.Runs("dijkstra")) {
    fmt::print("\nSingle-source Dijkstra (weights in [1, 11))\n");
    RunDijkstra(c);
  }
  if (o.Runs("p2p")) {
    fmt::print("\nPoint-to-point shortest path by hops\n");
    RunPointToPoint(c);
  }
  if (o.Runs("yen")) {
    fmt::print("\nYen, k = 10, by distance\n");
    RunYen(c);
  }
  if (o.Runs("betweenness")) {
    fmt::print("\nBetweenness from {} sources\n", o.sources);
    RunBetweenness(c);
  }
  if (o.Runs("pagerank")) {
    fmt::print("\nPageRank (damping 0.85)\n");
    RunPageRank(c);
  }
  fmt::print("\n{:<36} {:>10} {:>10}  {}\n", "bar", "measured", "needed", "verdict");
  bool pass = true;
  for (const Result& r : c.results) {
    fmt::print("{:<36} {:>9.3g}{} {:>2}{:>7.3g}{}  {}\n", r.name, r.value, r.unit,
               r.at_least ? ">=" : "<=", r.bar, r.unit,
               o.smoke ? "-" : (r.Passes() ? "PASS" : "FAIL"));
    pass = pass && r.Passes();
  }
  if (!c.mismatches.empty()) return kExitMismatch;
  return o.smoke || pass ? kExitOk : kExitBarFailed;
}

}  // namespace
}  // namespace linkscope::compare

int main(int argc, char** argv) {
  using linkscope::compare::Options;
  Options o;
  CLI::App app{"linkscope_path_compare: paths and centrality against igraph C and Boost.Graph "
               "on a planted-partition graph (issue #4)"};
  auto* vertices = app.add_option("--vertices", o.vertices, "Vertices of the planted graph")
                       ->capture_default_str();
  app.add_option("--seed", o.seed, "Seed of the graph and of the sampled sources and pairs")
      ->capture_default_str();
  auto* reps = app.add_option("--repetitions", o.repetitions, "Runs of each side per row")
                   ->check(CLI::PositiveNumber)
                   ->capture_default_str();
  app.add_option("--pairs", o.pairs, "Point-to-point queries")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--sources", o.sources, "Betweenness sources")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--threads", o.threads, "linkscope threads where a row uses several (0 = all)")
      ->capture_default_str();
  app.add_option("--only", o.only, "Comma-separated subset of bfs,dijkstra,p2p,yen,betweenness,pagerank")
      ->delimiter(',')
      ->check(CLI::IsMember(linkscope::compare::kRows));
  app.add_flag("--yen-peer", o.yen_peer,
               "Also run igraph's k shortest paths once to check our costs (minutes at 1 M)");
  app.add_flag("--smoke", o.smoke, "20 000 vertices, one repetition; agreement checked, bars not judged")
      ->excludes(vertices)
      ->excludes(reps);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : linkscope::compare::kExitUsage;
  }
  if (o.smoke) {
    o.yen_peer = true;
    o.vertices = 20000;
    o.repetitions = 1;
    o.pairs = 50;
    o.sources = 4;
  }
  try {
    return linkscope::compare::Run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "linkscope_path_compare: %s\n", e.what());
    return linkscope::compare::kExitMismatch;
  }
}
