// Neighbourhoods: a breadth-first expansion from the seeds under the options' direction and
// filters, returned as an induced view.
//
// Forward in time: the walk's clock (path/time_respecting.hpp) must allow every step, so a
// vertex counts as reached at depth h when some time-respecting walk of at most h steps from
// a seed ends there. The expansion keeps, per vertex, the earliest clock any walk of at most
// h steps reaches it with (an earlier clock allows every step a later one does), round by
// round from the previous round's clocks: exact, O(depth * adjacency of the reached part).
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/view.hpp"
#include "linkscope/path/path.hpp"
#include "path/engine.hpp"
#include "path/time_respecting.hpp"

namespace linkscope {

Neighborhood NeighborhoodOf(const Snapshot& s, std::span<const VertexId> seeds, uint32_t depth,
                            const PathOptions& options, bool forward_in_time) {
  const uint32_t n = s.vertex_count();
  for (const VertexId v : seeds) {
    if (v >= n) throw UsageError("NeighborhoodOf: seed out of range");
  }
  PathOptions o = options;
  const bool in_time = forward_in_time || o.time_respecting;
  if (in_time && o.max_gap_seconds) {
    throw UsageError("a neighbourhood forward in time takes no maximum gap");
  }
  o.time_respecting = in_time;
  const detail::PathEngine e(s, o);

  std::unordered_map<VertexId, uint32_t> reached;  // vertex -> depth
  std::vector<VertexId> frontier;
  for (const VertexId v : seeds) {
    if (reached.emplace(v, 0).second) frontier.push_back(v);
  }
  std::sort(frontier.begin(), frontier.end());
  if (!in_time) {
    for (uint32_t h = 1; h <= depth && !frontier.empty(); ++h) {
      std::vector<VertexId> next;
      for (const VertexId u : frontier) {
        e.ForSteps(u, false, [&](VertexId w, double) {
          if (!e.VertexOk(w)) return;
          if (reached.emplace(w, h).second) next.push_back(w);
        });
      }
      frontier = std::move(next);
    }
  } else {
    std::unordered_map<VertexId, TimePoint> clock;
    for (const VertexId v : frontier) clock[v] = kOpenStart;
    for (uint32_t h = 1; h <= depth && !frontier.empty(); ++h) {
      std::unordered_map<VertexId, TimePoint> better;
      for (const VertexId u : frontier) {
        const TimePoint cu = clock.at(u);
        e.ForLinkSteps(u, false, [&](VertexId w, LinkId l, double) {
          auto r = reached.find(w);
          if (r != reached.end() && r->second == 0) return;  // a seed starts at the open start
          if (!e.VertexOk(w)) return;
          const auto c = detail::StepClock(e, l, cu);
          if (!c) return;
          auto known = clock.find(w);
          if (known != clock.end() && known->second <= *c) return;
          auto it = better.find(w);
          if (it == better.end() || *c < it->second) better[w] = *c;
        });
      }
      frontier.clear();
      for (const auto& [w, c] : better) {
        clock[w] = c;
        reached.emplace(w, h);
        frontier.push_back(w);
      }
      std::sort(frontier.begin(), frontier.end());
    }
  }

  std::vector<uint8_t> keep(n, 0);
  for (const auto& [v, d] : reached) keep[v] = 1;
  std::vector<uint32_t> depths;
  depths.reserve(reached.size());
  for (VertexId v = 0; v < n; ++v) {
    if (keep[v]) depths.push_back(reached.at(v));
  }
  // On a derived snapshot every edge between kept vertices stays (LinkOk needs records).
  std::function<bool(LinkId)> keep_link;
  if (!s.derived()) keep_link = [&](LinkId l) { return e.LinkOk(l); };
  return Neighborhood{InducedView(s, keep, keep_link), std::move(depths)};
}

}  // namespace linkscope
