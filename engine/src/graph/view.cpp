#include "linkscope/graph/view.hpp"

#include <fmt/format.h>

#include <bit>

#include "graph/csr_builder.hpp"
#include "graph/kind_filter.hpp"
#include "linkscope/core/error.hpp"
#include "model/model_data.hpp"

namespace linkscope {

namespace {

// The view of `parent` on the vertices with keep[v] (in the parent's order) and the links
// between them that keep_link(l) admits (every edge of a derived parent: it has no links).
template <typename KeepLink>
Snapshot Induced(const Snapshot& parent, std::span<const uint8_t> keep, KeepLink&& keep_link) {
  const Model& model = parent.model();
  const detail::ModelData& d = model.data();
  const uint32_t n = parent.vertex_count();
  Snapshot::Parts parts;
  parts.entity_vertex.assign(model.entity_count(), kNoVertex);
  std::vector<VertexId> new_id(n, kNoVertex);
  for (VertexId v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    const EntityId e = parent.Entity(v);
    new_id[v] = static_cast<VertexId>(parts.vertex_entity.size());
    parts.entity_vertex[e] = new_id[v];
    parts.vertex_entity.push_back(e);
  }

  std::vector<VertexId> src;
  std::vector<VertexId> dst;
  std::vector<LinkId> links;
  std::vector<double> weights;
  detail::ItemSource items;
  items.n = static_cast<uint32_t>(parts.vertex_entity.size());
  if (parent.derived()) {
    for (EdgeId e = 0; e < parent.edge_count(); ++e) {
      const auto [a, b] = parent.Endpoints(e);
      if (new_id[a] == kNoVertex || new_id[b] == kNoVertex) continue;
      src.push_back(new_id[a]);
      dst.push_back(new_id[b]);
      weights.push_back(parent.EdgeWeight(e));
    }
    items.derived = true;
    items.weights = weights;
  } else {
    // Each link once (a directed snapshot has two arcs per undirected link), in link order:
    // the builder keeps parallel entries in item order, and lists must be sorted by neighbour
    // then link order. Edge order is not link order in a directed parent (a later undirected
    // a-b is met at arc a->b before an earlier directed b->a), so mark the links, then visit
    // them by id.
    std::vector<uint64_t> seen((static_cast<size_t>(model.link_count()) + 63) / 64, 0);
    for (EdgeId e = 0; e < parent.edge_count(); ++e) {
      for (const LinkId l : parent.EdgeLinks(e)) seen[l / 64] |= uint64_t{1} << (l % 64);
    }
    for (size_t wi = 0; wi < seen.size(); ++wi) {
      for (uint64_t word = seen[wi]; word != 0; word &= word - 1) {
        const auto l = static_cast<LinkId>(wi * 64 + static_cast<size_t>(std::countr_zero(word)));
        const VertexId a = parts.entity_vertex[d.from[l]];
        const VertexId b = parts.entity_vertex[d.to[l]];
        if (a == kNoVertex || b == kNoVertex) continue;
        if (!keep_link(l)) continue;
        src.push_back(a);
        dst.push_back(b);
        links.push_back(l);
      }
    }
    items.links = links;
  }
  items.src = src;
  items.dst = dst;
  detail::BuildTopology(d, items, parent.options(), &parts);
  parts.model = parent.shared_model();
  return Snapshot::FromParts(std::move(parts));
}

}  // namespace

Snapshot MakeView(const Snapshot& parent, const ViewFilter& filter) {
  const Model& model = parent.model();
  const detail::ModelData& d = model.data();
  const uint32_t n = parent.vertex_count();

  const bool by_kind = !filter.kinds.empty();
  const std::vector<uint8_t> kinds = detail::KindSet(model, filter.kinds);
  const bool by_type = !filter.link_types.empty();
  const std::vector<uint8_t> types = detail::LinkTypeSet(model, filter.link_types);
  std::vector<uint8_t> keep(n, 1);
  for (const std::string& id : filter.exclude) {
    auto e = model.FindEntity(id);
    if (!e) throw NotFoundError(fmt::format("no entity with id \"{}\"", id));
    const VertexId v = parent.VertexOf(*e);
    if (v != kNoVertex) keep[v] = 0;
  }
  const bool link_filters =
      by_type || filter.window || filter.min_confidence > 0 || filter.max_handling > 0;
  if (parent.derived() && link_filters) {
    throw UsageError(
        "link filters (types, dates, confidence, handling) do not apply to a projection; "
        "filter the snapshot before projecting it");
  }
  if (by_kind) {
    for (VertexId v = 0; v < n; ++v) {
      if (!kinds[d.entities[parent.Entity(v)].kind]) keep[v] = 0;
    }
  }
  return Induced(parent, keep, [&](LinkId l) {
    if (by_type && !types[d.type[l]]) return false;
    if (filter.window) {
      const DateRange dates{d.date_lo[l], d.date_hi[l]};
      if (dates.dated() ? !dates.Overlaps(*filter.window) : !filter.keep_undated) return false;
    }
    if (filter.min_confidence > 0 &&
        filter.confidence.Get(Grade{d.grade[l]}) < filter.min_confidence) {
      return false;
    }
    return filter.max_handling == 0 || d.handling[l] <= filter.max_handling;
  });
}

Snapshot InducedView(const Snapshot& parent, std::span<const uint8_t> keep,
                     const std::function<bool(LinkId)>& keep_link) {
  if (keep.size() != parent.vertex_count()) {
    throw UsageError("InducedView: one flag per vertex is needed");
  }
  return Induced(parent, keep, [&](LinkId l) { return !keep_link || keep_link(l); });
}

}  // namespace linkscope
