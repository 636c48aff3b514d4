// Synthetic case files that look like the real problem: planted trafficking networks (cells of
// 5-60 persons) dealing in firearms, gold, drugs and wildlife along source -> transit ->
// destination routes; brokers between networks; seizures from operations over several years;
// firearms whose serials recur across seizures and sources, written with different separators
// and case; phones and calls; payments; graded, dated links; and noise.
//
// Deterministic: the same options give the same bytes on every platform.
#pragma once

#include <cstdint>
#include <string>

namespace linkscope {

struct GeneratorOptions {
  uint64_t entities = 10000;  // entity records to write (>= 100)
  uint64_t seed = 1;
  int first_year = 2016;
  int last_year = 2024;
};

struct GeneratorReport {
  uint64_t entity_records = 0;
  uint64_t links = 0;
  uint64_t networks = 0;
  uint64_t firearms = 0;         // distinct guns
  uint64_t firearm_records = 0;  // records describing them (several per recurring gun)
  uint64_t brokers = 0;
  uint64_t implicit = 0;  // ids that only links name (call records of unregistered numbers)
  uint64_t bytes = 0;
};

// Writes the case as linkscope JSON Lines to `path` and the ground truth to `truth_path`
// (CSV "id,network,role": the planted network of every entity, empty for shared infrastructure
// such as ports and operations and for unaffiliated records). Throws IoError or UsageError.
// About 2.8 links per entity record; O(entities) time and memory.
GeneratorReport GenerateCase(const GeneratorOptions& options, const std::string& path,
                             const std::string& truth_path);

}  // namespace linkscope
