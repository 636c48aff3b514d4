// Community detection: the result type shared by Leiden, Louvain and label propagation.
//
// Weights are strengths: a heavier edge pulls its ends closer together (more calls, more
// shared seizures). Path queries read weights as distances instead; the two never mix.
//
// Every algorithm treats the snapshot as undirected: an arc u -> v counts as an undirected
// edge {u, v} of its weight, parallel edges add up, and a self-loop adds twice its weight to
// its vertex's degree (the convention of igraph and networkx). An unweighted snapshot has
// weight 1 on every edge.
//
// Determinism: with the same snapshot contents and seed the result is identical for any
// thread count and any order of the input records. Vertices are visited in an order given by a
// hash of their external id mixed with the seed, and ties are broken by that order, never by
// the dense ids a load happened to give. (With weights whose sums are not exact in floating
// point, an exact tie may in principle resolve differently under reordering; integer weights,
// the usual case, are exact.)
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace linkscope {

// What the optimiser maximises.
//  - kModularity (Newman & Girvan 2004, with resolution γ; Reichardt & Bornholdt 2006):
//      Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(c_i, c_j).
//  - kCpm, the constant Potts model (Traag, Van Dooren & Nesterov 2011):
//      H = Σ_c [e_c − γ n_c (n_c − 1) / 2],
//    e_c the weight of the edges inside c and n_c its number of vertices: every community
//    must be denser than γ. No resolution limit, so it finds small cells in large graphs.
enum class Objective : uint8_t { kModularity, kCpm };

std::string_view ObjectiveName(Objective o);  // "modularity", "cpm"

// One level of a Leiden or Louvain hierarchy, projected back onto the snapshot's vertices.
struct CommunityLevel {
  std::vector<uint32_t> membership;  // per vertex of the snapshot
  uint32_t count = 0;
  double quality = 0;  // of the objective
};

struct Communities {
  // Community of every vertex. Communities are numbered by decreasing size, ties broken by the
  // smallest external id among their members (so the numbering is a property of the data).
  std::vector<uint32_t> membership;
  std::vector<uint64_t> sizes;  // per community, non-increasing
  Objective objective = Objective::kModularity;
  double resolution = 1.0;
  double quality = 0;     // value of the objective for `membership`
  double modularity = 0;  // modularity (γ = 1) of `membership`, whatever the objective
  // Hierarchy, finest level first; the last level is `membership`. Label propagation has one.
  std::vector<CommunityLevel> levels;
  // Leiden: iterations run; Louvain: levels; label propagation: vertex visits / n, rounded up.
  uint32_t iterations = 0;

  uint32_t count() const { return static_cast<uint32_t>(sizes.size()); }
};

}  // namespace linkscope
