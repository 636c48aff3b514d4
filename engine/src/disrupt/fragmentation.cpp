// Fragmentation of a network after a removal (Borgatti 2006): F from the component sizes, DF
// from the distance histogram of a BFS from every remaining vertex.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "disrupt/walk.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"
#include "linkscope/disrupt/keyplayers.hpp"

namespace linkscope {

Fragmentation MeasureFragmentation(const Snapshot& s, std::span<const uint8_t> removed,
                                   bool distance_weighted) {
  const uint32_t n = s.vertex_count();
  if (!removed.empty() && removed.size() != n) {
    throw UsageError(
        fmt::format("a removal mask needs one flag per vertex ({}), got {}", n, removed.size()));
  }
  std::vector<uint8_t> none;
  if (removed.empty()) {
    none.assign(n, 0);
    removed = none;
  }
  const detail::RemainingComponents comps = detail::LabelRemaining(s, removed);
  Fragmentation f;
  f.vertices = comps.remaining;
  f.components = comps.count();
  for (const uint32_t size : comps.sizes) f.largest_component = std::max(f.largest_component, size);
  f.largest_share = n == 0 ? 0 : static_cast<double>(f.largest_component) / static_cast<double>(n);
  f.fragmentation = detail::FragmentationOf(detail::ConnectedPairs(comps.sizes), f.vertices);
  if (distance_weighted && f.vertices >= 2) {
    detail::Walker walker(n);
    std::vector<uint64_t> hist;
    for (const VertexId v : comps.members) {
      ThrowIfInterrupted();  // once per source: DF costs a search from every vertex
      walker.CountDistances(s, v, removed.data(), kNoVertex, hist);
    }
    f.distance_fragmentation = detail::DistanceFragmentationOf(hist, f.vertices);
  }
  return f;
}

}  // namespace linkscope
