// Canonical numbering of partitions (internal): labels by decreasing size, ties broken by the
// smallest external id among the members, so that a numbering is a property of the data and
// not of the order the records were loaded in. Shared by components and communities.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope::detail {

// For every label (< count) the vertex with the smallest external id among `candidates` with
// that label (kNoVertex for a label none of them has). O(|candidates|) id comparisons.
std::vector<VertexId> SmallestIds(const Snapshot& s, std::span<const uint32_t> label,
                                  uint32_t count, std::span<const VertexId> candidates);

// Renumbers `label` (dense, < count) canonically given the smallest-id member of every label;
// returns the sizes in the new order.
std::vector<uint64_t> Renumber(const Snapshot& s, std::vector<uint32_t>& label, uint32_t count,
                               std::span<const VertexId> smallest);

// Both steps over all vertices.
std::vector<uint64_t> CanonicalNumbering(const Snapshot& s, std::vector<uint32_t>& label,
                                         uint32_t count);

// Canonical numbering of a nested hierarchy (finest level first; every label of level i + 1
// is a union of labels of level i). The smallest ids of a coarse level come from the fine
// level's, so the cost is O(n) comparisons for the finest level plus O(labels) for the others.
std::vector<std::vector<uint64_t>> CanonicalHierarchy(const Snapshot& s,
                                                      std::vector<std::vector<uint32_t>>& levels,
                                                      std::span<const uint32_t> counts);

}  // namespace linkscope::detail
