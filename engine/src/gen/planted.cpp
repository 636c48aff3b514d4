#include "linkscope/gen/planted.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"

namespace linkscope {

PlantedPartition GeneratePlantedPartition(const PlantedPartitionOptions& o) {
  if (o.vertices < 2) throw UsageError("planted partition: at least 2 vertices");
  if (o.min_community < 2 || o.max_community < o.min_community) {
    throw UsageError("planted partition: community sizes need 2 <= min <= max");
  }
  if (!(o.mean_degree > 0) || !(o.mixing >= 0 && o.mixing < 1)) {
    throw UsageError("planted partition: mean degree > 0 and mixing in [0, 1) required");
  }
  Rng rng(o.seed);
  const uint32_t n = o.vertices;
  PlantedPartition g;
  g.vertices = n;
  g.community.resize(n);

  // Members: a random permutation cut into blocks of random size; a last block smaller than
  // the minimum joins the one before it.
  std::vector<uint32_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  rng.Shuffle(std::span<uint32_t>(perm));
  std::vector<uint32_t> start{0};
  while (start.back() < n) {
    const auto size = static_cast<uint32_t>(rng.Between(o.min_community, o.max_community));
    start.push_back(static_cast<uint32_t>(std::min<uint64_t>(uint64_t{start.back()} + size, n)));
  }
  if (start.size() > 2 && start[start.size() - 1] - start[start.size() - 2] < o.min_community) {
    start.erase(start.end() - 2);
  }
  g.communities = static_cast<uint32_t>(start.size() - 1);
  for (uint32_t c = 0; c < g.communities; ++c) {
    for (uint32_t i = start[c]; i < start[c + 1]; ++i) g.community[perm[i]] = c;
  }

  // Inside each community: distinct pairs drawn by rejection against a bitmap of its pairs.
  std::vector<uint64_t> seen;
  for (uint32_t c = 0; c < g.communities; ++c) {
    const uint64_t s = start[c + 1] - start[c];
    const uint64_t pairs = s * (s - 1) / 2;
    const auto want = std::min<uint64_t>(
        pairs, static_cast<uint64_t>(
                   std::llround(static_cast<double>(s) * o.mean_degree * (1 - o.mixing) / 2)));
    seen.assign((s * s + 63) / 64, 0);
    for (uint64_t got = 0; got < want;) {
      const uint64_t a = rng.Below(s);
      const uint64_t b = rng.Below(s);
      if (a == b) continue;
      const uint64_t bit = std::min(a, b) * s + std::max(a, b);
      if (seen[bit / 64] >> (bit % 64) & 1) continue;
      seen[bit / 64] |= uint64_t{1} << (bit % 64);
      const uint32_t u = perm[start[c] + a];
      const uint32_t v = perm[start[c] + b];
      g.edges.emplace_back(std::min(u, v), std::max(u, v));
      ++got;
    }
  }
  // Between communities: pairs of vertices in different communities; duplicates are dropped
  // after sorting and replaced until the count is reached.
  const auto inter =
      static_cast<uint64_t>(std::llround(static_cast<double>(n) * o.mean_degree * o.mixing / 2));
  // Distinct pairs are drawn by rejection, which needs plenty of pairs to choose from.
  uint64_t inside = 0;
  for (uint32_t c = 0; c < g.communities; ++c) {
    const uint64_t sz = start[c + 1] - start[c];
    inside += sz * (sz - 1) / 2;
  }
  const uint64_t between = uint64_t{n} * (n - 1) / 2 - inside;
  if (inter > between / 2) {
    throw UsageError(fmt::format(
        "planted partition: {} edges between communities asked for, but only {} pairs of "
        "vertices lie in different communities (lower the mean degree or the mixing, or add "
        "vertices)",
        inter, between));
  }
  const size_t intra_end = g.edges.size();
  if (g.communities > 1) {
    uint64_t missing = inter;
    while (missing > 0) {
      for (uint64_t k = 0; k < missing;) {
        const auto u = static_cast<uint32_t>(rng.Below(n));
        const auto v = static_cast<uint32_t>(rng.Below(n));
        if (g.community[u] == g.community[v]) continue;
        g.edges.emplace_back(std::min(u, v), std::max(u, v));
        ++k;
      }
      std::sort(g.edges.begin() + static_cast<ptrdiff_t>(intra_end), g.edges.end());
      const auto last =
          std::unique(g.edges.begin() + static_cast<ptrdiff_t>(intra_end), g.edges.end());
      g.edges.erase(last, g.edges.end());
      missing = inter - (g.edges.size() - intra_end);
    }
  }
  std::sort(g.edges.begin(), g.edges.end());
  return g;
}

std::shared_ptr<const Model> PlantedPartitionModel(const PlantedPartition& g) {
  // Through the loader: an entities table (so isolated vertices exist, in id order), then the
  // edge list.
  std::string entities = "id\n";
  for (uint32_t v = 0; v < g.vertices; ++v) fmt::format_to(std::back_inserter(entities), "{}\n", v);
  std::string edges;
  edges.reserve(g.edges.size() * 16);
  for (const auto& [u, v] : g.edges) fmt::format_to(std::back_inserter(edges), "{}\t{}\n", u, v);
  Graph graph;
  LoadOptions lo;
  lo.format = InputFormat::kEntitiesTable;
  graph.LoadText("planted-entities.csv", entities, lo);
  lo.format = InputFormat::kEdgeList;
  graph.LoadText("planted-edges.tsv", edges, lo);
  return graph.shared_model();
}

}  // namespace linkscope
