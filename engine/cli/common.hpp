// Shared pieces of the command-line program: input options, loading, output helpers.
#pragma once

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkscope/graph/graph.hpp"
#include "linkscope/ingest/load.hpp"

namespace linkscope::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

enum class OutputFormat { kText, kJson, kCsv };

// The options every command that reads case files takes.
struct InputOptions {
  std::vector<std::string> files;
  std::string input_format = "auto";
  bool lenient = false;
  bool directed = false;
  std::string default_kind = "unknown";
  std::string column_kind;
  std::string link_type = "link";

  void Register(CLI::App& app);
  LoadOptions ToLoadOptions() const;  // throws UsageError
};

void AddFormatOption(CLI::App& app, OutputFormat* format);
// --format text|json|csv, for the commands that can also write a table.
void AddFormatOptionWithCsv(CLI::App& app, OutputFormat* format);

// Loads the files; in lenient mode prints a one-line note per rejected record on stderr.
LoadReport LoadInputs(Graph& graph, const InputOptions& in, bool quiet_diagnostics = false);

// The graph's snapshot, narrowed to entities of `kinds` and links of `link_types` when either
// is given (MakeView; throws NotFoundError naming an unknown kind or type).
Snapshot KindsView(const Graph& graph, const SnapshotOptions& options,
                   const std::vector<std::string>& kinds,
                   const std::vector<std::string>& link_types);
// An entity in the fixed columns of text listings: id (16), name (28, "-" for none), kind.
std::string EntityColumns(const Snapshot& s, VertexId v);
// 12345678 -> "12,345,678".
std::string Thousands(uint64_t n);

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
void Json(JsonWriter& w, std::string_view key, std::string_view value);
void Json(JsonWriter& w, std::string_view key, uint64_t value);
void Json(JsonWriter& w, std::string_view key, double value);
void Json(JsonWriter& w, std::string_view key, bool value);
void JsonKey(JsonWriter& w, std::string_view key);
void JsonString(JsonWriter& w, std::string_view value);
void JsonDiagnostics(JsonWriter& w, std::string_view key, const std::vector<Diagnostic>& list);
void JsonFiles(JsonWriter& w, const std::vector<FileReport>& files);
// An object name -> count, in the order given.
void JsonCounts(JsonWriter& w, std::string_view key,
                const std::vector<std::pair<std::string, uint64_t>>& counts);
// "gold 3, drugs 1": the first `max` entries, then ", ..." when there are more.
std::string Join(const std::vector<std::pair<std::string, uint64_t>>& counts, size_t max);
// "files", "rejected" and "errors" of a load.
void JsonLoad(JsonWriter& w, const LoadReport& report);
// Writes the document to stdout with a final newline.
void PrintJson(const rapidjson::StringBuffer& sb);

// Appends one CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
void AppendCsv(std::string& out, std::string_view field);
// Writes text to stdout as it is.
void WriteOut(std::string_view text);
// fmt::format_to onto the end of a string.
template <typename... T>
void Append(std::string& out, fmt::format_string<T...> format, T&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<T>(args)...);
}

// A subcommand that registers its own options and runs after parsing.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};
Command AddCommunitiesCommand(CLI::App& parent);
Command AddCoresCommand(CLI::App& parent);
Command AddPathCommand(CLI::App& parent);
Command AddNeighborsCommand(CLI::App& parent);
Command AddConnectCommand(CLI::App& parent);
Command AddCentralityCommand(CLI::App& parent);
Command AddStructureCommand(CLI::App& parent);
Command AddKeyPlayersCommand(CLI::App& parent);
Command AddRemoveCommand(CLI::App& parent);
Command AddRobustnessCommand(CLI::App& parent);
Command AddReportCommand(CLI::App& parent);
Command AddExportCommand(CLI::App& parent);

int RunStats(const InputOptions& in, OutputFormat format, uint32_t networks);
int RunValidate(const InputOptions& in, OutputFormat format);
struct GenerateArgs {
  uint64_t entities = 10000;
  uint64_t seed = 1;
  std::string output;
  std::string truth;
  int first_year = 2016;
  int last_year = 2024;
};
int RunGenerate(const GenerateArgs& args, OutputFormat format);

}  // namespace linkscope::cli
