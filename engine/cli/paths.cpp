// linkscope path, neighbors and connect: how are these entities connected, through which
// evidence, in what order in time.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/path/path.hpp"

namespace linkscope::cli {
namespace {

// The options every path query takes (docs/cli.md, "Path options").
struct PathArgs {
  InputOptions in;
  OutputFormat format = OutputFormat::kText;
  PathWeight weight = PathWeight::kHops;
  Direction direction = Direction::kAny;
  std::vector<std::string> kinds;
  std::vector<std::string> exclude_kinds;
  std::vector<std::string> link_types;
  std::vector<std::string> exclude_link_types;
  std::vector<std::string> exclude;
  std::string since;
  std::string until;
  bool drop_undated = false;
  double min_confidence = 0;
  uint32_t max_hops = 0;
  double max_cost = HUGE_VAL;
  bool time_respecting = false;
  double max_gap_days = 0;
  CLI::Option* max_gap_opt = nullptr;
  CLI::Option* max_hops_opt = nullptr;
  CLI::Option* max_cost_opt = nullptr;
  CLI::Option* time_opt = nullptr;

  // Refuses the options `command` does not use, naming them: silently ignoring a filter would
  // give the user an answer to a question they did not ask.
  void Reject(std::string_view command, std::initializer_list<CLI::Option*> unused) const {
    for (const CLI::Option* opt : unused) {
      if (opt->count() > 0) {
        throw UsageError(fmt::format("{} does not take {}", command, opt->get_name()));
      }
    }
  }

  void Register(CLI::App& app, bool with_weight) {
    in.Register(app);
    if (with_weight) {
      app.add_option("--weight", weight,
                     "hops (fewest links), distance (link weight read as a distance) or "
                     "reliability (highest product of the links' confidences)")
          ->transform(CLI::CheckedTransformer(
              std::map<std::string, PathWeight>{{"hops", PathWeight::kHops},
                                                {"distance", PathWeight::kDistance},
                                                {"reliability", PathWeight::kReliability}},
              CLI::ignore_case))
          ->capture_default_str();
    }
    app.add_option("--direction", direction,
                   "forward (follow directed links), backward (against them) or any")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Direction>{{"forward", Direction::kForward},
                                             {"backward", Direction::kBackward},
                                             {"any", Direction::kAny}},
            CLI::ignore_case))
        ->capture_default_str();
    app.add_option("--kinds", kinds, "Pass only through entities of these kinds (comma-separated)")
        ->delimiter(',');
    app.add_option("--exclude-kinds", exclude_kinds, "Never pass through these kinds")
        ->delimiter(',');
    app.add_option("--link-types", link_types, "Follow only links of these types")
        ->delimiter(',');
    app.add_option("--exclude-link-types", exclude_link_types, "Never follow these link types")
        ->delimiter(',');
    app.add_option("--exclude", exclude, "Never pass through these entities (external ids)")
        ->delimiter(',');
    app.add_option("--since", since, "Follow only links dated on or after this date (YYYY[-MM[-DD]])");
    app.add_option("--until", until, "Follow only links dated on or before this date");
    app.add_flag("--drop-undated", drop_undated,
                 "With --since/--until or --time-respecting: skip undated links too");
    app.add_option("--min-confidence", min_confidence,
                   "Follow only links whose grade gives at least this confidence (0..1)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    max_hops_opt = app.add_option("--max-hops", max_hops, "At most this many links (0: no limit)")
                       ->capture_default_str();
    max_cost_opt =
        app.add_option("--max-cost", max_cost, "At most this cost (hops, distance or -log reliability)")
            ->check(CLI::NonNegativeNumber);
    time_opt = app.add_flag("--time-respecting", time_respecting,
                            "Link dates never decrease along the path");
    max_gap_opt = app.add_option("--max-gap", max_gap_days,
                                 "With --time-respecting: at most this many days between consecutive dated steps")
                      ->check(CLI::NonNegativeNumber);
    AddFormatOption(app, &format);
  }

  PathOptions ToOptions() const {
    PathOptions o;
    o.direction = direction;
    o.weight = weight;
    o.kinds = kinds;
    o.exclude_kinds = exclude_kinds;
    o.link_types = link_types;
    o.exclude_link_types = exclude_link_types;
    o.exclude = exclude;
    if (!since.empty() || !until.empty()) {
      std::string error;
      const std::optional<DateRange> window = ParseDateRange(since, until, &error);
      if (!window) throw UsageError(fmt::format("--since/--until: {}", error));
      o.window = *window;
      o.keep_undated = !drop_undated;
    } else if (drop_undated) {
      if (!time_respecting) {
        throw UsageError("--drop-undated applies with --since/--until or --time-respecting");
      }
      o.keep_undated = false;
    }
    o.min_confidence = min_confidence;
    o.max_hops = max_hops;
    o.max_cost = max_cost;
    o.time_respecting = time_respecting;
    if (max_gap_opt->count()) {
      if (!time_respecting) throw UsageError("--max-gap applies with --time-respecting");
      o.max_gap_seconds = static_cast<int64_t>(std::llround(max_gap_days * 86400.0));
    }
    return o;
  }
};

std::string_view WeightName(PathWeight w) {
  switch (w) {
    case PathWeight::kHops:
      return "hops";
    case PathWeight::kDistance:
      return "distance";
    case PathWeight::kReliability:
      return "reliability";
  }
  return "";
}

std::string_view DirectionName(Direction d) {
  switch (d) {
    case Direction::kForward:
      return "forward";
    case Direction::kBackward:
      return "backward";
    case Direction::kAny:
      return "any";
  }
  return "";
}

// One line naming an entity: id, name, kind.
std::string Describe(const Snapshot& s, VertexId v) {
  const Model& m = s.model();
  const EntityId e = s.Entity(v);
  const std::string_view name = m.Name(e);
  return name.empty() ? fmt::format("{} ({})", s.ExternalId(v), m.KindName(e))
                      : fmt::format("{} {} ({})", s.ExternalId(v), name, m.KindName(e));
}

void AppendEvidenceText(std::string& out, const Evidence& ev) {
  const std::string date = FormatDateRange(ev.date);
  const std::string grade = ev.grade.ToString();
  Append(out, "      --[{} | {} | grade {} | confidence {:.3f} | weight {:g} | source {}]--\n",
         ev.type, date.empty() ? "undated" : date, grade.empty() ? "none" : grade, ev.confidence,
         ev.weight, ev.source.empty() ? "-" : ev.source);
}

void JsonEvidence(JsonWriter& w, const Snapshot& s, const Evidence& ev) {
  w.StartObject();
  Json(w, "from", s.ExternalId(ev.from));
  Json(w, "to", s.ExternalId(ev.to));
  Json(w, "type", ev.type);
  Json(w, "link_id", ev.link_id);
  Json(w, "date", FormatDateRange(ev.date));
  Json(w, "source", ev.source);
  Json(w, "grade", ev.grade.ToString());
  Json(w, "confidence", ev.confidence);
  Json(w, "weight", ev.weight);
  // Time-respecting steps: the earliest second the step can be taken at.
  if (ev.time != kUndated) Json(w, "time", FormatTimePoint(ev.time));
  w.EndObject();
}

void JsonIds(JsonWriter& w, std::string_view key, const Snapshot& s,
             const std::vector<VertexId>& vertices) {
  JsonKey(w, key);
  w.StartArray();
  for (const VertexId v : vertices) JsonString(w, s.ExternalId(v));
  w.EndArray();
}

// ---- path

struct PathCommandArgs {
  PathArgs p;
  std::string from;
  std::string to;
  uint32_t k = 1;
  uint32_t all_shortest = 0;
};

int RunPath(const PathCommandArgs& a) {
  Graph graph;
  const LoadReport report = LoadInputs(graph, a.p.in, a.p.format == OutputFormat::kJson);
  const Snapshot s = graph.TakeSnapshot();
  PathFinder finder(s, a.p.ToOptions());
  const VertexId from = finder.Resolve(a.from);
  const VertexId to = finder.Resolve(a.to);
  const std::vector<Path> paths =
      a.all_shortest > 0 ? finder.AllShortest(from, to, a.all_shortest) : finder.Shortest(from, to, a.k);
  if (a.p.format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    Json(w, "from", a.from);
    Json(w, "to", a.to);
    Json(w, "weight", WeightName(a.p.weight));
    Json(w, "direction", DirectionName(a.p.direction));
    Json(w, "time_respecting", a.p.time_respecting);
    Json(w, "found", !paths.empty());
    JsonKey(w, "paths");
    w.StartArray();
    for (const Path& path : paths) {
      w.StartObject();
      JsonIds(w, "entities", s, path.vertices);
      JsonKey(w, "links");
      w.StartArray();
      for (const Evidence& ev : path.links) JsonEvidence(w, s, ev);
      w.EndArray();
      Json(w, "hops", uint64_t{path.hops});
      Json(w, "cost", path.cost);
      Json(w, "reliability", path.reliability);
      w.EndObject();
    }
    w.EndArray();
    JsonLoad(w, report);
    w.EndObject();
    PrintJson(sb);
    return kExitOk;
  }
  std::string out;
  Append(out, "linkscope path: {} -> {} by {} (direction {}{})\n", a.from, a.to,
         WeightName(a.p.weight), DirectionName(a.p.direction),
         a.p.time_respecting ? ", time-respecting" : "");
  if (paths.empty()) {
    Append(out, "\nNo path under these options.\n");
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    const Path& path = paths[i];
    Append(out, "\nPath {}: {} hop{}, cost {:g}, reliability {:.4f}\n", i + 1, path.hops,
           path.hops == 1 ? "" : "s", path.cost, path.reliability);
    for (size_t j = 0; j < path.vertices.size(); ++j) {
      Append(out, "  {}\n", Describe(s, path.vertices[j]));
      if (j < path.links.size()) AppendEvidenceText(out, path.links[j]);
    }
  }
  WriteOut(out);
  return kExitOk;
}

// ---- neighbors

struct NeighborsArgs {
  PathArgs p;
  std::vector<std::string> of;
  uint32_t depth = 1;
  bool forward_in_time = false;
};

int RunNeighbors(const NeighborsArgs& a) {
  a.p.Reject("neighbors (--depth bounds it; --forward-in-time orders it)",
             {a.p.max_hops_opt, a.p.max_cost_opt, a.p.time_opt, a.p.max_gap_opt});
  Graph graph;
  const LoadReport report = LoadInputs(graph, a.p.in, a.p.format == OutputFormat::kJson);
  const Snapshot s = graph.TakeSnapshot();
  const PathOptions options = a.p.ToOptions();
  std::vector<VertexId> seeds;
  for (const std::string& id : a.of) seeds.push_back(s.VertexOfId(id));
  const Neighborhood nb = NeighborhoodOf(s, seeds, a.depth, options, a.forward_in_time);
  const Snapshot& v = nb.view;
  // Entities by depth, then external id.
  std::vector<VertexId> order(v.vertex_count());
  for (VertexId i = 0; i < v.vertex_count(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](VertexId x, VertexId y) {
    if (nb.depth[x] != nb.depth[y]) return nb.depth[x] < nb.depth[y];
    return v.ExternalId(x) < v.ExternalId(y);
  });
  const Model& m = v.model();
  if (a.p.format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    JsonKey(w, "of");
    w.StartArray();
    for (const std::string& id : a.of) JsonString(w, id);
    w.EndArray();
    Json(w, "depth", uint64_t{a.depth});
    Json(w, "forward_in_time", a.forward_in_time);
    JsonKey(w, "entities");
    w.StartArray();
    for (const VertexId x : order) {
      const EntityId e = v.Entity(x);
      w.StartObject();
      Json(w, "id", v.ExternalId(x));
      Json(w, "kind", m.KindName(e));
      Json(w, "name", m.Name(e));
      Json(w, "depth", uint64_t{nb.depth[x]});
      w.EndObject();
    }
    w.EndArray();
    Json(w, "links", uint64_t{v.edge_count()});
    JsonLoad(w, report);
    w.EndObject();
    PrintJson(sb);
    return kExitOk;
  }
  std::string out;
  Append(out, "linkscope neighbors: {} entit{} within {} step{} of {}{}\n", Thousands(order.size()),
         order.size() == 1 ? "y" : "ies", a.depth, a.depth == 1 ? "" : "s",
         fmt::join(a.of, ", "), a.forward_in_time ? " (forward in time)" : "");
  Append(out, "{} link{} among them\n\n", Thousands(v.edge_count()), v.edge_count() == 1 ? "" : "s");
  Append(out, "  {:>5}  {}\n", "depth", "entity");
  for (const VertexId x : order) Append(out, "  {:>5}  {}\n", nb.depth[x], Describe(v, x));
  WriteOut(out);
  return kExitOk;
}

// ---- connect

struct ConnectArgs {
  PathArgs p;
  std::vector<std::string> ids;
};

int RunConnect(const ConnectArgs& a) {
  if (a.ids.size() < 2) throw UsageError("--ids needs at least two entities");
  a.p.Reject("connect", {a.p.max_hops_opt, a.p.max_cost_opt, a.p.time_opt, a.p.max_gap_opt});
  if (a.p.direction != Direction::kAny) {
    throw UsageError("connect links entities regardless of direction: drop --direction");
  }
  Graph graph;
  const LoadReport report = LoadInputs(graph, a.p.in, a.p.format == OutputFormat::kJson);
  const Snapshot s = graph.TakeSnapshot();
  PathFinder resolver(s, a.p.ToOptions());
  std::vector<VertexId> terminals;
  for (const std::string& id : a.ids) terminals.push_back(resolver.Resolve(id));
  const ConnectingNetwork net = Connect(s, terminals, a.p.ToOptions());
  if (a.p.format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    JsonKey(w, "terminals");
    w.StartArray();
    for (const std::string& id : a.ids) JsonString(w, id);
    w.EndArray();
    Json(w, "weight", WeightName(a.p.weight));
    Json(w, "connected", net.unreachable.empty());
    JsonIds(w, "entities", s, net.vertices);
    JsonKey(w, "links");
    w.StartArray();
    for (const Evidence& ev : net.links) JsonEvidence(w, s, ev);
    w.EndArray();
    Json(w, "cost", net.cost);
    JsonIds(w, "unreachable", s, net.unreachable);
    JsonLoad(w, report);
    w.EndObject();
    PrintJson(sb);
    return kExitOk;
  }
  std::string out;
  Append(out, "linkscope connect: {} entities by {}\n", a.ids.size(), WeightName(a.p.weight));
  Append(out, "\nConnecting network: {} entit{}, {} link{}, cost {:g}\n", net.vertices.size(),
         net.vertices.size() == 1 ? "y" : "ies", net.links.size(),
         net.links.size() == 1 ? "" : "s", net.cost);
  for (const VertexId v : net.vertices) Append(out, "  {}\n", Describe(s, v));
  Append(out, "\nLinks\n");
  for (const Evidence& ev : net.links) {
    Append(out, "  {} -- {}\n", s.ExternalId(ev.from), s.ExternalId(ev.to));
    AppendEvidenceText(out, ev);
  }
  if (!net.unreachable.empty()) {
    Append(out, "\nNot connected under these options:\n");
    for (const VertexId v : net.unreachable) Append(out, "  {}\n", Describe(s, v));
  }
  WriteOut(out);
  return kExitOk;
}

}  // namespace

Command AddPathCommand(CLI::App& parent) {
  auto a = std::make_shared<PathCommandArgs>();
  CLI::App* app = parent.add_subcommand(
      "path", "Shortest, most reliable or time-respecting paths between two entities, with evidence");
  a->p.Register(*app, true);
  app->add_option("--from", a->from, "Start entity (external id)")->required();
  app->add_option("--to", a->to, "End entity (external id)")->required();
  app->add_option("--k", a->k, "The k shortest loopless paths (Yen)")
      ->check(CLI::Range(1u, 1000u))
      ->capture_default_str();
  app->add_option("--all-shortest", a->all_shortest,
                  "Every shortest path instead, at most this many")
      ->check(CLI::Range(1u, 100000u));
  Command c;
  c.app = app;
  c.run = [a] {
    if (a->all_shortest > 0 && a->k > 1) throw UsageError("give --k or --all-shortest, not both");
    return RunPath(*a);
  };
  return c;
}

Command AddNeighborsCommand(CLI::App& parent) {
  auto a = std::make_shared<NeighborsArgs>();
  CLI::App* app = parent.add_subcommand(
      "neighbors", "The entities within a number of steps of one or more entities");
  a->p.Register(*app, false);
  app->add_option("--of", a->of, "Centre entities (external ids, comma-separated)")
      ->required()
      ->delimiter(',');
  app->add_option("--depth", a->depth, "Steps")->check(CLI::Range(0u, 1000u))->capture_default_str();
  app->add_flag("--forward-in-time", a->forward_in_time,
                "Expand only along links dated no earlier than the step before");
  Command c;
  c.app = app;
  c.run = [a] { return RunNeighbors(*a); };
  return c;
}

Command AddConnectCommand(CLI::App& parent) {
  auto a = std::make_shared<ConnectArgs>();
  CLI::App* app = parent.add_subcommand(
      "connect", "The smallest network that links a set of entities (Steiner tree approximation)");
  a->p.Register(*app, true);
  app->add_option("--ids", a->ids, "Entities to connect (external ids, comma-separated)")
      ->required()
      ->delimiter(',');
  Command c;
  c.app = app;
  c.run = [a] { return RunConnect(*a); };
  return c;
}

}  // namespace linkscope::cli
