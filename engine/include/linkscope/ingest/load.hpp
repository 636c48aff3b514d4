// Loading case files: formats, options and the report of what was read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkscope {

enum class InputFormat : uint8_t {
  kAuto,           // from the extension and, for CSV, from the header
  kJsonLines,      // linkscope JSON Lines (.jsonl, .ndjson)
  kLinksTable,     // CSV/TSV with a header naming at least "from" and "to"
  kEntitiesTable,  // CSV/TSV with a header naming at least "id"
  kEdgeList,       // source target [weight] ..., CSV/TSV/space-separated, optional header
  kMatrix,         // UCINET-style adjacency or incidence matrix CSV
  kGml,            // Graph Modelling Language
  kFtm,            // FollowTheMoney entity stream (.ijson; JSON Lines holding FtM entities)
};

// "auto", "jsonl", "links", "entities", "edgelist", "matrix", "gml", "ftm".
std::string_view InputFormatName(InputFormat f);
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct LoadOptions {
  // Strict (false): the first error aborts the load and leaves the graph exactly as before.
  // Lenient (true): each bad record is skipped and reported; every good record is kept.
  bool lenient = false;
  InputFormat format = InputFormat::kAuto;
  // Links of edge lists are undirected unless this is set (edge lists cannot say).
  bool directed = false;
  // Kind of entities that formats without kinds introduce (edge lists, matrices, GML) and of
  // entities created because a link names an id no record declares.
  std::string default_kind = "unknown";
  // Kind of the column entities of a two-mode (incidence) matrix; empty: default_kind.
  std::string column_kind;
  // Type of links from formats that carry no type (edge lists, matrices, GML).
  std::string link_type = "link";
  // At most this many problems are kept in the report; the rest are only counted.
  size_t max_diagnostics = 100000;
  // Withhold every link record whose handling code is above this (1-5; 0: no limit): it is
  // validated and counted (LoadReport::withheld), never added, and ids that only withheld
  // links name are not created. Filtering at load time means nothing computed afterwards —
  // profiles reach through every link of the model — can reflect a withheld record.
  uint8_t max_handling = 0;
};

struct Diagnostic {
  std::string file;
  uint64_t line = 0;    // 1-based; 0 = the whole file
  uint32_t column = 0;  // 1-based byte column; 0 = the whole line
  std::string message;
  std::string ToString() const;  // "file:line:column: message"
};

struct FileReport {
  std::string path;
  InputFormat format = InputFormat::kAuto;  // the format actually read
  uint64_t bytes = 0;
  uint64_t records = 0;         // records read (entity and link records, good or bad)
  uint64_t entity_records = 0;  // accepted entity records (incl. matrix labels, GML nodes)
  uint64_t links = 0;           // accepted links
  uint64_t rejected = 0;        // records skipped in lenient mode
  uint64_t withheld = 0;        // valid links left out by LoadOptions::max_handling
};

struct LoadReport {
  std::vector<FileReport> files;
  std::vector<Diagnostic> errors;    // the rejected records (lenient mode), in file order
  std::vector<Diagnostic> warnings;  // accepted records with a note (e.g. a conflicting value)
  uint64_t rejected = 0;             // all rejected records, also those beyond max_diagnostics
  uint64_t warning_count = 0;
  uint64_t entities_created = 0;  // new entities, including implicit ones
  uint64_t implicit_created = 0;  // created because a link named an undeclared id
  uint64_t firearm_merges = 0;    // firearm records resolved onto another record's entity
  uint64_t links_added = 0;
  uint64_t withheld = 0;  // links left out by LoadOptions::max_handling
};

}  // namespace linkscope
