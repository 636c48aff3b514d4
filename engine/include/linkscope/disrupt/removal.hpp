// Removal simulation and robustness curves: what happens to a network when given entities are
// arrested (removed) — how it falls apart, and which commodity flows between which countries
// no longer have a connected network behind them. See docs/algorithms/key-players.md.
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

// A commodity of one category that one connected component links with entities in two
// different countries. `category` is the item category of profile.hpp's ItemCategory:
// "firearms" (firearms and ammunition), "gold", "drugs", "wildlife", "cash", "fuel", "other"
// (static strings). a < b: a country with itself is no flow between countries.
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
};

// Removes `removed` (vertices of `s`; repeats count once) and compares before and after.
//
// What a vertex carries, reaching through the whole case file (the snapshot's model) as the
// community profiles do, so that a persons-only view still sees the guns and seizures:
// - countries: its entity's country, and the countries of the seizures it is or is linked to;
// - items: its entity when it is an item (firearm, ammunition, commodity), the items linked to
//   it through a trafficking link type, and the items linked to a seizure it is or is linked to.
// A component carries the union over its vertices. A flow (C, A, B) is present when some
// component carries an item of category C and countries A and B. Removal cuts it when no
// component of what is left carries all three. Removed vertices carry nothing after.
//
// O(n + m + L log L + F) for the model's L links and F flows (plus the DF cost when asked).
// Deterministic. Throws UsageError for a vertex id not below the vertex count, NotFoundError
// for an unknown trafficking link type that is not in the recommended vocabulary.
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
