// linkscope keyplayers, remove and robustness: which few entities hold the network together,
// and what breaks when they are taken out.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/disrupt/removal.hpp"

namespace linkscope::cli {
namespace {

// The view every disruption command works on: the whole case or some kinds of it.
struct DisruptArgs {
  InputOptions in;
  OutputFormat format = OutputFormat::kText;
  std::vector<std::string> kinds;
  std::vector<std::string> link_types;
  uint32_t threads = 0;

  void Register(CLI::App& app) {
    in.Register(app);
    app.add_option("--kinds", kinds, "Keep only entities of these kinds (comma-separated)")
        ->delimiter(',');
    app.add_option("--link-types", link_types, "Keep only links of these types")
        ->delimiter(',');
    app.add_option("--threads", threads,
                   "Threads (0: all hardware threads); the result does not depend on it")
        ->capture_default_str();
    AddFormatOption(app, &format);
  }

  Snapshot Load(Graph& graph, LoadReport* report) const {
    *report = LoadInputs(graph, in, format == OutputFormat::kJson);
    return KindsView(graph, {}, kinds, link_types);
  }
};

void JsonFragmentation(JsonWriter& w, std::string_view key, const Fragmentation& f,
                       bool distance) {
  JsonKey(w, key);
  w.StartObject();
  Json(w, "vertices", uint64_t{f.vertices});
  Json(w, "components", uint64_t{f.components});
  Json(w, "largest_component", uint64_t{f.largest_component});
  Json(w, "largest_share", f.largest_share);
  Json(w, "fragmentation", f.fragmentation);
  if (distance) Json(w, "distance_fragmentation", f.distance_fragmentation);
  w.EndObject();
}

void TextFragmentation(std::string& out, const Fragmentation& before, const Fragmentation& after,
                       bool distance) {
  Append(out, "\n  {:<28} {:>12} {:>12}\n", "", "before", "after");
  Append(out, "  {:<28} {:>12} {:>12}\n", "entities", Thousands(before.vertices),
         Thousands(after.vertices));
  Append(out, "  {:<28} {:>12} {:>12}\n", "components", Thousands(before.components),
         Thousands(after.components));
  Append(out, "  {:<28} {:>12} {:>12}\n", "largest component", Thousands(before.largest_component),
         Thousands(after.largest_component));
  Append(out, "  {:<28} {:>12.4f} {:>12.4f}\n", "largest share", before.largest_share,
         after.largest_share);
  Append(out, "  {:<28} {:>12.4f} {:>12.4f}\n", "fragmentation", before.fragmentation,
         after.fragmentation);
  if (distance) {
    Append(out, "  {:<28} {:>12.4f} {:>12.4f}\n", "distance fragmentation",
           before.distance_fragmentation, after.distance_fragmentation);
  }
}


// ---- keyplayers

struct KeyPlayersArgs {
  DisruptArgs d;
  uint32_t k = 3;
  KeyPlayerMode mode = KeyPlayerMode::kFragment;
  uint32_t depth = 1;
  CLI::Option* depth_opt = nullptr;
};

std::string_view ModeName(KeyPlayerMode m) {
  switch (m) {
    case KeyPlayerMode::kFragment:
      return "fragment";
    case KeyPlayerMode::kDistanceFragment:
      return "distance";
    case KeyPlayerMode::kReach:
      return "reach";
  }
  return "";
}

int RunKeyPlayers(const KeyPlayersArgs& a) {
  if (a.depth_opt->count() > 0 && a.mode != KeyPlayerMode::kReach) {
    throw UsageError("--depth applies to --mode reach only");
  }
  Graph graph;
  LoadReport report;
  const Snapshot s = a.d.Load(graph, &report);
  KeyPlayerOptions o;
  o.mode = a.mode;
  o.k = a.k;
  o.reach_depth = a.depth;
  o.threads = a.d.threads;
  const KeyPlayerResult r = FindKeyPlayers(s, o);
  const bool distance = a.mode == KeyPlayerMode::kDistanceFragment;
  if (a.d.format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    Json(w, "mode", ModeName(a.mode));
    Json(w, "k", uint64_t{a.k});
    if (a.mode == KeyPlayerMode::kReach) Json(w, "depth", uint64_t{a.depth});
    JsonKey(w, "set");
    w.StartArray();
    for (const VertexId v : r.set) JsonString(w, s.ExternalId(v));
    w.EndArray();
    Json(w, "score", r.score);
    if (a.mode == KeyPlayerMode::kReach) Json(w, "reached", uint64_t{r.reached});
    JsonFragmentation(w, "before", r.before, distance);
    JsonFragmentation(w, "after", r.after, distance);
    JsonLoad(w, report);
    w.EndObject();
    PrintJson(sb);
    return kExitOk;
  }
  std::string out;
  Append(out, "linkscope keyplayers: {} entities, k = {}, mode {}\n", Thousands(s.vertex_count()),
         a.k, ModeName(a.mode));
  if (a.mode == KeyPlayerMode::kReach) {
    Append(out, "\nThe {} entities that reach most others within {} step{}: {} reached ({:.1f}%)\n",
           r.set.size(), a.depth, a.depth == 1 ? "" : "s", Thousands(r.reached), 100 * r.score);
  } else {
    Append(out, "\nThe {} entities whose removal fragments the network most (score {:.4f})\n",
           r.set.size(), r.score);
  }
  for (size_t i = 0; i < r.set.size(); ++i) Append(out, "  {:>3}  {}\n", i + 1, EntityColumns(s, r.set[i]));
  TextFragmentation(out, r.before, r.after, distance);
  WriteOut(out);
  return kExitOk;
}

// ---- remove

struct RemoveArgs {
  DisruptArgs d;
  std::vector<std::string> ids;
};

int RunRemove(const RemoveArgs& a) {
  Graph graph;
  LoadReport report;
  const Snapshot s = a.d.Load(graph, &report);
  // Repeated ids count once, in the order first given.
  std::vector<VertexId> removed;
  for (const VertexId v : VerticesOfIds(s, a.ids)) {
    if (std::find(removed.begin(), removed.end(), v) == removed.end()) removed.push_back(v);
  }
  const RemovalResult r = SimulateRemoval(s, removed);
  // Flows still present but witnessed by fewer items than before (flows_after is a subset of
  // flows_before, both sorted).
  struct Weakened {
    size_t before, after;  // indices into flows_before / flows_after
  };
  std::vector<Weakened> weakened;
  for (size_t i = 0, j = 0; i < r.flows_before.size() && j < r.flows_after.size(); ++i) {
    if (!(r.flows_before[i] == r.flows_after[j])) continue;  // cut
    if (r.witnesses_after[j] < r.witnesses_before[i]) weakened.push_back({i, j});
    ++j;
  }
  auto flow_object = [&](JsonWriter& w, const CommodityFlow& f) {
    Json(w, "commodity", f.category);
    Json(w, "country_a", CountryToString(f.a));
    Json(w, "country_b", CountryToString(f.b));
  };
  auto flow_json = [&](JsonWriter& w, std::string_view key, const std::vector<CommodityFlow>& fs,
                       const std::vector<uint32_t>& items) {
    JsonKey(w, key);
    w.StartArray();
    for (size_t i = 0; i < fs.size(); ++i) {
      w.StartObject();
      flow_object(w, fs[i]);
      Json(w, "items", uint64_t{items[i]});
      w.EndObject();
    }
    w.EndArray();
  };
  if (a.d.format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    JsonKey(w, "removed");
    w.StartArray();
    for (const VertexId v : removed) JsonString(w, s.ExternalId(v));
    w.EndArray();
    JsonFragmentation(w, "before", r.before, false);
    JsonFragmentation(w, "after", r.after, false);
    flow_json(w, "flows_before", r.flows_before, r.witnesses_before);
    flow_json(w, "cut", r.cut, r.cut_witnesses);
    JsonKey(w, "weakened");
    w.StartArray();
    for (const Weakened& x : weakened) {
      w.StartObject();
      flow_object(w, r.flows_before[x.before]);
      Json(w, "items_before", uint64_t{r.witnesses_before[x.before]});
      Json(w, "items_after", uint64_t{r.witnesses_after[x.after]});
      w.EndObject();
    }
    w.EndArray();
    JsonLoad(w, report);
    w.EndObject();
    PrintJson(sb);
    return kExitOk;
  }
  std::string out;
  Append(out, "linkscope remove: {} of {} entities removed\n", removed.size(),
         Thousands(s.vertex_count()));
  for (const VertexId v : removed) Append(out, "  {}\n", EntityColumns(s, v));
  TextFragmentation(out, r.before, r.after, false);
  Append(out, "\nCommodity flows between countries: {} before, {} cut, {} weakened\n",
         r.flows_before.size(), r.cut.size(), weakened.size());
  for (size_t i = 0; i < r.cut.size(); ++i) {
    Append(out, "  cut       {:<12} {} - {}  ({} item{} before)\n", r.cut[i].category,
           CountryToString(r.cut[i].a), CountryToString(r.cut[i].b), r.cut_witnesses[i],
           r.cut_witnesses[i] == 1 ? "" : "s");
  }
  for (const Weakened& x : weakened) {
    const CommodityFlow& f = r.flows_before[x.before];
    Append(out, "  weakened  {:<12} {} - {}  ({} -> {} items)\n", f.category,
           CountryToString(f.a), CountryToString(f.b), r.witnesses_before[x.before],
           r.witnesses_after[x.after]);
  }
  WriteOut(out);
  return kExitOk;
}

// ---- robustness

enum class Ranking { kDegree, kBetweenness, kIds };

struct RobustnessArgs {
  DisruptArgs d;
  Ranking order = Ranking::kDegree;
  std::vector<std::string> ids;
  uint32_t steps = 20;
};

int RunRobustness(const RobustnessArgs& a) {
  if ((a.order == Ranking::kIds) != !a.ids.empty()) {
    throw UsageError("--order ids takes the removal order from --ids (and only then)");
  }
  Graph graph;
  LoadReport report;
  const Snapshot s = a.d.Load(graph, &report);
  std::vector<VertexId> order;
  if (a.order == Ranking::kIds) {
    order = VerticesOfIds(s, a.ids);
  } else {
    if (a.order == Ranking::kDegree) {
      order = DegreeOrder(s);
    } else {
      CentralityOptions co;
      co.threads = a.d.threads;
      order = OrderByScore(s, Betweenness(s, co).vertex);
    }
  }
  const std::vector<RobustnessPoint> curve = RobustnessCurve(s, order, a.steps);
  const std::string_view name = a.order == Ranking::kDegree        ? "degree"
                                : a.order == Ranking::kBetweenness ? "betweenness"
                                                                   : "ids";
  if (a.d.format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    Json(w, "order", name);
    Json(w, "entities", uint64_t{s.vertex_count()});
    JsonKey(w, "curve");
    w.StartArray();
    for (const RobustnessPoint& p : curve) {
      w.StartObject();
      Json(w, "removed", uint64_t{p.removed});
      Json(w, "largest_share", p.largest_share);
      Json(w, "components", uint64_t{p.components});
      w.EndObject();
    }
    w.EndArray();
    JsonLoad(w, report);
    w.EndObject();
    PrintJson(sb);
    return kExitOk;
  }
  std::string out;
  Append(out, "linkscope robustness: removing by {}, {} entities\n\n", name,
         Thousands(s.vertex_count()));
  Append(out, "  {:>10} {:>14} {:>12}\n", "removed", "largest share", "components");
  for (const RobustnessPoint& p : curve) {
    Append(out, "  {:>10} {:>14.4f} {:>12}\n", Thousands(p.removed), p.largest_share,
           Thousands(p.components));
  }
  WriteOut(out);
  return kExitOk;
}

}  // namespace

Command AddKeyPlayersCommand(CLI::App& parent) {
  auto a = std::make_shared<KeyPlayersArgs>();
  CLI::App* app = parent.add_subcommand(
      "keyplayers", "The k entities whose removal fragments the network most, or that reach most");
  a->d.Register(*app);
  app->add_option("--k", a->k, "Size of the set")->check(CLI::PositiveNumber)->capture_default_str();
  app->add_option("--mode", a->mode,
                  "fragment (KPP-Neg: fragmentation), distance (KPP-Neg: distance-weighted "
                  "fragmentation) or reach (KPP-Pos)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, KeyPlayerMode>{{"fragment", KeyPlayerMode::kFragment},
                                               {"distance", KeyPlayerMode::kDistanceFragment},
                                               {"reach", KeyPlayerMode::kReach}},
          CLI::ignore_case))
      ->capture_default_str();
  a->depth_opt = app->add_option("--depth", a->depth, "With --mode reach: steps counted as reached")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  Command c;
  c.app = app;
  c.run = [a] { return RunKeyPlayers(*a); };
  return c;
}

Command AddRemoveCommand(CLI::App& parent) {
  auto a = std::make_shared<RemoveArgs>();
  CLI::App* app = parent.add_subcommand(
      "remove", "Simulate removing entities: the network and commodity flows before and after");
  a->d.Register(*app);
  app->add_option("--ids", a->ids, "Entities to remove (external ids, comma-separated)")
      ->required()
      ->delimiter(',');
  Command c;
  c.app = app;
  c.run = [a] { return RunRemove(*a); };
  return c;
}

Command AddRobustnessCommand(CLI::App& parent) {
  auto a = std::make_shared<RobustnessArgs>();
  CLI::App* app = parent.add_subcommand(
      "robustness", "The largest component's share as entities are removed in ranking order");
  a->d.Register(*app);
  app->add_option("--order", a->order, "degree, betweenness, or ids (the order of --ids)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Ranking>{{"degree", Ranking::kDegree},
                                         {"betweenness", Ranking::kBetweenness},
                                         {"ids", Ranking::kIds}},
          CLI::ignore_case))
      ->capture_default_str();
  app->add_option("--ids", a->ids, "With --order ids: the removal order")->delimiter(',');
  app->add_option("--steps", a->steps, "Points on the curve (0: one per removal)")
      ->capture_default_str();
  Command c;
  c.app = app;
  c.run = [a] { return RunRobustness(*a); };
  return c;
}

}  // namespace linkscope::cli
