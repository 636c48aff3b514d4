// Centrality and structure: who matters in a network, and which single entities or links hold
// it together.
//
// Every measure equals networkx 2.8's under the same options (see docs/algorithms/centrality.md
// for each definition, normalisation and paper). Conventions shared by all of them:
// - Parallel links between the same pair count once (networkx's Graph sees one edge); in
//   weighted mode the pair's distance is the smallest of its links' weights (shortest-path
//   measures) and its strength the sum of theirs (PageRank, eigenvector, degree).
// - Self-loops are ignored (they lie on no shortest path and networkx's Graph drops them from
//   paths; degree ignores them too; see the doc for PageRank).
// - Directed snapshots follow arcs, as networkx's DiGraph does: closeness and harmonic use
//   incoming distances (distance from others to the vertex), like networkx.
// - Results are per dense VertexId (edge results per EdgeId) and are identical for every
//   thread count.
// Invalid options throw UsageError naming the option. Only reads the snapshot, so several
// threads may run these functions on one snapshot at once.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/core/types.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct CentralityOptions {
  // Shortest-path measures (betweenness, closeness, harmonic): a link's weight is its distance
  // (networkx's weight="weight"). PageRank, eigenvector and degree: its strength. Requires a
  // weighted snapshot (else every weight reads 1).
  bool weighted = false;
  // networkx's default normalisation for each measure (see the doc): betweenness and degree
  // divide by the number of pairs / n - 1; closeness applies the wf_improved factor (false:
  // wf_improved=False). Harmonic, PageRank and eigenvector ignore it (networkx has none; PageRank
  // sums to 1, eigenvector has Euclidean norm 1).
  bool normalized = true;
  // Betweenness: count the endpoints of each path (networkx's endpoints=True).
  bool endpoints = false;
  // Betweenness: 0 = exact; k = approximation from k sources drawn without replacement by our
  // seeded generator (networkx's k; the sample itself differs from networkx's random module).
  // k = n is exact. Must be <= vertex count.
  uint32_t pivots = 0;
  // Betweenness: also compute BetweennessScores::edge (networkx's
  // edge_betweenness_centrality). Off by default: it costs 16 bytes per edge per thread
  // and a store per shortest-path edge (about 1.7x the time of vertex scores alone).
  bool edge_scores = false;
  uint64_t seed = 1;
  // 0 = all hardware threads; results are identical for any count.
  uint32_t threads = 0;
  // PageRank damping (networkx's alpha), in [0, 1].
  double damping = 0.85;
  // PageRank: stop when sum_v |x_new(v) - x_old(v)| < n * tolerance, exactly networkx's test
  // with tol = tolerance. Eigenvector: stop when sum_v |x_new(v) - x_old(v)| < n * tolerance
  // after Euclidean normalisation, networkx's eigenvector_centrality test with tol = tolerance.
  // Must be > 0.
  double tolerance = 1e-10;
  // PageRank / eigenvector: power iterations before giving up (throws Error when not
  // converged, as networkx raises PowerIterationFailedConvergence). Must be >= 1.
  uint32_t max_iterations = 1000;
};

enum class DegreeMode : uint8_t { kIn, kOut, kAll };

// Degree of every vertex: distinct neighbours (kIn: predecessors, kOut: successors, kAll: both
// on directed snapshots, counted as networkx's in_degree + out_degree; undirected ignores the
// mode). Weighted: the sum of the links' weights instead. normalized: divided by n - 1
// (networkx's degree_centrality; 1 for n == 1 as networkx). O(n + m), no reductions: identical
// for every thread count.
std::vector<double> DegreeCentrality(const Snapshot& s, DegreeMode mode,
                                     const CentralityOptions& o);

struct BetweennessScores {
  std::vector<double> vertex;  // per VertexId
  // Per EdgeId (parallel edges of one pair share the pair's score); empty unless
  // CentralityOptions::edge_scores.
  std::vector<double> edge;
};

// Brandes (2001, 2008) vertex (and, with edge_scores, edge) betweenness in one search per
// source, parallel over sources; networkx's betweenness_centrality and
// edge_betweenness_centrality conventions. Per-thread accumulators are fixed-point integers,
// so the result is bit-identical for every thread count; sampled results depend only on the
// seed. O(n m) unweighted, O(n m + n^2 log n) weighted; sampled: O(k m). Working memory about
// 44 bytes per vertex per thread (+ 16 per edge with edge scores) besides an O(n + m)
// copy of the simple graph.
BetweennessScores Betweenness(const Snapshot& s, const CentralityOptions& o);

// Betweenness restricted to paths from the given sources (duplicates count once) to every
// vertex: networkx's betweenness_centrality_subset(G, sources, targets=all) with the same
// rescaling as Betweenness but no n / k extrapolation; o.pivots and o.seed are ignored. For
// benchmarks and analysts who ask "who brokers the paths out of these suspects". O(|sources| m)
// unweighted. Throws UsageError for a source >= vertex count.
BetweennessScores BetweennessFromSources(const Snapshot& s, std::span<const VertexId> sources,
                                         const CentralityOptions& o);

// Closeness (Freeman 1979) on incoming distances: (r - 1) / (sum of distances from the r - 1
// vertices that reach v), times (r - 1) / (n - 1) when normalized (networkx's wf_improved=True,
// its default); 0 when nothing reaches v. Parallel over vertices, each computed by one thread:
// identical for every thread count. O(n m) unweighted, O(n (m + n log n)) weighted.
std::vector<double> Closeness(const Snapshot& s, const CentralityOptions& o);

// Harmonic centrality (Marchiori & Latora 2000; Rochat 2009): sum over u != v of 1/d(u, v).
// Unnormalised, like networkx's harmonic_centrality (normalized is ignored); incoming distances
// on directed snapshots. Same complexity and determinism as Closeness.
std::vector<double> Harmonic(const Snapshot& s, const CentralityOptions& o);

// PageRank (Page et al. 1999); dangling vertices spread their rank uniformly (networkx's
// pagerank with personalization = dangling = None). Directed snapshots (and damping above
// 0.999): pull-based power iteration exactly as networkx iterates. Undirected snapshots:
// conjugate gradients on the symmetrised equation, stopped by the same test (the L1 residual
// of the PageRank equation, which is networkx's |x' - x|_1; see the doc). Sums to 1. Throws Error when not converged in max_iterations.
// Sums use fixed vertex blocks: identical for every thread count. O(iterations * (n + m)).
std::vector<double> PageRank(const Snapshot& s, const CentralityOptions& o);

// Eigenvector centrality (Bonacich 1972) by networkx's power iteration on (A + I), Euclidean
// norm 1; directed: in-edges (left eigenvector), like networkx. Throws Error when not
// converged in max_iterations. Identical for every thread count. O(iterations * (n + m)).
std::vector<double> Eigenvector(const Snapshot& s, const CentralityOptions& o);

// Cut vertices of the undirected simple view (direction ignored), sorted; isolated vertices
// are none. O(n + m), iterative DFS, sequential and deterministic.
std::vector<VertexId> ArticulationPoints(const Snapshot& s);

// Bridges of the undirected simple view (direction ignored, a pair joined by several parallel
// edges or by arcs both ways is one connection, as networkx's bridges on Graph): a pair whose
// removal disconnects its ends. Returns every EdgeId joining a bridge pair, sorted. O(n + m).
std::vector<EdgeId> Bridges(const Snapshot& s);

}  // namespace linkscope
