// Planted-partition graphs: the standard synthetic benchmark for community detection, with a
// known answer. Communities of random sizes; every vertex has about `mean_degree` edges, of
// which a fraction `mixing` leads out of its community. Used by the community benchmarks
// (1 M vertices, ~7.7 M edges) and by the tests (small graphs with a ground truth).
//
// Deterministic: the same options give the same graph on every platform.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "linkscope/model/model.hpp"

namespace linkscope {

struct PlantedPartitionOptions {
  uint32_t vertices = 1000000;  // >= 2
  uint32_t min_community = 20;  // >= 2
  uint32_t max_community = 200;
  double mean_degree = 15.4;  // > 0
  double mixing = 0.3;        // in [0, 1): share of each vertex's edges that leave its community
  uint64_t seed = 1;
};

struct PlantedPartition {
  uint32_t vertices = 0;
  // Simple undirected graph: u < v, sorted, no duplicates, no loops.
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<uint32_t> community;  // planted community of every vertex
  uint32_t communities = 0;
};

// Vertex ids are a random permutation of the communities' members (no community is a range of
// ids). Inside a community of s vertices, round(s * mean_degree * (1 - mixing) / 2) distinct
// pairs are drawn (capped at all pairs); between communities, round(n * mean_degree * mixing /
// 2) distinct pairs of vertices in different communities. O(m log m). Throws UsageError for bad
// options, and when the edges between communities would be more than half the pairs of
// vertices in different communities (they are drawn by rejection).
PlantedPartition GeneratePlantedPartition(const PlantedPartitionOptions& options);

// The graph as a Model: entity i has external id "i" (kind "unknown"), edges are undirected
// links of type "link" and weight 1, in edge order. O(n + m).
std::shared_ptr<const Model> PlantedPartitionModel(const PlantedPartition& graph);

}  // namespace linkscope
