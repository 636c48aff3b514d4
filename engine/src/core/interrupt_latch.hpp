// Polling the interrupt flag inside an OpenMP parallel region (internal).
//
// An exception must not leave a region, so its threads poll a latch instead: once any thread
// has seen the request, Poll() is true for all of them and they skip their remaining work; the
// caller throws with ThrowIfSeen() after the region. The latch stays set, so a call that
// skipped work always throws, even if the host cleared the flag in the meantime.
#pragma once

#include <atomic>

#include "linkscope/core/interrupt.hpp"

namespace linkscope::detail {

class InterruptLatch {
 public:
  // True once an interrupt has been requested; safe from any thread of a region.
  bool Poll() noexcept {
    if (seen_.load(std::memory_order_relaxed)) return true;
    if (!InterruptRequested()) return false;
    seen_.store(true, std::memory_order_relaxed);
    return true;
  }

  // Throws Interrupted when a Poll() saw the request. Outside parallel regions only.
  void ThrowIfSeen() const {
    if (seen_.load(std::memory_order_relaxed)) throw Interrupted();
  }

 private:
  std::atomic<bool> seen_{false};
};

}  // namespace linkscope::detail
