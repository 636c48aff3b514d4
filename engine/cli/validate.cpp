// linkscope validate: every problem in the input, with its line and column.
#include <fmt/format.h>

#include "common.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope::cli {

int RunValidate(const InputOptions& in, OutputFormat format) {
  InputOptions lenient = in;
  lenient.lenient = true;  // read everything to report every problem
  Graph graph;
  LoadOptions options = lenient.ToLoadOptions();
  options.max_diagnostics = SIZE_MAX;
  const LoadReport report = graph.Load(lenient.files, options);
  uint64_t records = 0;
  for (const FileReport& f : report.files) records += f.records;
  const bool valid = report.rejected == 0;
  if (format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    Json(w, "valid", valid);
    Json(w, "records", records);
    Json(w, "problems", report.rejected);
    JsonDiagnostics(w, "errors", report.errors);
    Json(w, "warning_count", report.warning_count);
    JsonDiagnostics(w, "warnings", report.warnings);
    JsonFiles(w, report.files);
    w.EndObject();
    PrintJson(sb);
  } else {
    for (const Diagnostic& d : report.errors) {
      fmt::print("{}error: {}\n", FormatLocation(d.file, d.line, d.column, ""), d.message);
    }
    for (const Diagnostic& d : report.warnings) {
      fmt::print("{}warning: {}\n", FormatLocation(d.file, d.line, d.column, ""), d.message);
    }
    fmt::print("{} record{} in {} file{}: {}\n", Thousands(records), records == 1 ? "" : "s",
               report.files.size(), report.files.size() == 1 ? "" : "s",
               valid ? "no problems"
                     : fmt::format("{} problem{}", Thousands(report.rejected),
                                   report.rejected == 1 ? "" : "s"));
  }
  return valid ? kExitOk : kExitBadInput;
}

}  // namespace linkscope::cli
