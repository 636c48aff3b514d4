// Projection of two-mode data onto one kind of entity: e.g. persons linked when they were
// involved in the same seizure or attended the same summit, weighted by the number of such
// shared events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct ProjectionOptions {
  // Kinds of the entities that become vertices (required).
  std::vector<std::string> onto;
  // Kinds of the shared neighbours that link them (empty: every kind not in `onto`).
  std::vector<std::string> via;
  // Link two entities only when they share at least this many neighbours.
  uint32_t min_shared = 1;
};

// An undirected, derived snapshot over the `onto` entities of `s`: an edge joins two of them
// for each pair that shares `via` neighbours in `s` (direction ignored, parallel links counted
// once), weighted by the number of distinct shared neighbours. O(sum over via vertices of
// degree^2). Deterministic. SharedNeighbours() lists the evidence behind one edge.
Snapshot Project(const Snapshot& s, const ProjectionOptions& options);

// The `via` entities that two `onto` entities share in `s` (sorted by entity id).
std::vector<EntityId> SharedNeighbours(const Snapshot& s, const ProjectionOptions& options,
                                       EntityId a, EntityId b);

}  // namespace linkscope
