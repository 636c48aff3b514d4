// Time-respecting shortest paths (internal).
#pragma once

#include "linkscope/path/path.hpp"
#include "path/engine.hpp"

namespace linkscope::detail {

// The shortest time-respecting path from s to t under e.opt (time_respecting set); false when
// there is none. See time_respecting.cpp for the semantics.
bool TimeRespectingShortest(const PathEngine& e, VertexId s, VertexId t, Path* out);

// The clock after taking link l at clock `clock` (kOpenStart before the first step), or
// nullopt when the step is not allowed: a dated link needs hi >= clock and, with a gap,
// lo <= clock + gap (no gap limit for the first dated step); an undated link is allowed when
// keep_undated and leaves the clock.
std::optional<TimePoint> StepClock(const PathEngine& e, LinkId l, TimePoint clock);

}  // namespace linkscope::detail
