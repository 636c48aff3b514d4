// Benchmark inputs, generated once per process with fixed seeds (outside timed loops).
#pragma once

#include <cstdint>
#include <string>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope::bench {

// A scratch directory for the inputs (removed at exit).
const std::string& ScratchDir();
uint64_t FileSize(const std::string& path);

// Generated trafficking case (JSON Lines, string ids) with about `entities` entity records.
const std::string& CaseFile(uint64_t entities);
// Edge list "u<TAB>v\n" with `links` lines over `vertices` random integer ids.
const std::string& IntEdgeList(uint64_t vertices, uint64_t links);
// The same shape with string ids like "acct-0012345".
const std::string& StringEdgeList(uint64_t vertices, uint64_t links);

// The planted-partition graph (gen/planted.hpp, default options but the vertex count: mean
// degree 15.4, mixing 0.3, seed 1) as an undirected snapshot without weights.
const Snapshot& PlantedSnapshot(uint32_t vertices);

}  // namespace linkscope::bench
