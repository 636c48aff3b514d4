// Fast non-cryptographic hashing for the engine's hash tables (internal).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "linkscope/core/types.hpp"

namespace linkscope::detail {

// 64x64 -> 128 multiply folded to 64 bits: the mixing step of the hash.
inline uint64_t Mum(uint64_t a, uint64_t b) {
  const Uint128 r = static_cast<Uint128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Hash of a byte string; reads 8 bytes at a time and never past the end.
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kP0 = 0xa0761d6478bd642fULL;
  constexpr uint64_t kP1 = 0xe7037ed1a0b428dbULL;
  constexpr uint64_t kP2 = 0x8ebc6af09c88c6e3ULL;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = kP0 ^ (n * kP1);
  while (n >= 16) {
    h = Mum(Load64(p) ^ kP1, Load64(p + 8) ^ h);
    p += 16;
    n -= 16;
  }
  uint64_t a = 0;
  uint64_t b = 0;
  if (n >= 8) {
    a = Load64(p);
    b = Load64(p + n - 8);
  } else if (n > 0) {
    // Up to 7 bytes: assemble from the first, middle and last bytes (all in range).
    a = (static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
        (static_cast<uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) |
        static_cast<unsigned char>(p[n - 1]);
    if (n >= 4) {
      uint32_t lo;
      uint32_t hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      b = (static_cast<uint64_t>(lo) << 32) | hi;
    }
  }
  return Mum(kP2 ^ n, Mum(a ^ kP1, b ^ h));
}

inline uint64_t HashInt(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace linkscope::detail
