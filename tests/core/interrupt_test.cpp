// Cooperative interruption: with an interrupt requested, the long computations throw
// Interrupted; their inputs stay untouched, and once the flag is cleared the same call gives
// what a fresh one gives.
#include "linkscope/core/interrupt.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/gen/planted.hpp"
#include "linkscope/path/path.hpp"

namespace linkscope {
namespace {

using Clock = std::chrono::steady_clock;

Snapshot Planted(uint32_t vertices, double mean_degree, const SnapshotOptions& options = {},
                 uint32_t max_community = 200) {
  PlantedPartitionOptions o;
  o.vertices = vertices;
  o.mean_degree = mean_degree;
  o.min_community = std::min<uint32_t>(20, max_community);
  o.max_community = max_community;
  o.seed = 11;
  return Snapshot::Build(PlantedPartitionModel(GeneratePlantedPartition(o)), options);
}

// Large enough for the coloured (parallel) sweeps of Leiden's level 0 (from
// detail::kColoredSweepMin = 100 000 vertices, algo/sweeps.hpp, which needs OpenMP to include)
// and for an exact betweenness of minutes; sparse, so that two Leiden runs take well under a
// second. Made once per test binary.
const Snapshot& LargePlanted() {
  static const Snapshot s = Planted(120000, 2.0);
  return s;
}

// Every test starts and ends with the flag cleared, whatever happens in between.
class InterruptTest : public ::testing::Test {
 protected:
  void SetUp() override { ClearInterrupt(); }
  void TearDown() override { ClearInterrupt(); }

  // run() throws Interrupted with the flag set; after ClearInterrupt it returns what a run
  // before the interrupt returned.
  template <typename Run, typename Same>
  void ExpectInterruptible(const std::string& what, Run&& run, Same&& same) {
    SCOPED_TRACE(what);
    const auto fresh = run();
    RequestInterrupt();
    EXPECT_THROW(run(), Interrupted);
    EXPECT_THROW(run(), Interrupted);  // the flag stays set until cleared
    ClearInterrupt();
    same(run(), fresh);
  }
};

TEST_F(InterruptTest, FlagIsSetUntilCleared) {
  EXPECT_FALSE(InterruptRequested());
  EXPECT_NO_THROW(ThrowIfInterrupted());
  RequestInterrupt();
  EXPECT_TRUE(InterruptRequested());
  RequestInterrupt();  // idempotent
  EXPECT_TRUE(InterruptRequested());
  try {
    ThrowIfInterrupted();
    ADD_FAILURE() << "ThrowIfInterrupted did not throw";
  } catch (const Error& e) {  // one of linkscope's errors
    EXPECT_NE(dynamic_cast<const Interrupted*>(&e), nullptr);
    EXPECT_STREQ(e.what(), "interrupted");
  }
  ClearInterrupt();
  EXPECT_FALSE(InterruptRequested());
  EXPECT_NO_THROW(ThrowIfInterrupted());
}

TEST_F(InterruptTest, Betweenness) {
  const Snapshot s = Planted(500, 8.0);  // several threads when the machine has them
  CentralityOptions exact;
  CentralityOptions edges;
  edges.edge_scores = true;
  CentralityOptions weighted;
  weighted.weighted = true;
  CentralityOptions sampled;
  sampled.pivots = 300;
  CentralityOptions one_thread;
  one_thread.threads = 1;
  const std::vector<std::pair<const char*, CentralityOptions>> cases = {
      {"exact", exact},
      {"edge scores", edges},
      {"weighted", weighted},
      {"sampled", sampled},
      {"one thread", one_thread}};
  for (const auto& [name, o] : cases) {
    ExpectInterruptible(
        fmt::format("betweenness, {}", name), [&] { return Betweenness(s, o); },
        [](const BetweennessScores& got, const BetweennessScores& want) {
          EXPECT_EQ(got.vertex, want.vertex);
          EXPECT_EQ(got.edge, want.edge);
        });
  }
}

TEST_F(InterruptTest, OtherCentralities) {
  const Snapshot s = Planted(1000, 8.0);
  SnapshotOptions arcs;
  arcs.directed = true;
  const Snapshot directed = Planted(1000, 8.0, arcs);
  const CentralityOptions o;
  auto same = [](const std::vector<double>& got, const std::vector<double>& want) {
    EXPECT_EQ(got, want);
  };
  ExpectInterruptible("closeness", [&] { return Closeness(s, o); }, same);
  ExpectInterruptible("harmonic", [&] { return Harmonic(s, o); }, same);
  ExpectInterruptible("pagerank, undirected", [&] { return PageRank(s, o); }, same);
  ExpectInterruptible("pagerank, directed", [&] { return PageRank(directed, o); }, same);
  ExpectInterruptible("eigenvector", [&] { return Eigenvector(s, o); }, same);
}

void ExpectSameCommunities(const Communities& got, const Communities& want) {
  EXPECT_EQ(got.membership, want.membership);
  EXPECT_EQ(got.sizes, want.sizes);
  EXPECT_EQ(got.quality, want.quality);
  EXPECT_EQ(got.iterations, want.iterations);
}

// Below kColoredSweepMin: the sequential sweeps.
TEST_F(InterruptTest, CommunitiesSequential) {
  const Snapshot s = Planted(2000, 8.0);
  ExpectInterruptible("leiden", [&] { return Leiden(s); }, ExpectSameCommunities);
  ExpectInterruptible("louvain", [&] { return Louvain(s); }, ExpectSameCommunities);
  ExpectInterruptible(
      "label propagation", [&] { return LabelPropagation(s); }, ExpectSameCommunities);
}

// The coloured sweeps: the poll in their parallel region stops every thread.
TEST_F(InterruptTest, LeidenColored) {
  const Snapshot& s = LargePlanted();
  LeidenParams p;
  p.iterations = 1;
  ExpectInterruptible("leiden", [&] { return Leiden(s, p); }, ExpectSameCommunities);
}

// A request from another thread stops an exact betweenness of minutes well within a second.
TEST_F(InterruptTest, BetweennessStopsSoonAfterRequest) {
  const Snapshot& s = LargePlanted();
  std::optional<Clock::time_point> requested;
  std::thread host([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    requested = Clock::now();
    RequestInterrupt();
  });
  const Clock::time_point start = Clock::now();
  std::optional<Clock::time_point> stopped;
  try {
    Betweenness(s, CentralityOptions{});
  } catch (const Interrupted&) {
    stopped = Clock::now();
  }
  host.join();
  ASSERT_TRUE(requested.has_value());
  ASSERT_TRUE(stopped.has_value()) << fmt::format(
      "betweenness finished in {} ms without seeing the interrupt",
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
  const auto latency =
      std::chrono::duration_cast<std::chrono::milliseconds>(*stopped - *requested);
  EXPECT_LT(latency.count(), 1000) << fmt::format("stopped {} ms after the request",
                                                  latency.count());
}

TEST_F(InterruptTest, KeyPlayers) {
  const Snapshot s = Planted(60, 6.0, {}, 20);  // DF searches from every vertex per candidate
  const std::vector<std::pair<const char*, KeyPlayerMode>> modes = {
      {"fragment", KeyPlayerMode::kFragment},
      {"distance fragment", KeyPlayerMode::kDistanceFragment},
      {"reach", KeyPlayerMode::kReach}};
  for (const auto& [name, mode] : modes) {
    KeyPlayerOptions o;
    o.mode = mode;
    o.k = 3;
    o.restarts = 2;
    ExpectInterruptible(
        fmt::format("key players, {}", name), [&] { return FindKeyPlayers(s, o); },
        [](const KeyPlayerResult& got, const KeyPlayerResult& want) {
          EXPECT_EQ(got.set, want.set);
          EXPECT_EQ(got.score, want.score);
          EXPECT_EQ(got.greedy_score, want.greedy_score);
          EXPECT_EQ(got.swaps, want.swaps);
        });
  }
  ExpectInterruptible(
      "distance fragmentation", [&] { return MeasureFragmentation(s, {}, true); },
      [](const Fragmentation& got, const Fragmentation& want) {
        EXPECT_EQ(got.distance_fragmentation, want.distance_fragmentation);
      });
}

void ExpectSamePaths(const std::vector<Path>& got, const std::vector<Path>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].vertices, want[i].vertices) << fmt::format("path {}", i);
    EXPECT_EQ(got[i].cost, want[i].cost) << fmt::format("path {}", i);
  }
}

// The PathFinder (its blocks and scratch) stays usable after an interrupted query.
TEST_F(InterruptTest, Paths) {
  const Snapshot s = Planted(2000, 8.0);
  PathFinder yen(s, PathOptions{});
  ExpectInterruptible(
      "k shortest", [&] { return yen.Shortest(3, 1234, 8); }, ExpectSamePaths);
  ASSERT_EQ(yen.Shortest(3, 1234, 8).size(), 8u);
  PathOptions timed;
  timed.time_respecting = true;
  PathFinder respecting(s, timed);
  ExpectInterruptible(
      "time-respecting", [&] { return respecting.Shortest(3, 1234); }, ExpectSamePaths);
}

}  // namespace
}  // namespace linkscope
