// Plain single-source kernels over a snapshot's CSR: hop distances (BFS) and distances
// (Dijkstra 1959), with no filters: the same answers as PathFinder with default options
// (direction per link record as in path.hpp). Fast paths read the CSR arrays directly: always
// for hops except on an undirected snapshot with kForward / kBackward (each link's direction
// must then be read), and for distances when the snapshot keeps uncollapsed weights.
// Deterministic; several threads may run them on one snapshot at once.
#pragma once

#include <cstdint>
#include <vector>

#include "linkscope/graph/snapshot.hpp"
#include "linkscope/path/path.hpp"

namespace linkscope {

// Hops from `source` to every vertex; kNone32 = unreachable. Direction-optimising BFS
// (Beamer 2012) where every edge goes both ways, else top-down. O(n + m).
std::vector<uint32_t> BfsHops(const Snapshot& s, VertexId source, Direction d = Direction::kAny);

// Distance from `source` to every vertex, a link's weight read as a distance (the link
// records' weights, as PathFinder's kDistance; for an edge of several links the smallest; a
// derived snapshot's edge weights); +inf = unreachable. 4-ary indexed heap, O(m log n).
std::vector<double> DijkstraDistances(const Snapshot& s, VertexId source,
                                      Direction d = Direction::kAny);

}  // namespace linkscope
