// Connected components.
//
// Weak components ignore direction (union-find with path halving over each edge once);
// strong components follow it (Tarjan 1972, iterative). Both O(n + m) and deterministic:
// components are numbered by decreasing size, ties broken by the smallest external id of
// their members, so the numbering does not depend on the order the input was loaded in.
#pragma once

#include <cstdint>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct Components {
  std::vector<uint32_t> component;  // per vertex
  std::vector<uint64_t> sizes;      // per component, non-increasing
  uint32_t count() const { return static_cast<uint32_t>(sizes.size()); }
};

Components WeakComponents(const Snapshot& s);
// On an undirected snapshot this equals WeakComponents.
Components StrongComponents(const Snapshot& s);

}  // namespace linkscope
