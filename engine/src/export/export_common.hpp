// Pieces the exporters share (internal): what a snapshot exports, buffered output files, date
// and number texts, XML escaping, and the plan of the entity records of one entity.
#pragma once

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/export/export.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/model/model.hpp"

namespace linkscope::detail {

// An edge of a derived (projected) snapshot: it has no link record.
struct DerivedEdge {
  VertexId a = 0;
  VertexId b = 0;
  double weight = 1;
};

// What a snapshot exports: its vertices, and either the link records behind its edges (each
// once, in load order) or, for a derived snapshot, its edges.
struct ExportSet {
  const Snapshot* s = nullptr;
  const Model* m = nullptr;
  std::vector<LinkId> links;
  std::vector<DerivedEdge> derived_edges;
  std::vector<uint8_t> named;  // per vertex: a written link names it
  std::span<const uint32_t> communities;

  bool derived() const { return s->derived(); }
  uint64_t link_count() const { return derived() ? derived_edges.size() : links.size(); }
  bool has_communities() const { return !communities.empty(); }
};

ExportSet CollectExport(const Snapshot& s, std::span<const uint32_t> communities);

// The report of a format that writes one file.
inline ExportReport OneFileReport(const ExportSet& x, const std::string& path) {
  ExportReport r;
  r.files.push_back(path);
  r.entities = x.s->vertex_count();
  r.links = x.link_count();
  return r;
}

// The link type written for the edges of a projection.
inline constexpr std::string_view kProjectedType = "projected";

// A file written through a buffer; every failure is an IoError naming the file.
class OutFile {
 public:
  explicit OutFile(std::string path);
  ~OutFile();
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;

  // Append to buf(), then call Flush() now and then (Write does).
  std::string& buf() { return buf_; }
  void Write(std::string_view s) {
    buf_.append(s);
    MaybeFlush();
  }
  void MaybeFlush() {
    if (buf_.size() >= kFlush) Flush();
  }
  void Close();
  const std::string& path() const { return path_; }

 private:
  static constexpr size_t kFlush = size_t{1} << 20;
  void Flush();
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buf_;
};

// --- dates
// The date as one text a reader parses back to the same interval ("2019", "2019-03",
// "2019-03-01", "2019-03-01T10:15Z", "2019-03-01T10:15:30Z"), or "" when it is none of these
// (then write StartText/EndText).
std::string SingleDateText(const DateRange& r);
// The sides of an interval: whole days as "2019-03-01" (for the end: the last day covered),
// other times to the second ("2019-03-01T10:15:00Z"); "" for an open side or undated.
std::string StartText(const DateRange& r);
std::string EndText(const DateRange& r);

// --- numbers and properties
// Shortest text that reads back as the same double ("2.5", "1", "1e+20").
std::string NumberText(double v);
// A property value as text: strings as they are, numbers by NumberText, dates by
// SingleDateText (else FormatDateRange).
std::string PropertyText(const PropertyValue& v);

// --- XML
// Appends `s` escaped for XML 1.0 character data (attribute = false) or a double-quoted
// attribute value (attribute = true: tabs and line breaks as character references). Characters
// XML 1.0 cannot carry (C0 controls other than TAB, LF, CR) become U+FFFD.
void AppendXml(std::string& out, std::string_view s, bool attribute);

// --- the entity records of one entity (JSON Lines and CSV)
// An entity is written as one record per record it was built from (so a merged firearm keeps
// every id, source and serial as written, and re-loading merges them again), the first one
// carrying every entity field. Properties are spread over the records in order, never the
// same key twice in one record.
struct EntityLine {
  std::string_view id;
  std::string_view source;
  std::string_view serial;  // firearms: the serial as this record wrote it
  bool full = false;        // the first record: every entity field
  std::vector<Property> properties;
};
// Empty when the entity is written without a record (an implicit entity that a written link
// names, without communities).
std::vector<EntityLine> PlanEntityLines(const ExportSet& x, VertexId v);

// Which weapon and commodity fields a kind takes (docs/data-format.md 1.2).
bool TakesFirearmFields(KindId kind);  // make, model, calibre, serial
bool IsAmmunition(KindId kind);        // make, calibre, quantity, unit
bool IsCommodity(KindId kind);         // category, quantity, unit, subtype

// --- writers
ExportReport WriteGraphMl(const ExportSet& x, const std::string& path);
ExportReport WriteGexf(const ExportSet& x, const std::string& path);
ExportReport WriteJsonLines(const ExportSet& x, const std::string& path);
ExportReport WriteCsv(const ExportSet& x, const std::string& dir);
ExportReport WriteFtm(const ExportSet& x, const std::string& path);

}  // namespace linkscope::detail
