// The analyses: communities and their profiles, quality scores, cores and components, path
// queries, centrality, key players, removal and robustness, and layouts for drawing.
#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "convert.hpp"
#include "linkscope/algo/components.hpp"
#include "linkscope/algo/kcore.hpp"
#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/algo/quality.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/disrupt/removal.hpp"
#include "linkscope/layout/layout.hpp"
#include "linkscope/model/country.hpp"

namespace linkscope::python {
namespace {

uint32_t Threads(Options& o) {
  const int64_t t = o.Get<int64_t>("threads", 0);
  if (t < 0) throw UsageError("threads must be >= 0 (0 or None: all hardware threads)");
  return static_cast<uint32_t>(t);
}

std::span<const uint32_t> Membership(const Snapshot& s, const py::array_t<uint32_t>& a) {
  if (a.ndim() != 1 || static_cast<uint64_t>(a.size()) != s.vertex_count()) {
    throw UsageError(fmt::format("membership must have one label per entity ({}), got {}",
                                 s.vertex_count(), a.size()));
  }
  return {a.data(), static_cast<size_t>(a.size())};
}

py::dict CommunitiesDict(Communities&& c, std::string_view method) {
  py::dict d;
  d["method"] = std::string(method);
  d["objective"] = std::string(ObjectiveName(c.objective));
  d["resolution"] = c.resolution;
  d["quality"] = c.quality;
  d["modularity"] = c.modularity;
  d["count"] = c.count();
  d["iterations"] = c.iterations;
  d["sizes"] = ToNumpy(std::move(c.sizes));
  py::list levels;
  for (CommunityLevel& l : c.levels) {
    levels.append(py::dict(py::arg("membership") = ToNumpy(std::move(l.membership)),
                           py::arg("count") = l.count, py::arg("quality") = l.quality));
  }
  d["levels"] = levels;
  d["membership"] = ToNumpy(std::move(c.membership));
  return d;
}

py::dict Communities_(const Handle& h, const py::dict& options) {
  Options o(options, "communities");
  const std::string method = o.Get<std::string>("method", "leiden");
  const std::string objective = o.Get<std::string>("objective", "modularity");
  Objective obj = Objective::kModularity;
  if (objective == "cpm") {
    obj = Objective::kCpm;
  } else if (objective != "modularity") {
    throw UsageError(fmt::format("objective must be modularity or cpm, not \"{}\"", objective));
  }
  const double resolution = o.Get<double>("resolution", 1.0);
  const uint64_t seed = o.Get<uint64_t>("seed", 0);
  const uint32_t threads = Threads(o);
  const Snapshot& s = h->s();
  if (method == "leiden") {
    LeidenParams p;
    p.objective = obj;
    p.resolution = resolution;
    p.seed = seed;
    p.threads = threads;
    p.randomness = o.Get<double>("randomness", p.randomness);
    const int64_t it = o.Get<int64_t>("iterations", p.iterations);
    if (it < 0) throw UsageError("iterations must be >= 0 (0: until stable)");
    p.iterations = static_cast<uint32_t>(it);
    o.Done();
    return CommunitiesDict(Compute([&] { return Leiden(s, p); }), method);
  }
  for (const char* key : {"randomness", "iterations"}) {
    if (o.Has(key) && !py::dict(options)[key].is_none()) {
      throw UsageError(fmt::format("{} applies to method=\"leiden\" only", key));
    }
    o.Get<double>(key, 0);
  }
  if (method == "louvain") {
    LouvainParams p;
    p.objective = obj;
    p.resolution = resolution;
    p.seed = seed;
    p.threads = threads;
    o.Done();
    return CommunitiesDict(Compute([&] { return Louvain(s, p); }), method);
  }
  if (method == "lpa") {
    if (obj != Objective::kModularity || resolution != 1.0) {
      throw UsageError("label propagation has no objective or resolution");
    }
    LabelPropagationParams p;
    p.seed = seed;
    p.threads = threads;
    o.Done();
    return CommunitiesDict(Compute([&] { return LabelPropagation(s, p); }), method);
  }
  throw UsageError(fmt::format("method must be leiden, louvain or lpa, not \"{}\"", method));
}

py::list Counts(const std::vector<std::pair<std::string, uint64_t>>& v) {
  py::list out;
  for (const auto& [k, n] : v) out.append(py::make_tuple(k, n));
  return out;
}

py::list Profiles(const Handle& h, const py::array_t<uint32_t>& membership, uint32_t top_members,
                  uint32_t bridges, const std::vector<uint32_t>& only) {
  const Snapshot& s = h->s();
  ProfileOptions po;
  po.top_members = top_members;
  po.bridges = bridges;
  const auto labels = Membership(s, membership);
  std::vector<CommunityProfile> profiles =
      Compute([&] { return ProfileCommunities(s, labels, po); });
  const Model& m = s.model();
  py::list out;
  auto profile = [&](const CommunityProfile& p) {
    py::dict d;
    d["id"] = p.id;
    d["size"] = p.size;
    d["members"] = Ids(s, p.members);
    d["internal_links"] = p.internal_links;
    d["external_links"] = p.external_links;
    d["internal_weight"] = p.internal_weight;
    d["external_weight"] = p.external_weight;
    d["density"] = p.density;
    d["kinds"] = Counts(p.kinds);
    d["seizures"] = p.seizures;
    d["commodities"] = Counts(p.commodities);
    d["categories"] = p.categories;
    d["entropy"] = p.entropy;
    d["countries"] = Counts(p.countries);
    py::list top;
    for (const auto& t : p.top_members) {
      const EntityId e = s.Entity(t.vertex);
      top.append(py::dict(py::arg("id") = Id(s, t.vertex), py::arg("name") = std::string(m.Name(e)),
                          py::arg("kind") = std::string(m.KindName(e)),
                          py::arg("strength") = t.strength, py::arg("neighbours") = t.neighbours));
    }
    d["top_members"] = top;
    d["bridge_count"] = p.bridge_count;
    py::list br;
    for (const auto& b : p.bridges) {
      const EntityId e = s.Entity(b.vertex);
      br.append(py::dict(py::arg("id") = Id(s, b.vertex), py::arg("name") = std::string(m.Name(e)),
                         py::arg("kind") = std::string(m.KindName(e)),
                         py::arg("communities") = b.reaches,
                         py::arg("external_weight") = b.external_weight));
    }
    d["bridges"] = br;
    return d;
  };
  if (only.empty()) {
    for (const CommunityProfile& p : profiles) out.append(profile(p));
  } else {
    for (const uint32_t c : only) {
      if (c >= profiles.size()) throw UsageError(fmt::format("no community {}", c));
      out.append(profile(profiles[c]));
    }
  }
  return out;
}

PathOptions PathOptionsOf(const py::dict& options, const char* what) {
  Options o(options, what);
  PathOptions p = PathOptionsFrom(o);
  o.Done();
  return p;
}

py::list ShortestPaths(const Handle& h, const std::string& from, const std::string& to,
                       uint32_t k, uint32_t all_shortest, const py::dict& options) {
  const Snapshot& s = h->s();
  PathOptions p = PathOptionsOf(options, "shortest_path");
  if (k == 0) throw UsageError("k must be >= 1");
  if (all_shortest > 0 && k > 1) throw UsageError("give k or all_shortest, not both");
  PathFinder finder(s, std::move(p));
  const VertexId a = finder.Resolve(from);
  const VertexId b = finder.Resolve(to);
  std::vector<Path> paths = Compute([&] {
    return all_shortest > 0 ? finder.AllShortest(a, b, all_shortest) : finder.Shortest(a, b, k);
  });
  py::list out;
  for (const Path& path : paths) out.append(PathDict(s, path));
  return out;
}

// Seconds per call of the same query in C++ alone, for measuring the Python layer's overhead.
double TimeShortestPath(const Handle& h, const std::string& from, const std::string& to,
                        uint32_t repetitions) {
  const Snapshot& s = h->s();
  py::gil_scoped_release release;
  const auto start = std::chrono::steady_clock::now();
  size_t found = 0;
  for (uint32_t i = 0; i < repetitions; ++i) {
    PathFinder finder(s, PathOptions{});
    found += finder.Shortest(finder.Resolve(from), finder.Resolve(to), 1).size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (found > repetitions) throw UsageError("unexpected");  // keeps the loop from being elided
  return seconds / std::max<uint32_t>(1, repetitions);
}

Handle Neighbors(const Handle& h, const std::vector<std::string>& of, uint32_t depth,
                 bool forward_in_time, const py::dict& options) {
  const Snapshot& s = h->s();
  const PathOptions p = PathOptionsOf(options, "neighbors");
  const std::vector<VertexId> seeds = VerticesOf(s, of);
  if (seeds.empty()) throw UsageError("neighbors: give at least one entity");
  Neighborhood nb = Compute([&] { return NeighborhoodOf(s, seeds, depth, p, forward_in_time); });
  Handle out = DeriveHandle(h, std::move(nb.view), "neighbourhood");
  out->depth = std::move(nb.depth);
  return out;
}

py::dict ConnectIds(const Handle& h, const std::vector<std::string>& ids, const py::dict& options) {
  const Snapshot& s = h->s();
  const PathOptions p = PathOptionsOf(options, "connect");
  const std::vector<VertexId> terminals = VerticesOf(s, ids);
  if (terminals.size() < 2) throw UsageError("connect: give at least two entities");
  const ConnectingNetwork net = Compute([&] { return Connect(s, terminals, p); });
  py::dict d;
  d["terminals"] = ids;
  d["entities"] = Ids(s, net.vertices);
  py::list links;
  for (const Evidence& ev : net.links) links.append(EvidenceDict(s, ev));
  d["links"] = links;
  d["cost"] = net.cost;
  d["unreachable"] = Ids(s, net.unreachable);
  d["connected"] = net.unreachable.empty();
  return d;
}

py::array_t<double> Centrality(const Handle& h, const std::string& measure, const py::dict& options) {
  Options o(options, "centrality");
  CentralityOptions c;
  c.weighted = o.Get<bool>("weighted", false);
  c.normalized = o.Get<bool>("normalized", true);
  c.endpoints = o.Get<bool>("endpoints", false);
  const int64_t pivots = o.Get<int64_t>("pivots", 0);
  if (pivots < 0) throw UsageError("pivots must be >= 0 (0: exact)");
  c.pivots = static_cast<uint32_t>(pivots);
  c.seed = o.Get<uint64_t>("seed", c.seed);
  c.threads = Threads(o);
  c.damping = o.Get<double>("damping", c.damping);
  c.tolerance = o.Get<double>("tolerance", c.tolerance);
  const int64_t iterations = o.Get<int64_t>("max_iterations", c.max_iterations);
  if (iterations <= 0) throw UsageError("max_iterations must be >= 1");
  c.max_iterations = static_cast<uint32_t>(iterations);
  const std::string mode = o.Get<std::string>("mode", "all");
  o.Done();
  if (c.pivots > 0 && measure != "betweenness") {
    throw UsageError("pivots applies to measure=\"betweenness\" only");
  }
  const Snapshot& s = h->s();
  std::vector<double> scores;
  if (measure == "degree") {
    DegreeMode dm = DegreeMode::kAll;
    if (mode == "in") {
      dm = DegreeMode::kIn;
    } else if (mode == "out") {
      dm = DegreeMode::kOut;
    } else if (mode != "all") {
      throw UsageError(fmt::format("mode must be in, out or all, not \"{}\"", mode));
    }
    scores = Compute([&] { return DegreeCentrality(s, dm, c); });
  } else if (mode != "all") {
    throw UsageError("mode applies to measure=\"degree\" only");
  } else if (measure == "betweenness") {
    scores = Compute([&] { return Betweenness(s, c).vertex; });
  } else if (measure == "closeness") {
    scores = Compute([&] { return Closeness(s, c); });
  } else if (measure == "harmonic") {
    scores = Compute([&] { return Harmonic(s, c); });
  } else if (measure == "pagerank") {
    scores = Compute([&] { return PageRank(s, c); });
  } else if (measure == "eigenvector") {
    scores = Compute([&] { return Eigenvector(s, c); });
  } else {
    throw UsageError(fmt::format(
        "measure must be degree, betweenness, closeness, harmonic, pagerank or eigenvector, not "
        "\"{}\"",
        measure));
  }
  return ToNumpy(std::move(scores));
}

// distance_fragmentation is None when it was not computed (it costs a search per vertex).
py::dict FragmentationDict(const Fragmentation& f, bool distance) {
  py::dict d;
  d["vertices"] = f.vertices;
  d["components"] = f.components;
  d["largest_component"] = f.largest_component;
  d["largest_share"] = f.largest_share;
  d["fragmentation"] = f.fragmentation;
  d["distance_fragmentation"] =
      distance ? py::object(py::float_(f.distance_fragmentation)) : py::object(py::none());
  return d;
}

py::dict KeyPlayers(const Handle& h, uint32_t k, const py::dict& options) {
  Options o(options, "keyplayers");
  KeyPlayerOptions kp;
  kp.k = k;
  const std::string mode = o.Get<std::string>("mode", "fragment");
  if (mode == "fragment") {
    kp.mode = KeyPlayerMode::kFragment;
  } else if (mode == "distance") {
    kp.mode = KeyPlayerMode::kDistanceFragment;
  } else if (mode == "reach") {
    kp.mode = KeyPlayerMode::kReach;
  } else {
    throw UsageError(fmt::format("mode must be fragment, distance or reach, not \"{}\"", mode));
  }
  const int64_t depth = o.Get<int64_t>("reach_depth", 1);
  if (depth < 1) throw UsageError("reach_depth must be >= 1");
  kp.reach_depth = static_cast<uint32_t>(depth);
  kp.max_swap_rounds = o.Get<uint32_t>("max_swap_rounds", kp.max_swap_rounds);
  kp.restarts = o.Get<uint32_t>("restarts", kp.restarts);
  kp.seed = o.Get<uint64_t>("seed", kp.seed);
  kp.threads = Threads(o);
  o.Done();
  const Snapshot& s = h->s();
  if (k < 1 || k > s.vertex_count()) {
    throw UsageError(fmt::format("k must be between 1 and the number of entities ({})", s.vertex_count()));
  }
  const KeyPlayerResult r = Compute([&] { return FindKeyPlayers(s, kp); });
  py::dict d;
  d["mode"] = mode;
  d["k"] = k;
  d["set"] = Ids(s, r.set);
  const bool distance = kp.mode == KeyPlayerMode::kDistanceFragment;
  d["before"] = FragmentationDict(r.before, distance);
  d["after"] = FragmentationDict(r.after, distance);
  d["score"] = r.score;
  d["reached"] = r.reached;
  d["greedy_score"] = r.greedy_score;
  d["swaps"] = r.swaps;
  d["swap_rounds"] = r.swap_rounds;
  d["converged"] = r.converged;
  return d;
}

py::list Flows(const std::vector<CommodityFlow>& flows, const std::vector<uint32_t>& witnesses) {
  py::list out;
  for (size_t i = 0; i < flows.size(); ++i) {
    const CommodityFlow& f = flows[i];
    out.append(py::dict(py::arg("category") = std::string(f.category),
                        py::arg("country_a") = CountryToString(f.a),
                        py::arg("country_b") = CountryToString(f.b),
                        py::arg("witnesses") = i < witnesses.size() ? witnesses[i] : 0u));
  }
  return out;
}

py::dict Remove(const Handle& h, const std::vector<std::string>& ids, bool distance) {
  const Snapshot& s = h->s();
  const std::vector<VertexId> removed = VerticesOfIds(s, ids);
  RemovalOptions ro;
  ro.distance_weighted = distance;
  const RemovalResult r = Compute([&] { return SimulateRemoval(s, removed, ro); });
  py::dict d;
  d["removed"] = Ids(s, removed);
  d["before"] = FragmentationDict(r.before, distance);
  d["after"] = FragmentationDict(r.after, distance);
  d["flows_before"] = Flows(r.flows_before, r.witnesses_before);
  d["flows_after"] = Flows(r.flows_after, r.witnesses_after);
  d["cut"] = Flows(r.cut, r.cut_witnesses);
  return d;
}

py::dict Robustness(const Handle& h, const py::object& order, uint32_t steps, uint32_t threads) {
  const Snapshot& s = h->s();
  std::vector<VertexId> sequence;
  std::string name;
  if (py::isinstance<py::str>(order)) {
    name = order.cast<std::string>();
    if (name == "degree") {
      sequence = DegreeOrder(s);
    } else if (name == "betweenness") {
      CentralityOptions co;
      co.threads = threads;
      sequence = Compute([&] { return OrderByScore(s, Betweenness(s, co).vertex); });
    } else {
      throw UsageError(fmt::format("order must be \"degree\", \"betweenness\" or a list of ids, not \"{}\"", name));
    }
  } else {
    name = "ids";
    sequence = VerticesOfIds(s, order.cast<std::vector<std::string>>());
  }
  const std::vector<RobustnessPoint> curve = Compute([&] { return RobustnessCurve(s, sequence, steps); });
  std::vector<uint32_t> removed, components, largest;
  std::vector<double> share;
  for (const RobustnessPoint& p : curve) {
    removed.push_back(p.removed);
    share.push_back(p.largest_share);
    components.push_back(p.components);
    largest.push_back(p.largest_component);
  }
  py::dict d;
  d["order"] = name;
  d["sequence"] = Ids(s, sequence);
  d["removed"] = ToNumpy(std::move(removed));
  d["largest_share"] = ToNumpy(std::move(share));
  d["components"] = ToNumpy(std::move(components));
  d["largest_component"] = ToNumpy(std::move(largest));
  return d;
}

py::dict Structure(const Handle& h) {
  const Snapshot& s = h->s();
  std::vector<VertexId> points = Compute([&] { return ArticulationPoints(s); });
  const std::vector<EdgeId> bridges = Compute([&] { return Bridges(s); });
  // By external id, as the command line lists them.
  std::sort(points.begin(), points.end(),
            [&](VertexId x, VertexId y) { return s.ExternalId(x) < s.ExternalId(y); });
  std::vector<std::pair<std::string_view, std::string_view>> ends;
  for (const EdgeId e : bridges) {
    const auto [a, b] = s.Endpoints(e);
    std::string_view x = s.ExternalId(a);
    std::string_view y = s.ExternalId(b);
    if (y < x) std::swap(x, y);
    ends.emplace_back(x, y);
  }
  std::sort(ends.begin(), ends.end());
  // Several edges may join one pair (bridges are those of the simple graph).
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  py::dict d;
  d["articulation_points"] = Ids(s, points);
  py::list br;
  for (const auto& [x, y] : ends) br.append(py::make_tuple(py::str(x.data(), x.size()), py::str(y.data(), y.size())));
  d["bridges"] = br;
  return d;
}

py::array_t<double> Layout(const Handle& h, const std::vector<std::string>& ids, uint64_t seed,
                           uint32_t iterations) {
  const Snapshot& s = h->s();
  const std::vector<VertexId> vertices = VerticesOf(s, ids);
  LayoutOptions lo;
  lo.seed = seed;
  lo.iterations = iterations;
  const std::vector<Point> points = Compute([&] { return ForceLayout(s, vertices, lo); });
  std::vector<double> flat;
  flat.reserve(2 * points.size());
  for (const Point& p : points) {
    flat.push_back(p.x);
    flat.push_back(p.y);
  }
  py::array_t<double> out = ToNumpy(std::move(flat));
  return out.reshape({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
}

}  // namespace

void BindAnalysis(py::module_& m) {
  m.def("communities", &Communities_);
  m.def("profiles", &Profiles, py::arg("graph"), py::arg("membership"), py::arg("top_members"),
        py::arg("bridges"), py::arg("only"));
  m.def("quality", [](const Handle& h, const py::array_t<uint32_t>& membership,
                      const std::string& objective, double resolution) {
    const auto labels = Membership(h->s(), membership);
    if (objective == "modularity") return Modularity(h->s(), labels, resolution);
    if (objective == "cpm") return CpmQuality(h->s(), labels, resolution);
    throw UsageError(fmt::format("objective must be modularity or cpm, not \"{}\"", objective));
  });
  m.def("disconnected", [](const Handle& h, const py::array_t<uint32_t>& membership) {
    return DisconnectedCommunities(h->s(), Membership(h->s(), membership));
  });
  m.def("nmi", [](const py::array_t<uint32_t>& a, const py::array_t<uint32_t>& b) {
    return NormalizedMutualInformation({a.data(), static_cast<size_t>(a.size())},
                                       {b.data(), static_cast<size_t>(b.size())});
  });
  m.def("ari", [](const py::array_t<uint32_t>& a, const py::array_t<uint32_t>& b) {
    return AdjustedRandIndex({a.data(), static_cast<size_t>(a.size())},
                             {b.data(), static_cast<size_t>(b.size())});
  });
  m.def("cores", [](const Handle& h, const std::string& mode, uint32_t threads) {
    CoreOptions co;
    co.threads = threads;
    if (mode == "in") {
      co.mode = CoreOptions::Mode::kIn;
    } else if (mode == "out") {
      co.mode = CoreOptions::Mode::kOut;
    } else if (mode != "all") {
      throw UsageError(fmt::format("mode must be all, in or out, not \"{}\"", mode));
    }
    Cores c = Compute([&] { return CoreNumbers(h->s(), co); });
    return ToNumpy(std::move(c.core));
  });
  m.def("components", [](const Handle& h, bool strong) {
    Components c = Compute([&] { return strong ? StrongComponents(h->s()) : WeakComponents(h->s()); });
    return ToNumpy(std::move(c.component));
  });
  m.def("shortest_paths", &ShortestPaths);
  m.def("time_shortest_path", &TimeShortestPath);
  m.def("neighbors", &Neighbors);
  m.def("connect", &ConnectIds);
  m.def("centrality", &Centrality);
  m.def("structure", &Structure);
  m.def("keyplayers", &KeyPlayers);
  m.def("remove", &Remove);
  m.def("robustness", &Robustness);
  m.def("layout", &Layout);
}

}  // namespace linkscope::python
