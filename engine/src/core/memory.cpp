#include "linkscope/core/memory.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace linkscope::detail {
namespace {
constexpr size_t kHugePage = size_t{2} << 20;
size_t RoundUp(size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }
}  // namespace

void* AllocateHuge(size_t bytes) {
  const size_t len = RoundUp(bytes);
  // Map one huge page more, then trim so the block starts on a 2 MiB boundary.
  void* raw =
      ::mmap(nullptr, len + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
  if (aligned > start) ::munmap(raw, aligned - start);
  const uintptr_t end = start + len + kHugePage;
  if (end > aligned + len) ::munmap(reinterpret_cast<void*>(aligned + len), end - aligned - len);
  void* p = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
  ::madvise(p, len, MADV_HUGEPAGE);
#endif
  return p;
}

void FreeHuge(void* p, size_t bytes) { ::munmap(p, RoundUp(bytes)); }

}  // namespace linkscope::detail
