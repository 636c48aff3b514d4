// Helpers for the disruption tests: random small case files, and plain verifiers that follow
// the definitions on an adjacency matrix built from the model's links (not from the snapshot's
// adjacency lists), direction ignored.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope::testing {

// prefix + i (written out: GCC 12 warns falsely about "literal" + std::to_string).
inline std::string Id(const char* prefix, uint64_t i) {
  std::string id = prefix;
  id += std::to_string(i);
  return id;
}

inline LinkInput Lnk(std::string from, std::string to, std::string type = "link",
                     bool directed = false) {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = std::move(type);
  l.directed = directed;
  return l;
}

struct RandomCase {
  std::vector<EntityInput> entities;
  std::vector<LinkInput> links;
};

// n entities "v0".., about `edges` links between random pairs (some loops, some parallel, some
// directed), optionally clustered into a few groups so that cut vertices are common.
inline RandomCase MakeRandomCase(uint32_t n, uint32_t edges, uint64_t seed) {
  Rng rng(seed);
  RandomCase c;
  for (uint32_t i = 0; i < n; ++i) c.entities.push_back(Ent(Id("v", i), "person"));
  const uint32_t groups = 1 + static_cast<uint32_t>(rng.Below(3));
  for (uint32_t e = 0; e < edges && n > 0; ++e) {
    uint64_t a = rng.Below(n);
    uint64_t b = rng.Below(n);
    if (rng.Chance(0.7)) {  // mostly inside a group
      b = (b / groups) * groups + a % groups;
      if (b >= n) b = a;
    }
    if (rng.Chance(0.05)) b = a;  // a loop
    LinkInput l = Lnk(Id("v", a), Id("v", b), "link", rng.Chance(0.3));
    c.links.push_back(l);
    if (rng.Chance(0.1)) c.links.push_back(l);  // a parallel link
  }
  return c;
}

inline std::shared_ptr<const Model> Load(const RandomCase& c) {
  Graph g;
  g.Add(c.entities, c.links);
  return g.shared_model();
}

inline Snapshot Snap(const std::shared_ptr<const Model>& m, bool directed) {
  SnapshotOptions o;
  o.directed = directed;
  o.weights = false;
  return Snapshot::Build(m, o);
}

// The adjacency matrix of the snapshot's vertices from the model's links, direction ignored,
// loops dropped.
inline std::vector<std::vector<uint8_t>> Adjacency(const Snapshot& s) {
  const uint32_t n = s.vertex_count();
  std::vector<std::vector<uint8_t>> adj(n, std::vector<uint8_t>(n, 0));
  const Model& m = s.model();
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const VertexId a = s.VertexOf(m.From(l));
    const VertexId b = s.VertexOf(m.To(l));
    if (a == kNoVertex || b == kNoVertex || a == b) continue;
    adj[a][b] = adj[b][a] = 1;
  }
  return adj;
}

constexpr uint32_t kUnreachable = 0xFFFFFFFFu;

// All-pairs distances without the removed vertices (Floyd-Warshall); kUnreachable for pairs
// that cannot reach each other and for removed vertices.
inline std::vector<std::vector<uint32_t>> Distances(const std::vector<std::vector<uint8_t>>& adj,
                                                    const std::vector<uint8_t>& removed) {
  const size_t n = adj.size();
  std::vector<std::vector<uint64_t>> d(n, std::vector<uint64_t>(n, kUnreachable));
  for (size_t i = 0; i < n; ++i) {
    if (removed[i]) continue;
    d[i][i] = 0;
    for (size_t j = 0; j < n; ++j) {
      if (adj[i][j] && !removed[j]) d[i][j] = 1;
    }
  }
  for (size_t k = 0; k < n; ++k) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    }
  }
  std::vector<std::vector<uint32_t>> out(n, std::vector<uint32_t>(n, kUnreachable));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (d[i][j] < kUnreachable) out[i][j] = static_cast<uint32_t>(d[i][j]);
    }
  }
  return out;
}

// Ordered pairs of distinct remaining vertices that reach each other.
inline uint64_t ConnectedPairsByDefinition(const std::vector<std::vector<uint32_t>>& d) {
  uint64_t pairs = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    for (size_t j = 0; j < d.size(); ++j) pairs += i != j && d[i][j] != kUnreachable ? 1 : 0;
  }
  return pairs;
}

// Histogram of the distances of ordered pairs of distinct reachable vertices.
inline std::vector<uint64_t> DistanceHistogram(const std::vector<std::vector<uint32_t>>& d) {
  std::vector<uint64_t> hist(1, 0);
  for (size_t i = 0; i < d.size(); ++i) {
    for (size_t j = 0; j < d.size(); ++j) {
      if (i == j || d[i][j] == kUnreachable) continue;
      if (hist.size() <= d[i][j]) hist.resize(d[i][j] + 1, 0);
      ++hist[d[i][j]];
    }
  }
  return hist;
}

// sum_d hist[d] / d in increasing d (the summation order of the definition used by the code,
// so that ties compare equal).
inline double InverseSum(const std::vector<uint64_t>& hist) {
  double sum = 0;
  for (size_t d = 1; d < hist.size(); ++d) {
    if (hist[d] != 0) sum += static_cast<double>(hist[d]) / static_cast<double>(d);
  }
  return sum;
}

inline uint32_t Remaining(const std::vector<uint8_t>& removed) {
  return static_cast<uint32_t>(std::count(removed.begin(), removed.end(), 0));
}

inline double FByDefinition(const std::vector<std::vector<uint8_t>>& adj,
                            const std::vector<uint8_t>& removed) {
  const uint32_t n = Remaining(removed);
  if (n < 2) return 0;
  const auto pairs = ConnectedPairsByDefinition(Distances(adj, removed));
  return 1.0 - static_cast<double>(pairs) / (static_cast<double>(n) * (n - 1));
}

inline double DfByDefinition(const std::vector<std::vector<uint8_t>>& adj,
                             const std::vector<uint8_t>& removed) {
  const uint32_t n = Remaining(removed);
  if (n < 2) return 0;
  const auto d = Distances(adj, removed);
  double sum = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    for (size_t j = 0; j < d.size(); ++j) {
      if (i != j && d[i][j] != kUnreachable) sum += 1.0 / d[i][j];
    }
  }
  return 1.0 - sum / (static_cast<double>(n) * (n - 1));
}

// Vertices within `depth` steps of some member of `set` (the set included), intact graph.
inline uint32_t ReachByDefinition(const std::vector<std::vector<uint8_t>>& adj,
                                  const std::vector<VertexId>& set, uint32_t depth) {
  const std::vector<uint8_t> none(adj.size(), 0);
  const auto d = Distances(adj, none);
  uint32_t reached = 0;
  for (size_t x = 0; x < adj.size(); ++x) {
    bool hit = false;
    for (const VertexId v : set) hit = hit || d[v][x] <= depth;
    reached += hit ? 1 : 0;
  }
  return reached;
}

// Calls f(subset) for every k-subset of 0..n-1 (ascending).
template <typename F>
void ForEachSubset(uint32_t n, uint32_t k, F&& f) {
  std::vector<VertexId> pick(k);
  for (uint32_t i = 0; i < k; ++i) pick[i] = i;
  if (k > n) return;
  for (;;) {
    f(pick);
    int i = static_cast<int>(k) - 1;
    while (i >= 0 && pick[static_cast<size_t>(i)] == n - k + static_cast<uint32_t>(i)) --i;
    if (i < 0) return;
    ++pick[static_cast<size_t>(i)];
    for (size_t j = static_cast<size_t>(i) + 1; j < k; ++j) pick[j] = pick[j - 1] + 1;
  }
}

inline std::vector<uint8_t> MaskOf(uint32_t n, const std::vector<VertexId>& set) {
  std::vector<uint8_t> m(n, 0);
  for (const VertexId v : set) m[v] = 1;
  return m;
}

inline std::vector<std::string> IdsOf(const Snapshot& s, const std::vector<VertexId>& set) {
  std::vector<std::string> ids;
  for (const VertexId v : set) ids.emplace_back(s.ExternalId(v));
  return ids;
}

}  // namespace linkscope::testing
