#include "linkscope/core/interrupt.hpp"

#include <atomic>

namespace linkscope {
namespace {

// A signal handler may only touch lock-free atomics.
static_assert(std::atomic<bool>::is_always_lock_free);

std::atomic<bool> interrupt_flag{false};

}  // namespace

void RequestInterrupt() noexcept { interrupt_flag.store(true, std::memory_order_release); }

void ClearInterrupt() noexcept { interrupt_flag.store(false, std::memory_order_release); }

bool InterruptRequested() noexcept { return interrupt_flag.load(std::memory_order_acquire); }

void ThrowIfInterrupted() {
  if (InterruptRequested()) throw Interrupted();
}

}  // namespace linkscope
