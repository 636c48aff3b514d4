// linkscope cores: the k-core decomposition of a case. The innermost cores are the groups that
// stay together when the periphery is peeled away, one contact at a time.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"
#include "linkscope/algo/kcore.hpp"

namespace linkscope::cli {
namespace {

// Members of the innermost core listed in text output; the rest are counted.
constexpr size_t kInnermostShown = 100;

struct CoresArgs {
  InputOptions in;
  OutputFormat format = OutputFormat::kText;
  std::string mode = "all";
  std::vector<std::string> kinds;
  uint32_t top = 10;
  uint32_t threads = 0;
};

CoreOptions::Mode ParseMode(std::string_view mode) {
  if (mode == "in") return CoreOptions::Mode::kIn;
  if (mode == "out") return CoreOptions::Mode::kOut;
  return CoreOptions::Mode::kAll;  // CLI11 admits only all, in and out
}

// Vertices by core number, highest first, ties by external id: the order of every listing.
std::vector<VertexId> ByCore(const Snapshot& s, const Cores& cores) {
  std::vector<VertexId> order(s.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
    if (cores.core[a] != cores.core[b]) return cores.core[a] > cores.core[b];
    return s.ExternalId(a) < s.ExternalId(b);
  });
  return order;
}

void PrintText(const Snapshot& s, const Cores& cores, const std::vector<VertexId>& order,
               const CoresArgs& args, const LoadReport& report) {
  std::string out;
  Append(out, "linkscope cores: {} file{}, {} entities, mode {}\n", report.files.size(),
         report.files.size() == 1 ? "" : "s", Thousands(s.vertex_count()), args.mode);
  if (s.vertex_count() == 0) {
    Append(out, "\nNo entities.\n");
    WriteOut(out);
    return;
  }
  Append(out, "\n  {:<24} {:>12}\n", "degeneracy", Thousands(cores.degeneracy));
  Append(out, "\nShells (entities whose core number is k)\n");
  Append(out, "  {:>6} {:>12}\n", "k", "entities");
  for (size_t k = cores.shell_sizes.size(); k-- > 0;) {
    if (cores.shell_sizes[k] == 0) continue;
    Append(out, "  {:>6} {:>12}\n", k, Thousands(cores.shell_sizes[k]));
  }
  const uint64_t inner = cores.shell_sizes.back();
  Append(out, "\nInnermost core (k = {}, {} entit{})\n", cores.degeneracy, Thousands(inner),
         inner == 1 ? "y" : "ies");
  auto entity = [&](VertexId v) { Append(out, "{}\n", EntityColumns(s, v)); };
  // `order` starts with the innermost core, by external id.
  for (size_t i = 0; i < inner && i < kInnermostShown; ++i) {
    out += "  ";
    entity(order[i]);
  }
  if (inner > kInnermostShown) {
    Append(out, "  ... and {} more (--format csv lists every entity)\n",
           Thousands(inner - kInnermostShown));
  }
  if (args.top > 0) {
    Append(out, "\nTop {} by core number\n", std::min<uint64_t>(args.top, s.vertex_count()));
    for (size_t i = 0; i < order.size() && i < args.top; ++i) {
      Append(out, "  {:>6}  ", cores.core[order[i]]);
      entity(order[i]);
    }
  }
  if (report.rejected > 0) {
    Append(out, "\nRejected records (lenient mode): {}\n", Thousands(report.rejected));
  }
  WriteOut(out);
}

void PrintJsonCores(const Snapshot& s, const Cores& cores, const std::vector<VertexId>& order,
                    const CoresArgs& args, const LoadReport& report) {
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  Json(w, "mode", args.mode);
  Json(w, "entities", uint64_t{s.vertex_count()});
  Json(w, "degeneracy", uint64_t{cores.degeneracy});
  JsonKey(w, "shells");
  w.StartArray();
  for (size_t k = 0; k < cores.shell_sizes.size(); ++k) {
    w.StartObject();
    Json(w, "k", uint64_t{k});
    Json(w, "size", cores.shell_sizes[k]);
    w.EndObject();
  }
  w.EndArray();
  JsonKey(w, "cores");
  w.StartArray();
  for (const VertexId v : order) {
    w.StartObject();
    Json(w, "id", s.ExternalId(v));
    Json(w, "core", uint64_t{cores.core[v]});
    w.EndObject();
  }
  w.EndArray();
  JsonLoad(w, report);
  w.EndObject();
  PrintJson(sb);
}

void PrintCsv(const Snapshot& s, const Cores& cores, const std::vector<VertexId>& order) {
  const Model& m = s.model();
  std::string out = "id,kind,name,core\n";
  for (const VertexId v : order) {
    const EntityId e = s.Entity(v);
    AppendCsv(out, s.ExternalId(v));
    out += ',';
    AppendCsv(out, m.KindName(e));
    out += ',';
    AppendCsv(out, m.Name(e));
    fmt::format_to(std::back_inserter(out), ",{}\n", cores.core[v]);
  }
  WriteOut(out);
}

int RunCores(const CoresArgs& args) {
  Graph graph;
  // JSON reports the rejected records itself; text and CSV leave the notes on stderr.
  const LoadReport report = LoadInputs(graph, args.in, args.format == OutputFormat::kJson);
  const CoreOptions::Mode mode = ParseMode(args.mode);
  SnapshotOptions so;
  so.directed = mode != CoreOptions::Mode::kAll;  // in- and out-cores follow the arcs
  so.weights = false;
  // Throws NotFoundError naming a kind that is neither built in nor in the case.
  const Snapshot s = KindsView(graph, so, args.kinds, {});
  CoreOptions options;
  options.mode = mode;
  options.threads = args.threads;
  const Cores cores = CoreNumbers(s, options);
  const std::vector<VertexId> order = ByCore(s, cores);
  switch (args.format) {
    case OutputFormat::kJson:
      PrintJsonCores(s, cores, order, args, report);
      break;
    case OutputFormat::kCsv:
      PrintCsv(s, cores, order);
      break;
    case OutputFormat::kText:
      PrintText(s, cores, order, args, report);
      break;
  }
  return kExitOk;
}

}  // namespace

Command AddCoresCommand(CLI::App& parent) {
  auto args = std::make_shared<CoresArgs>();
  CLI::App* app = parent.add_subcommand(
      "cores", "k-core decomposition: the core number of every entity and the innermost core");
  args->in.Register(*app);
  app->add_option("--kinds", args->kinds,
                  "Keep only entities of these kinds (comma-separated; default: all)")
      ->delimiter(',');
  app->add_option("--mode", args->mode,
                  "Neighbours that count: all (either direction), in (predecessors) or out "
                  "(successors)")
      ->check(CLI::IsMember({"all", "in", "out"}))
      ->capture_default_str();
  app->add_option("--top", args->top, "Entities listed by core number in text output")
      ->capture_default_str();
  app->add_option("--threads", args->threads, "Threads (0: all hardware threads)")
      ->capture_default_str();
  AddFormatOptionWithCsv(*app, &args->format);
  Command c;
  c.app = app;
  c.run = [args] { return RunCores(*args); };
  return c;
}

}  // namespace linkscope::cli
