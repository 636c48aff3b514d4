// Time-respecting shortest paths (internal).
#pragma once

#include <cstdint>
#include <optional>

#include "linkscope/path/path.hpp"
#include "path/engine.hpp"

namespace linkscope::detail {

// The shortest time-respecting path from s to t under e.opt (time_respecting set); false when
// there is none. See time_respecting.cpp for the semantics.
bool TimeRespectingShortest(const PathEngine& e, VertexId s, VertexId t, Path* out);

// The seconds at which the last dated step of a walk can have been taken, [earliest, latest]
// inclusive (kOpenStart / kOpenEnd: unbounded). kAnyTime before the first dated step.
struct TimeWindow {
  TimePoint earliest = kOpenStart;
  TimePoint latest = kOpenEnd;
};
inline constexpr TimeWindow kAnyTime{kOpenStart, kOpenEnd};

// The window after taking link l from window w, or nullopt when the step is impossible. A
// dated link [lo, hi] needs hi >= w.earliest and, with a gap, lo <= w.latest + gap (no limit
// before the first dated step, whose w.latest is kOpenEnd); the new window is
// [max(w.earliest, lo), min(hi, w.latest + gap)] ([max(w.earliest, lo), hi] without a gap).
// An undated link is allowed when keep_undated and leaves the window.
std::optional<TimeWindow> StepWindow(const PathEngine& e, LinkId l, TimeWindow w,
                                     std::optional<int64_t> gap);

// Without a gap: the earliest time after taking link l at clock `clock` (kOpenStart before
// the first dated step), or nullopt when the step is not allowed (StepWindow from
// [clock, kOpenEnd] with no gap; NeighborhoodOf, which refuses a gap).
std::optional<TimePoint> StepClock(const PathEngine& e, LinkId l, TimePoint clock);

}  // namespace linkscope::detail
