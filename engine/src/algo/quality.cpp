#include "linkscope/algo/quality.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "algo/disjoint_sets.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {
namespace {

void CheckLength(const Snapshot& s, std::span<const uint32_t> membership) {
  if (membership.size() != s.vertex_count()) {
    throw UsageError(fmt::format("a membership needs one label per vertex ({}), got {}",
                                 s.vertex_count(), membership.size()));
  }
}

// Labels renumbered 0..k-1 (in increasing label order); returns k.
uint32_t Dense(std::span<const uint32_t> labels, std::vector<uint32_t>* out) {
  std::vector<uint32_t> sorted(labels.begin(), labels.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  out->resize(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    (*out)[i] = static_cast<uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), labels[i]) -
                                      sorted.begin());
  }
  return static_cast<uint32_t>(sorted.size());
}

// Per community: weight of the adjacency entries inside it (each undirected edge counted from
// both ends, a self-loop twice) and its total strength; the snapshot read as undirected.
struct Tally {
  std::vector<double> inside;
  std::vector<double> strength;
  std::vector<double> size;
  double total = 0;
};

Tally Count(const Snapshot& s, std::span<const uint32_t> membership) {
  CheckLength(s, membership);
  std::vector<uint32_t> c;
  const uint32_t k = Dense(membership, &c);
  Tally t;
  t.inside.assign(k, 0.0);
  t.strength.assign(k, 0.0);
  t.size.assign(k, 0.0);
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    t.size[c[v]] += 1;
    const auto out = s.Out(v);
    const auto w = s.OutWeights(v);
    for (size_t i = 0; i < out.size(); ++i) {
      const double wt = w.empty() ? 1.0 : w[i];
      const VertexId u = out[i];
      if (s.directed()) {
        // The arc v -> u is the undirected edge {v, u}: an entry at each end.
        t.strength[c[v]] += wt;
        t.strength[c[u]] += wt;
        if (c[u] == c[v]) t.inside[c[v]] += 2 * wt;
      } else {
        t.strength[c[v]] += wt;
        if (c[u] == c[v]) t.inside[c[v]] += wt;
      }
    }
  }
  for (const double x : t.strength) t.total += x;
  return t;
}

double Entropy(const std::vector<uint64_t>& counts, double n) {
  double h = 0;
  for (const uint64_t c : counts) {
    if (c > 0) {
      const double p = static_cast<double>(c) / n;
      h -= p * std::log(p);
    }
  }
  return h;
}

struct Contingency {
  std::vector<uint64_t> a, b;   // block sizes
  std::vector<uint64_t> cells;  // non-zero cells
  double n = 0;
};

Contingency Contingent(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.size() != b.size()) {
    throw UsageError(
        fmt::format("partitions of different lengths ({} and {})", a.size(), b.size()));
  }
  std::vector<uint32_t> da;
  std::vector<uint32_t> db;
  Contingency t;
  t.a.assign(Dense(a, &da), 0);
  t.b.assign(Dense(b, &db), 0);
  std::vector<uint64_t> pairs(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ++t.a[da[i]];
    ++t.b[db[i]];
    pairs[i] = (uint64_t{da[i]} << 32) | db[i];
  }
  std::sort(pairs.begin(), pairs.end());
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    t.cells.push_back(j - i);
    i = j;
  }
  t.n = static_cast<double>(a.size());
  return t;
}

}  // namespace

double Modularity(const Snapshot& s, std::span<const uint32_t> membership, double resolution) {
  const Tally t = Count(s, membership);
  if (t.total == 0) return 0.0;
  double q = 0;
  for (size_t c = 0; c < t.inside.size(); ++c) {
    const double k = t.strength[c] / t.total;
    q += t.inside[c] / t.total - resolution * k * k;
  }
  return q;
}

double CpmQuality(const Snapshot& s, std::span<const uint32_t> membership, double resolution) {
  const Tally t = Count(s, membership);
  double h = 0;
  for (size_t c = 0; c < t.inside.size(); ++c) {
    h += t.inside[c] / 2 - resolution * t.size[c] * (t.size[c] - 1) / 2;
  }
  return h;
}

double Quality(const Snapshot& s, std::span<const uint32_t> membership, Objective objective,
               double resolution) {
  return objective == Objective::kModularity ? Modularity(s, membership, resolution)
                                             : CpmQuality(s, membership, resolution);
}

double NormalizedMutualInformation(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  const Contingency t = Contingent(a, b);
  if (t.n == 0) return 1.0;
  const double ha = Entropy(t.a, t.n);
  const double hb = Entropy(t.b, t.n);
  if (ha + hb == 0) return 1.0;
  // I(A; B) = H(A) + H(B) - H(A, B).
  const double mi = ha + hb - Entropy(t.cells, t.n);
  return std::clamp(2 * mi / (ha + hb), 0.0, 1.0);
}

double AdjustedRandIndex(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  const Contingency t = Contingent(a, b);
  auto pairs = [](uint64_t x) { return static_cast<double>(x) * static_cast<double>(x - 1) / 2; };
  if (t.n < 2) return 1.0;
  double index = 0;
  for (const uint64_t c : t.cells) index += c > 1 ? pairs(c) : 0;
  double sa = 0;
  double sb = 0;
  for (const uint64_t c : t.a) sa += c > 1 ? pairs(c) : 0;
  for (const uint64_t c : t.b) sb += c > 1 ? pairs(c) : 0;
  const double expected = sa * sb / pairs(static_cast<uint64_t>(t.n));
  const double max_index = (sa + sb) / 2;
  if (max_index == expected) return 1.0;  // both trivial in the same way
  return (index - expected) / (max_index - expected);
}

std::vector<uint32_t> DisconnectedCommunities(const Snapshot& s,
                                              std::span<const uint32_t> membership) {
  CheckLength(s, membership);
  const uint32_t n = s.vertex_count();
  detail::DisjointSets sets(n);
  for (VertexId v = 0; v < n; ++v) {
    for (const VertexId u : s.Out(v)) {
      if (membership[u] == membership[v]) sets.Union(u, v);
    }
  }
  const std::vector<uint32_t> root = std::move(sets).Roots();
  // A label is connected when all its vertices share one root.
  std::vector<std::pair<uint32_t, uint32_t>> label_root(n);
  for (VertexId v = 0; v < n; ++v) label_root[v] = {membership[v], root[v]};
  std::sort(label_root.begin(), label_root.end());
  label_root.erase(std::unique(label_root.begin(), label_root.end()), label_root.end());
  std::vector<uint32_t> out;
  for (size_t i = 1; i < label_root.size(); ++i) {
    if (label_root[i].first == label_root[i - 1].first &&
        (out.empty() || out.back() != label_root[i].first)) {
      out.push_back(label_root[i].first);
    }
  }
  return out;
}

}  // namespace linkscope
