// Force-directed layout: same input and seed give the same drawing, every point lies in the unit
// square (also for disconnected pieces, isolates, loops and parallel links), the trivial inputs,
// invalid vertex lists, and the one property a drawing must have: on two dense clusters joined
// by a single link, linked entities are drawn closer than unlinked ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/layout/layout.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;
using testing::Id;

struct Case {
  uint32_t n = 0;
  std::vector<std::pair<uint32_t, uint32_t>> links;
  bool directed = false;

  Snapshot Snap() const {
    std::vector<EntityInput> ents;
    for (uint32_t i = 0; i < n; ++i) ents.push_back(Ent(Id(i)));
    std::vector<LinkInput> ls;
    for (const auto& [a, b] : links) {
      LinkInput l;
      l.from = Id(a);
      l.to = Id(b);
      l.type = "link";
      l.directed = directed;
      ls.push_back(l);
    }
    Graph g;
    g.Add(ents, ls);
    SnapshotOptions o;
    o.directed = directed;
    Snapshot s = g.TakeSnapshot(o);
    for (uint32_t i = 0; i < n; ++i) EXPECT_EQ(s.ExternalId(i), Id(i));
    return s;
  }
};

// Two cliques of `size` vertices (0..size-1 and size..2size-1) joined by the link 0 - size.
Case TwoClusters(uint32_t size) {
  Case c;
  c.n = 2 * size;
  for (uint32_t base : {0u, size}) {
    for (uint32_t a = 0; a < size; ++a) {
      for (uint32_t b = a + 1; b < size; ++b) c.links.emplace_back(base + a, base + b);
    }
  }
  c.links.emplace_back(0, size);
  return c;
}

// A sparse random graph with loops, parallel links and isolates.
Case Random(uint32_t n, uint32_t m, uint64_t seed, bool directed = false) {
  Rng rng(seed);
  Case c;
  c.n = n;
  c.directed = directed;
  for (uint32_t i = 0; i < m; ++i) {
    const auto a = static_cast<uint32_t>(rng.Below(n));
    const auto b = rng.Below(15) == 0 ? a : static_cast<uint32_t>(rng.Below(n));
    c.links.emplace_back(a, b);
    if (rng.Below(10) == 0) c.links.emplace_back(b, a);
  }
  return c;
}

std::vector<VertexId> All(uint32_t n) {
  std::vector<VertexId> v(n);
  std::iota(v.begin(), v.end(), 0u);
  return v;
}

void ExpectInside(const std::vector<Point>& points) {
  for (size_t i = 0; i < points.size(); ++i) {
    SCOPED_TRACE(::testing::Message() << "point " << i);
    ASSERT_TRUE(std::isfinite(points[i].x) && std::isfinite(points[i].y));
    EXPECT_GE(points[i].x, 0.0);
    EXPECT_LE(points[i].x, 1.0);
    EXPECT_GE(points[i].y, 0.0);
    EXPECT_LE(points[i].y, 1.0);
  }
}

double Distance(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool Same(const std::vector<Point>& a, const std::vector<Point>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].x != b[i].x || a[i].y != b[i].y) return false;
  }
  return true;
}

TEST(ForceLayout, SameSeedSameDrawing) {
  const Snapshot s = Random(80, 140, 5).Snap();
  const std::vector<VertexId> v = All(s.vertex_count());
  LayoutOptions o;
  o.seed = 42;
  const std::vector<Point> a = ForceLayout(s, v, o);
  const std::vector<Point> b = ForceLayout(s, v, o);
  ASSERT_EQ(a.size(), v.size());
  EXPECT_TRUE(Same(a, b));
  o.seed = 43;
  EXPECT_FALSE(Same(a, ForceLayout(s, v, o)));
}

TEST(ForceLayout, PointsInsideTheUnitSquare) {
  for (bool directed : {false, true}) {
    for (uint64_t seed : {1, 2, 3}) {
      SCOPED_TRACE(::testing::Message() << "directed=" << directed << " seed=" << seed);
      const Snapshot s = Random(60, 90, seed, directed).Snap();
      LayoutOptions o;
      o.seed = seed;
      const std::vector<Point> p = ForceLayout(s, All(s.vertex_count()), o);
      ASSERT_EQ(p.size(), s.vertex_count());
      ExpectInside(p);
      // The picture fills the square up to the margin along its longer side.
      double x0 = 1, x1 = 0, y0 = 1, y1 = 0;
      for (const Point& q : p) {
        x0 = std::min(x0, q.x);
        x1 = std::max(x1, q.x);
        y0 = std::min(y0, q.y);
        y1 = std::max(y1, q.y);
      }
      EXPECT_NEAR(std::max(x1 - x0, y1 - y0), 0.9, 1e-9);
    }
  }
}

TEST(ForceLayout, EmptyAndOneVertex) {
  const Snapshot s = Random(5, 6, 1).Snap();
  EXPECT_TRUE(ForceLayout(s, {}).empty());
  const VertexId one[] = {3};
  const std::vector<Point> p = ForceLayout(s, one);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].x, 0.5);
  EXPECT_EQ(p[0].y, 0.5);
  // An empty snapshot too.
  const Snapshot empty = Case{}.Snap();
  EXPECT_TRUE(ForceLayout(empty, {}).empty());
}

TEST(ForceLayout, InvalidVertices) {
  const Snapshot s = Random(5, 6, 1).Snap();
  const VertexId out_of_range[] = {0, 5};
  EXPECT_THROW(ForceLayout(s, out_of_range), UsageError);
  const VertexId none[] = {kNoVertex};
  EXPECT_THROW(ForceLayout(s, none), UsageError);
  const VertexId twice[] = {1, 2, 1};
  EXPECT_THROW(ForceLayout(s, twice), UsageError);
  try {
    ForceLayout(s, twice);
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("v1"), std::string::npos) << e.what();
  }
}

TEST(ForceLayout, NeighboursCloserThanNonNeighbours) {
  const Case c = TwoClusters(12);
  const Snapshot s = c.Snap();
  std::set<std::pair<uint32_t, uint32_t>> linked(c.links.begin(), c.links.end());
  for (uint64_t seed : {1, 7, 99}) {
    SCOPED_TRACE(::testing::Message() << "seed=" << seed);
    LayoutOptions o;
    o.seed = seed;
    const std::vector<Point> p = ForceLayout(s, All(c.n), o);
    ExpectInside(p);
    double near = 0, far = 0;
    uint32_t near_count = 0, far_count = 0;
    for (uint32_t a = 0; a < c.n; ++a) {
      for (uint32_t b = a + 1; b < c.n; ++b) {
        if (linked.count({a, b})) {
          near += Distance(p[a], p[b]);
          ++near_count;
        } else {
          far += Distance(p[a], p[b]);
          ++far_count;
        }
      }
    }
    near /= near_count;
    far /= far_count;
    EXPECT_LT(near, 0.5 * far) << "linked " << near << ", unlinked " << far;
    // The clusters are apart: every vertex is nearer its own cluster's centre.
    Point centre[2];
    for (uint32_t v = 0; v < c.n; ++v) {
      centre[v / 12].x += p[v].x / 12;
      centre[v / 12].y += p[v].y / 12;
    }
    for (uint32_t v = 0; v < c.n; ++v) {
      EXPECT_LT(Distance(p[v], centre[v / 12]), Distance(p[v], centre[1 - v / 12])) << v;
    }
  }
}

TEST(ForceLayout, DisconnectedPiecesAndIsolates) {
  // A triangle, a path of four, an edge, three isolates, a vertex with only a self-loop and a
  // pair joined by three parallel links.
  Case c;
  c.n = 15;
  c.links = {{0, 1}, {1, 2},   {2, 0},   {3, 4},   {4, 5},  {5, 6},
             {7, 8}, {11, 11}, {12, 13}, {13, 12}, {12, 13}};
  const Snapshot s = c.Snap();
  const std::vector<Point> p = ForceLayout(s, All(c.n));
  ASSERT_EQ(p.size(), c.n);
  ExpectInside(p);
  // No two vertices share a spot, and the isolates are not pushed to the corners.
  for (uint32_t a = 0; a < c.n; ++a) {
    for (uint32_t b = a + 1; b < c.n; ++b) EXPECT_GT(Distance(p[a], p[b]), 0.01) << a << " " << b;
  }
  // Each component's vertices are nearer each other than the components are.
  EXPECT_LT(Distance(p[7], p[8]), Distance(p[7], p[0]));
  EXPECT_LT(Distance(p[12], p[13]), Distance(p[12], p[3]));
  // Only isolates: laid out on the grid, still inside.
  const VertexId isolates[] = {9, 10, 11, 14};
  const std::vector<Point> q = ForceLayout(s, isolates);
  ExpectInside(q);
  for (size_t a = 0; a < q.size(); ++a) {
    for (size_t b = a + 1; b < q.size(); ++b) EXPECT_GT(Distance(q[a], q[b]), 0.1);
  }
  // Many isolates and a few pieces, every seed and no steps at all.
  const Snapshot r = Random(150, 40, 11).Snap();
  for (uint32_t iterations : {0u, 1u, 300u}) {
    LayoutOptions o;
    o.iterations = iterations;
    ExpectInside(ForceLayout(r, All(r.vertex_count()), o));
  }
}

TEST(ForceLayout, SubsetInGivenOrder) {
  // A subset, in any order, gives one point per entry; 12 is linked only to 0 among them.
  const Case c = TwoClusters(12);
  const Snapshot s = c.Snap();
  std::vector<VertexId> subset = {11, 3, 0, 12, 5};
  const std::vector<Point> p = ForceLayout(s, subset);
  ASSERT_EQ(p.size(), subset.size());
  ExpectInside(p);
  EXPECT_TRUE(Same(p, ForceLayout(s, subset)));
}

TEST(ForceLayout, TwoHundredVerticesTiming) {
  const Snapshot s = Random(200, 500, 3).Snap();
  const std::vector<VertexId> v = All(s.vertex_count());
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Point> p = ForceLayout(s, v);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ExpectInside(p);
  RecordProperty("milliseconds", std::to_string(ms));
  std::printf("200 vertices, 300 iterations: %.1f ms\n", ms);
}

}  // namespace
}  // namespace linkscope
