// Append-only string storage with deduplication (internal).
//
// Interned strings get dense ids 0, 1, 2, ... in insertion order. Lookups hash the bytes and
// probe an open-addressing table (linear probing, load <= 1/2) whose slots hold 32 bits of the
// hash and the id, so most mismatches are rejected without touching the string bytes.
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

  // Keeps the first n strings (n <= size()).
  void Truncate(uint32_t n);
  void Reserve(size_t strings, size_t bytes);
  size_t MemoryBytes() const;
  uint64_t byte_size() const { return offsets_.back(); }

 private:
  void Rehash(size_t slots);
  void Place(uint32_t id, uint64_t hash);

  HugeVector<char> bytes_;
  HugeVector<uint64_t> offsets_ = HugeVector<uint64_t>(1, 0);
  HugeVector<uint64_t> slots_;  // 0 = empty, else (hash_hi32 << 32) | (id + 1)
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
