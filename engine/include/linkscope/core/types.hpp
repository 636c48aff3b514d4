// Dense ids used inside the engine. External (string) ids appear only at the border.
#pragma once

#include <cstdint>
#include <limits>

namespace linkscope {

using EntityId = uint32_t;    // dense index of an entity in a Model
using LinkId = uint32_t;      // dense index of a link record in a Model
using VertexId = uint32_t;    // dense vertex index inside a Snapshot
using EdgeId = uint32_t;      // dense edge index inside a Snapshot
using KindId = uint16_t;      // entity kind (built-in or user-defined)
using LinkTypeId = uint16_t;  // link type

inline constexpr uint32_t kNone32 = std::numeric_limits<uint32_t>::max();
inline constexpr EntityId kNoEntity = kNone32;
inline constexpr LinkId kNoLink = kNone32;
inline constexpr VertexId kNoVertex = kNone32;
inline constexpr EdgeId kNoEdge = kNone32;

// 128-bit unsigned, for 64x64 -> 128 multiplications (a GCC/Clang extension).
__extension__ typedef unsigned __int128 Uint128;

// Largest number of entities or links a Model holds (ids are 32-bit; one value is reserved).
inline constexpr uint64_t kMaxRecords = std::numeric_limits<uint32_t>::max() - 1;

}  // namespace linkscope
