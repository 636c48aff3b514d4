// Determinism of the community algorithms: the same seed gives the same result for any number
// of threads, and reordering the input records (entities, links, the ends of undirected links)
// gives the same communities for the same external ids.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <thread>

#include "algo/community_test_util.hpp"
#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/gen/planted.hpp"

namespace linkscope {
namespace {

enum class Algo { kLeidenModularity, kLeidenCpm, kLouvain, kLpa };

Communities RunAlgo(Algo a, const Snapshot& s, uint64_t seed, uint32_t threads) {
  switch (a) {
    case Algo::kLeidenModularity: {
      LeidenParams p;
      p.seed = seed;
      p.threads = threads;
      return Leiden(s, p);
    }
    case Algo::kLeidenCpm: {
      LeidenParams p;
      p.objective = Objective::kCpm;
      p.resolution = 0.05;
      p.seed = seed;
      p.threads = threads;
      return Leiden(s, p);
    }
    case Algo::kLouvain: {
      LouvainParams p;
      p.seed = seed;
      p.threads = threads;
      return Louvain(s, p);
    }
    case Algo::kLpa: {
      LabelPropagationParams p;
      p.seed = seed;
      p.threads = threads;
      return LabelPropagation(s, p);
    }
  }
  return {};
}

const Algo kAlgos[] = {Algo::kLeidenModularity, Algo::kLeidenCpm, Algo::kLouvain, Algo::kLpa};

// A planted partition with string ids and integer weights, its records in an order given by
// `shuffle_seed` (0: generation order).
std::shared_ptr<const Model> PlantedCase(uint32_t vertices, double degree, uint64_t shuffle_seed) {
  PlantedPartitionOptions o;
  o.vertices = vertices;
  o.mean_degree = degree;
  o.seed = 42;
  const PlantedPartition pp = GeneratePlantedPartition(o);
  std::vector<EntityInput> ents(vertices);
  for (uint32_t v = 0; v < vertices; ++v) {
    ents[v].id = fmt::format("acct-{}", (v * 2654435761u) % 1000003u);
    ents[v].kind = "account";
  }
  std::vector<LinkInput> links(pp.edges.size());
  Rng weights(9);
  for (size_t i = 0; i < pp.edges.size(); ++i) {
    links[i].from = ents[pp.edges[i].first].id;
    links[i].to = ents[pp.edges[i].second].id;
    links[i].type = "paid";
    links[i].directed = false;
    links[i].weight = static_cast<double>(1 + weights.Below(4));
  }
  if (shuffle_seed != 0) {
    Rng rng(shuffle_seed);
    rng.Shuffle(std::span<EntityInput>(ents));
    rng.Shuffle(std::span<LinkInput>(links));
    for (LinkInput& l : links) {
      if (rng.Chance(0.5)) std::swap(l.from, l.to);
    }
  }
  Graph g;
  g.Add(ents, links);
  return g.shared_model();
}

// Community of every external id, at every level.
std::map<std::string, std::vector<uint32_t>> ByExternalId(const Snapshot& s, const Communities& c) {
  std::map<std::string, std::vector<uint32_t>> out;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    std::vector<uint32_t>& row = out[std::string(s.ExternalId(v))];
    row.push_back(c.membership[v]);
    for (const CommunityLevel& l : c.levels) row.push_back(l.membership[v]);
  }
  return out;
}

TEST(CommunityDeterminism, SameSeedSameResult) {
  const Snapshot s = Snapshot::Build(PlantedCase(3000, 8, 0));
  for (const Algo a : kAlgos) {
    const Communities x = RunAlgo(a, s, 5, 1);
    const Communities y = RunAlgo(a, s, 5, 1);
    EXPECT_EQ(x.membership, y.membership);
    EXPECT_EQ(x.quality, y.quality);
    // Another seed visits the vertices in another order; the result is as good, not the same
    // partition numbering necessarily.
    const Communities z = RunAlgo(a, s, 6, 1);
    EXPECT_NEAR(z.modularity, x.modularity, 0.05);
  }
}

TEST(CommunityDeterminism, ReorderedRecordsGiveTheSameCommunities) {
  const Snapshot base = Snapshot::Build(PlantedCase(3000, 8, 0));
  for (const uint64_t shuffle : {1u, 2u}) {
    const Snapshot shuffled = Snapshot::Build(PlantedCase(3000, 8, shuffle));
    for (const Algo a : kAlgos) {
      SCOPED_TRACE(::testing::Message()
                   << "algorithm " << static_cast<int>(a) << " shuffle " << shuffle);
      const Communities x = RunAlgo(a, base, 3, 1);
      const Communities y = RunAlgo(a, shuffled, 3, 1);
      EXPECT_EQ(ByExternalId(base, x), ByExternalId(shuffled, y));
      EXPECT_NEAR(x.quality, y.quality, 1e-9 * (1 + std::abs(x.quality)));
    }
  }
}

// Large enough (>= 100 000 vertices) for level 0's sweeps, refinement and aggregation to run
// the parallel schedule: every thread count gives the same result, also on reordered input.
// (A request beyond the machine's processors runs on those it has.)
TEST(CommunityDeterminism, AnyThreadCountGivesTheSameResult) {
  if (std::thread::hardware_concurrency() < 2) {
    GTEST_SKIP() << "one processor: every thread count runs on one thread";
  }
  const Snapshot s = Snapshot::Build(PlantedCase(120000, 6, 0));
  const Snapshot shuffled = Snapshot::Build(PlantedCase(120000, 6, 7));
  for (const Algo a : kAlgos) {
    SCOPED_TRACE(::testing::Message() << "algorithm " << static_cast<int>(a));
    const Communities one = RunAlgo(a, s, 11, 1);
    for (const uint32_t threads : {2u, 3u}) {
      const Communities many = RunAlgo(a, s, 11, threads);
      EXPECT_EQ(one.membership, many.membership) << threads << " threads";
      EXPECT_EQ(one.levels.size(), many.levels.size());
      EXPECT_EQ(one.quality, many.quality);
    }
    EXPECT_EQ(ByExternalId(s, one), ByExternalId(shuffled, RunAlgo(a, shuffled, 11, 2)));
  }
}

}  // namespace
}  // namespace linkscope
