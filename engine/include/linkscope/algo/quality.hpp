// Scoring partitions: the objectives the optimisers maximise, and agreement between two
// partitions (e.g. a result and a ground truth).
//
// A membership is one label per vertex of the snapshot; labels are any uint32 values (they
// need not be dense). Weights are strengths; the snapshot is read as undirected, as in
// community.hpp.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/algo/community.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

// Modularity with resolution γ (community.hpp). 0 for a graph without edges. O(n + m).
// Throws UsageError when the membership does not have one label per vertex.
double Modularity(const Snapshot& s, std::span<const uint32_t> membership, double resolution = 1.0);

// CPM quality H = Σ_c [e_c − γ n_c (n_c − 1) / 2] (community.hpp). O(n + m).
double CpmQuality(const Snapshot& s, std::span<const uint32_t> membership, double resolution);

double Quality(const Snapshot& s, std::span<const uint32_t> membership, Objective objective,
               double resolution);

// Normalised mutual information, 2 I(A; B) / (H(A) + H(B)) (Danon et al. 2005); 1 when both
// partitions have a single block. In [0, 1]. O(n log n). Throws UsageError for lengths that
// differ.
double NormalizedMutualInformation(std::span<const uint32_t> a, std::span<const uint32_t> b);

// Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions, about 0 for random
// ones, may be negative. 1 when both are trivial in the same way. O(n log n).
double AdjustedRandIndex(std::span<const uint32_t> a, std::span<const uint32_t> b);

// The labels whose vertices do not induce a connected subgraph (sorted). O(n + m).
std::vector<uint32_t> DisconnectedCommunities(const Snapshot& s,
                                              std::span<const uint32_t> membership);

}  // namespace linkscope
