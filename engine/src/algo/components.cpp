#include "linkscope/algo/components.hpp"

#include <algorithm>
#include <numeric>

#include "algo/canonical.hpp"
#include "algo/disjoint_sets.hpp"

namespace linkscope {
namespace {

// Renumbers raw labels (any ids < n) so components come by decreasing size, ties by the
// smallest external id of their members.
Components Canonicalize(const Snapshot& s, std::vector<uint32_t> raw) {
  const uint32_t n = s.vertex_count();
  std::vector<uint32_t> dense(n, kNone32);
  uint32_t count = 0;
  for (uint32_t& l : raw) {
    if (dense[l] == kNone32) dense[l] = count++;
    l = dense[l];
  }
  Components out;
  out.sizes = detail::CanonicalNumbering(s, raw, count);
  out.component = std::move(raw);
  return out;
}

}  // namespace

Components WeakComponents(const Snapshot& s) {
  const uint32_t n = s.vertex_count();
  detail::DisjointSets sets(n);
  const auto off = s.out_offsets();
  const auto adj = s.out_targets();
  for (VertexId u = 0; u < n; ++u) {
    for (uint64_t p = off[u]; p < off[u + 1]; ++p) {
      const VertexId v = adj[p];
      if (!s.directed() && v <= u) continue;  // each undirected edge once
      sets.Union(u, v);
    }
  }
  return Canonicalize(s, std::move(sets).Roots());
}

Components StrongComponents(const Snapshot& s) {
  if (!s.directed()) return WeakComponents(s);
  const uint32_t n = s.vertex_count();
  constexpr uint32_t kUnvisited = kNone32;
  std::vector<uint32_t> index(n, kUnvisited);
  std::vector<uint32_t> low(n, 0);
  std::vector<uint8_t> on_stack(n, 0);
  std::vector<VertexId> stack;
  std::vector<uint32_t> label(n, 0);
  struct Frame {
    VertexId v;
    uint64_t next;
  };
  std::vector<Frame> frames;
  const auto off = s.out_offsets();
  const auto adj = s.out_targets();
  uint32_t counter = 0;
  uint32_t components = 0;
  for (VertexId root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    frames.push_back({root, off[root]});
    while (!frames.empty()) {
      Frame& f = frames.back();
      const VertexId v = f.v;
      if (f.next < off[v + 1]) {
        const VertexId w = adj[f.next++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = 1;
          frames.push_back({w, off[w]});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      frames.pop_back();
      if (low[v] == index[v]) {
        VertexId w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          label[w] = components;
        } while (w != v);
        ++components;
      }
      if (!frames.empty()) {
        const VertexId u = frames.back().v;
        low[u] = std::min(low[u], low[v]);
      }
    }
  }
  return Canonicalize(s, std::move(label));
}

}  // namespace linkscope
