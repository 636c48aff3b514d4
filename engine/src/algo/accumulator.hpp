// Summing weights per label over one vertex's neighbours (internal): the inner loop of local
// moving, refinement and label propagation.
//
// Most vertices have few neighbours, so their sums fit a small open-addressing table that stays
// in L1 and is wiped with a few wide stores (SmallSums); a dense array indexed by label, one
// per thread, serves the rest without collisions (DenseSums). Both list the labels in the order
// they were first added. Callers pick one per vertex by degree (Accumulator::Visit), so the
// hot loops have no branch on the kind.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace linkscope::detail {

class SmallSums {
 public:
  static constexpr uint32_t kMaxDegree = 64;

  SmallSums() {
    std::memset(keys_, 0xFF, sizeof(keys_));  // kEmpty everywhere
    std::memset(values_, 0, sizeof(values_));
  }

  // Branch-free on "new label or not" (at level 0 of local moving about every other
  // neighbour brings a new label, which a branch would mispredict): an empty slot's value is
  // 0, so the sum is the same either way, and the slot is listed only when it was empty.
  void Add(uint32_t label, double w) {
    uint32_t slot = Slot(label);
    while (keys_[slot] != label && keys_[slot] != kEmpty) slot = (slot + 1) & (kSlots - 1);
    const bool fresh = keys_[slot] == kEmpty;
    keys_[slot] = label;
    values_[slot] += w;
    order_[count_] = static_cast<uint16_t>(slot);
    count_ += fresh;
  }
  double Get(uint32_t label) const {
    for (uint32_t slot = Slot(label);; slot = (slot + 1) & (kSlots - 1)) {
      if (keys_[slot] == label) return values_[slot];
      if (keys_[slot] == kEmpty) return 0;
    }
  }
  uint32_t size() const { return count_; }
  uint32_t Label(uint32_t i) const { return keys_[order_[i]]; }
  double Sum(uint32_t i) const { return values_[order_[i]]; }
  // Empties the slots in use (the rest are empty already).
  void Clear() {
    for (uint32_t i = 0; i < count_; ++i) {
      keys_[order_[i]] = kEmpty;
      values_[order_[i]] = 0;
    }
    count_ = 0;
  }

 private:
  static constexpr uint32_t kSlots = 2 * kMaxDegree;  // load at most 1/2
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  static uint32_t Slot(uint32_t label) { return (label * 0x9E3779B1u) >> 25; }  // 7 bits
  static_assert(kSlots == 128, "Slot() yields 7 bits");

  uint32_t keys_[kSlots];
  double values_[kSlots];
  // Not a character type, which may alias anything and would make the compiler reload the
  // table after every store. Add writes one entry past the labels so far.
  uint16_t order_[kSlots + 1];
  uint32_t count_ = 0;
};

class DenseSums {
 public:
  explicit DenseSums(uint32_t labels) : labels_(labels) {}

  // Room for the labels of a vertex of this degree (at most `degree` Adds follow); called
  // before its first Add. Add writes one slot past the labels so far, hence the + 1.
  void Reserve(uint64_t degree) {
    if (sums_.empty()) sums_.assign(labels_, 0.0);  // on first use: most graphs never need it
    const uint64_t most = (degree < labels_ ? degree : labels_) + 1;
    if (touched_.size() < most) touched_.resize(most);
  }
  // Weights are > 0, so a zero sum means "not added yet". Branch-free: on the dense upper
  // levels about every other neighbour brings a new label, which a branch would mispredict.
  void Add(uint32_t label, double w) {
    const bool fresh = sums_[label] == 0;
    touched_[count_] = label;
    count_ += fresh;
    sums_[label] += w;
  }
  double Get(uint32_t label) const { return sums_.empty() ? 0.0 : sums_[label]; }
  uint32_t size() const { return count_; }
  uint32_t Label(uint32_t i) const { return touched_[i]; }
  double Sum(uint32_t i) const { return sums_[touched_[i]]; }
  void Clear() {
    for (uint32_t i = 0; i < count_; ++i) sums_[touched_[i]] = 0;
    count_ = 0;
  }

 private:
  uint32_t labels_;
  std::vector<double> sums_;
  std::vector<uint32_t> touched_;  // the first count_ entries are the labels, in order added
  uint32_t count_ = 0;
};

// Both, one per thread.
struct Accumulator {
  explicit Accumulator(uint32_t labels) : dense(labels) {}
  SmallSums small;
  DenseSums dense;

  // Calls f(sums) with the table that suits a vertex of the given degree, and clears it after.
  template <typename F>
  auto Visit(uint64_t degree, F&& f) {
    if (degree <= SmallSums::kMaxDegree) {
      auto r = f(small);
      small.Clear();
      return r;
    }
    dense.Reserve(degree);
    auto r = f(dense);
    dense.Clear();
    return r;
  }
};

}  // namespace linkscope::detail
