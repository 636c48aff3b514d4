// linkscope stats: what was loaded and how it hangs together.
#include "linkscope/algo/stats.hpp"

#include <fmt/format.h>

#include "common.hpp"

namespace linkscope::cli {
namespace {

// "1 link", "2 links".
std::string Count(uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", Thousands(n), n == 1 ? one : many);
}

void PrintCounts(std::string_view title, const std::vector<std::pair<std::string, uint64_t>>& c) {
  fmt::print("\n{}\n", title);
  for (const auto& [name, count] : c) fmt::print("  {:<18} {:>12}\n", name, Thousands(count));
}

void PrintText(const GraphStats& st, const LoadReport& report) {
  fmt::print("linkscope stats: {} file{}, {} entities, {} links\n", report.files.size(),
             report.files.size() == 1 ? "" : "s", Thousands(st.entities), Thousands(st.links));
  fmt::print("\n  {:<24} {:>12}", "entities", Thousands(st.entities));
  fmt::print("   ({} implicit: named by links only)\n", Thousands(st.implicit_entities));
  if (st.firearm_records > 0) {
    fmt::print("  {:<24} {:>12}   (from {} records; {} merged by make and serial)\n", "firearms",
               Thousands(st.firearms), Thousands(st.firearm_records),
               Thousands(st.merged_firearm_records));
  }
  fmt::print("  {:<24} {:>12}   ({} directed, {} self-loops, {} graded)\n", "links",
             Thousands(st.links), Thousands(st.directed_links), Thousands(st.self_loops),
             Thousands(st.graded_links));
  fmt::print("  {:<24} {:>12}\n", "distinct pairs", Thousands(st.distinct_pairs));
  std::string sizes;
  for (size_t i = 0; i < st.component_sizes.size(); ++i) {
    sizes += (i ? ", " : "") + Thousands(st.component_sizes[i]);
  }
  fmt::print("  {:<24} {:>12}   (largest: {})\n", "connected components", Thousands(st.components),
             sizes);
  if (st.directed_links > 0) {
    fmt::print("  {:<24} {:>12}   (largest {})\n", "strong components",
               Thousands(st.strong_components), Thousands(st.largest_strong_component));
  }
  fmt::print("  {:<24} {:>12}\n", "isolated entities", Thousands(st.isolates));
  fmt::print("  {:<24} min {}, median {}, mean {:.2f}, max {}\n", "degree (neighbours)",
             st.degree.min, st.degree.median, st.degree.mean, st.degree.max);
  if (st.link_dates.dated()) {
    fmt::print("  {:<24} {}\n", "link dates", FormatDateRange(st.link_dates));
  }
  PrintCounts("Entities by kind", st.by_kind);
  PrintCounts("Links by type", st.by_link_type);
  PrintCounts("Links by grade", st.by_grade);
  if (!st.networks.empty()) {
    fmt::print("\nLargest connected networks\n");
    for (size_t i = 0; i < st.networks.size(); ++i) {
      const NetworkSummary& n = st.networks[i];
      fmt::print("  #{} {}, {}: {}\n", i + 1, Count(n.size, "entity", "entities"),
                 Count(n.links, "link", "links"), Join(n.kinds, 6));
      if (!n.countries.empty()) {
        std::string c;
        for (size_t k = 0; k < n.countries.size() && k < 8; ++k)
          c += (k ? ", " : "") + n.countries[k];
        fmt::print("     countries: {}\n", c);
      }
      for (const auto& m : n.top_members) {
        fmt::print("     {:<12} {:<28} {:<12} {}\n", m.id, m.name.empty() ? "-" : m.name, m.kind,
                   Count(m.degree, "neighbour", "neighbours"));
      }
    }
  }
  if (report.rejected > 0) {
    fmt::print("\nRejected records (lenient mode): {}\n", Thousands(report.rejected));
  }
  if (report.warning_count > 0) {
    fmt::print("\nWarnings: {}\n", Thousands(report.warning_count));
    for (size_t i = 0; i < report.warnings.size() && i < 10; ++i) {
      fmt::print("  {}\n", report.warnings[i].ToString());
    }
  }
}

void PrintJsonStats(const GraphStats& st, const LoadReport& report) {
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  Json(w, "entities", st.entities);
  Json(w, "links", st.links);
  Json(w, "distinct_pairs", st.distinct_pairs);
  Json(w, "implicit_entities", st.implicit_entities);
  Json(w, "firearms", st.firearms);
  Json(w, "firearm_records", st.firearm_records);
  Json(w, "merged_firearm_records", st.merged_firearm_records);
  Json(w, "directed_links", st.directed_links);
  Json(w, "self_loops", st.self_loops);
  Json(w, "graded_links", st.graded_links);
  Json(w, "isolates", st.isolates);
  JsonCounts(w, "by_kind", st.by_kind);
  JsonCounts(w, "by_link_type", st.by_link_type);
  JsonCounts(w, "by_grade", st.by_grade);
  Json(w, "components", st.components);
  Json(w, "largest_component", st.largest_component);
  JsonKey(w, "component_sizes");
  w.StartArray();
  for (uint64_t s : st.component_sizes) w.Uint64(s);
  w.EndArray();
  Json(w, "strong_components", st.strong_components);
  Json(w, "largest_strong_component", st.largest_strong_component);
  JsonKey(w, "degree");
  w.StartObject();
  Json(w, "min", st.degree.min);
  Json(w, "max", st.degree.max);
  Json(w, "mean", st.degree.mean);
  Json(w, "median", st.degree.median);
  w.EndObject();
  // The span of dated links: first and last second (null for an open side), and as text.
  JsonKey(w, "link_dates");
  if (st.link_dates.dated()) {
    w.StartObject();
    JsonKey(w, "start");
    if (st.link_dates.lo == kOpenStart) {
      w.Null();
    } else {
      JsonString(w, FormatTimePoint(st.link_dates.lo));
    }
    JsonKey(w, "end");
    if (st.link_dates.hi == kOpenEnd) {
      w.Null();
    } else {
      JsonString(w, FormatTimePoint(st.link_dates.hi));
    }
    Json(w, "text", FormatDateRange(st.link_dates));
    w.EndObject();
  } else {
    w.Null();
  }
  JsonKey(w, "networks");
  w.StartArray();
  for (const NetworkSummary& n : st.networks) {
    w.StartObject();
    Json(w, "size", n.size);
    Json(w, "links", n.links);
    JsonCounts(w, "kinds", n.kinds);
    JsonKey(w, "countries");
    w.StartArray();
    for (const auto& c : n.countries) JsonString(w, c);
    w.EndArray();
    JsonKey(w, "top_members");
    w.StartArray();
    for (const auto& m : n.top_members) {
      w.StartObject();
      Json(w, "id", m.id);
      Json(w, "name", m.name);
      Json(w, "kind", m.kind);
      Json(w, "degree", m.degree);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  JsonLoad(w, report);
  Json(w, "warning_count", report.warning_count);
  JsonDiagnostics(w, "warnings", report.warnings);
  w.EndObject();
  PrintJson(sb);
}

}  // namespace

int RunStats(const InputOptions& in, OutputFormat format, uint32_t networks) {
  Graph graph;
  const LoadReport report = LoadInputs(graph, in, format == OutputFormat::kJson);
  StatsOptions options;
  options.networks = networks;
  const GraphStats st = ComputeStats(graph.shared_model(), options);
  if (format == OutputFormat::kJson) {
    PrintJsonStats(st, report);
  } else {
    PrintText(st, report);
  }
  return kExitOk;
}

}  // namespace linkscope::cli
