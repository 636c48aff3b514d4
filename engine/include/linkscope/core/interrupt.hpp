// Cooperative interruption of long computations, so that a host (the Python layer, the CLI) can
// make Ctrl-C stop one cleanly.
//
// There is one flag per process. The host sets it with RequestInterrupt(), typically from a
// SIGINT handler (it is async-signal-safe: one store to a lock-free atomic). The long-running
// algorithms poll it at safe points — once per search source, sweep, level, iteration, swap
// evaluation or spur search, never per edge, so polling costs nothing measurable — and throw
// Interrupted when it is set. They never return a partial result, and they leave their inputs
// (models, graphs, snapshots, a PathFinder's snapshot and options) untouched: only the call's
// own working memory is lost, and every object stays usable.
//
// The flag stays set until the host clears it with ClearInterrupt(), which it must do before
// the next call: a call that starts with the flag set throws at its first poll. Because the
// flag belongs to the process, a request stops every computation that polls it, in every
// thread. Inside OpenMP parallel regions the threads only skip their remaining work once the
// flag is seen (an exception must not leave a region); the call throws after the region.
//
// What polls: Leiden, Louvain and label propagation (every local-moving or propagation sweep,
// and every Leiden/Louvain level), betweenness, closeness and harmonic (every source), PageRank
// and eigenvector (every iteration), key players (every greedy step, swap evaluation and
// restart; DF evaluations every source and candidate), distance-weighted fragmentation (every
// source), k shortest paths (every spur search) and time-respecting paths (every few thousand
// states). Everything else is linear or close to it and does not poll.
#pragma once

#include "linkscope/core/error.hpp"

namespace linkscope {

// Thrown by a computation that stopped because an interrupt was requested. Message
// "interrupted".
class Interrupted : public Error {
 public:
  Interrupted() : Error("interrupted") {}
};

// Sets the process's interrupt flag. Async-signal-safe: may be called from a signal handler.
void RequestInterrupt() noexcept;

// Clears the flag; call before starting the next computation after an interrupt.
void ClearInterrupt() noexcept;

// Whether the flag is set.
bool InterruptRequested() noexcept;

// Throws Interrupted when the flag is set. Not for use inside an OpenMP parallel region.
void ThrowIfInterrupted();

}  // namespace linkscope
