// Append-only string storage with deduplication (internal).
//
// Interned strings get dense ids 0, 1, 2, ... in insertion order. Lookups hash the bytes and
// probe an open-addressing table (linear probing, load <= 1/2) whose slots hold 32 bits of the
// hash, the id, and where the string's bytes are: most mismatches are rejected without touching
// the bytes, and a match costs one more memory access, not two. Callers that look up many keys
// can prefetch the slot and then the bytes (PrefetchSlot, PrefetchBytes) to overlap misses.
// Truncate() drops the newest strings; it is how a failed load is rolled back.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "linkscope/core/memory.hpp"

namespace linkscope::detail {

class InternPool {
 public:
  static constexpr uint32_t kNotFound = 0xFFFFFFFFu;

  InternPool() { Rehash(16); }

  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  std::string_view Get(uint32_t id) const {
    return {bytes_.data() + offsets_[id], static_cast<size_t>(offsets_[id + 1] - offsets_[id])};
  }

  uint32_t Find(std::string_view s) const { return Find(s, Hash(s)); }
  uint32_t Find(std::string_view s, uint64_t hash) const;

  // Id of s, inserting it when new. *inserted tells which happened.
  uint32_t Intern(std::string_view s, bool* inserted = nullptr) {
    return Intern(s, Hash(s), inserted);
  }
  uint32_t Intern(std::string_view s, uint64_t hash, bool* inserted = nullptr);

  static uint64_t Hash(std::string_view s);

  // Hints for batched lookups: first the slot, then (once it is cached) the candidate's bytes.
  void PrefetchSlot(uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }
  void PrefetchBytes(uint64_t hash) const {
    const Slot& slot = slots_[hash & mask_];
    if (slot.id_plus1 != 0) __builtin_prefetch(bytes_.data() + (slot.where >> 16));
  }

  // Keeps the first n strings (n <= size()).
  void Truncate(uint32_t n);
  void Reserve(size_t strings, size_t bytes);
  size_t MemoryBytes() const;
  uint64_t byte_size() const { return offsets_.back(); }

 private:
  // where = byte offset << 16 | length (kLongString when the length does not fit).
  struct Slot {
    uint32_t tag = 0;
    uint32_t id_plus1 = 0;  // 0 = empty
    uint64_t where = 0;
  };
  static constexpr uint64_t kLongString = 0xFFFF;

  void Rehash(size_t slots);
  void Place(uint32_t id, uint64_t hash);
  bool Matches(const Slot& slot, std::string_view s) const;

  HugeVector<char> bytes_;
  HugeVector<uint64_t> offsets_ = HugeVector<uint64_t>(1, 0);
  HugeVector<Slot> slots_;
  uint64_t mask_ = 0;
};

// Append-only text without deduplication: names, aliases, free-text property values.
class TextArena {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  uint32_t Add(std::string_view s) {
    bytes_.insert(bytes_.end(), s.begin(), s.end());
    offsets_.push_back(bytes_.size());
    return static_cast<uint32_t>(offsets_.size() - 2);
  }
  std::string_view Get(uint32_t id) const {
    if (id == kNone) return {};
    return {bytes_.data() + offsets_[id], static_cast<size_t>(offsets_[id + 1] - offsets_[id])};
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  void Truncate(uint32_t n) {
    offsets_.resize(n + 1);
    bytes_.resize(offsets_.back());
  }
  size_t MemoryBytes() const { return bytes_.capacity() + offsets_.capacity() * 8; }

 private:
  std::vector<char> bytes_;
  std::vector<uint64_t> offsets_ = {0};
};

}  // namespace linkscope::detail
