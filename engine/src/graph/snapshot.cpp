#include "linkscope/graph/snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "graph/csr_builder.hpp"
#include "linkscope/core/error.hpp"
#include "model/model_data.hpp"

namespace linkscope {

Snapshot::Snapshot() = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;
Snapshot::~Snapshot() = default;

Snapshot Snapshot::Build(std::shared_ptr<const Model> model, const SnapshotOptions& options) {
  if (!model) throw UsageError("Snapshot::Build: no model");
  const detail::ModelData& d = model->data();
  Parts parts;
  detail::ItemSource items;
  items.n = d.entity_count();
  items.src = d.from;
  items.dst = d.to;
  detail::BuildTopology(d, items, options, &parts);
  parts.model = std::move(model);
  return FromParts(std::move(parts));
}

Snapshot Snapshot::FromParts(Parts&& p) {
  Snapshot s;
  s.model_ = std::move(p.model);
  s.options_ = p.options;
  s.derived_ = p.derived;
  s.n_ = p.n;
  s.m_ = p.m;
  s.out_off_ = std::move(p.out_off);
  s.out_adj_ = std::move(p.out_adj);
  s.out_w_ = std::move(p.out_w);
  s.in_off_ = std::move(p.in_off);
  s.in_adj_ = std::move(p.in_adj);
  s.in_w_ = std::move(p.in_w);
  s.edge_base_ = std::move(p.edge_base);
  s.upper_rel_ = std::move(p.upper_rel);
  s.loops_ = std::move(p.loops);
  s.edge_link_ = std::move(p.edge_link);
  s.edge_link_off_ = std::move(p.edge_link_off);
  s.vertex_entity_ = std::move(p.vertex_entity);
  s.entity_vertex_ = std::move(p.entity_vertex);
  return s;
}

uint32_t Snapshot::Loops(VertexId v) const {
  if (loops_.empty()) return 0;
  auto it = std::lower_bound(loops_.begin(), loops_.end(), std::make_pair(v, uint32_t{0}));
  return it != loops_.end() && it->first == v ? it->second : 0;
}

EdgeId Snapshot::OutEdge(VertexId v, uint64_t i) const {
  const uint64_t p = out_off_[v] + i;
  if (directed()) return static_cast<EdgeId>(p);
  const VertexId w = out_adj_[p];
  const uint64_t upper = out_off_[v] + upper_rel_[v];
  if (w > v) return static_cast<EdgeId>(edge_base_[v] + Loops(v) + (p - upper));
  if (w == v) {
    const uint64_t lower = upper - 2 * static_cast<uint64_t>(Loops(v));
    return static_cast<EdgeId>(edge_base_[v] + (p - lower) / 2);
  }
  // The twin entry sits in w's list among its neighbours larger than w.
  const VertexId* base = out_adj_.data();
  const uint64_t k =
      p - static_cast<uint64_t>(std::lower_bound(base + out_off_[v], base + p, w) - base);
  const uint64_t w_upper = out_off_[w] + upper_rel_[w];
  const uint64_t q =
      static_cast<uint64_t>(std::lower_bound(base + w_upper, base + out_off_[w + 1], v) - base) + k;
  return static_cast<EdgeId>(edge_base_[w] + Loops(w) + (q - w_upper));
}

EdgeId Snapshot::InEdge(VertexId v, uint64_t i) const {
  if (!directed()) return OutEdge(v, i);
  const uint64_t q = in_off_[v] + i;
  const VertexId u = in_adj_[q];
  const VertexId* in = in_adj_.data();
  const uint64_t k = q - static_cast<uint64_t>(std::lower_bound(in + in_off_[v], in + q, u) - in);
  const VertexId* out = out_adj_.data();
  return static_cast<EdgeId>(std::lower_bound(out + out_off_[u], out + out_off_[u + 1], v) - out +
                             static_cast<ptrdiff_t>(k));
}

std::vector<EdgeId> Snapshot::OutPositionEdges() const {
  const uint64_t positions = out_adj_.size();
  std::vector<EdgeId> res(positions);
  if (positions == 0) return res;
  if (directed()) {
    for (uint64_t p = 0; p < positions; ++p) res[p] = static_cast<EdgeId>(p);
    return res;
  }
  // Canonical entries get their id directly; each one also fills its twin, which is the next
  // unfilled entry of the neighbour's list (both lists are in the same order).
  std::vector<uint64_t> cursor(out_off_.begin(), out_off_.end() - 1);
  auto loop = loops_.begin();
  for (VertexId u = 0; u < n_; ++u) {
    uint32_t loops = 0;
    if (loop != loops_.end() && loop->first == u) loops = (loop++)->second;
    const uint64_t upper = out_off_[u] + upper_rel_[u];
    const uint64_t lower = upper - 2 * static_cast<uint64_t>(loops);
    EdgeId e = edge_base_[u];
    for (uint64_t p = lower; p < upper; p += 2) {
      res[p] = e;
      res[p + 1] = e;
      ++e;
    }
    for (uint64_t p = upper; p < out_off_[u + 1]; ++p) {
      res[p] = e;
      res[cursor[out_adj_[p]]++] = e;
      ++e;
    }
  }
  return res;
}

std::vector<EdgeId> Snapshot::InPositionEdges() const {
  if (!directed()) return OutPositionEdges();
  std::vector<EdgeId> res(in_adj_.size());
  std::vector<uint64_t> cursor(in_off_.begin(), in_off_.end() - 1);
  for (VertexId u = 0; u < n_; ++u) {
    for (uint64_t p = out_off_[u]; p < out_off_[u + 1]; ++p) {
      res[cursor[out_adj_[p]]++] = static_cast<EdgeId>(p);
    }
  }
  return res;
}

uint64_t Snapshot::CanonicalPosition(EdgeId e, VertexId* owner) const {
  if (directed()) {
    *owner = static_cast<VertexId>(std::upper_bound(out_off_.begin(), out_off_.end(), uint64_t{e}) -
                                   out_off_.begin() - 1);
    return e;
  }
  const auto u = static_cast<VertexId>(std::upper_bound(edge_base_.begin(), edge_base_.end(), e) -
                                       edge_base_.begin() - 1);
  *owner = u;
  const uint64_t r = e - edge_base_[u];
  const uint64_t upper = out_off_[u] + upper_rel_[u];
  const uint64_t loops = Loops(u);
  if (r < loops) return upper - 2 * loops + 2 * r;
  return upper + (r - loops);
}

std::pair<VertexId, VertexId> Snapshot::Endpoints(EdgeId e) const {
  VertexId u;
  const uint64_t p = CanonicalPosition(e, &u);
  return {u, out_adj_[p]};
}

double Snapshot::EdgeWeight(EdgeId e) const {
  if (out_w_.empty()) return 1.0;
  VertexId u;
  return out_w_[CanonicalPosition(e, &u)];
}

std::span<const LinkId> Snapshot::EdgeLinks(EdgeId e) const {
  if (derived_) return {};
  if (edge_link_off_.empty()) return {edge_link_.data() + e, 1};
  return {edge_link_.data() + edge_link_off_[e],
          static_cast<size_t>(edge_link_off_[e + 1] - edge_link_off_[e])};
}

VertexId Snapshot::VertexOf(EntityId e) const {
  if (entity_vertex_.empty()) return e < n_ ? e : kNoVertex;
  return e < entity_vertex_.size() ? entity_vertex_[e] : kNoVertex;
}

VertexId Snapshot::VertexOfId(std::string_view external_id) const {
  auto e = model_->FindEntity(external_id);
  if (!e) throw NotFoundError(fmt::format("no entity with id \"{}\"", external_id));
  const VertexId v = VertexOf(*e);
  if (v == kNoVertex) {
    throw NotFoundError(fmt::format("entity \"{}\" is not in this view", external_id));
  }
  return v;
}

size_t Snapshot::VertexTopologyBytes() const {
  auto bytes = [](const auto& v) { return v.size() * sizeof(v[0]); };
  return bytes(out_off_) + bytes(in_off_) + bytes(edge_base_) + bytes(upper_rel_);
}

size_t Snapshot::EdgeTopologyBytes() const {
  auto bytes = [](const auto& v) { return v.size() * sizeof(v[0]); };
  return bytes(out_adj_) + bytes(in_adj_) + bytes(loops_);
}

size_t Snapshot::MemoryBytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return TopologyBytes() + bytes(out_w_) + bytes(in_w_) + bytes(edge_link_) +
         bytes(edge_link_off_) + bytes(vertex_entity_) + bytes(entity_vertex_);
}

}  // namespace linkscope
