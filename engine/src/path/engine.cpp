// The compiled options and the point-to-point searches behind every path query.
//
// Shortest path, in three passes, so that ties are broken by external ids (not by load
// order) at the price of about twice the work of one bidirectional search:
// 1. Bidirectional Dijkstra (Dijkstra 1959; stop when the tops of the two queues sum to the
//    best meeting label), or for hops a level-synchronous bidirectional BFS (the smaller
//    frontier first), gives the best label D and, for every vertex, a lower bound on its label
//    from s: exact where the forward side settled it, the forward queue's top elsewhere.
//    (Continuing the backward side instead of pass 2 was tried: popping its whole unpruned
//    frontier cost more than the pruned restart.)
// 2. A backward Dijkstra from t that drops every vertex whose label to t plus its bound from s
//    exceeds D. It visits only vertices the first pass already touched and leaves the exact
//    label to t of every vertex on a shortest path.
// 3. A walk from s that always steps to the smallest external id among the neighbours on a
//    shortest path (label to t smaller by exactly the step). Labels are (cost, hops), so the
//    walk strictly loses a hop per step and cannot loop.
// When the best path has more than max_hops hops, pass 2 is replaced by hop layers (exact
// hop-bounded distances to t, a Bellman-Ford over at most max_hops rounds) and the walk reads
// them with the hops left. That fallback is not pruned: on the 1 M-vertex benchmark graph,
// max_hops 6 by distance takes about 0.7 s.
#include "path/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "graph/kind_filter.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope::detail {
namespace {

// Reliability costs are multiples of 2^-40: sums are then exact in any order (up to 2^13 in
// total), so equally reliable paths tie exactly. The rounding is below 1e-12 per step.
constexpr double kQuantum = 1.0 / 1099511627776.0;

double QuantizedLogCost(double confidence) {
  return std::round(-std::log(confidence) / kQuantum) * kQuantum;
}

struct HeapGreater {
  bool operator()(const SearchSide::Entry& a, const SearchSide::Entry& b) const {
    if (Less(b.key, a.key)) return true;
    if (Less(a.key, b.key)) return false;
    return a.v > b.v;
  }
};

}  // namespace

void SearchSide::Prepare(uint32_t n) {
  if (node.size() != n) {
    node.assign(n, Node{});
    gen = 0;
  }
  if (++gen == 0) {  // wrapped: clear once every 2^32 runs
    for (Node& x : node) x.reached = x.settled = 0;
    gen = 1;
  }
  heap.clear();
}

void SearchSide::Push(VertexId v, Label l) {
  Set(v, l);
  heap.push_back({l, v});
  std::push_heap(heap.begin(), heap.end(), HeapGreater{});
}

VertexId SearchSide::Pop() {
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), HeapGreater{});
    const Entry e = heap.back();
    heap.pop_back();
    if (Settled(e.v)) continue;
    if (Less(At(e.v), e.key)) continue;  // stale
    MarkSettled(e.v);
    return e.v;
  }
  return kNoVertex;
}

Label SearchSide::Top() {
  while (!heap.empty()) {
    const Entry& e = heap.front();
    if (!Settled(e.v) && !Less(At(e.v), e.key)) return e.key;
    std::pop_heap(heap.begin(), heap.end(), HeapGreater{});
    heap.pop_back();
  }
  return Label{};
}

PathEngine::PathEngine(const Snapshot& s, PathOptions options)
    : snap(s), model(s.model()), data(s.model().data()), opt(std::move(options)) {
  if (!(opt.min_confidence >= 0) || opt.min_confidence > 1) {
    throw UsageError(fmt::format("min_confidence must be in [0, 1], got {}", opt.min_confidence));
  }
  if (!(opt.max_cost >= 0)) throw UsageError("max_cost must be at least 0");
  if (opt.max_gap_seconds && !opt.time_respecting) {
    throw UsageError("max_gap_seconds needs time_respecting");
  }
  if (opt.max_gap_seconds && *opt.max_gap_seconds < 0) {
    throw UsageError("max_gap_seconds must be at least 0");
  }
  const bool link_filters = !opt.link_types.empty() || !opt.exclude_link_types.empty() ||
                            opt.window.has_value() || opt.min_confidence > 0;
  if (s.derived() && (link_filters || opt.time_respecting)) {
    throw UsageError(
        "link filters and time-respecting paths do not apply to a projection; filter the "
        "snapshot before projecting it");
  }
  link_filter_ = link_filters;
  // Kinds.
  kind_ok_.assign(model.kind_count(), 1);
  if (!opt.kinds.empty()) kind_ok_ = KindSet(model, opt.kinds);
  if (!opt.exclude_kinds.empty()) {
    const std::vector<uint8_t> out = KindSet(model, opt.exclude_kinds);
    for (size_t k = 0; k < out.size(); ++k) kind_ok_[k] = kind_ok_[k] && !out[k];
  }
  vertex_filter_ = !opt.kinds.empty() || !opt.exclude_kinds.empty();
  // Link types.
  type_ok_.assign(model.link_type_count(), 1);
  if (!opt.link_types.empty()) type_ok_ = LinkTypeSet(model, opt.link_types);
  if (!opt.exclude_link_types.empty()) {
    const std::vector<uint8_t> out = LinkTypeSet(model, opt.exclude_link_types);
    for (size_t t = 0; t < out.size(); ++t) type_ok_[t] = type_ok_[t] && !out[t];
  }
  // Excluded entities.
  if (!opt.exclude.empty()) {
    excluded_.assign(s.vertex_count(), 0);
    for (const std::string& id : opt.exclude) {
      auto e = model.FindEntity(id);
      if (!e) throw NotFoundError(fmt::format("no entity with id \"{}\"", id));
      const VertexId v = s.VertexOf(*e);
      if (v != kNoVertex) excluded_[v] = 1;
    }
    vertex_filter_ = true;
  }
  for (int g = 0; g < kGradeCount; ++g) {
    confidence_[g] = opt.confidence.Get(Grade{static_cast<uint8_t>(g)});
    log_cost_[g] = QuantizedLogCost(confidence_[g]);
  }
  csr_distance_ =
      opt.weight == PathWeight::kDistance && s.weighted() && !s.options().collapse_parallel;
  plain_steps_ = !s.derived() && !link_filter_ && !opt.time_respecting &&
                 (opt.weight == PathWeight::kHops || csr_distance_);
}

bool PathEngine::LinkOk(LinkId l) const {
  if (!type_ok_[data.type[l]]) return false;
  if (opt.window) {
    const DateRange dates{data.date_lo[l], data.date_hi[l]};
    if (dates.dated() ? !dates.Overlaps(*opt.window) : !opt.keep_undated) return false;
  }
  return opt.min_confidence <= 0 || confidence_[data.grade[l]] >= opt.min_confidence;
}

double PathEngine::LinkCost(LinkId l) const {
  switch (opt.weight) {
    case PathWeight::kHops:
      return 1.0;
    case PathWeight::kDistance:
      return data.weight[l];
    case PathWeight::kReliability:
      return log_cost_[data.grade[l]];
  }
  return 1.0;
}

std::pair<LinkId, double> PathEngine::BestLink(VertexId u, VertexId w) const {
  LinkId best = kNoLink;
  double best_cost = kInf;
  double best_conf = -1;
  bool any = false;
  ForLinkSteps(u, false, [&](VertexId x, LinkId l, double c) {
    if (x != w) return;
    const double conf = l == kNoLink ? 1.0 : LinkConfidence(l);
    if (!any || c < best_cost || (c == best_cost && conf > best_conf) ||
        (c == best_cost && conf == best_conf && l < best)) {
      best = l;
      best_cost = c;
      best_conf = conf;
      any = true;
    }
  });
  return {best, best_cost};
}

Evidence PathEngine::MakeEvidence(VertexId u, VertexId w, LinkId l) const {
  Evidence ev;
  ev.link = l;
  ev.from = u;
  ev.to = w;
  if (l == kNoLink) {
    // A derived edge: its weight is the edge's.
    double wt = 1.0;
    const auto adj = snap.Out(u);
    const auto ws = snap.OutWeights(u);
    auto it = std::lower_bound(adj.begin(), adj.end(), w);
    if (it != adj.end() && *it == w && !ws.empty()) wt = ws[static_cast<size_t>(it - adj.begin())];
    ev.weight = wt;
    return ev;
  }
  ev.type = model.TypeName(l);
  ev.source = model.Source(l);
  ev.link_id = model.LinkExternalId(l);
  ev.date = model.LinkDates(l);
  ev.grade = model.LinkGrade(l);
  ev.confidence = LinkConfidence(l);
  ev.weight = model.Weight(l);
  return ev;
}

Path PathEngine::MakePath(const std::vector<VertexId>& vertices) const {
  Path p;
  p.vertices = vertices;
  for (size_t i = 0; i + 1 < vertices.size(); ++i) {
    const auto [l, c] = BestLink(vertices[i], vertices[i + 1]);
    p.links.push_back(MakeEvidence(vertices[i], vertices[i + 1], l));
    p.cost += c;
    p.reliability *= p.links.back().confidence;
  }
  p.hops = static_cast<uint32_t>(p.links.size());
  return p;
}

void PathEngine::Block(VertexId v) {
  if (blocked_.empty()) blocked_.assign(snap.vertex_count(), 0);
  blocked_[v] = block_gen_;
}

bool PathEngine::Forbidden(VertexId u, VertexId w) const {
  if (u != spur_) return false;
  return std::find(forbidden_.begin(), forbidden_.end(), w) != forbidden_.end();
}

Label PathEngine::Bidirectional(VertexId s, VertexId t, double max_cost, Label* lower) {
  const uint32_t n = snap.vertex_count();
  fwd.Prepare(n);
  bwd.Prepare(n);
  fwd.Push(s, {0, 0});
  bwd.Push(t, {0, 0});
  Label mu;
  auto over = [&](const Label& l) { return l.cost > max_cost && !Near(l.cost, max_cost); };
  for (;;) {
    const Label tf = fwd.Top();
    const Label tb = bwd.Top();
    if (!tf.finite() || !tb.finite()) break;
    if (mu.finite() && !Less(Add(tf, tb), mu)) break;
    if (fwd.heap.size() <= bwd.heap.size()) {
      const VertexId u = fwd.Pop();
      if (u == t) continue;
      const Label lu = fwd.At(u);
      ForSteps(u, false, [&](VertexId w, double c) {
        if (!Passable(w, s, t) || Forbidden(u, w) || w == s) return;
        const Label l = Step(lu, c);
        if (over(l)) return;
        if (!fwd.Settled(w) && (!fwd.Reached(w) || Less(l, fwd.At(w)))) fwd.Push(w, l);
        if (bwd.Reached(w)) {
          const Label total = Add(l, bwd.At(w));
          if (Less(total, mu)) mu = total;
        }
      });
    } else {
      const VertexId u = bwd.Pop();
      if (u == s) continue;
      const Label lu = bwd.At(u);
      ForSteps(u, true, [&](VertexId w, double c) {
        if (!Passable(w, s, t) || Forbidden(w, u) || w == t) return;
        const Label l = Step(lu, c);
        if (over(l)) return;
        if (!bwd.Settled(w) && (!bwd.Reached(w) || Less(l, bwd.At(w)))) bwd.Push(w, l);
        if (fwd.Reached(w)) {
          const Label total = Add(l, fwd.At(w));
          if (Less(total, mu)) mu = total;
        }
      });
    }
  }
  *lower = fwd.Top();
  if (mu.finite() && over(mu)) return Label{};
  return mu;
}

Label PathEngine::BidirectionalBfs(VertexId s, VertexId t, double max_cost, Label* lower) {
  const uint32_t n = snap.vertex_count();
  fwd.Prepare(n);
  bwd.Prepare(n);
  fwd.Set(s, {0, 0});
  fwd.MarkSettled(s);
  bwd.Set(t, {0, 0});
  bwd.MarkSettled(t);
  frontier_f_.assign(1, s);
  frontier_b_.assign(1, t);
  uint32_t df = 0;
  uint32_t db = 0;
  Label mu;
  // One level of one side; meetings lower mu.
  auto level = [&](SearchSide& me, const SearchSide& other, std::vector<VertexId>& frontier,
                   uint32_t depth, bool reverse) {
    next_.clear();
    const Label here{static_cast<double>(depth + 1), depth + 1};
    for (const VertexId u : frontier) {
      if (u == (reverse ? s : t)) continue;
      ForSteps(u, reverse, [&](VertexId w, double) {
        if (w == (reverse ? t : s) || !Passable(w, s, t)) return;
        if (reverse ? Forbidden(w, u) : Forbidden(u, w)) return;
        if (!me.Reached(w)) {
          me.Set(w, here);
          me.MarkSettled(w);
          next_.push_back(w);
        }
        if (other.Reached(w)) {
          const Label total = Add(here, other.At(w));
          if (Less(total, mu)) mu = total;
        }
      });
    }
    frontier.swap(next_);
  };
  while (!frontier_f_.empty() && !frontier_b_.empty()) {
    if (static_cast<double>(df + db + 1) > max_cost && !Near(df + db + 1, max_cost)) break;
    if (frontier_f_.size() <= frontier_b_.size()) {
      level(fwd, bwd, frontier_f_, df, false);
      ++df;
    } else {
      level(bwd, fwd, frontier_b_, db, true);
      ++db;
    }
    // Before this level no vertex was reached from both sides, so every path is longer than
    // the two depths then; the best meeting of this level is a shortest path.
    if (mu.finite()) break;
  }
  *lower = frontier_f_.empty() ? Label{} : Label{static_cast<double>(df + 1), df + 1};
  if (mu.finite() && mu.cost > max_cost && !Near(mu.cost, max_cost)) return Label{};
  return mu;
}

void PathEngine::DistancesToTarget(VertexId s, VertexId t, Label best, Label lower) {
  bwd.Prepare(snap.vertex_count());
  bwd.Push(t, {0, 0});
  for (;;) {
    const VertexId u = bwd.Pop();
    if (u == kNoVertex || u == s) break;
    const Label lu = bwd.At(u);
    ForSteps(u, true, [&](VertexId w, double c) {
      if (w == t || !Passable(w, s, t) || Forbidden(w, u)) return;
      const Label l = Step(lu, c);
      const Label bound = fwd.Settled(w) ? fwd.At(w) : lower;
      if (!bound.finite() || Above(Add(l, bound), best)) return;
      if (!bwd.Settled(w) && (!bwd.Reached(w) || Less(l, bwd.At(w)))) bwd.Push(w, l);
    });
  }
}

void PathEngine::HopLayers(VertexId s, VertexId t, uint32_t max_hops, double max_cost) {
  // Each vertex keeps the rounds at which its label improved (O(changes) memory, not
  // O(max_hops * reached)); round h reads the labels of round h - 1 only.
  layers_.clear();
  layers_[t].push_back({0, Label{0, 0}});
  std::vector<VertexId> frontier = {t};
  std::vector<VertexId> changed;
  for (uint32_t h = 1; h <= max_hops && !frontier.empty(); ++h) {
    changed.clear();
    for (const VertexId v : frontier) {
      if (v == s) continue;  // s is only an end
      const Label lv = DistTo(v, h - 1);
      ForSteps(v, true, [&](VertexId x, double c) {
        if (x == t || !Passable(x, s, t) || Forbidden(x, v)) return;
        const Label l = Step(lv, c);
        if (l.cost > max_cost && !Near(l.cost, max_cost)) return;
        auto& history = layers_[x];
        if (!history.empty() && history.back().first == h) {
          if (Less(l, history.back().second)) history.back().second = l;
          return;
        }
        if (!history.empty() && !Less(l, history.back().second)) return;
        history.push_back({h, l});
        changed.push_back(x);
      });
    }
    std::sort(changed.begin(), changed.end());
    frontier.swap(changed);
  }
}

Label PathEngine::DistTo(VertexId v, uint32_t budget) const {
  if (!layered_) return bwd.Settled(v) ? bwd.At(v) : Label{};
  auto it = layers_.find(v);
  if (it == layers_.end()) return Label{};
  // The last improvement at a round within the budget.
  Label best;
  for (const auto& [round, label] : it->second) {
    if (round > budget) break;
    best = label;
  }
  return best;
}

std::vector<VertexId> PathEngine::NextOnShortest(VertexId u, VertexId s, VertexId t,
                                                 uint32_t budget) const {
  std::vector<VertexId> next;
  const Label du = DistTo(u, budget);
  if (!du.finite() || du.hops == 0) return next;
  if (layered_ && budget == 0) return next;
  const uint32_t left = layered_ ? budget - 1 : budget;
  ForSteps(u, false, [&](VertexId w, double c) {
    if (w == s || !Passable(w, s, t) || Forbidden(u, w)) return;
    const Label dw = DistTo(w, left);
    if (!dw.finite() || dw.hops + 1 != du.hops || !Near(dw.cost + c, du.cost)) return;
    next.push_back(w);
  });
  std::sort(next.begin(), next.end(), [&](VertexId a, VertexId b) { return IdLess(a, b); });
  next.erase(std::unique(next.begin(), next.end()), next.end());
  return next;
}

std::vector<VertexId> PathEngine::ShortestVertices(VertexId s, VertexId t, uint32_t max_hops,
                                                   double max_cost) {
  auto all = AllShortestVertices(s, t, max_hops, max_cost, 1);
  if (all.empty()) return {};
  return std::move(all.front());
}

std::vector<std::vector<VertexId>> PathEngine::AllShortestVertices(VertexId s, VertexId t,
                                                                   uint32_t max_hops,
                                                                   double max_cost, uint32_t cap) {
  std::vector<std::vector<VertexId>> out;
  if (cap == 0) return out;
  if (s == t) {
    out.push_back({s});
    return out;
  }
  Label lower;
  const Label best = opt.weight == PathWeight::kHops ? BidirectionalBfs(s, t, max_cost, &lower)
                                                     : Bidirectional(s, t, max_cost, &lower);
  if (!best.finite()) return out;
  uint32_t budget = kNone32;
  // By hops the best path has the fewest hops there are: none fits a smaller bound.
  if (opt.weight == PathWeight::kHops && max_hops > 0 && best.hops > max_hops) return out;
  if (max_hops == 0 || best.hops <= max_hops) {
    layered_ = false;
    DistancesToTarget(s, t, best, lower);
  } else {
    layered_ = true;
    HopLayers(s, t, max_hops, max_cost);
    budget = max_hops;
    if (!DistTo(s, budget).finite()) return out;
  }
  // Depth-first over the shortest-path DAG, smallest external id first; every branch reaches t.
  std::vector<VertexId> path = {s};
  auto dfs = [&](auto& self, VertexId u, uint32_t left) -> void {
    if (out.size() >= cap) return;
    if (u == t) {
      out.push_back(path);
      return;
    }
    for (const VertexId w : NextOnShortest(u, s, t, left)) {
      path.push_back(w);
      self(self, w, layered_ ? left - 1 : left);
      path.pop_back();
      if (out.size() >= cap) return;
    }
  };
  dfs(dfs, s, budget);
  return out;
}

}  // namespace linkscope::detail
