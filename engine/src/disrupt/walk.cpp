#include "disrupt/walk.hpp"

#include <algorithm>

#include "algo/community_graph.hpp"

namespace linkscope::detail {

RemainingComponents LabelRemaining(const Snapshot& s, std::span<const uint8_t> removed) {
  const uint32_t n = s.vertex_count();
  RemainingComponents out;
  out.label.assign(n, kNone32);
  out.members.reserve(n);
  for (VertexId root = 0; root < n; ++root) {
    if (removed[root] || out.label[root] != kNone32) continue;
    const uint32_t c = out.count();
    const auto first = static_cast<uint32_t>(out.members.size());
    out.start.push_back(first);
    out.label[root] = c;
    out.members.push_back(root);
    for (size_t head = first; head < out.members.size(); ++head) {
      ForEachNeighbour(s, out.members[head], [&](VertexId u) {
        if (removed[u] || out.label[u] != kNone32) return;
        out.label[u] = c;
        out.members.push_back(u);
      });
    }
    out.sizes.push_back(static_cast<uint32_t>(out.members.size()) - first);
    std::sort(out.members.begin() + first, out.members.end());
  }
  out.remaining = static_cast<uint32_t>(out.members.size());
  out.start.push_back(out.remaining);
  return out;
}

uint64_t ConnectedPairs(std::span<const uint32_t> sizes) {
  uint64_t pairs = 0;
  for (const uint32_t c : sizes) pairs += uint64_t{c} * (uint64_t{c} - (c > 0 ? 1 : 0));
  return pairs;
}

double FragmentationOf(uint64_t connected_pairs, uint32_t n) {
  if (n < 2) return 0;
  const double all = static_cast<double>(n) * static_cast<double>(n - 1);
  return 1.0 - static_cast<double>(connected_pairs) / all;
}

double InverseDistanceSum(std::span<const uint64_t> hist) {
  double sum = 0;
  for (size_t d = 1; d < hist.size(); ++d) {
    if (hist[d] != 0) sum += static_cast<double>(hist[d]) / static_cast<double>(d);
  }
  return sum;
}

double DistanceFragmentationOf(std::span<const uint64_t> hist, uint32_t n) {
  if (n < 2) return 0;
  const double all = static_cast<double>(n) * static_cast<double>(n - 1);
  return 1.0 - InverseDistanceSum(hist) / all;
}

void Walker::CountDistances(const Snapshot& s, VertexId source, const uint8_t* removed,
                            VertexId skip, std::vector<uint64_t>& hist) {
  queue_.clear();
  queue_.push_back(source);
  dist_[source] = 0;
  for (size_t head = 0; head < queue_.size(); ++head) {
    const VertexId v = queue_[head];
    const uint32_t dv = dist_[v];
    if (dv > 0) {
      if (hist.size() <= dv) hist.resize(size_t{dv} + 1, 0);
      ++hist[dv];
    }
    ForEachNeighbour(s, v, [&](VertexId u) {
      if (dist_[u] != kNone32 || removed[u] || u == skip) return;
      dist_[u] = dv + 1;
      queue_.push_back(u);
    });
  }
  Reset();
}

std::vector<uint32_t> TieKeys(const Snapshot& s, uint64_t seed, int threads) {
  return CanonicalKeys(s, seed, threads);
}

}  // namespace linkscope::detail
