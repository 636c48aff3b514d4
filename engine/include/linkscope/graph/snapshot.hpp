// Snapshot: an immutable compressed-sparse-row view of a Model that the algorithms run on.
//
// Vertices are dense uint32 ids; adjacency offsets are 64-bit. Every adjacency list is sorted
// by neighbour (then by link order), so the result does not depend on how the input was ordered
// beyond the entity numbering. Topology costs 8 bytes per undirected link (both directions) plus
// 16 bytes per vertex; see docs/algorithms/snapshot.md for the layout.
//
// Edge ids are dense and stable for a snapshot: an undirected edge is numbered at its position
// in the list of its smaller end (ordered by smaller end, larger end, link order); a directed
// edge (arc) is its position in the out-lists. Each edge leads back to the link record(s) behind
// it (EdgeLinks), so every result can cite its evidence.
//
// Weights are strengths (> 0, more = closer), summed when parallel links are collapsed.
//
// A snapshot holds the Model it was built from (shared, read-only) and is safe to read from
// many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "linkscope/core/memory.hpp"
#include "linkscope/core/types.hpp"
#include "linkscope/model/model.hpp"

namespace linkscope {

struct SnapshotOptions {
  // false: every link is an undirected edge. true: a directed link is an arc from -> to and an
  // undirected link is two arcs (one for a self-loop).
  bool directed = false;
  // Merge the links between the same two vertices (same direction when directed) into one
  // edge whose weight combines theirs; EdgeLinks() then lists all of them.
  bool collapse_parallel = false;
  enum class Combine : uint8_t { kSum, kMax, kMin, kCount };
  Combine combine = Combine::kSum;
  // Keep link weights on the adjacency. Without them every weight reads as 1.
  bool weights = true;
};

class Snapshot {
 public:
  // O(n + m) time and memory (two counting-sort passes, three when directed).
  static Snapshot Build(std::shared_ptr<const Model> model, const SnapshotOptions& options = {});

  Snapshot(Snapshot&&) noexcept;
  Snapshot& operator=(Snapshot&&) noexcept;
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  ~Snapshot();

  const Model& model() const { return *model_; }
  const std::shared_ptr<const Model>& shared_model() const { return model_; }
  const SnapshotOptions& options() const { return options_; }
  bool directed() const { return options_.directed; }
  bool weighted() const { return !out_w_.empty(); }
  // True for snapshots whose edges are not link records (projections).
  bool derived() const { return derived_; }

  uint32_t vertex_count() const { return n_; }
  uint64_t edge_count() const { return m_; }

  // Successors (neighbours when undirected), sorted.
  std::span<const VertexId> Out(VertexId v) const {
    return {out_adj_.data() + out_off_[v], static_cast<size_t>(out_off_[v + 1] - out_off_[v])};
  }
  // Predecessors (neighbours when undirected), sorted.
  std::span<const VertexId> In(VertexId v) const {
    if (!directed()) return Out(v);
    return {in_adj_.data() + in_off_[v], static_cast<size_t>(in_off_[v + 1] - in_off_[v])};
  }
  // Weights aligned with Out(v) / In(v); empty when !weighted().
  std::span<const double> OutWeights(VertexId v) const {
    if (out_w_.empty()) return {};
    return {out_w_.data() + out_off_[v], static_cast<size_t>(out_off_[v + 1] - out_off_[v])};
  }
  std::span<const double> InWeights(VertexId v) const {
    if (!directed()) return OutWeights(v);
    if (in_w_.empty()) return {};
    return {in_w_.data() + in_off_[v], static_cast<size_t>(in_off_[v + 1] - in_off_[v])};
  }
  uint64_t OutDegree(VertexId v) const { return out_off_[v + 1] - out_off_[v]; }
  uint64_t InDegree(VertexId v) const {
    return directed() ? in_off_[v + 1] - in_off_[v] : OutDegree(v);
  }
  // Raw CSR arrays: offsets have vertex_count() + 1 entries.
  std::span<const uint64_t> out_offsets() const { return out_off_; }
  std::span<const VertexId> out_targets() const { return out_adj_; }
  std::span<const uint64_t> in_offsets() const { return directed() ? in_off_ : out_off_; }
  std::span<const VertexId> in_sources() const { return directed() ? in_adj_ : out_adj_; }
  std::span<const double> out_weights() const { return out_w_; }

  // Edge at index i of Out(v) / In(v). O(1) for a canonical position, else O(log degree).
  EdgeId OutEdge(VertexId v, uint64_t i) const;
  EdgeId InEdge(VertexId v, uint64_t i) const;
  // Edge id of every adjacency position, O(n + m): for algorithms that need a per-position
  // edge column (dates, confidences) without O(log d) lookups.
  std::vector<EdgeId> OutPositionEdges() const;
  std::vector<EdgeId> InPositionEdges() const;
  // (source, target) of an arc, or (smaller, larger) ends of an undirected edge. O(log n).
  std::pair<VertexId, VertexId> Endpoints(EdgeId e) const;
  double EdgeWeight(EdgeId e) const;  // O(log n)

  // The link records behind an edge: one, several when collapsed, none when derived.
  std::span<const LinkId> EdgeLinks(EdgeId e) const;

  // Vertex <-> entity of the model.
  EntityId Entity(VertexId v) const { return vertex_entity_.empty() ? v : vertex_entity_[v]; }
  // kNoVertex when the entity is not in this snapshot.
  VertexId VertexOf(EntityId e) const;
  // Vertex of an external id; throws NotFoundError naming the id when it is unknown or not in
  // this snapshot.
  VertexId VertexOfId(std::string_view external_id) const;
  std::string_view ExternalId(VertexId v) const { return model_->ExternalId(Entity(v)); }

  // Bytes of the topology: offsets, neighbour arrays and the per-vertex edge numbering.
  // TopologyBytes() = VertexTopologyBytes() (grows with vertices: offsets, edge numbering)
  //                 + EdgeTopologyBytes() (grows with links: neighbour arrays, self-loop table).
  size_t TopologyBytes() const { return VertexTopologyBytes() + EdgeTopologyBytes(); }
  size_t VertexTopologyBytes() const;
  size_t EdgeTopologyBytes() const;
  // Everything: topology, weights, edge -> link and vertex <-> entity maps.
  size_t MemoryBytes() const;

  // Internal: assembled by the builders in graph/ (views, projections).
  struct Parts;
  static Snapshot FromParts(Parts&& parts);

 private:
  Snapshot();
  uint64_t CanonicalPosition(EdgeId e, VertexId* owner) const;
  uint32_t Loops(VertexId v) const;

  std::shared_ptr<const Model> model_;
  SnapshotOptions options_;
  bool derived_ = false;
  uint32_t n_ = 0;
  uint64_t m_ = 0;
  HugeVector<uint64_t> out_off_;
  HugeVector<VertexId> out_adj_;
  HugeVector<double> out_w_;
  HugeVector<uint64_t> in_off_;  // directed only
  HugeVector<VertexId> in_adj_;
  HugeVector<double> in_w_;
  // Undirected only: first edge id of each vertex's canonical run, and the start of its
  // neighbours larger than itself (relative to its offset).
  HugeVector<EdgeId> edge_base_;
  HugeVector<uint32_t> upper_rel_;
  // Self-loop counts of the vertices that have any, sorted by vertex (loops are rare: a dense
  // array would cost 4 bytes per vertex for them).
  std::vector<std::pair<VertexId, uint32_t>> loops_;
  // Edge -> link: one per edge, or ranges when collapsed.
  HugeVector<LinkId> edge_link_;
  HugeVector<uint64_t> edge_link_off_;
  // Vertex <-> entity; empty = identity.
  HugeVector<EntityId> vertex_entity_;
  HugeVector<VertexId> entity_vertex_;
};

}  // namespace linkscope
