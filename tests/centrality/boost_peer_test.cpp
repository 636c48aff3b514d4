// Betweenness on graphs too large for the all-pairs verifier (thousands of vertices, many
// levels, hubs), against an independent implementation: Boost.Graph's
// brandes_betweenness_centrality (unweighted and weighted, undirected and directed), on the
// simple graph of random snapshots with parallel links and loops. Boost, like networkx,
// counts an undirected pair once (it halves the sum over sources), so the raw values agree.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Id;

struct Random {
  uint32_t n;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<double> weights;
};

// A sparse random graph with a few hubs (skewed endpoints), parallel links and loops.
Random Make(uint32_t n, uint32_t m, uint64_t seed) {
  Rng rng(seed);
  Random r{n, {}, {}};
  for (uint32_t i = 0; i < m; ++i) {
    const auto a = static_cast<uint32_t>(rng.Below(n));
    const auto b = rng.Below(4) == 0 ? static_cast<uint32_t>(rng.Below(n / 50 + 1))
                                     : static_cast<uint32_t>(rng.Below(n));
    r.pairs.emplace_back(a, b);
    r.weights.push_back(static_cast<double>(1 + rng.Below(4)));
    if (rng.Below(10) == 0) {
      r.pairs.emplace_back(a, b);
      r.weights.push_back(static_cast<double>(2 + rng.Below(3)));
    }
  }
  return r;
}

Snapshot Snap(const Random& r, bool directed) {
  std::vector<EntityInput> ents;
  for (uint32_t i = 0; i < r.n; ++i) ents.push_back(testing::Ent(Id(i)));
  std::vector<LinkInput> links;
  for (size_t i = 0; i < r.pairs.size(); ++i) {
    LinkInput l;
    l.from = Id(r.pairs[i].first);
    l.to = Id(r.pairs[i].second);
    l.type = "link";
    l.directed = directed;
    l.weight = r.weights[i];
    links.push_back(l);
  }
  Graph g;
  g.Add(ents, links);
  SnapshotOptions o;
  o.directed = directed;
  return g.TakeSnapshot(o);
}

// Boost's result on the simple graph (one edge per pair, the smallest weight, no loops).
template <typename Direction>
std::vector<double> BoostBetweenness(const Random& r, bool weighted) {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, Direction, boost::no_property,
                                  boost::property<boost::edge_weight_t, double>>;
  constexpr bool kDirected = std::is_same_v<Direction, boost::directedS>;
  std::map<std::pair<uint32_t, uint32_t>, double> simple;
  for (size_t i = 0; i < r.pairs.size(); ++i) {
    auto [a, b] = r.pairs[i];
    if (a == b) continue;
    if (!kDirected && a > b) std::swap(a, b);
    auto it = simple.find({a, b});
    if (it == simple.end()) {
      simple[{a, b}] = r.weights[i];
    } else {
      it->second = std::min(it->second, r.weights[i]);
    }
  }
  G g(r.n);
  for (const auto& [p, w] : simple) boost::add_edge(p.first, p.second, weighted ? w : 1.0, g);
  std::vector<double> c(r.n, 0.0);
  auto centrality =
      boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g));
  if (weighted) {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(centrality).weight_map(boost::get(boost::edge_weight, g)));
  } else {
    boost::brandes_betweenness_centrality(g, centrality);
  }
  return c;
}

TEST(BetweennessPeer, EqualsBoostBrandes) {
  for (bool directed : {false, true}) {
    for (bool weighted : {false, true}) {
      SCOPED_TRACE(::testing::Message() << "directed=" << directed << " weighted=" << weighted);
      const Random r = Make(1500, 4000, 31 + directed);
      const Snapshot s = Snap(r, directed);
      CentralityOptions o;
      o.weighted = weighted;
      o.normalized = false;
      const std::vector<double> ours = Betweenness(s, o).vertex;
      const std::vector<double> peer = directed ? BoostBetweenness<boost::directedS>(r, weighted)
                                                : BoostBetweenness<boost::undirectedS>(r, weighted);
      uint32_t bad = 0;
      double largest = 0;
      for (VertexId v = 0; v < s.vertex_count(); ++v) {
        const uint32_t i =
            static_cast<uint32_t>(std::stoul(std::string(s.ExternalId(v)).substr(1)));
        largest = std::max(largest, peer[i]);
        if (std::fabs(ours[v] - peer[i]) > 1e-9 * std::max(1.0, peer[i]) && ++bad <= 5) {
          ADD_FAILURE() << "vertex " << s.ExternalId(v) << ": ours " << ours[v] << ", Boost "
                        << peer[i];
        }
      }
      EXPECT_EQ(bad, 0u);
      EXPECT_GT(largest, 1000.0);  // the graph has long paths through hubs: a real check
    }
  }
}

}  // namespace
}  // namespace linkscope
