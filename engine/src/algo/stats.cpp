#include "linkscope/algo/stats.hpp"

#include <algorithm>
#include <map>

#include "linkscope/algo/components.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "model/model_data.hpp"

namespace linkscope {
namespace {

std::vector<std::pair<std::string, uint64_t>> Ranked(std::map<std::string, uint64_t> counts) {
  std::vector<std::pair<std::string, uint64_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

GraphStats ComputeStats(std::shared_ptr<const Model> model, const StatsOptions& options) {
  const Model& m = *model;
  const detail::ModelData& d = m.data();
  GraphStats st;
  st.entities = m.entity_count();
  st.links = m.link_count();

  std::map<std::string, uint64_t> kinds;
  for (EntityId e = 0; e < st.entities; ++e) {
    ++kinds[std::string(m.KindName(e))];
    if (m.Implicit(e)) ++st.implicit_entities;
    if (m.Kind(e) == ToKindId(EntityKind::kFirearm)) ++st.firearms;
  }
  st.by_kind = Ranked(std::move(kinds));

  // Firearm records, and those that resolved onto a record with another id.
  {
    std::vector<uint32_t> first_id(st.entities, kNone32);
    for (const detail::RecordRow& r : d.records) {
      if (d.entities[r.entity].kind != ToKindId(EntityKind::kFirearm)) continue;
      ++st.firearm_records;
      if (first_id[r.entity] == kNone32) {
        first_id[r.entity] = r.id;
      } else if (first_id[r.entity] != r.id) {
        ++st.merged_firearm_records;
      }
    }
  }

  std::vector<uint64_t> type_counts(m.link_type_count(), 0);
  std::vector<uint64_t> grade_counts(kGradeCount, 0);
  for (LinkId l = 0; l < st.links; ++l) {
    ++type_counts[d.type[l]];
    ++grade_counts[d.grade[l]];
    if (d.flags[l] & detail::kDirected) ++st.directed_links;
    if (d.from[l] == d.to[l]) ++st.self_loops;
    if (d.grade[l] != 0) ++st.graded_links;
    if (d.date_lo[l] != kUndated) {
      if (!st.link_dates.dated()) {
        st.link_dates = {d.date_lo[l], d.date_hi[l]};
      } else {
        st.link_dates.lo = std::min(st.link_dates.lo, d.date_lo[l]);
        st.link_dates.hi = std::max(st.link_dates.hi, d.date_hi[l]);
      }
    }
  }
  std::map<std::string, uint64_t> types;
  for (LinkTypeId t = 0; t < type_counts.size(); ++t) {
    if (type_counts[t] > 0) types[std::string(m.LinkTypeName(t))] = type_counts[t];
  }
  st.by_link_type = Ranked(std::move(types));
  for (int g = 1; g < kGradeCount; ++g) {
    if (grade_counts[g] > 0) {
      st.by_grade.emplace_back(Grade{static_cast<uint8_t>(g)}.ToString(), grade_counts[g]);
    }
  }
  if (grade_counts[0] > 0) st.by_grade.emplace_back("ungraded", grade_counts[0]);

  // Structure on the simple undirected graph: distinct neighbours.
  SnapshotOptions simple;
  simple.collapse_parallel = true;
  simple.weights = false;
  const Snapshot s = Snapshot::Build(model, simple);
  std::vector<uint64_t> degree(st.entities, 0);
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    for (const VertexId w : s.Out(v)) {
      if (w != v) ++degree[v];
    }
    if (degree[v] == 0) ++st.isolates;
    st.distinct_pairs += degree[v];
  }
  st.distinct_pairs /= 2;
  if (st.entities > 0) {
    std::vector<uint64_t> sorted = degree;
    std::sort(sorted.begin(), sorted.end());
    st.degree.min = sorted.front();
    st.degree.max = sorted.back();
    st.degree.mean =
        2.0 * static_cast<double>(st.distinct_pairs) / static_cast<double>(st.entities);
    const size_t mid = sorted.size() / 2;
    st.degree.median =
        sorted.size() % 2
            ? static_cast<double>(sorted[mid])
            : (static_cast<double>(sorted[mid - 1]) + static_cast<double>(sorted[mid])) / 2.0;
  }

  const Components weak = WeakComponents(s);
  st.components = weak.count();
  st.largest_component = weak.sizes.empty() ? 0 : weak.sizes[0];
  for (uint32_t c = 0; c < weak.count() && c < options.top_components; ++c) {
    st.component_sizes.push_back(weak.sizes[c]);
  }
  if (st.directed_links > 0) {
    SnapshotOptions dir;
    dir.directed = true;
    dir.weights = false;
    const Components strong = StrongComponents(Snapshot::Build(model, dir));
    st.strong_components = strong.count();
    st.largest_strong_component = strong.sizes.empty() ? 0 : strong.sizes[0];
  } else {
    st.strong_components = st.components;
    st.largest_strong_component = st.largest_component;
  }

  // The largest networks, described.
  // Components are numbered largest first; a lone entity is not a network.
  uint32_t shown = 0;
  while (shown < options.networks && shown < weak.count() && weak.sizes[shown] >= 2) ++shown;
  st.networks.resize(shown);
  std::vector<std::map<std::string, uint64_t>> net_kinds(shown);
  std::vector<std::map<std::string, uint64_t>> net_countries(shown);
  std::vector<std::vector<VertexId>> members(shown);
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const uint32_t c = weak.component[v];
    if (c >= shown) continue;
    ++st.networks[c].size;
    ++net_kinds[c][std::string(m.KindName(v))];
    const std::string country = m.Country(v);
    if (!country.empty()) ++net_countries[c][country];
    members[c].push_back(v);
  }
  for (LinkId l = 0; l < st.links; ++l) {
    const uint32_t c = weak.component[d.from[l]];
    if (c < shown) ++st.networks[c].links;
  }
  for (uint32_t c = 0; c < shown; ++c) {
    NetworkSummary& net = st.networks[c];
    net.kinds = Ranked(std::move(net_kinds[c]));
    for (auto& [country, count] : Ranked(std::move(net_countries[c]))) {
      net.countries.push_back(country);
    }
    auto& mem = members[c];
    const size_t k = std::min<size_t>(options.members, mem.size());
    std::partial_sort(mem.begin(), mem.begin() + static_cast<ptrdiff_t>(k), mem.end(),
                      [&](VertexId a, VertexId b) {
                        if (degree[a] != degree[b]) return degree[a] > degree[b];
                        return m.ExternalId(a) < m.ExternalId(b);
                      });
    for (size_t i = 0; i < k; ++i) {
      const VertexId v = mem[i];
      net.top_members.push_back({std::string(m.ExternalId(v)), std::string(m.Name(v)),
                                 std::string(m.KindName(v)), degree[v]});
    }
  }
  return st;
}

}  // namespace linkscope
