// Network statistics of a model: what was loaded and how it hangs together.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/model/model.hpp"

namespace linkscope {

struct DegreeSummary {
  uint64_t min = 0;
  uint64_t max = 0;
  double mean = 0;
  double median = 0;
};

// A connected network (weak component): the largest ones are listed.
struct NetworkSummary {
  uint64_t size = 0;
  uint64_t links = 0;  // links inside it
  std::vector<std::pair<std::string, uint64_t>> kinds;
  std::vector<std::string> countries;  // of its members, most frequent first
  // Members with the most distinct neighbours: (external id, name, degree).
  struct Member {
    std::string id;
    std::string name;
    std::string kind;
    uint64_t degree = 0;
  };
  std::vector<Member> top_members;
};

struct GraphStats {
  uint64_t entities = 0;
  uint64_t links = 0;
  uint64_t implicit_entities = 0;       // created because a link named them
  uint64_t firearms = 0;                // resolved firearm entities
  uint64_t firearm_records = 0;         // firearm records read
  uint64_t merged_firearm_records = 0;  // records resolved onto another record's firearm
  uint64_t directed_links = 0;
  uint64_t self_loops = 0;
  uint64_t distinct_pairs = 0;  // unordered pairs of different entities with >= 1 link
  uint64_t isolates = 0;        // entities without links (self-loops aside)
  uint64_t graded_links = 0;
  DateRange link_dates;                                   // span of dated links (undated when none)
  std::vector<std::pair<std::string, uint64_t>> by_kind;  // most frequent first
  std::vector<std::pair<std::string, uint64_t>> by_link_type;  // most frequent first
  std::vector<std::pair<std::string, uint64_t>> by_grade;      // "B2" ..., "ungraded"
  uint64_t components = 0;                                     // weakly connected
  uint64_t largest_component = 0;
  std::vector<uint64_t> component_sizes;  // largest first, at most top_components
  uint64_t strong_components = 0;         // following link direction
  uint64_t largest_strong_component = 0;
  DegreeSummary degree;                  // distinct neighbours
  std::vector<NetworkSummary> networks;  // the largest weak components (of 2+ entities)
};

struct StatsOptions {
  uint32_t top_components = 10;  // sizes listed
  uint32_t networks = 5;         // networks described
  uint32_t members = 5;          // top members per network
};

// O(n log n + m). Deterministic.
GraphStats ComputeStats(std::shared_ptr<const Model> model, const StatsOptions& options = {});

}  // namespace linkscope
