#include "common.hpp"

#include "linkscope/graph/view.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "linkscope/core/error.hpp"

namespace linkscope::cli {

void InputOptions::Register(CLI::App& app) {
  app.add_option("files", files,
                 "Case files (JSON Lines, CSV tables, edge lists, matrices, GML, FollowTheMoney)")
      ->required();
  app.add_option(
         "--input-format", input_format,
         "auto (from extension and header), jsonl, links, entities, edgelist, matrix, gml or ftm")
      ->capture_default_str();
  app.add_flag("--lenient", lenient,
               "Skip and report bad records instead of stopping at the first one");
  app.add_flag("--directed", directed, "Edge-list links are directed (default: undirected)");
  app.add_option("--default-kind", default_kind,
                 "Kind of entities from formats without kinds and of implicit entities")
      ->capture_default_str();
  app.add_option("--column-kind", column_kind,
                 "Kind of the column entities of a two-mode matrix (default: --default-kind)");
  app.add_option("--link-type", link_type, "Type of links from formats without types")
      ->capture_default_str();
}

LoadOptions InputOptions::ToLoadOptions() const {
  LoadOptions o;
  auto f = ParseInputFormat(input_format);
  if (!f) {
    throw UsageError(
        fmt::format("unknown --input-format \"{}\" (auto, jsonl, links, entities, "
                    "edgelist, matrix, gml, ftm)",
                    input_format));
  }
  o.format = *f;
  o.lenient = lenient;
  o.directed = directed;
  o.default_kind = default_kind;
  o.column_kind = column_kind;
  o.link_type = link_type;
  return o;
}

void AddFormatOption(CLI::App& app, OutputFormat* format) {
  app.add_option("--format", *format, "Output: text or json")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"text", OutputFormat::kText},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case));
}

void AddFormatOptionWithCsv(CLI::App& app, OutputFormat* format) {
  app.add_option("--format", *format, "Output: text, json or csv")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, OutputFormat>{{"text", OutputFormat::kText},
                                                                      {"json", OutputFormat::kJson},
                                                                      {"csv", OutputFormat::kCsv}},
                                  CLI::ignore_case));
}

LoadReport LoadInputs(Graph& graph, const InputOptions& in, bool quiet_diagnostics) {
  LoadReport report = graph.Load(in.files, in.ToLoadOptions());
  if (!quiet_diagnostics && report.rejected > 0) {
    for (const Diagnostic& d : report.errors) {
      fmt::print(stderr, "linkscope: skipped: {}\n", d.ToString());
    }
    if (report.rejected > report.errors.size()) {
      fmt::print(stderr, "linkscope: ... and {} more skipped records\n",
                 report.rejected - report.errors.size());
    }
  }
  return report;
}

Snapshot KindsView(const Graph& graph, const SnapshotOptions& options,
                   const std::vector<std::string>& kinds,
                   const std::vector<std::string>& link_types) {
  Snapshot all = graph.TakeSnapshot(options);
  if (kinds.empty() && link_types.empty()) return all;
  ViewFilter filter;
  filter.kinds = kinds;
  filter.link_types = link_types;
  return MakeView(all, filter);
}

std::string EntityColumns(const Snapshot& s, VertexId v) {
  const Model& m = s.model();
  const EntityId e = s.Entity(v);
  const std::string_view name = m.Name(e);
  return fmt::format("{:<16} {:<28} {}", s.ExternalId(v), name.empty() ? "-" : name,
                     m.KindName(e));
}

std::string Thousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void JsonKey(JsonWriter& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
void JsonString(JsonWriter& w, std::string_view value) {
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void Json(JsonWriter& w, std::string_view key, std::string_view value) {
  JsonKey(w, key);
  JsonString(w, value);
}
void Json(JsonWriter& w, std::string_view key, uint64_t value) {
  JsonKey(w, key);
  w.Uint64(value);
}
void Json(JsonWriter& w, std::string_view key, double value) {
  JsonKey(w, key);
  w.Double(value);
}
void Json(JsonWriter& w, std::string_view key, bool value) {
  JsonKey(w, key);
  w.Bool(value);
}

void JsonDiagnostics(JsonWriter& w, std::string_view key, const std::vector<Diagnostic>& list) {
  JsonKey(w, key);
  w.StartArray();
  for (const Diagnostic& d : list) {
    w.StartObject();
    Json(w, "file", d.file);
    Json(w, "line", d.line);
    Json(w, "column", uint64_t{d.column});
    Json(w, "message", d.message);
    w.EndObject();
  }
  w.EndArray();
}

void JsonFiles(JsonWriter& w, const std::vector<FileReport>& files) {
  JsonKey(w, "files");
  w.StartArray();
  for (const FileReport& f : files) {
    w.StartObject();
    Json(w, "path", f.path);
    Json(w, "format", InputFormatName(f.format));
    Json(w, "bytes", f.bytes);
    Json(w, "records", f.records);
    Json(w, "entity_records", f.entity_records);
    Json(w, "links", f.links);
    Json(w, "rejected", f.rejected);
    w.EndObject();
  }
  w.EndArray();
}

void JsonCounts(JsonWriter& w, std::string_view key,
                const std::vector<std::pair<std::string, uint64_t>>& counts) {
  JsonKey(w, key);
  w.StartObject();
  for (const auto& [name, count] : counts) Json(w, name, count);
  w.EndObject();
}

std::string Join(const std::vector<std::pair<std::string, uint64_t>>& counts, size_t max) {
  std::string out;
  for (size_t i = 0; i < counts.size() && i < max; ++i) {
    Append(out, "{}{} {}", i ? ", " : "", counts[i].first, Thousands(counts[i].second));
  }
  if (counts.size() > max) out += ", ...";
  return out;
}

void JsonLoad(JsonWriter& w, const LoadReport& report) {
  JsonFiles(w, report.files);
  Json(w, "rejected", report.rejected);
  JsonDiagnostics(w, "errors", report.errors);
}

void AppendCsv(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void WriteOut(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void PrintJson(const rapidjson::StringBuffer& sb) {
  std::fwrite(sb.GetString(), 1, sb.GetSize(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace linkscope::cli
