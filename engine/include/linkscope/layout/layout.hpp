// Layout: positions for drawing a small piece of a snapshot (a community, a neighbourhood, a
// connecting network) as a node-link picture — the notebook's inline SVG, the HTML report.
//
// Not an analysis: positions carry no meaning beyond "linked entities are drawn near each other",
// so they are tuned for pictures of up to a few hundred vertices, not for whole cases.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/core/types.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct Point {
  double x = 0, y = 0;
};

struct LayoutOptions {
  // Seeds the initial positions (and the rare nudge of two vertices that land on one spot).
  uint64_t seed = 1;
  // Force-directed steps per connected component, with a temperature that cools linearly to
  // zero over them. 0: the seeded initial positions, packed and normalised, without any step.
  uint32_t iterations = 300;
};

// Fruchterman–Reingold force-directed placement (Fruchterman & Reingold 1991, "Graph drawing by
// force-directed placement", Software: Practice and Experience 21(11)) of the subgraph that
// `vertices` induce in `s`: every link between two of them, read undirected, parallel links
// once, self-loops ignored; weights are not used. Each connected component is laid out on its
// own and the components are packed side by side, largest first, on shelves (isolated vertices
// fill rows of a grid after the larger pieces instead of drifting away); the whole picture is then
// scaled uniformly (aspect ratio kept) and centred into [0,1]x[0,1] with a 5% margin. Returns one
// point per entry of `vertices`, in the same order; 0 vertices give an empty result, 1 vertex
// (0.5, 0.5). See docs/algorithms/layout.md.
//
// Determinism: the result depends only on (snapshot, `vertices` in the order given, options) and
// is identical on every run of the same build. The order of `vertices` is part of the input:
// a permutation of the same set gives another (equally valid) drawing, not the permuted one.
//
// Complexity: O(iterations * (n^2 + m)) time for n = vertices.size() and m induced edges (every
// pair of vertices repels each other in every step), plus O(sum of min(degree, n) * log n) over
// the given vertices to read the subgraph; O(n + m) memory. 200 vertices take about 0.1 s at
// the default 300 iterations and the time grows with n^2: callers should cap n (draw a large
// community by its most central members, say) rather than draw thousands.
//
// Throws UsageError naming the entry when a vertex id is >= s.vertex_count() or appears twice.
// Only reads the snapshot, so several threads may lay out pieces of one snapshot at once.
std::vector<Point> ForceLayout(const Snapshot& s, std::span<const VertexId> vertices,
                               const LayoutOptions& options = {});

}  // namespace linkscope
