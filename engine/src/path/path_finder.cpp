// PathFinder: shortest, k shortest (Yen 1971) and all shortest paths over the searches of
// path/engine.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"
#include "linkscope/path/path.hpp"
#include "path/engine.hpp"
#include "path/time_respecting.hpp"

namespace linkscope {

using detail::Near;

namespace {

// Path order: cost (within the tolerance), hops, then the external-id sequence.
bool PathBefore(const detail::PathEngine& e, const Path& a, const Path& b) {
  if (!Near(a.cost, b.cost)) return a.cost < b.cost;
  if (a.hops != b.hops) return a.hops < b.hops;
  return std::lexicographical_compare(a.vertices.begin(), a.vertices.end(), b.vertices.begin(),
                                      b.vertices.end(),
                                      [&](VertexId x, VertexId y) { return e.IdLess(x, y); });
}

bool WithinBounds(const PathOptions& o, const Path& p) {
  if (o.max_hops > 0 && p.hops > o.max_hops) return false;
  return p.cost <= o.max_cost || Near(p.cost, o.max_cost);
}

}  // namespace

PathFinder::PathFinder(const Snapshot& s, PathOptions options)
    : engine_(std::make_unique<detail::PathEngine>(s, std::move(options))) {}
PathFinder::~PathFinder() = default;
PathFinder::PathFinder(PathFinder&&) noexcept = default;
PathFinder& PathFinder::operator=(PathFinder&&) noexcept = default;

const Snapshot& PathFinder::snapshot() const { return engine_->snap; }
const PathOptions& PathFinder::options() const { return engine_->opt; }

VertexId PathFinder::Resolve(std::string_view external_id) const {
  return engine_->snap.VertexOfId(external_id);
}

std::vector<Path> PathFinder::Shortest(VertexId from, VertexId to, uint32_t k) {
  detail::PathEngine& e = *engine_;
  const uint32_t n = e.snap.vertex_count();
  if (from >= n || to >= n) throw UsageError("Shortest: vertex out of range");
  std::vector<Path> result;
  if (k == 0) return result;
  if (e.opt.time_respecting) {
    if (k > 1) throw UsageError("k shortest paths are not available for time-respecting paths");
    Path p;
    if (detail::TimeRespectingShortest(e, from, to, &p)) result.push_back(std::move(p));
    return result;
  }
  e.ClearBlocks();
  std::vector<VertexId> first = e.ShortestVertices(from, to, e.opt.max_hops, e.opt.max_cost);
  if (first.empty()) return result;
  result.push_back(e.MakePath(first));
  if (k == 1 || from == to) return result;

  // Yen: every further path leaves an accepted one at a spur vertex, after the same root.
  std::set<std::vector<VertexId>> seen = {first};
  std::vector<Path> candidates;
  while (result.size() < k) {
    const std::vector<VertexId> prev = result.back().vertices;
    double root_cost = 0;
    for (size_t i = 0; i + 1 < prev.size(); ++i) {
      const VertexId spur = prev[i];
      if (i > 0) root_cost += e.BestLink(prev[i - 1], prev[i]).second;
      const auto hops = static_cast<uint32_t>(i);
      if (e.opt.max_hops > 0 && hops >= e.opt.max_hops) break;
      const double cost_left = e.opt.max_cost - root_cost;
      if (cost_left < 0 && !Near(root_cost, e.opt.max_cost)) break;
      e.ClearBlocks();
      ThrowIfInterrupted();  // before every spur search, with no blocks left behind
      for (const Path& p : result) {
        if (p.vertices.size() > i + 1 &&
            std::equal(prev.begin(), prev.begin() + i + 1, p.vertices.begin())) {
          e.Forbid(spur, p.vertices[i + 1]);
        }
      }
      for (size_t j = 0; j < i; ++j) e.Block(prev[j]);
      const uint32_t hop_left = e.opt.max_hops > 0 ? e.opt.max_hops - hops : 0;
      std::vector<VertexId> spur_path =
          e.ShortestVertices(spur, to, hop_left, std::max(cost_left, 0.0));
      if (spur_path.empty()) continue;
      std::vector<VertexId> full(prev.begin(), prev.begin() + i);
      full.insert(full.end(), spur_path.begin(), spur_path.end());
      if (!seen.insert(full).second) continue;
      Path p = e.MakePath(full);
      if (WithinBounds(e.opt, p)) candidates.push_back(std::move(p));
    }
    e.ClearBlocks();
    if (candidates.empty()) break;
    size_t best = 0;
    for (size_t c = 1; c < candidates.size(); ++c) {
      if (PathBefore(e, candidates[c], candidates[best])) best = c;
    }
    result.push_back(std::move(candidates[best]));
    candidates.erase(candidates.begin() + static_cast<ptrdiff_t>(best));
  }
  return result;
}

std::vector<Path> PathFinder::AllShortest(VertexId from, VertexId to, uint32_t cap) {
  detail::PathEngine& e = *engine_;
  const uint32_t n = e.snap.vertex_count();
  if (from >= n || to >= n) throw UsageError("AllShortest: vertex out of range");
  if (e.opt.time_respecting) {
    throw UsageError("all shortest paths are not available for time-respecting paths");
  }
  e.ClearBlocks();
  std::vector<Path> result;
  for (const auto& vs : e.AllShortestVertices(from, to, e.opt.max_hops, e.opt.max_cost, cap)) {
    result.push_back(e.MakePath(vs));
  }
  return result;
}

}  // namespace linkscope
