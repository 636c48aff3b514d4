// Sums over vertices that come out the same for every thread count (internal): vertices are
// cut into fixed blocks, each block is summed in vertex order by one thread, and the block
// sums are added in block order; and the neighbour gather the iterative measures share.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace linkscope::detail {

inline constexpr uint32_t kSumBlock = 4096;

inline uint32_t BlockCount(uint32_t n) { return (n + kSumBlock - 1) / kSumBlock; }

// Sums f(v) over v in fixed blocks, block sums added in order: values the same for every
// thread count. f(v, sums) adds to K sums and may also write per-vertex results.
template <size_t K, typename F>
std::array<double, K> BlockedSums(uint32_t n, int threads, std::vector<std::array<double, K>>& blocks,
                                  F&& f) {
  const uint32_t count = BlockCount(n);
  blocks.resize(count);
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (uint32_t b = 0; b < count; ++b) {
    const uint32_t begin = b * kSumBlock;
    const uint32_t end = std::min(n, begin + kSumBlock);
    std::array<double, K> sums{};
    for (uint32_t v = begin; v < end; ++v) f(v, sums);
    blocks[b] = sums;
  }
  std::array<double, K> total{};
  for (const auto& b : blocks) {
    for (size_t k = 0; k < K; ++k) total[k] += b[k];
  }
  return total;
}

// init plus the sum over v's neighbours u of values[u] (times the pair's strength when
// weighted), added in list order: the pull step of PageRank and eigenvector.
inline double Gather(const uint64_t* off, const uint32_t* adj, const double* w,
                     const std::vector<double>& values, uint32_t v, double init) {
  double sum = init;
  if (w) {
    for (uint64_t k = off[v]; k < off[v + 1]; ++k) sum += values[adj[k]] * w[k];
  } else {
    for (uint64_t k = off[v]; k < off[v + 1]; ++k) sum += values[adj[k]];
  }
  return sum;
}

}  // namespace linkscope::detail
