// Sums over vertices that come out the same for every thread count (internal): vertices are
// cut into fixed blocks, each block is summed in vertex order by one thread, and the block
// sums are added in block order.
#pragma once

#include <cstdint>
#include <vector>

namespace linkscope::detail {

inline constexpr uint32_t kSumBlock = 4096;

inline uint32_t BlockCount(uint32_t n) { return (n + kSumBlock - 1) / kSumBlock; }

inline double SumInOrder(const std::vector<double>& blocks) {
  double total = 0;
  for (const double b : blocks) total += b;
  return total;
}

}  // namespace linkscope::detail
