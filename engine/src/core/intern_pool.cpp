#include "core/intern_pool.hpp"

#include <cstring>

#include "core/hash.hpp"

namespace linkscope::detail {

uint64_t InternPool::Hash(std::string_view s) { return HashBytes(s); }

uint32_t InternPool::Find(std::string_view s, uint64_t hash) const {
  const uint64_t tag = hash >> 32;
  for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNotFound;
    if ((slot >> 32) == tag) {
      const auto id = static_cast<uint32_t>(slot) - 1;
      const uint64_t begin = offsets_[id];
      const uint64_t len = offsets_[id + 1] - begin;
      if (len == s.size() && std::memcmp(bytes_.data() + begin, s.data(), len) == 0) return id;
    }
  }
}

uint32_t InternPool::Intern(std::string_view s, uint64_t hash, bool* inserted) {
  const uint64_t tag = hash >> 32;
  uint64_t i = hash & mask_;
  for (;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) break;
    if ((slot >> 32) == tag) {
      const auto id = static_cast<uint32_t>(slot) - 1;
      const uint64_t begin = offsets_[id];
      const uint64_t len = offsets_[id + 1] - begin;
      if (len == s.size() && std::memcmp(bytes_.data() + begin, s.data(), len) == 0) {
        if (inserted) *inserted = false;
        return id;
      }
    }
  }
  const uint32_t id = size();
  bytes_.insert(bytes_.end(), s.begin(), s.end());
  offsets_.push_back(bytes_.size());
  slots_[i] = (tag << 32) | (static_cast<uint64_t>(id) + 1);
  if (2 * (static_cast<uint64_t>(id) + 1) > mask_ + 1) Rehash(2 * (mask_ + 1));
  if (inserted) *inserted = true;
  return id;
}

void InternPool::Place(uint32_t id, uint64_t hash) {
  uint64_t i = hash & mask_;
  while (slots_[i] != 0) i = (i + 1) & mask_;
  slots_[i] = ((hash >> 32) << 32) | (static_cast<uint64_t>(id) + 1);
}

void InternPool::Rehash(size_t slots) {
  slots_.assign(slots, 0);
  mask_ = slots - 1;
  for (uint32_t id = 0; id < size(); ++id) Place(id, Hash(Get(id)));
}

void InternPool::Truncate(uint32_t n) {
  if (n >= size()) return;
  offsets_.resize(static_cast<size_t>(n) + 1);
  bytes_.resize(offsets_.back());
  size_t slots = 16;
  while (slots < 2 * (static_cast<size_t>(n) + 1)) slots *= 2;
  Rehash(slots);
}

void InternPool::Reserve(size_t strings, size_t bytes) {
  bytes_.reserve(bytes);
  offsets_.reserve(strings + 1);
  size_t slots = mask_ + 1;
  while (slots < 2 * (strings + 1)) slots *= 2;
  if (slots > mask_ + 1) Rehash(slots);
}

size_t InternPool::MemoryBytes() const {
  return bytes_.capacity() + offsets_.capacity() * sizeof(uint64_t) +
         slots_.capacity() * sizeof(uint64_t);
}

}  // namespace linkscope::detail
