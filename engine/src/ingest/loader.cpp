#include "ingest/loader.hpp"

#include <fmt/format.h>

#include <memory>

#include "core/text.hpp"
#include "ingest/csv.hpp"
#include "ingest/readers.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kJsonLines:
      return "jsonl";
    case InputFormat::kLinksTable:
      return "links";
    case InputFormat::kEntitiesTable:
      return "entities";
    case InputFormat::kEdgeList:
      return "edgelist";
    case InputFormat::kMatrix:
      return "matrix";
    case InputFormat::kGml:
      return "gml";
    case InputFormat::kFtm:
      return "ftm";
  }
  return "?";
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  for (auto f : {InputFormat::kAuto, InputFormat::kJsonLines, InputFormat::kLinksTable,
                 InputFormat::kEntitiesTable, InputFormat::kEdgeList, InputFormat::kMatrix,
                 InputFormat::kGml, InputFormat::kFtm}) {
    if (detail::EqualsIgnoreCase(name, InputFormatName(f))) return f;
  }
  return std::nullopt;
}

std::string Diagnostic::ToString() const { return FormatLocation(file, line, column, message); }

namespace detail {
namespace {

std::string Extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return AsciiLower(base.substr(dot + 1));
}

// Cells of one CSV line (quotes honoured, no unescaping needed for detection).
std::vector<std::string> SplitLine(std::string_view line, char delim) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (!quoted && (delim == ' ' ? (c == ' ' || c == '\t') : c == delim)) {
      if (delim != ' ' || !cell.empty()) out.push_back(std::string(Trim(cell)));
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (delim != ' ' || !cell.empty()) out.push_back(std::string(Trim(cell)));
  return out;
}

InputFormat SniffDelimited(std::string_view head) {
  size_t pos = 0;
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  std::vector<std::string_view> lines;
  while (pos < head.size() && lines.size() < 3) {
    size_t end = head.find('\n', pos);
    const bool complete = end != std::string_view::npos;
    if (!complete) end = head.size();
    std::string_view line = head.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    const std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == '%') continue;
    if (!complete && !lines.empty()) break;  // a cut-off line says little
    lines.push_back(line);
  }
  if (lines.empty()) return InputFormat::kEdgeList;
  const std::string_view first = lines[0];
  if (Trim(first).front() == '{') return InputFormat::kJsonLines;
  char delim = SniffDelimiter(first);
  if (delim == ',' && first.find(',') == std::string_view::npos) delim = ' ';
  const std::vector<std::string> cells = SplitLine(first, delim);
  std::vector<std::string> names;
  for (const auto& c : cells) names.push_back(AsciiLower(c));
  auto has = [&](std::string_view n) {
    for (const auto& x : names) {
      if (x == n) return true;
    }
    return false;
  };
  // The table readers split at ',', ';' or TAB; a blank-separated header is an edge list's.
  if (delim != ' ' && has("from") && has("to")) return InputFormat::kLinksTable;
  if (cells.size() >= 2 && IsEdgeListHeaderName(cells[0]) && IsEdgeListHeaderName(cells[1])) {
    return InputFormat::kEdgeList;  // "source,target,..." (also Gephi's edge export)
  }
  if ((delim != ' ' || cells.size() == 1) && has("id")) return InputFormat::kEntitiesTable;
  if (cells.size() >= 2 && cells[0].empty() && delim != ' ') return InputFormat::kMatrix;
  // A named corner ("players"): the corner is a label, the first rows are labelled like the
  // first columns and their cells are numbers (or empty).
  auto numeric_or_empty = [](const std::vector<std::string>& row) {
    for (size_t i = 1; i < row.size(); ++i) {
      if (!row[i].empty() && !ParseNumber(row[i])) return false;
    }
    return true;
  };
  if (cells.size() >= 3 && lines.size() >= 2 && delim != ' ' && !ParseNumber(cells[0])) {
    const std::vector<std::string> row1 = SplitLine(lines[1], delim);
    bool matrix = row1.size() == cells.size() && row1[0] == cells[1] && numeric_or_empty(row1);
    if (matrix && lines.size() >= 3) {
      const std::vector<std::string> row2 = SplitLine(lines[2], delim);
      matrix = row2.size() == cells.size() && row2[0] == cells[2] && numeric_or_empty(row2);
    }
    if (matrix) return InputFormat::kMatrix;
  }
  return InputFormat::kEdgeList;
}

}  // namespace

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  const std::string ext = Extension(path);
  if (ext == "ijson") return InputFormat::kFtm;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") {
    return LooksLikeFtm(head) ? InputFormat::kFtm : InputFormat::kJsonLines;
  }
  if (ext == "gml") return InputFormat::kGml;
  if (ext == "csv" || ext == "tsv" || ext == "txt" || ext == "tab" || ext == "edges" ||
      ext == "edgelist" || ext == "el" || ext == "dat" || ext == "ssv" || ext.empty()) {
    const InputFormat sniffed = SniffDelimited(head);
    if (sniffed == InputFormat::kJsonLines && LooksLikeFtm(head)) return InputFormat::kFtm;
    return sniffed;
  }
  throw UsageError(
      fmt::format("{}: cannot tell the format from the extension \".{}\"; pass --input-format "
                  "(jsonl, links, entities, edgelist, matrix, gml or ftm)",
                  path, ext));
}

namespace {

void ReadOne(InputFile& in, const LoadOptions& options, LoadState& state, LoadReport& report) {
  FileReport fr;
  fr.path = in.path();
  InputFormat format = options.format;
  std::unique_ptr<Sink> sink;
  try {
    if (format == InputFormat::kAuto) format = DetectFormat(in.path(), in.Peek(size_t{1} << 16));
    fr.format = format;
    sink = std::make_unique<Sink>(state, in.path(), fr);
    switch (format) {
      case InputFormat::kJsonLines:
        ReadJsonLines(in, *sink);
        break;
      case InputFormat::kEdgeList:
        ReadEdgeList(in, *sink, false);
        break;
      case InputFormat::kLinksTable:
        ReadLinksTable(in.ReadAll(), *sink);
        break;
      case InputFormat::kEntitiesTable:
        ReadEntitiesTable(in.ReadAll(), *sink);
        break;
      case InputFormat::kMatrix:
        ReadMatrix(in.ReadAll(), *sink);
        break;
      case InputFormat::kGml:
        ReadGml(in.ReadAll(), *sink);
        break;
      case InputFormat::kFtm:
        ReadFtm(in, *sink);
        break;
      case InputFormat::kAuto:
        break;
    }
  } catch (const InputError& e) {
    // A problem that ends the file (a bad header, broken GML). Lenient mode keeps the records
    // read before it and goes on with the next file.
    if (!options.lenient) throw;
    ++report.rejected;
    ++fr.rejected;
    if (report.errors.size() < options.max_diagnostics) {
      report.errors.push_back(
          Diagnostic{e.file(), e.line(), e.column(), e.reason() + " (rest of the file skipped)"});
    }
  }
  sink.reset();  // finishes the sink's bulk appends and counts before the report is taken
  fr.bytes = in.bytes_read();
  report.files.push_back(std::move(fr));
}

template <typename OpenEach>
LoadReport Load(ModelData& data, size_t count, const LoadOptions& options, OpenEach open_each) {
  LoadReport report;
  LoadState state(data, options, report);
  try {
    for (size_t i = 0; i < count; ++i) {
      std::unique_ptr<InputFile> in;
      try {
        in = open_each(i);
      } catch (const IoError& e) {
        if (!options.lenient) throw;
        ++report.rejected;
        report.errors.push_back(Diagnostic{"", 0, 0, e.what()});
        continue;
      }
      ReadOne(*in, options, state, report);
    }
    state.Commit();
  } catch (...) {
    state.Rollback();
    throw;
  }
  return report;
}

}  // namespace

LoadReport LoadFiles(ModelData& data, const std::vector<std::string>& paths,
                     const LoadOptions& options) {
  return Load(data, paths.size(), options,
              [&](size_t i) { return std::make_unique<InputFile>(paths[i]); });
}

LoadReport LoadMemory(ModelData& data, const std::vector<MemoryInput>& inputs,
                      const LoadOptions& options) {
  return Load(data, inputs.size(), options, [&](size_t i) {
    return std::make_unique<InputFile>(inputs[i].name, inputs[i].content);
  });
}

}  // namespace detail
}  // namespace linkscope
