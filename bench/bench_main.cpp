#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

#include "bench_inputs.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/gen/generator.hpp"
#include "linkscope/gen/planted.hpp"

namespace linkscope::bench {

namespace {
struct Scratch {
  std::string path;
  Scratch() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "linkscope-bench-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~Scratch() { std::filesystem::remove_all(path); }
};

void WriteEdgeList(const std::string& path, uint64_t vertices, uint64_t links, bool strings) {
  FILE* f = std::fopen(path.c_str(), "wb");
  Rng rng(2024);
  std::string buf;
  for (uint64_t i = 0; i < links; ++i) {
    const uint64_t u = rng.Below(vertices);
    const uint64_t v = rng.Below(vertices);
    if (strings) {
      fmt::format_to(std::back_inserter(buf), "acct-{:07}\tacct-{:07}\n", u, v);
    } else {
      fmt::format_to(std::back_inserter(buf), "{}\t{}\n", u, v);
    }
    if (buf.size() > (1 << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), f);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  std::fclose(f);
}
}  // namespace

const std::string& ScratchDir() {
  static Scratch scratch;
  return scratch.path;
}

uint64_t FileSize(const std::string& path) { return std::filesystem::file_size(path); }

const std::string& CaseFile(uint64_t entities) {
  static std::map<uint64_t, std::string> files;
  auto [it, inserted] = files.emplace(entities, "");
  if (inserted) {
    it->second = fmt::format("{}/case-{}.jsonl", ScratchDir(), entities);
    GeneratorOptions o;
    o.entities = entities;
    o.seed = 7;
    GenerateCase(o, it->second, it->second + ".truth.csv");
  }
  return it->second;
}

const std::string& IntEdgeList(uint64_t vertices, uint64_t links) {
  static std::map<std::pair<uint64_t, uint64_t>, std::string> files;
  auto [it, inserted] = files.emplace(std::make_pair(vertices, links), "");
  if (inserted) {
    it->second = fmt::format("{}/int-{}-{}.tsv", ScratchDir(), vertices, links);
    WriteEdgeList(it->second, vertices, links, false);
  }
  return it->second;
}

const std::string& StringEdgeList(uint64_t vertices, uint64_t links) {
  static std::map<std::pair<uint64_t, uint64_t>, std::string> files;
  auto [it, inserted] = files.emplace(std::make_pair(vertices, links), "");
  if (inserted) {
    it->second = fmt::format("{}/str-{}-{}.tsv", ScratchDir(), vertices, links);
    WriteEdgeList(it->second, vertices, links, true);
  }
  return it->second;
}

const Snapshot& PlantedSnapshot(uint32_t vertices) {
  static std::map<uint32_t, std::unique_ptr<Snapshot>> snapshots;
  auto& slot = snapshots[vertices];
  if (!slot) {
    PlantedPartitionOptions po;
    po.vertices = vertices;
    SnapshotOptions so;
    so.weights = false;
    slot = std::make_unique<Snapshot>(
        Snapshot::Build(PlantedPartitionModel(GeneratePlantedPartition(po)), so));
  }
  return *slot;
}

}  // namespace linkscope::bench

BENCHMARK_MAIN();
