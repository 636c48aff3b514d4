#include "linkscope/algo/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "graph/kind_filter.hpp"
#include "linkscope/core/error.hpp"
#include "model/model_data.hpp"

namespace linkscope {
namespace {

constexpr KindId kSeizure = ToKindId(EntityKind::kSeizure);

std::vector<std::pair<std::string, uint64_t>> MostFirst(const std::map<std::string, uint64_t>& m) {
  std::vector<std::pair<std::string, uint64_t>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// (community, entity) pairs, sorted and without duplicates.
using Pairs = std::vector<std::pair<uint32_t, EntityId>>;
void SortUnique(Pairs& p) {
  std::sort(p.begin(), p.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
}

}  // namespace

std::string_view ItemCategory(const Model& model, EntityId e) {
  const KindId k = model.Kind(e);
  if (k == ToKindId(EntityKind::kFirearm) || k == ToKindId(EntityKind::kAmmunition)) {
    return "firearms";
  }
  if (k != ToKindId(EntityKind::kCommodity)) return "";
  const CommodityCategory c = model.Category(e);
  return c == CommodityCategory::kNone ? "other" : CommodityCategoryName(c);
}

std::vector<CommunityProfile> ProfileCommunities(const Snapshot& s,
                                                 std::span<const uint32_t> membership,
                                                 const ProfileOptions& options) {
  const uint32_t n = s.vertex_count();
  if (membership.size() != n) {
    throw UsageError(
        fmt::format("a membership needs one label per vertex ({}), got {}", n, membership.size()));
  }
  const Model& model = s.model();
  const detail::ModelData& d = model.data();
  const std::vector<uint8_t> trafficking = detail::LinkTypeSet(model, options.trafficking_types);
  uint32_t k = 0;
  for (const uint32_t c : membership) {
    if (c >= n) {
      throw UsageError(fmt::format(
          "community labels must be below the vertex count ({}), got {} (use dense labels such "
          "as Communities::membership)",
          n, c));
    }
    k = std::max(k, c + 1);
  }
  std::vector<CommunityProfile> out(k);
  for (uint32_t c = 0; c < k; ++c) out[c].id = c;

  // Members, sorted by external id.
  for (VertexId v = 0; v < n; ++v) out[membership[v]].members.push_back(v);
  for (CommunityProfile& p : out) {
    p.size = p.members.size();
    std::sort(p.members.begin(), p.members.end(),
              [&](VertexId a, VertexId b) { return s.ExternalId(a) < s.ExternalId(b); });
  }

  // Structure: links, weights, density, strength inside, bridges.
  std::vector<uint64_t> pairs_inside(k, 0);
  std::vector<CommunityProfile::Member> inside(n);
  std::vector<CommunityProfile::Bridge> outside(n);
  for (VertexId v = 0; v < n; ++v) {
    const uint32_t c = membership[v];
    inside[v].vertex = v;
    outside[v].vertex = v;
    // A directed snapshot lists each arc once (out-lists); an undirected one each edge at
    // both ends, so entries inside are halved below.
    auto visit = [&](std::span<const VertexId> nbrs, std::span<const double> w, bool out_list) {
      for (size_t i = 0; i < nbrs.size(); ++i) {
        const VertexId u = nbrs[i];
        const double wt = w.empty() ? 1.0 : w[i];
        const uint32_t cu = membership[u];
        if (cu == c) {
          if (out_list) {
            out[c].internal_links += 1;
            out[c].internal_weight += wt;
          }
          if (u != v) inside[v].strength += wt;
        } else {
          if (out_list) {
            out[c].external_links += 1;
            out[c].external_weight += wt;
            if (s.directed()) {
              out[cu].external_links += 1;
              out[cu].external_weight += wt;
            }
          }
          outside[v].external_weight += wt;
          outside[v].reaches.push_back(cu);
        }
      }
    };
    visit(s.Out(v), s.OutWeights(v), true);
    if (s.directed()) visit(s.In(v), s.InWeights(v), false);
    auto& r = outside[v].reaches;
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
  }
  // Distinct neighbours inside, and distinct linked pairs: a pair counts once whatever the
  // links between it.
  std::vector<VertexId> nb;
  for (VertexId v = 0; v < n; ++v) {
    nb.clear();
    for (const VertexId u : s.Out(v)) {
      if (u != v && membership[u] == membership[v]) nb.push_back(u);
    }
    if (s.directed()) {
      for (const VertexId u : s.In(v)) {
        if (u != v && membership[u] == membership[v]) nb.push_back(u);
      }
      std::sort(nb.begin(), nb.end());
    }
    nb.erase(std::unique(nb.begin(), nb.end()), nb.end());
    inside[v].neighbours = nb.size();
    pairs_inside[membership[v]] +=
        static_cast<uint64_t>(nb.end() - std::upper_bound(nb.begin(), nb.end(), v));
  }
  for (uint32_t c = 0; c < k; ++c) {
    CommunityProfile& p = out[c];
    if (!s.directed()) {
      // Undirected: every internal edge was met at both ends (a loop twice at its vertex).
      p.internal_links /= 2;
      p.internal_weight /= 2;
    }
    if (p.size > 1) {
      p.density = static_cast<double>(pairs_inside[c]) /
                  (static_cast<double>(p.size) * static_cast<double>(p.size - 1) / 2);
    }
  }
  for (CommunityProfile& p : out) {
    std::vector<CommunityProfile::Member> m;
    std::vector<CommunityProfile::Bridge> b;
    for (const VertexId v : p.members) {
      m.push_back(inside[v]);
      if (!outside[v].reaches.empty()) b.push_back(std::move(outside[v]));
    }
    // Members are in external-id order, so stable sorts break ties by external id.
    std::stable_sort(m.begin(), m.end(),
                     [](const auto& x, const auto& y) { return x.strength > y.strength; });
    if (m.size() > options.top_members) m.resize(options.top_members);
    p.top_members = std::move(m);
    p.bridge_count = b.size();
    std::stable_sort(b.begin(), b.end(), [](const auto& x, const auto& y) {
      if (x.reaches.size() != y.reaches.size()) return x.reaches.size() > y.reaches.size();
      return x.external_weight > y.external_weight;
    });
    if (b.size() > options.bridges) b.resize(options.bridges);
    p.bridges = std::move(b);
  }

  // Kinds inside.
  for (CommunityProfile& p : out) {
    std::map<std::string, uint64_t> kinds;
    for (const VertexId v : p.members) ++kinds[std::string(model.KindName(s.Entity(v)))];
    p.kinds = MostFirst(kinds);
  }

  // Through the model's links: the community's seizures, then the items they and the members
  // reach.
  const EntityId entities = model.entity_count();
  std::vector<uint32_t> comm_of(entities, kNone32);
  for (VertexId v = 0; v < n; ++v) comm_of[s.Entity(v)] = membership[v];
  Pairs seizures;  // (community, seizure)
  for (EntityId e = 0; e < entities; ++e) {
    if (comm_of[e] != kNone32 && d.entities[e].kind == kSeizure)
      seizures.emplace_back(comm_of[e], e);
  }
  const LinkId links = model.link_count();
  for (LinkId l = 0; l < links; ++l) {
    const EntityId a = d.from[l];
    const EntityId b = d.to[l];
    if (d.entities[a].kind == kSeizure && comm_of[b] != kNone32)
      seizures.emplace_back(comm_of[b], a);
    if (d.entities[b].kind == kSeizure && comm_of[a] != kNone32)
      seizures.emplace_back(comm_of[a], b);
  }
  SortUnique(seizures);
  // Seizure -> its communities.
  std::vector<std::pair<EntityId, uint32_t>> by_seizure;
  by_seizure.reserve(seizures.size());
  for (const auto& [c, e] : seizures) by_seizure.emplace_back(e, c);
  std::sort(by_seizure.begin(), by_seizure.end());
  auto seizure_communities = [&](EntityId e) {
    auto lo = std::lower_bound(by_seizure.begin(), by_seizure.end(), std::make_pair(e, 0u));
    auto hi = lo;
    while (hi != by_seizure.end() && hi->first == e) ++hi;
    return std::make_pair(lo, hi);
  };

  std::vector<uint8_t> is_item(entities, 0);
  for (EntityId e = 0; e < entities; ++e) is_item[e] = !ItemCategory(model, e).empty();
  Pairs items;  // (community, item)
  for (EntityId e = 0; e < entities; ++e) {
    if (is_item[e] && comm_of[e] != kNone32) items.emplace_back(comm_of[e], e);
  }
  for (LinkId l = 0; l < links; ++l) {
    const EntityId ends[2] = {d.from[l], d.to[l]};
    for (int side = 0; side < 2; ++side) {
      const EntityId item = ends[side];
      const EntityId other = ends[1 - side];
      if (!is_item[item] || item == other) continue;
      if (d.entities[other].kind == kSeizure) {
        const auto [lo, hi] = seizure_communities(other);
        for (auto it = lo; it != hi; ++it) items.emplace_back(it->second, item);
      }
      if (comm_of[other] != kNone32 && trafficking[d.type[l]]) {
        items.emplace_back(comm_of[other], item);
      }
    }
  }
  SortUnique(items);

  for (uint32_t c = 0; c < k; ++c) {
    CommunityProfile& p = out[c];
    std::map<std::string, uint64_t> mix;
    auto lo = std::lower_bound(items.begin(), items.end(), std::make_pair(c, EntityId{0}));
    for (auto it = lo; it != items.end() && it->first == c; ++it) {
      ++mix[std::string(ItemCategory(model, it->second))];
    }
    p.commodities = MostFirst(mix);
    p.categories = static_cast<uint32_t>(p.commodities.size());
    uint64_t total = 0;
    for (const auto& [name, count] : p.commodities) total += count;
    for (const auto& [name, count] : p.commodities) {
      const double share = static_cast<double>(count) / static_cast<double>(total);
      p.entropy -= share * std::log2(share);
    }
    if (p.entropy < 0) p.entropy = 0;  // -0.0 for a single category

    std::map<std::string, uint64_t> countries;
    for (const VertexId v : p.members) {
      const std::string country = model.Country(s.Entity(v));
      if (!country.empty()) ++countries[country];
    }
    auto slo = std::lower_bound(seizures.begin(), seizures.end(), std::make_pair(c, EntityId{0}));
    for (auto it = slo; it != seizures.end() && it->first == c; ++it) {
      ++p.seizures;
      // A member seizure was counted with the members already.
      if (comm_of[it->second] == c) continue;
      const std::string country = model.Country(it->second);
      if (!country.empty()) ++countries[country];
    }
    p.countries = MostFirst(countries);
  }
  return out;
}

}  // namespace linkscope
