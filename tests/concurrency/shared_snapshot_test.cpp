// Two threads querying one snapshot at once get what one thread alone gets (run under
// ThreadSanitizer by the tsan preset: a data race in any of these calls fails the test).
//
// What may be shared (docs/api.md, "Thread safety"): a Snapshot and its Model are immutable;
// every analysis taking `const Snapshot&` may run concurrently on the same snapshot. A
// PathFinder keeps per-instance scratch: one per thread. A Graph must not change while another
// thread uses it (snapshots already taken are safe: copy-on-write).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "linkscope/linkscope.hpp"

namespace linkscope {
namespace {

const std::string kSample = std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/case.jsonl";

// Everything one worker computes; compared between the threads and with a lone run.
struct Results {
  std::vector<uint32_t> leiden, louvain, cores, components;
  std::vector<double> betweenness, pagerank;
  std::vector<std::vector<VertexId>> paths;
  std::vector<uint64_t> profile_sizes;
  uint32_t neighbourhood = 0;
  std::vector<VertexId> keyplayers;

  bool operator==(const Results&) const = default;
};

Results Work(const Snapshot& s, const std::vector<std::pair<std::string, std::string>>& pairs) {
  Results r;
  LeidenParams lp;
  lp.seed = 3;
  lp.threads = 1;  // OpenMP's own threads are not what this test is about
  r.leiden = Leiden(s, lp).membership;
  LouvainParams lv;
  lv.threads = 1;
  r.louvain = Louvain(s, lv).membership;
  CoreOptions co;
  co.threads = 1;
  r.cores = CoreNumbers(s, co).core;
  r.components = WeakComponents(s).component;
  CentralityOptions c;
  c.threads = 1;
  c.pivots = 64;
  r.betweenness = Betweenness(s, c).vertex;
  r.pagerank = PageRank(s, c);
  PathOptions po;
  po.weight = PathWeight::kReliability;
  PathFinder finder(s, po);  // one per thread
  for (const auto& [a, b] : pairs) {
    for (const Path& p : finder.Shortest(finder.Resolve(a), finder.Resolve(b), 2)) {
      r.paths.push_back(p.vertices);
    }
  }
  for (const CommunityProfile& p : ProfileCommunities(s, r.leiden)) r.profile_sizes.push_back(p.size);
  const std::vector<VertexId> seeds = {s.VertexOfId("P00001")};
  r.neighbourhood = NeighborhoodOf(s, seeds, 2, PathOptions{}).view.vertex_count();
  KeyPlayerOptions kp;
  kp.k = 3;
  kp.threads = 1;
  kp.restarts = 1;
  r.keyplayers = FindKeyPlayers(s, kp).set;
  return r;
}

TEST(SharedSnapshot, TwoThreadsQueryingOneSnapshotAgreeWithOne) {
  Graph g;
  g.Load({kSample});
  const Snapshot s = g.TakeSnapshot();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"P00001", "P00250"}, {"P00544", "P00904"}, {"F00001", "P00002"}};
  const Results alone = Work(s, pairs);
  Results a, b;
  std::thread ta([&] { a = Work(s, pairs); });
  std::thread tb([&] { b = Work(s, pairs); });
  ta.join();
  tb.join();
  EXPECT_TRUE(a == alone);
  EXPECT_TRUE(b == alone);
}

TEST(SharedSnapshot, ASnapshotIsUnaffectedByLaterLoadsIntoItsGraph) {
  Graph g;
  g.Load({kSample});
  const Snapshot s = g.TakeSnapshot();
  const uint32_t before = s.vertex_count();
  Results seen;
  std::thread reader([&] { seen = Work(s, {{"P00001", "P00250"}}); });
  // The graph copies its model before changing it (copy-on-write): the reader's snapshot
  // keeps the old one.
  g.LoadText("more.jsonl",
             "{\"record\":\"link\",\"from\":\"P00001\",\"to\":\"NEW1\",\"type\":\"met\"}\n");
  reader.join();
  EXPECT_EQ(s.vertex_count(), before);
  EXPECT_EQ(g.model().entity_count(), s.model().entity_count() + 1);
  EXPECT_TRUE(seen == Work(s, {{"P00001", "P00250"}}));
}

}  // namespace
}  // namespace linkscope
