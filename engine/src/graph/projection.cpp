#include "linkscope/graph/projection.hpp"

#include <algorithm>

#include "graph/csr_builder.hpp"
#include "graph/kind_filter.hpp"
#include "linkscope/core/error.hpp"
#include "model/model_data.hpp"

namespace linkscope {
namespace {

struct Sets {
  std::vector<uint8_t> onto;
  std::vector<uint8_t> via;
};

Sets ResolveSets(const Snapshot& s, const ProjectionOptions& o) {
  if (o.onto.empty()) throw UsageError("projection: name the kinds to project onto");
  if (o.min_shared == 0) throw UsageError("projection: min_shared must be at least 1");
  Sets sets;
  sets.onto = detail::KindSet(s.model(), o.onto);
  if (o.via.empty()) {
    sets.via.resize(sets.onto.size());
    for (size_t k = 0; k < sets.onto.size(); ++k) sets.via[k] = !sets.onto[k];
  } else {
    sets.via = detail::KindSet(s.model(), o.via);
  }
  return sets;
}

// Calls f(w) for each distinct neighbour of v, in either direction.
template <typename F>
void ForEachNeighbour(const Snapshot& s, VertexId v, std::vector<uint32_t>& stamp, uint32_t mark,
                      F f) {
  for (const VertexId w : s.Out(v)) {
    if (stamp[w] != mark) {
      stamp[w] = mark;
      f(w);
    }
  }
  if (s.directed()) {
    for (const VertexId w : s.In(v)) {
      if (stamp[w] != mark) {
        stamp[w] = mark;
        f(w);
      }
    }
  }
}

}  // namespace

Snapshot Project(const Snapshot& s, const ProjectionOptions& options) {
  const Sets sets = ResolveSets(s, options);
  const detail::ModelData& d = s.model().data();
  const uint32_t n = s.vertex_count();
  auto kind_of = [&](VertexId v) { return d.entities[s.Entity(v)].kind; };

  Snapshot::Parts parts;
  parts.entity_vertex.assign(s.model().entity_count(), kNoVertex);
  std::vector<VertexId> new_id(n, kNoVertex);
  for (VertexId v = 0; v < n; ++v) {
    if (!sets.onto[kind_of(v)]) continue;
    new_id[v] = static_cast<VertexId>(parts.vertex_entity.size());
    parts.entity_vertex[s.Entity(v)] = new_id[v];
    parts.vertex_entity.push_back(s.Entity(v));
  }

  std::vector<VertexId> src;
  std::vector<VertexId> dst;
  std::vector<double> weights;
  std::vector<uint32_t> count(n, 0);
  std::vector<VertexId> touched;
  // Stamps make "distinct" cheap: one per (u) for its via neighbours, one per (u, via) for the
  // onto neighbours of that via vertex.
  std::vector<uint32_t> via_stamp(n, 0);
  std::vector<uint32_t> onto_stamp(n, 0);
  uint32_t via_mark = 0;
  uint32_t onto_mark = 0;
  for (VertexId u = 0; u < n; ++u) {
    if (new_id[u] == kNoVertex) continue;
    ++via_mark;
    ForEachNeighbour(s, u, via_stamp, via_mark, [&](VertexId e) {
      if (e == u || !sets.via[kind_of(e)]) return;
      ++onto_mark;
      ForEachNeighbour(s, e, onto_stamp, onto_mark, [&](VertexId w) {
        if (w <= u || new_id[w] == kNoVertex) return;  // each pair once, from its smaller end
        // A looped via vertex that is also onto is not evidence for a pair it belongs to.
        if (w == e) return;
        if (count[w]++ == 0) touched.push_back(w);
      });
    });
    std::sort(touched.begin(), touched.end());
    for (const VertexId w : touched) {
      if (count[w] >= options.min_shared) {
        src.push_back(new_id[u]);
        dst.push_back(new_id[w]);
        weights.push_back(count[w]);
      }
      count[w] = 0;
    }
    touched.clear();
  }

  detail::ItemSource items;
  items.n = static_cast<uint32_t>(parts.vertex_entity.size());
  items.src = src;
  items.dst = dst;
  items.weights = weights;
  items.derived = true;
  SnapshotOptions o;
  o.directed = false;
  o.collapse_parallel = false;
  o.weights = true;
  detail::BuildTopology(d, items, o, &parts);
  parts.model = s.shared_model();
  return Snapshot::FromParts(std::move(parts));
}

std::vector<EntityId> SharedNeighbours(const Snapshot& s, const ProjectionOptions& options,
                                       EntityId a, EntityId b) {
  const Sets sets = ResolveSets(s, options);
  const detail::ModelData& d = s.model().data();
  const VertexId va = s.VertexOf(a);
  const VertexId vb = s.VertexOf(b);
  std::vector<EntityId> out;
  if (va == kNoVertex || vb == kNoVertex || va == vb) return out;
  std::vector<uint32_t> stamp(s.vertex_count(), 0);
  std::vector<uint8_t> near_a(s.vertex_count(), 0);
  ForEachNeighbour(s, va, stamp, 1, [&](VertexId e) { near_a[e] = 1; });
  ForEachNeighbour(s, vb, stamp, 2, [&](VertexId e) {
    if (near_a[e] && e != va && e != vb && sets.via[d.entities[s.Entity(e)].kind]) {
      out.push_back(s.Entity(e));
    }
  });
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace linkscope
