// Removal simulation and robustness curves: what happens to a network when given entities are
// arrested (removed) — how it falls apart, and which commodity flows between which countries
// no longer have a connected network behind them (per item: its traffickers and seizures in
// the two countries no longer reach each other). See docs/algorithms/key-players.md.
//
// Connectivity ignores direction (weakly connected components on a directed snapshot), as in
// disrupt/keyplayers.hpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/model/country.hpp"

namespace linkscope {

// A commodity of one category moving between two different countries, with a network behind
// it (see SimulateRemoval for when it is present). `category` is the item category of
// profile.hpp's ItemCategory: "firearms" (firearms and ammunition), "gold", "drugs", "wildlife",
// "cash", "fuel", "other" (static strings). a < b: a country with itself is no flow between
// countries.
struct CommodityFlow {
  std::string_view category;
  CountryCode a = kNoCountry;
  CountryCode b = kNoCountry;
  friend bool operator==(const CommodityFlow&, const CommodityFlow&) = default;
};

struct RemovalOptions {
  // Link types through which an entity traffics an item it is directly linked to (as in
  // ProfileOptions). Items linked to a seizure always count for the seizure's entities.
  std::vector<std::string> trafficking_types = {
      "possessed",     "purchased", "sold",      "supplied",    "transported",    "owns",
      "registered_to", "traced_to", "seized_in", "involved_in", "manufactured_in"};
  // Also compute the distance-weighted fragmentation before and after (n BFS each).
  bool distance_weighted = false;
};

struct RemovalResult {
  Fragmentation before, after;
  // Sorted by category name, then a, then b; no duplicates.
  std::vector<CommodityFlow> flows_before;
  std::vector<CommodityFlow> flows_after;
  std::vector<CommodityFlow> cut;  // in flows_before, not in flows_after
  // Per flow of flows_before, flows_after and cut (same order): the number of items that
  // witness it (before, after, and before for the cut ones). At least 1.
  std::vector<uint32_t> witnesses_before;
  std::vector<uint32_t> witnesses_after;
  std::vector<uint32_t> cut_witnesses;
};

// Removes `removed` (vertices of `s`; repeats count once) and compares before and after.
//
// A flow is anchored on an item (firearm, ammunition, commodity: an entity with an
// ItemCategory), read through the whole case file (the snapshot's model), so that a
// persons-only view still sees the guns and seizures. Per item x:
// - the seizures x was seized in: the seizures linked to x (any link type);
// - the vertices attached to x, each carrying countries for x:
//   * x itself, when in the snapshot: its own country (and its seizures', below);
//   * every entity linked to x through a trafficking link type: its own country and x's own
//     country (where the item comes from: the start of its route);
//   * every seized-in seizure z, when in the snapshot, and every entity linked to z (any link
//     type): its own country and z's country.
//   Only snapshot vertices attach; a seizure outside the snapshot still gives its country
//   through its entities.
// x witnesses (C, A, B), C its category, A < B, when some component of what is left (removed
// vertices excluded) holds attached vertices of x that carry A and B between them (one vertex
// carrying both suffices). A removed x (x in the snapshot and removed) witnesses nothing; a
// removed seizure still attaches its linked entities. A flow is present when at least one
// item witnesses it; removal cuts it when present before and not after. Removal only
// disconnects and detaches, so flows_after is a subset of flows_before.
//
// O(n + m + L log L + W log W + P): L model links, W (item, vertex, country) attachments (at
// most the trafficking links plus, per item-seizure pair, twice the seizure's links plus one), P
// the country pairs per (item, component). Deterministic. Throws UsageError for a vertex id not
// below the vertex count, NotFoundError for an unknown trafficking link type that is not in
// the recommended vocabulary.
RemovalResult SimulateRemoval(const Snapshot& s, std::span<const VertexId> removed,
                              const RemovalOptions& options = {});

// The vertices of external ids, in order. Throws NotFoundError naming the first id that is not
// in the model or not in this snapshot.
std::vector<VertexId> VerticesOfIds(const Snapshot& s, std::span<const std::string> ids);

struct RobustnessPoint {
  uint32_t removed = 0;      // vertices removed: the first `removed` of the order
  double largest_share = 0;  // largest component / vertices of the intact graph
  uint32_t components = 0;   // components of the vertices left
  uint32_t largest_component = 0;
};

// The largest component's share as the vertices of `order` are removed one after another
// (a ranking: highest first). `order` may be any list of distinct vertices (vertices not in it
// are never removed). steps == 0: a point after every prefix, removed = 0 .. |order|;
// otherwise the prefixes round(i |order| / steps), i = 0 .. steps, without repeats (at most
// steps + 1 points, always including 0 and |order|). O((n + m) alpha(n)) in all: the vertices
// are added back in reverse order into a union-find. Deterministic. Throws UsageError for a
// vertex not below the vertex count or a repeated one (naming its external id).
std::vector<RobustnessPoint> RobustnessCurve(const Snapshot& s, std::span<const VertexId> order,
                                             uint32_t steps = 0);

// A ranking from per-vertex scores (one per vertex): highest score first, ties by external id.
// O(n log n). Throws UsageError when the size is not the vertex count or a score is NaN.
std::vector<VertexId> OrderByScore(const Snapshot& s, std::span<const double> scores);

// A degree ranking: most distinct neighbours first (either direction; loops not counted), ties
// by external id. O(n log n + m).
std::vector<VertexId> DegreeOrder(const Snapshot& s);

}  // namespace linkscope
