// Removal simulation: fragmentation before and after removing a set of vertices, and the
// commodity flows between countries that lose the connected network behind them.
//
// A flow is anchored on an item (firearm, ammunition, commodity), read through the whole
// model as the community profiles do (algo/profile.cpp), so that a persons-only view still
// sees the guns its members traffic and the seizures they are linked to. Per item: the vertices
// attached to it (itself, its traffickers, its seizures and their entities), each with the
// countries it carries for that item (its own; the item's origin for a trafficker; the
// seizure's for a seizure and its entities); the item witnesses (C, A, B) when attached vertices
// carrying A and B are in one component of what is left. See removal.hpp.
#include "linkscope/disrupt/removal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
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

// Index + 1 of an entity's item category in kCategories, 0 when it is no item.
uint8_t CategoryOf(const Model& model, EntityId e) {
  const std::string_view name = ItemCategory(model, e);
  if (name.empty()) return 0;
  for (size_t i = 0; i < kCategories.size(); ++i) {
    if (kCategories[i] == name) return static_cast<uint8_t>(i + 1);
  }
  return 0;  // unreachable while ItemCategory's names are those above
}

// An attached vertex of an item and one country it carries for that item (kNoCountry: none).
struct Attachment {
  EntityId item;
  VertexId vertex;
  CountryCode country;
  friend auto operator<=>(const Attachment&, const Attachment&) = default;
};

// Everything that does not depend on the removal: sorted, unique attachments, and per entity
// its item category (0: no item).
struct Anchors {
  std::vector<uint8_t> category;        // per entity
  std::vector<Attachment> attachments;  // sorted, unique
};

Anchors AnchorsOf(const Snapshot& s, const RemovalOptions& options) {
  const Model& model = s.model();
  const std::vector<uint8_t> trafficking = detail::LinkTypeSet(model, options.trafficking_types);
  const EntityId entities = model.entity_count();
  const LinkId links = model.link_count();
  Anchors a;
  a.category.assign(entities, 0);
  for (EntityId e = 0; e < entities; ++e) a.category[e] = CategoryOf(model, e);
  // Per seizure, what it gives the items seized in it: (vertex, country) of itself (when in
  // the snapshot) and of the snapshot entities linked to it, which carry their own country and
  // the seizure's. And the (item, seizure) pairs.
  std::vector<std::tuple<EntityId, VertexId, CountryCode>> given;  // (seizure, vertex, country)
  std::vector<std::pair<EntityId, EntityId>> seized;               // (item, seizure)
  for (EntityId z = 0; z < entities; ++z) {
    const VertexId v = s.VertexOf(z);
    if (model.Kind(z) == kSeizure && v != kNoVertex) {
      given.emplace_back(z, v, model.CountryCodeOf(z));
    }
  }
  auto attach = [&](EntityId item, EntityId e, CountryCode extra) {
    const VertexId v = s.VertexOf(e);
    if (v == kNoVertex) return;
    a.attachments.push_back({item, v, model.CountryCodeOf(e)});
    if (extra != kNoCountry) a.attachments.push_back({item, v, extra});
  };
  for (EntityId x = 0; x < entities; ++x) {
    if (a.category[x] != 0) attach(x, x, kNoCountry);
  }
  for (LinkId l = 0; l < links; ++l) {
    const EntityId ends[2] = {model.From(l), model.To(l)};
    if (ends[0] == ends[1]) continue;
    for (int side = 0; side < 2; ++side) {
      const EntityId here = ends[side];
      const EntityId other = ends[1 - side];
      if (model.Kind(here) == kSeizure) {
        const VertexId v = s.VertexOf(other);
        if (v != kNoVertex) {
          given.emplace_back(here, v, model.CountryCodeOf(other));
          given.emplace_back(here, v, model.CountryCodeOf(here));
        }
        if (a.category[other] != 0) seized.emplace_back(other, here);
      }
      if (a.category[other] != 0 && trafficking[model.Type(l)]) {
        attach(other, here, model.CountryCodeOf(other));  // a trafficker carries its origin
      }
    }
  }
  std::sort(given.begin(), given.end());
  given.erase(std::unique(given.begin(), given.end()), given.end());
  std::sort(seized.begin(), seized.end());
  seized.erase(std::unique(seized.begin(), seized.end()), seized.end());
  for (const auto& [item, z] : seized) {
    auto it = std::lower_bound(given.begin(), given.end(),
                               std::make_tuple(z, VertexId{0}, CountryCode{0}));
    for (; it != given.end() && std::get<0>(*it) == z; ++it) {
      a.attachments.push_back({item, std::get<1>(*it), std::get<2>(*it)});
    }
  }
  std::sort(a.attachments.begin(), a.attachments.end());
  a.attachments.erase(std::unique(a.attachments.begin(), a.attachments.end()), a.attachments.end());
  return a;
}

// Flows as sortable keys: category index, then a, then b.
uint64_t FlowKey(size_t category, CountryCode a, CountryCode b) {
  return uint64_t{category} << 32 | uint64_t{a} << 16 | b;
}

// The flows present with `removed` gone, and per flow the number of items witnessing it.
void Flows(const Snapshot& s, const Anchors& anchors, std::span<const uint8_t> removed,
           std::vector<CommodityFlow>& flows, std::vector<uint32_t>& witnesses) {
  const detail::RemainingComponents comps = detail::LabelRemaining(s, removed);
  // (item, component, country) of what is left; kNoCountry marks an attachment only.
  std::vector<std::tuple<EntityId, uint32_t, CountryCode>> held;
  for (const Attachment& t : anchors.attachments) {
    if (removed[t.vertex]) continue;
    const VertexId self = s.VertexOf(t.item);
    if (self != kNoVertex && removed[self]) continue;  // a removed item witnesses nothing
    held.emplace_back(t.item, comps.label[t.vertex], t.country);
  }
  std::sort(held.begin(), held.end());
  held.erase(std::unique(held.begin(), held.end()), held.end());
  std::vector<std::pair<uint64_t, EntityId>> keys;  // (flow, witnessing item)
  std::vector<CountryCode> here;
  for (size_t i = 0; i < held.size();) {
    const EntityId item = std::get<0>(held[i]);
    const uint32_t comp = std::get<1>(held[i]);
    here.clear();
    size_t j = i;
    for (; j < held.size() && std::get<0>(held[j]) == item && std::get<1>(held[j]) == comp; ++j) {
      if (std::get<2>(held[j]) != kNoCountry) here.push_back(std::get<2>(held[j]));
    }
    const size_t cat = anchors.category[item] - 1u;
    for (size_t x = 0; x < here.size(); ++x) {
      for (size_t y = x + 1; y < here.size(); ++y) {
        keys.emplace_back(FlowKey(cat, here[x], here[y]), item);
      }
    }
    i = j;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  flows.clear();
  witnesses.clear();
  for (size_t i = 0; i < keys.size();) {
    const uint64_t k = keys[i].first;
    size_t j = i;
    while (j < keys.size() && keys[j].first == k) ++j;
    flows.push_back({kCategories[k >> 32], static_cast<CountryCode>(k >> 16 & 0xFFFF),
                     static_cast<CountryCode>(k & 0xFFFF)});
    witnesses.push_back(static_cast<uint32_t>(j - i));
    i = j;
  }
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
  const Anchors anchors = AnchorsOf(s, options);
  RemovalResult r;
  r.before = MeasureFragmentation(s, none, options.distance_weighted);
  r.after = MeasureFragmentation(s, mask, options.distance_weighted);
  Flows(s, anchors, none, r.flows_before, r.witnesses_before);
  Flows(s, anchors, mask, r.flows_after, r.witnesses_after);
  // flows_after is a subset of flows_before (removal only disconnects and detaches).
  size_t j = 0;
  for (size_t i = 0; i < r.flows_before.size(); ++i) {
    while (j < r.flows_after.size() && FlowLess(r.flows_after[j], r.flows_before[i])) ++j;
    if (j < r.flows_after.size() && r.flows_after[j] == r.flows_before[i]) continue;
    r.cut.push_back(r.flows_before[i]);
    r.cut_witnesses.push_back(r.witnesses_before[i]);
  }
  return r;
}

std::vector<VertexId> VerticesOfIds(const Snapshot& s, std::span<const std::string> ids) {
  std::vector<VertexId> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) out.push_back(s.VertexOfId(id));
  return out;
}

}  // namespace linkscope
