// Building snapshots from a list of items (internal): the base snapshot, views and projections
// all come through here.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "linkscope/graph/snapshot.hpp"
#include "model/model_data.hpp"

namespace linkscope {

struct Snapshot::Parts {
  std::shared_ptr<const Model> model;
  SnapshotOptions options;
  bool derived = false;
  uint32_t n = 0;
  uint64_t m = 0;
  HugeVector<uint64_t> out_off;
  HugeVector<VertexId> out_adj;
  HugeVector<double> out_w;
  HugeVector<uint64_t> in_off;
  HugeVector<VertexId> in_adj;
  HugeVector<double> in_w;
  HugeVector<EdgeId> edge_base;
  HugeVector<uint32_t> upper_rel;
  std::vector<std::pair<VertexId, uint32_t>> loops;
  HugeVector<LinkId> edge_link;
  HugeVector<uint64_t> edge_link_off;
  HugeVector<EntityId> vertex_entity;
  HugeVector<VertexId> entity_vertex;
};

namespace detail {

// The items (future edges) of a snapshot over vertices 0..n-1.
struct ItemSource {
  uint32_t n = 0;
  std::span<const VertexId> src;
  std::span<const VertexId> dst;
  // Link record of each item; empty: item i is link i. Ignored when derived.
  std::span<const LinkId> links;
  // Weight of each item; empty: the link's weight (1 when derived).
  std::span<const double> weights;
  // Derived items (projections) have no link records and are undirected.
  bool derived = false;
};

// Fills the topology, weights and edge -> link parts. The caller sets model and the
// vertex <-> entity maps.
void BuildTopology(const ModelData& data, const ItemSource& items, const SnapshotOptions& options,
                   Snapshot::Parts* parts);

}  // namespace detail
}  // namespace linkscope
