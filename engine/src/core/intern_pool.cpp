#include "core/intern_pool.hpp"

#include <algorithm>
#include <cstring>

#include "core/hash.hpp"

namespace linkscope::detail {

uint64_t InternPool::Hash(std::string_view s) { return HashBytes(s); }

bool InternPool::Matches(const Slot& slot, std::string_view s) const {
  const uint64_t len = slot.where & kLongString;
  const uint64_t begin = slot.where >> 16;
  if (len != kLongString) {
    return len == s.size() && std::memcmp(bytes_.data() + begin, s.data(), len) == 0;
  }
  const uint32_t id = slot.id_plus1 - 1;
  const uint64_t full = offsets_[id + 1] - offsets_[id];
  return full == s.size() && std::memcmp(bytes_.data() + begin, s.data(), full) == 0;
}

uint32_t InternPool::Find(std::string_view s, uint64_t hash) const {
  const auto tag = static_cast<uint32_t>(hash >> 32);
  for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.id_plus1 == 0) return kNotFound;
    if (slot.tag == tag && Matches(slot, s)) return slot.id_plus1 - 1;
  }
}

uint32_t InternPool::Intern(std::string_view s, uint64_t hash, bool* inserted) {
  const auto tag = static_cast<uint32_t>(hash >> 32);
  uint64_t i = hash & mask_;
  for (;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.id_plus1 == 0) break;
    if (slot.tag == tag && Matches(slot, s)) {
      if (inserted) *inserted = false;
      return slot.id_plus1 - 1;
    }
  }
  const uint32_t id = size();
  const uint64_t begin = bytes_.size();
  bytes_.insert(bytes_.end(), s.begin(), s.end());
  offsets_.push_back(bytes_.size());
  slots_[i] = Slot{tag, id + 1, (begin << 16) | std::min<uint64_t>(s.size(), kLongString)};
  if (2 * (static_cast<uint64_t>(id) + 1) > mask_ + 1) Rehash(2 * (mask_ + 1));
  if (inserted) *inserted = true;
  return id;
}

void InternPool::Place(uint32_t id, uint64_t hash) {
  uint64_t i = hash & mask_;
  while (slots_[i].id_plus1 != 0) i = (i + 1) & mask_;
  const uint64_t begin = offsets_[id];
  const uint64_t len = offsets_[id + 1] - begin;
  slots_[i] = Slot{static_cast<uint32_t>(hash >> 32), id + 1,
                   (begin << 16) | std::min<uint64_t>(len, kLongString)};
}

void InternPool::Rehash(size_t slots) {
  slots_.assign(slots, Slot{});
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
         slots_.capacity() * sizeof(Slot);
}

}  // namespace linkscope::detail
