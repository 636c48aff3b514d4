// Union-find over vertices 0..n-1 (internal), shared by components, the community algorithms'
// connectivity split, the connectivity check, connecting networks and robustness curves. Path
// halving; on a union the smaller root wins, so the result depends only on the unions made, not on
// the order of finds.
#pragma once

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace linkscope::detail {

class DisjointSets {
 public:
  explicit DisjointSets(uint32_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Merges the sets of a and b; false when they were one set already.
  bool Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    if (a < b) std::swap(a, b);
    parent_[a] = b;
    return true;
  }
  // The root of every element (the smallest element of its set).
  std::vector<uint32_t> Roots() && {
    for (uint32_t x = 0; x < parent_.size(); ++x) parent_[x] = Find(x);
    return std::move(parent_);
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace linkscope::detail
