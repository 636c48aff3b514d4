// Removal simulation: fragmentation before and after removing a set of vertices, and the
// commodity flows between countries that lose the connected network behind them.
//
// What each vertex carries (item categories, countries) is read through the whole model, as
// the community profiles do (algo/profile.cpp): a persons-only view still sees the guns its
// members traffic and the seizures they are linked to. A component carries the union over its
// vertices; the flows are the (category, country, country) triples some component carries.
#include "linkscope/disrupt/removal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "disrupt/walk.hpp"
#include "graph/kind_filter.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {
namespace {

constexpr KindId kSeizure = ToKindId(EntityKind::kSeizure);

// Item categories in name order (the order flows are sorted in).
constexpr std::array<std::string_view, 7> kCategories = {"cash", "drugs", "firearms", "fuel",
                                                         "gold", "other", "wildlife"};

// Bit of an entity's item category, 0 when it is no item.
uint8_t CategoryBit(const Model& model, EntityId e) {
  const std::string_view name = ItemCategory(model, e);
  if (name.empty()) return 0;
  for (size_t i = 0; i < kCategories.size(); ++i) {
    if (kCategories[i] == name) return static_cast<uint8_t>(1u << i);
  }
  return 0;  // unreachable while ItemCategory's names are those above
}

// What every vertex carries.
struct Carried {
  std::vector<uint8_t> categories;                       // per vertex, a bit per category
  std::vector<std::pair<VertexId, CountryCode>> places;  // (vertex, country), sorted, unique
};

Carried CarriedBy(const Snapshot& s, const RemovalOptions& options) {
  const Model& model = s.model();
  const std::vector<uint8_t> trafficking = detail::LinkTypeSet(model, options.trafficking_types);
  const uint32_t n = s.vertex_count();
  const EntityId entities = model.entity_count();
  const LinkId links = model.link_count();
  std::vector<uint8_t> bit(entities, 0);
  for (EntityId e = 0; e < entities; ++e) bit[e] = CategoryBit(model, e);
  // The items linked to each seizure.
  std::vector<uint8_t> seized(entities, 0);
  for (LinkId l = 0; l < links; ++l) {
    const EntityId a = model.From(l);
    const EntityId b = model.To(l);
    if (a == b) continue;
    if (model.Kind(a) == kSeizure) seized[a] |= bit[b];
    if (model.Kind(b) == kSeizure) seized[b] |= bit[a];
  }
  Carried c;
  c.categories.assign(n, 0);
  auto add_seizure = [&](VertexId v, EntityId z) {
    c.categories[v] |= seized[z];
    const CountryCode country = model.CountryCodeOf(z);
    if (country != kNoCountry) c.places.emplace_back(v, country);
  };
  for (VertexId v = 0; v < n; ++v) {
    const EntityId e = s.Entity(v);
    c.categories[v] |= bit[e];
    const CountryCode country = model.CountryCodeOf(e);
    if (country != kNoCountry) c.places.emplace_back(v, country);
    if (model.Kind(e) == kSeizure) add_seizure(v, e);
  }
  for (LinkId l = 0; l < links; ++l) {
    const EntityId ends[2] = {model.From(l), model.To(l)};
    if (ends[0] == ends[1]) continue;
    for (int side = 0; side < 2; ++side) {
      const EntityId here = ends[side];
      const EntityId other = ends[1 - side];
      const VertexId v = s.VertexOf(here);
      if (v == kNoVertex) continue;
      if (model.Kind(other) == kSeizure) add_seizure(v, other);
      if (bit[other] != 0 && trafficking[model.Type(l)]) c.categories[v] |= bit[other];
    }
  }
  std::sort(c.places.begin(), c.places.end());
  c.places.erase(std::unique(c.places.begin(), c.places.end()), c.places.end());
  return c;
}

// Flows as sortable keys: category index, then a, then b.
uint64_t FlowKey(size_t category, CountryCode a, CountryCode b) {
  return uint64_t{category} << 32 | uint64_t{a} << 16 | b;
}

std::vector<CommodityFlow> Flows(const Snapshot& s, const Carried& carried,
                                 std::span<const uint8_t> removed) {
  const detail::RemainingComponents comps = detail::LabelRemaining(s, removed);
  const uint32_t count = comps.count();
  std::vector<uint8_t> mask(count, 0);
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    if (!removed[v]) mask[comps.label[v]] |= carried.categories[v];
  }
  std::vector<std::pair<uint32_t, CountryCode>> places;  // (component, country)
  for (const auto& [v, country] : carried.places) {
    if (!removed[v] && mask[comps.label[v]] != 0) places.emplace_back(comps.label[v], country);
  }
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  std::vector<uint64_t> keys;
  for (size_t i = 0; i < places.size();) {
    size_t j = i;
    while (j < places.size() && places[j].first == places[i].first) ++j;
    const uint8_t m = mask[places[i].first];
    for (size_t cat = 0; cat < kCategories.size(); ++cat) {
      if ((m >> cat & 1u) == 0) continue;
      for (size_t x = i; x < j; ++x) {
        for (size_t y = x + 1; y < j; ++y) {
          keys.push_back(FlowKey(cat, places[x].second, places[y].second));
        }
      }
    }
    i = j;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<CommodityFlow> out;
  out.reserve(keys.size());
  for (const uint64_t k : keys) {
    out.push_back({kCategories[k >> 32], static_cast<CountryCode>(k >> 16 & 0xFFFF),
                   static_cast<CountryCode>(k & 0xFFFF)});
  }
  return out;
}

bool FlowLess(const CommodityFlow& x, const CommodityFlow& y) {
  if (x.category != y.category) return x.category < y.category;
  if (x.a != y.a) return x.a < y.a;
  return x.b < y.b;
}

}  // namespace

RemovalResult SimulateRemoval(const Snapshot& s, std::span<const VertexId> removed,
                              const RemovalOptions& options) {
  const uint32_t n = s.vertex_count();
  std::vector<uint8_t> none(n, 0);
  std::vector<uint8_t> mask(n, 0);
  for (const VertexId v : removed) {
    if (v >= n) {
      throw UsageError(fmt::format("removal: vertex {} is not below the vertex count ({})", v, n));
    }
    mask[v] = 1;
  }
  const Carried carried = CarriedBy(s, options);
  RemovalResult r;
  r.before = MeasureFragmentation(s, none, options.distance_weighted);
  r.after = MeasureFragmentation(s, mask, options.distance_weighted);
  r.flows_before = Flows(s, carried, none);
  r.flows_after = Flows(s, carried, mask);
  std::set_difference(r.flows_before.begin(), r.flows_before.end(), r.flows_after.begin(),
                      r.flows_after.end(), std::back_inserter(r.cut), FlowLess);
  return r;
}

std::vector<VertexId> VerticesOfIds(const Snapshot& s, std::span<const std::string> ids) {
  std::vector<VertexId> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) out.push_back(s.VertexOfId(id));
  return out;
}

}  // namespace linkscope
