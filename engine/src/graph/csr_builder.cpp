#include "graph/csr_builder.hpp"

#include <algorithm>
#include <cassert>

#include "linkscope/core/error.hpp"

namespace linkscope::detail {
namespace {

using Combine = SnapshotOptions::Combine;

struct Accessors {
  const ModelData& data;
  const ItemSource& items;

  LinkId Link(size_t i) const { return items.links.empty() ? static_cast<LinkId>(i) : items.links[i]; }
  double Weight(size_t i) const {
    if (!items.weights.empty()) return items.weights[i];
    return items.derived ? 1.0 : data.weight[Link(i)];
  }
  bool Directed(size_t i) const {
    return !items.derived && (data.flags[Link(i)] & kDirected) != 0;
  }
};

double CombineWeights(Combine how, double acc, double w, bool first) {
  if (first) return how == Combine::kCount ? 1.0 : w;
  switch (how) {
    case Combine::kSum:
      return acc + w;
    case Combine::kMax:
      return std::max(acc, w);
    case Combine::kMin:
      return std::min(acc, w);
    case Combine::kCount:
      return acc + 1.0;
  }
  return acc;
}

}  // namespace

void BuildTopology(const ModelData& data, const ItemSource& items, const SnapshotOptions& options,
                   Snapshot::Parts* parts) {
  const uint32_t n = items.n;
  const size_t count = items.src.size();
  const Accessors acc{data, items};
  const bool collapse = options.collapse_parallel;
  const bool keep_weights = options.weights;
  parts->n = n;
  parts->options = options;
  parts->derived = items.derived;

  // ---- 1. Counting sort of the entries (owner, neighbour, item) into owner lists sorted by
  // neighbour. Undirected: each item gives two entries. Directed: one per arc.
  std::vector<uint64_t> bucket_off(static_cast<size_t>(n) + 1, 0);  // by neighbour
  std::vector<uint64_t> owner_off(static_cast<size_t>(n) + 1, 0);   // by owner
  const bool directed = options.directed;
  auto for_each_entry = [&](auto&& emit) {
    for (size_t i = 0; i < count; ++i) {
      const VertexId a = items.src[i];
      const VertexId b = items.dst[i];
      const auto item = static_cast<uint32_t>(i);
      if (!directed) {
        emit(a, b, item);
        emit(b, a, item);
      } else if (acc.Directed(i) || a == b) {
        emit(a, b, item);
      } else {
        emit(a, b, item);
        emit(b, a, item);
      }
    }
  };
  for_each_entry([&](VertexId owner, VertexId nbr, uint32_t) {
    ++owner_off[owner + 1];
    ++bucket_off[nbr + 1];
  });
  for (uint32_t v = 0; v < n; ++v) {
    owner_off[v + 1] += owner_off[v];
    bucket_off[v + 1] += bucket_off[v];
  }
  const uint64_t total = owner_off[n];

  // Pass A: bucket by neighbour (stable in item order).
  std::vector<VertexId> tmp_owner(total);
  std::vector<uint32_t> tmp_item(total);
  {
    std::vector<uint64_t> cur(bucket_off.begin(), bucket_off.end() - 1);
    for_each_entry([&](VertexId owner, VertexId nbr, uint32_t item) {
      const uint64_t p = cur[nbr]++;
      tmp_owner[p] = owner;
      tmp_item[p] = item;
    });
  }
  // Pass B: scatter into owner lists, visiting neighbours in increasing order.
  std::vector<VertexId> adj(total);
  std::vector<uint32_t> pos_item(total);
  {
    std::vector<uint64_t> cur(owner_off.begin(), owner_off.end() - 1);
    for (VertexId nbr = 0; nbr < n; ++nbr) {
      for (uint64_t p = bucket_off[nbr]; p < bucket_off[nbr + 1]; ++p) {
        const uint64_t q = cur[tmp_owner[p]]++;
        adj[q] = nbr;
        pos_item[q] = tmp_item[p];
      }
    }
  }
  std::vector<VertexId>().swap(tmp_owner);
  std::vector<uint32_t>().swap(tmp_item);
  std::vector<uint64_t> off = std::move(owner_off);

  // ---- 2. Optional collapse of parallel entries into groups of items.
  // group_off[p]..group_off[p+1] are the items of position p (only kept when collapsing).
  std::vector<uint64_t> group_off;
  std::vector<uint32_t> group_items;
  std::vector<double> w;
  if (collapse) {
    std::vector<uint64_t> new_off(static_cast<size_t>(n) + 1, 0);
    std::vector<VertexId> new_adj;
    new_adj.reserve(total);
    group_off.reserve(total + 1);
    group_off.push_back(0);
    group_items.reserve(total);
    if (keep_weights) w.reserve(total);
    for (VertexId u = 0; u < n; ++u) {
      uint64_t p = off[u];
      const uint64_t end = off[u + 1];
      while (p < end) {
        const VertexId v = adj[p];
        uint64_t q = p;
        while (q < end && adj[q] == v) ++q;
        // An undirected self-loop has two entries per item; keep two entries for the group.
        const bool undirected_loop = !directed && v == u;
        const uint64_t step = undirected_loop ? 2 : 1;
        const int copies = undirected_loop ? 2 : 1;
        double weight = 0;
        bool first = true;
        const size_t group_start = group_items.size();
        for (uint64_t r = p; r < q; r += step) {
          group_items.push_back(pos_item[r]);
          weight = CombineWeights(options.combine, weight, acc.Weight(pos_item[r]), first);
          first = false;
        }
        const size_t group_end = group_items.size();
        for (int c = 0; c < copies; ++c) {
          new_adj.push_back(v);
          if (keep_weights) w.push_back(weight);
          if (c == 1) {
            // The second entry of a loop shares the group of the first.
            group_items.insert(group_items.end(), group_items.begin() + static_cast<ptrdiff_t>(group_start),
                               group_items.begin() + static_cast<ptrdiff_t>(group_end));
          }
          group_off.push_back(group_items.size());
        }
        p = q;
      }
      new_off[u + 1] = new_adj.size();
    }
    adj = std::move(new_adj);
    off = std::move(new_off);
  } else if (keep_weights) {
    w.resize(total);
    for (uint64_t p = 0; p < total; ++p) w[p] = acc.Weight(pos_item[p]);
  }
  const uint64_t positions = off[n];
  // First item of each position (for the edge -> link map when not collapsing).
  auto items_of = [&](uint64_t p) -> std::pair<const uint32_t*, const uint32_t*> {
    if (collapse) {
      return {group_items.data() + group_off[p], group_items.data() + group_off[p + 1]};
    }
    return {pos_item.data() + p, pos_item.data() + p + 1};
  };

  // ---- 3. Edge numbering.
  auto push_edge_links = [&](uint64_t p) {
    if (items.derived) return;
    auto [b, e] = items_of(p);
    for (const uint32_t* it = b; it != e; ++it) parts->edge_link.push_back(acc.Link(*it));
    if (collapse) parts->edge_link_off.push_back(parts->edge_link.size());
  };
  if (collapse && !items.derived) parts->edge_link_off.push_back(0);

  if (directed) {
    // Edge id = position in the out-lists.
    parts->m = positions;
    if (!items.derived) {
      parts->edge_link.reserve(collapse ? group_items.size() : positions);
      for (uint64_t p = 0; p < positions; ++p) push_edge_links(p);
    }
    // Pass C: in-lists sorted by source, visiting sources in increasing order.
    std::vector<uint64_t> in_off(static_cast<size_t>(n) + 1, 0);
    for (uint64_t p = 0; p < positions; ++p) ++in_off[adj[p] + 1];
    for (uint32_t v = 0; v < n; ++v) in_off[v + 1] += in_off[v];
    std::vector<VertexId> in_adj(positions);
    std::vector<double> in_w(keep_weights ? positions : 0);
    std::vector<uint64_t> cur(in_off.begin(), in_off.end() - 1);
    for (VertexId u = 0; u < n; ++u) {
      for (uint64_t p = off[u]; p < off[u + 1]; ++p) {
        const uint64_t q = cur[adj[p]]++;
        in_adj[q] = u;
        if (keep_weights) in_w[q] = w[p];
      }
    }
    parts->in_off = std::move(in_off);
    parts->in_adj = std::move(in_adj);
    parts->in_w = std::move(in_w);
  } else {
    // Undirected: an edge is numbered at its canonical position, in the list of its smaller end
    // (self-loops: the first of their two entries), ordered by owner then position.
    parts->edge_base.resize(n);
    parts->upper_rel.resize(n);
    EdgeId next = 0;
    for (VertexId u = 0; u < n; ++u) {
      const VertexId* b = adj.data() + off[u];
      const VertexId* e = adj.data() + off[u + 1];
      const VertexId* lb = std::lower_bound(b, e, u);
      const VertexId* ub = std::upper_bound(lb, e, u);
      parts->edge_base[u] = next;
      parts->upper_rel[u] = static_cast<uint32_t>(ub - b);
      const auto loops = static_cast<uint32_t>((ub - lb) / 2);
      if (loops > 0) {
        if (parts->loops.empty()) parts->loops.assign(n, 0);
        parts->loops[u] = loops;
      }
      const uint64_t lbp = static_cast<uint64_t>(lb - adj.data());
      const uint64_t ubp = static_cast<uint64_t>(ub - adj.data());
      for (uint64_t p = lbp; p < ubp; p += 2) {
        push_edge_links(p);
        ++next;
      }
      for (uint64_t p = ubp; p < off[u + 1]; ++p) {
        push_edge_links(p);
        ++next;
      }
    }
    parts->m = next;
    assert(2 * static_cast<uint64_t>(next) == positions);
  }
  if (parts->m >= kMaxRecords) {
    throw UsageError("a snapshot holds at most 4294967294 edges");
  }
  parts->out_off = std::move(off);
  parts->out_adj = std::move(adj);
  parts->out_w = std::move(w);
}

}  // namespace linkscope::detail
