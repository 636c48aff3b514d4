#include "algo/local_moving.hpp"

#include <algorithm>
#include <cmath>

#include "algo/accumulator.hpp"

namespace linkscope::detail {
namespace {

constexpr uint32_t kStay = kNone32;
constexpr uint32_t kToEmpty = kNone32 - 1;
// Every applied move raises the quality, so sweeps end; this only guards against a bug.
constexpr uint32_t kMaxSweeps = 10000;

struct Proposal {
  uint32_t target = kStay;
  double k_target = 0;  // weight from the vertex to the target community
  double k_own = 0;     // weight to the rest of its own community
};

class Mover {
 public:
  Mover(const CommunityGraph& g, const MoveOptions& o, std::vector<uint32_t>& comm)
      : g_(g), o_(o), comm_(comm), weight_(g.n, 0.0), count_(g.n, 0) {
    for (uint32_t v = 0; v < g.n; ++v) {
      weight_[comm_[v]] += o_.node_weight[v];
      ++count_[comm_[v]];
    }
  }

  // Rounding allowance for comparing gains of v: differences below it are ties.
  double Tolerance(uint32_t v, double stay) const {
    return 1e-12 * (g_.strength[v] + std::abs(stay) + 1e-300);
  }

  // The best move of v against the current state.
  Proposal Evaluate(uint32_t v, Accumulator& acc) const {
    return acc.Visit(g_.off[v + 1] - g_.off[v], [&](auto& sums) { return EvaluateWith(v, sums); });
  }

  template <typename Sums>
  Proposal EvaluateWith(uint32_t v, Sums& sums) const {
    const uint32_t own = comm_[v];
    const uint32_t* comm = comm_.data();
    g_.ForEach(v, [&](uint32_t u, double w) { sums.Add(comm[u], w); });
    const double wv = o_.node_weight[v];
    const double lw = o_.lambda * wv;
    const double* weight = weight_.data();
    Proposal p;
    p.k_own = sums.Get(own);
    const double stay = p.k_own - lw * (weight[own] - wv);
    const double tol = Tolerance(v, stay);
    // The largest gain, then the smallest label within rounding of it: a rule that does not
    // depend on the order the neighbours were listed in (a one-pass "better, or as good and
    // smaller" is not: near-ties need not be transitive).
    const uint32_t count = sums.size();
    double best = -HUGE_VAL;
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t c = sums.Label(i);
      if (c != own) best = std::max(best, sums.Sum(i) - lw * weight[c]);
    }
    double best_k = 0;
    uint32_t target = kStay;
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t c = sums.Label(i);
      if (c != own && c < target && sums.Sum(i) - lw * weight[c] >= best - tol) {
        target = c;
        best_k = sums.Sum(i);
      }
    }
    // Staying wins ties, then a neighbouring community, then an empty one (gain 0).
    double chosen = stay;
    if (target != kStay && best > chosen + tol) {
      chosen = best;
      p.target = target;
      p.k_target = best_k;
    }
    if (0 > chosen + tol && count_[own] > 1) {
      p.target = kToEmpty;  // on its own it does better than anywhere it could go
      p.k_target = 0;
    }
    return p;
  }

  // Applies a move if it still raises the quality against the current totals (vertices
  // evaluated together may have changed those, never the vertex's own weights to communities).
  bool Apply(uint32_t v, const Proposal& p) {
    if (p.target == kStay) return false;
    const uint32_t own = comm_[v];
    const double wv = o_.node_weight[v];
    const double lw = o_.lambda * wv;
    const double stay = p.k_own - lw * (weight_[own] - wv);
    uint32_t target = p.target;
    double gain = 0;
    if (target == kToEmpty) {
      if (count_[own] <= 1) return false;
    } else {
      gain = p.k_target - lw * weight_[target];
    }
    if (!(gain > stay + Tolerance(v, stay))) return false;
    if (target == kToEmpty) {
      if (!free_listed_) {
        // The empty labels, the smallest on top; made on first need (most runs never move a
        // vertex into an empty community, and the list costs 4 bytes a vertex).
        for (uint32_t l = g_.n; l-- > 0;) {
          if (count_[l] == 0) free_.push_back(l);
        }
        free_listed_ = true;
      }
      target = free_.back();
      free_.pop_back();
    }
    weight_[own] -= wv;
    weight_[target] += wv;
    --count_[own];
    ++count_[target];
    if (count_[own] == 0) {
      weight_[own] = 0;  // no rounding residue in an empty community
      if (free_listed_) free_.push_back(own);
    }
    comm_[v] = target;
    return true;
  }

  const double* weights() const { return weight_.data(); }

 private:
  const CommunityGraph& g_;
  const MoveOptions& o_;
  std::vector<uint32_t>& comm_;
  // HugeVectors: returned to the system when local moving ends (see sweeps.hpp).
  HugeVector<double> weight_;
  HugeVector<uint32_t> count_;
  std::vector<uint32_t> free_;
  bool free_listed_ = false;
};

}  // namespace

uint64_t MoveNodes(const CommunityGraph& g, const MoveOptions& o, std::vector<uint32_t>* comm) {
  const uint32_t n = g.n;
  if (n == 0) return 0;
  Mover mover(g, o, *comm);
  Coloring own_coloring;
  const Coloring* coloring = nullptr;
  if (ColoredSweeps(g)) {
    coloring = o.coloring;
    if (coloring == nullptr) {
      own_coloring = ColorGraph(g, o.order);
      coloring = &own_coloring;
    }
  }
  return RunSweeps<Proposal>(
      g, o.order, coloring, o.threads, kMaxSweeps, *comm, mover.weights(),
      [n] { return Accumulator(n); },
      [&](uint32_t v, Accumulator& acc) { return mover.Evaluate(v, acc); },
      [&](uint32_t v, const Proposal& p, Accumulator&) { return mover.Apply(v, p); },
      [&](uint32_t v, const Proposal& p) {
        return p.target == kStay ? (*comm)[v] : p.target == kToEmpty ? kNone32 : p.target;
      });
}

}  // namespace linkscope::detail
