// Path queries: how two entities are connected, through which evidence, in what order in time.
//
// Shortest paths by hops, by distance (Dijkstra 1959) and by reliability; the k shortest
// loopless paths (Yen 1971); all equally short paths; time-respecting paths; the
// neighbourhood of a set of entities; and a connecting network for a set of entities (a
// Steiner-tree approximation after Mehlhorn 1988). See docs/algorithms/paths.md.
//
// For path queries a link weight is a DISTANCE (more = farther), unlike community detection
// where it is a strength. kReliability maximises the product of the links' confidences
// (their grades through a ConfidenceTable), i.e. minimises the sum of -log(confidence).
//
// Direction is per link record: kForward follows a directed link from its `from` to its `to`,
// kBackward against it, kAny ignores it; undirected links go both ways in every mode. This
// holds whether the snapshot is directed or not. A snapshot edge that stands for several
// links (collapsed, or parallel) is one step: the admissible link that is best for the weight
// is taken (lowest distance, highest confidence; for hops the highest confidence), ties to
// the smallest LinkId.
//
// Filters (kinds, types, exclusions, window, confidence) restrict what a path passes
// through; the entities a query is asked about (from, to, seeds, terminals) are always
// admitted. "No path" is an empty result; an unknown id is a NotFoundError naming it.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/core/types.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/model/grading.hpp"

namespace linkscope {

// Which way links are followed: along them, against them, or either way.
enum class Direction : uint8_t { kForward, kBackward, kAny };

enum class PathWeight : uint8_t {
  kHops,         // every step costs 1
  kDistance,     // a link's weight read as a distance (weights are > 0)
  kReliability,  // cost -log(confidence): the path maximising the product of confidences
};

struct PathOptions {
  Direction direction = Direction::kAny;
  PathWeight weight = PathWeight::kHops;
  std::vector<std::string> kinds;  // allowed entity kinds (empty: all)
  std::vector<std::string> exclude_kinds;
  std::vector<std::string> link_types;  // allowed link types (empty: all)
  std::vector<std::string> exclude_link_types;
  std::vector<std::string> exclude;  // excluded entities (external ids)
  // Links whose date overlaps the window; undated links are admitted when keep_undated.
  std::optional<DateRange> window;
  bool keep_undated = true;
  double min_confidence = 0.0;  // links whose confidence is at least this
  ConfidenceTable confidence;
  uint32_t max_hops = 0;  // 0: no limit
  double max_cost = std::numeric_limits<double>::infinity();
  // Link dates never decrease along the path: the path is admitted when there are step times
  // t1 <= t2 <= ..., each inside its link's date interval (a year or month stands for all of
  // it). Undated links (when keep_undated) may be taken at any time. See docs/algorithms/
  // paths.md for the search (a window of feasible times per state).
  bool time_respecting = false;
  // With time_respecting: at most this many seconds between consecutive dated steps.
  std::optional<int64_t> max_gap_seconds;
};

// One traversed link, in the order walked.
struct Evidence {
  LinkId link = kNoLink;  // kNoLink on a derived (projected) snapshot
  VertexId from = kNoVertex, to = kNoVertex;
  std::string_view type, source, link_id;  // link_id: the external link id ("" if none)
  DateRange date;
  Grade grade;
  double confidence = 1;
  double weight = 1;  // the link's weight (a distance here)
  // Time-respecting paths: the earliest second this step can be taken at in a schedule of the
  // whole path (kUndated for an undated link, when that time is unbounded below, or when the
  // query was not time-respecting).
  TimePoint time = kUndated;
};

struct Path {
  std::vector<VertexId> vertices;  // from .. to
  std::vector<Evidence> links;     // vertices.size() - 1 entries
  uint32_t hops = 0;
  double cost = 0;         // hops, total distance, or -sum log confidence
  double reliability = 1;  // product of confidences
};

namespace detail {
class PathEngine;
}

// Compiles the options for one snapshot and answers point-to-point queries. Construction
// resolves the names in the options (O(size of the options + kinds + link types)); it does
// no O(n) or O(m) work unless `exclude` is non-empty (then O(n) once). Queries keep
// generation-stamped scratch (O(n) memory, allocated at the first query and never cleared),
// so a PathFinder is not thread-safe; the snapshot is only read, and must outlive the finder.
//
// Tie rule: paths compare by (cost, hops); among equal ones (costs within a relative 1e-12)
// by their sequences of entity external ids, read from `from`, lexicographically. Shortest,
// Yen's k paths and AllShortest follow this order exactly, so the answer does not depend on
// load order. Time-respecting ties: earliest arrival, then search order (load order).
// Details: docs/algorithms/paths.md.
class PathFinder {
 public:
  // Throws NotFoundError for an unknown excluded id, kind or link type, UsageError for bad
  // options (negative min_confidence or max_cost, max_gap without time_respecting, link
  // filters on a derived snapshot).
  PathFinder(const Snapshot& s, PathOptions options);
  ~PathFinder();
  PathFinder(PathFinder&&) noexcept;
  PathFinder& operator=(PathFinder&&) noexcept;

  const Snapshot& snapshot() const;
  const PathOptions& options() const;

  // NotFoundError naming the id when it is unknown or not in the snapshot.
  VertexId Resolve(std::string_view external_id) const;

  // The k shortest loopless paths, shortest first (k > 1: Yen 1971; paths are distinct as
  // entity sequences). Empty when there is no path within max_hops / max_cost. from == to
  // gives the zero-hop path. One path: bidirectional search, O(m log n) worst case, usually a
  // small part of the graph. k paths: O(k * hops * one search). Time-respecting: a
  // label-setting search over (entity, window of feasible times) states, exact (see docs); k > 1 is then a
  // UsageError. A vertex out of range is a UsageError.
  std::vector<Path> Shortest(VertexId from, VertexId to, uint32_t k = 1);

  // Every shortest path (same cost and hops as the shortest, costs within a relative 1e-12),
  // at most `cap`, in lexicographic order of their external-id sequences. Not time-respecting
  // (UsageError when the options ask for it).
  std::vector<Path> AllShortest(VertexId from, VertexId to, uint32_t cap);

 private:
  std::unique_ptr<detail::PathEngine> engine_;
};

// The entities within `depth` steps of the seeds (under the options' direction and filters,
// max_hops ignored), as a view with the links among them that the options admit, and the
// depth of each vertex of the view. forward_in_time: every expansion is a time-respecting
// continuation (link dates never decrease along the expanding walk; options.time_respecting
// means the same; a max gap is a UsageError). O(depth * adjacency of the neighbourhood) + the
// view's O(n + m) build (graph/view.hpp InducedView).
struct Neighborhood {
  Snapshot view;
  std::vector<uint32_t> depth;  // per vertex of view
};
Neighborhood NeighborhoodOf(const Snapshot& s, std::span<const VertexId> seeds, uint32_t depth,
                            const PathOptions& options, bool forward_in_time = false);

// A connecting network for two or more terminals: Mehlhorn's (1988) 2(1 - 1/l)-approximate
// Steiner tree (l = leaves) under the options' weight (costs as in Shortest). Terminals that
// cannot be reached from the first are listed in `unreachable` and left out. Ties by external
// ids: independent of load order. Direction must be kAny (UsageError otherwise).
struct ConnectingNetwork {
  std::vector<VertexId> vertices;  // sorted
  std::vector<Evidence> links;
  double cost = 0;
  std::vector<VertexId> unreachable;  // terminals that could not be connected to the first
};
ConnectingNetwork Connect(const Snapshot& s, std::span<const VertexId> terminals,
                          const PathOptions& options);

}  // namespace linkscope
