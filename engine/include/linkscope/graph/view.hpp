// Filtered views: a new snapshot with only the entities and links that pass a filter.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/model/grading.hpp"

namespace linkscope {

struct ViewFilter {
  // Keep entities of these kinds (empty: all kinds).
  std::vector<std::string> kinds;
  // Keep links of these types (empty: all types).
  std::vector<std::string> link_types;
  // Keep links whose date overlaps this window; undated links are kept when keep_undated.
  std::optional<DateRange> window;
  bool keep_undated = true;
  // Keep links whose confidence (their grade through `confidence`) is at least this.
  double min_confidence = 0.0;
  ConfidenceTable confidence;
  // Keep links whose handling code is at most this (0: no limit). Links without a handling
  // code carry no restriction and are kept.
  uint8_t max_handling = 0;
  // Drop these entities (external ids).
  std::vector<std::string> exclude;
};

// A view of `parent` as a new snapshot with the parent's options; vertices keep their
// relative order. O(n + m) plus O(L / 8) bytes for the model's L links. Throws NotFoundError
// for an excluded id that does not exist or a kind or link type that is neither built in nor
// present, and UsageError for link filters on a derived (projected) snapshot.
Snapshot MakeView(const Snapshot& parent, const ViewFilter& filter);

// The view on the parent's vertices flagged in `keep` (one flag per parent vertex), with the
// parent's links between them for which keep_link(l) is true (all when keep_link is empty; a
// derived parent keeps every edge between kept vertices). Vertices keep their relative order.
// O(n + m). Used for neighbourhoods.
Snapshot InducedView(const Snapshot& parent, std::span<const uint8_t> keep,
                     const std::function<bool(LinkId)>& keep_link = {});

}  // namespace linkscope
