// Exporters: a snapshot (a whole case, a view or a projection) written for other tools —
// GraphML (Gephi, Cytoscape, yEd, networkx), GEXF 1.3 (Gephi), linkscope's own JSON Lines
// (lossless: load -> export -> load gives the same case), entity and link CSV tables (read back
// by linkscope's table readers) and FollowTheMoney entity streams. Formats, the FtM mapping and
// what each keeps: docs/export.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

enum class ExportFormat : uint8_t { kGraphMl, kGexf, kJsonLines, kCsv, kFtm };

// "graphml", "gexf", "jsonl", "csv", "ftm" (any case); nullopt for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
std::string_view ExportFormatName(ExportFormat format);

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonLines;
  // Optional: one community id per snapshot vertex (e.g. Communities::membership), written as
  // the entity attribute "community". Empty: none written.
  std::span<const uint32_t> communities;
};

struct ExportReport {
  std::vector<std::string> files;  // written, in order
  uint64_t entities = 0;           // entities written (the snapshot's vertices)
  uint64_t links = 0;              // link records written (a projection: its edges)
};

// Writes the entities of `s` (a view's vertices only) and the link records behind its edges
// (each once, in load order, whatever the snapshot's direction or collapsing; a view keeps only
// its edges). A derived (projected) snapshot has no link records: its edges are written as
// undirected links of type "projected" with their weights. `path` is a file, or for kCsv a
// directory (created) that receives entities.csv and links.csv.
//
// Output is deterministic: the same snapshot and options give the same bytes. O(n + m + L/8)
// time for L links in the model, plus the size of the output (written through a buffer).
// Throws UsageError when `communities` is not empty and not one per vertex, IoError when a file
// or the directory cannot be created or written.
ExportReport Export(const Snapshot& s, const std::string& path, const ExportOptions& options = {});

}  // namespace linkscope
