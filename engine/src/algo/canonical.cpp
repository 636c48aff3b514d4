#include "algo/canonical.hpp"

#include <algorithm>
#include <numeric>

namespace linkscope::detail {

std::vector<VertexId> SmallestIds(const Snapshot& s, std::span<const uint32_t> label,
                                  uint32_t count, std::span<const VertexId> candidates) {
  std::vector<VertexId> smallest(count, kNoVertex);
  std::vector<std::string_view> text(count);
  for (const VertexId v : candidates) {
    const uint32_t l = label[v];
    const std::string_view id = s.ExternalId(v);
    if (smallest[l] == kNoVertex || id < text[l]) {
      smallest[l] = v;
      text[l] = id;
    }
  }
  return smallest;
}

std::vector<uint64_t> Renumber(const Snapshot& s, std::vector<uint32_t>& label, uint32_t count,
                               std::span<const VertexId> smallest) {
  std::vector<uint64_t> sizes(count, 0);
  for (const uint32_t l : label) ++sizes[l];
  std::vector<std::string_view> text(count);
  for (uint32_t l = 0; l < count; ++l) {
    if (smallest[l] != kNoVertex) text[l] = s.ExternalId(smallest[l]);
  }
  std::vector<uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (sizes[a] != sizes[b]) return sizes[a] > sizes[b];
    return text[a] < text[b];
  });
  std::vector<uint32_t> rank(count);
  for (uint32_t i = 0; i < count; ++i) rank[order[i]] = i;
  for (uint32_t& l : label) l = rank[l];
  std::vector<uint64_t> out(count);
  for (uint32_t i = 0; i < count; ++i) out[i] = sizes[order[i]];
  // Labels nobody carries (size 0) sort last; drop them.
  while (!out.empty() && out.back() == 0) out.pop_back();
  return out;
}

std::vector<uint64_t> CanonicalNumbering(const Snapshot& s, std::vector<uint32_t>& label,
                                         uint32_t count) {
  std::vector<VertexId> all(label.size());
  std::iota(all.begin(), all.end(), 0);
  return Renumber(s, label, count, SmallestIds(s, label, count, all));
}

std::vector<std::vector<uint64_t>> CanonicalHierarchy(const Snapshot& s,
                                                      std::vector<std::vector<uint32_t>>& levels,
                                                      std::span<const uint32_t> counts) {
  std::vector<std::vector<uint64_t>> sizes(levels.size());
  std::vector<VertexId> candidates(s.vertex_count());
  std::iota(candidates.begin(), candidates.end(), 0);
  for (size_t i = 0; i < levels.size(); ++i) {
    std::vector<VertexId> smallest = SmallestIds(s, levels[i], counts[i], candidates);
    sizes[i] = Renumber(s, levels[i], counts[i], smallest);
    // The next level's smallest member is among this level's smallest members.
    candidates.clear();
    for (const VertexId v : smallest) {
      if (v != kNoVertex) candidates.push_back(v);
    }
  }
  return sizes;
}

}  // namespace linkscope::detail
