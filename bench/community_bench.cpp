// Community detection on the planted-partition graph (1 M vertices, ~7.7 M edges, seed 1): the
// figures behind the speed bars of docs/benchmarks.md. The ratios against igraph come from
// linkscope_compare, which runs both on the same graph in one process; these benchmarks track
// linkscope alone (also with one thread) and the quality it reaches.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "bench_inputs.hpp"
#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/algo/quality.hpp"

namespace linkscope::bench {
namespace {

double Min(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

enum class Method { kLeiden, kLeiden1, kLouvain, kLpa };

void BM_Communities(benchmark::State& state, Method method, uint32_t vertices, uint32_t threads) {
  const Snapshot& s = PlantedSnapshot(vertices);
  Communities c;
  for (auto _ : state) {
    switch (method) {
      case Method::kLeiden:
      case Method::kLeiden1: {
        LeidenParams p;
        p.threads = threads;
        if (method == Method::kLeiden1) p.iterations = 1;
        c = Leiden(s, p);
        break;
      }
      case Method::kLouvain: {
        LouvainParams p;
        p.threads = threads;
        c = Louvain(s, p);
        break;
      }
      case Method::kLpa: {
        LabelPropagationParams p;
        p.threads = threads;
        c = LabelPropagation(s, p);
        break;
      }
    }
    benchmark::DoNotOptimize(c.membership.data());
  }
  const auto edges = static_cast<int64_t>(s.edge_count());
  state.SetItemsProcessed(edges * state.iterations());
  state.counters["edges/s"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["modularity"] = c.modularity;
  state.counters["communities"] = c.count();
}

void BM_Modularity(benchmark::State& state, uint32_t vertices) {
  const Snapshot& s = PlantedSnapshot(vertices);
  const std::vector<uint32_t> membership = LabelPropagation(s).membership;
  double q = 0;
  for (auto _ : state) benchmark::DoNotOptimize(q = Modularity(s, membership));
  state.SetItemsProcessed(static_cast<int64_t>(s.edge_count()) * state.iterations());
}

#define LINKSCOPE_COMMUNITY_BENCH(name, method, vertices, threads)   \
  BENCHMARK_CAPTURE(BM_Communities, name, method, vertices, threads) \
      ->Name(#name)                                                  \
      ->Unit(benchmark::kMillisecond)                                \
      ->UseRealTime()                                                \
      ->ComputeStatistics("min", Min)

LINKSCOPE_COMMUNITY_BENCH(BM_Leiden / planted / 1M, Method::kLeiden, 1000000, 0);
LINKSCOPE_COMMUNITY_BENCH(BM_Leiden / planted / 1M / 1, Method::kLeiden, 1000000, 1);
LINKSCOPE_COMMUNITY_BENCH(BM_Leiden1 / planted / 1M, Method::kLeiden1, 1000000, 0);
LINKSCOPE_COMMUNITY_BENCH(BM_Louvain / planted / 1M, Method::kLouvain, 1000000, 0);
LINKSCOPE_COMMUNITY_BENCH(BM_Louvain / planted / 1M / 1, Method::kLouvain, 1000000, 1);
LINKSCOPE_COMMUNITY_BENCH(BM_LabelPropagation / planted / 1M, Method::kLpa, 1000000, 0);
LINKSCOPE_COMMUNITY_BENCH(BM_LabelPropagation / planted / 1M / 1, Method::kLpa, 1000000, 1);
// The smoke variants: large enough (> 100 000 vertices) for the parallel paths to run.
LINKSCOPE_COMMUNITY_BENCH(BM_Leiden / planted / smoke, Method::kLeiden, 120000, 0);
LINKSCOPE_COMMUNITY_BENCH(BM_Louvain / planted / smoke, Method::kLouvain, 120000, 0);
LINKSCOPE_COMMUNITY_BENCH(BM_LabelPropagation / planted / smoke, Method::kLpa, 120000, 0);

BENCHMARK_CAPTURE(BM_Modularity, planted_1M, 1000000)
    ->Name("BM_Modularity/planted/1M")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace linkscope::bench
