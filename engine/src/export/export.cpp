// Export: what a snapshot exports, and the pieces every format shares.
#include "linkscope/export/export.hpp"

#include <fmt/format.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <utility>

#include "core/text.hpp"
#include "export/export_common.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  const std::string lower = detail::AsciiLower(name);
  if (lower == "graphml") return ExportFormat::kGraphMl;
  if (lower == "gexf") return ExportFormat::kGexf;
  if (lower == "jsonl") return ExportFormat::kJsonLines;
  if (lower == "csv") return ExportFormat::kCsv;
  if (lower == "ftm") return ExportFormat::kFtm;
  return std::nullopt;
}

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kJsonLines:
      return "jsonl";
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kFtm:
      return "ftm";
  }
  return "";
}

ExportReport Export(const Snapshot& s, const std::string& path, const ExportOptions& options) {
  if (path.empty()) throw UsageError("export: no output path given");
  const detail::ExportSet x = detail::CollectExport(s, options.communities);
  switch (options.format) {
    case ExportFormat::kGraphMl:
      return detail::WriteGraphMl(x, path);
    case ExportFormat::kGexf:
      return detail::WriteGexf(x, path);
    case ExportFormat::kJsonLines:
      return detail::WriteJsonLines(x, path);
    case ExportFormat::kCsv:
      return detail::WriteCsv(x, path);
    case ExportFormat::kFtm:
      return detail::WriteFtm(x, path);
  }
  throw UsageError("export: unknown format");
}

namespace detail {

ExportSet CollectExport(const Snapshot& s, std::span<const uint32_t> communities) {
  const uint32_t n = s.vertex_count();
  if (!communities.empty() && communities.size() != n) {
    throw UsageError(
        fmt::format("export: {} community ids given for {} entities", communities.size(), n));
  }
  ExportSet x;
  x.s = &s;
  x.m = &s.model();
  x.communities = communities;
  x.named.assign(n, 0);
  if (s.derived()) {
    x.derived_edges.reserve(s.edge_count());
    for (EdgeId e = 0; e < s.edge_count(); ++e) {
      const auto [a, b] = s.Endpoints(e);
      x.derived_edges.push_back(DerivedEdge{a, b, s.EdgeWeight(e)});
      x.named[a] = 1;
      x.named[b] = 1;
    }
    return x;
  }
  // Each link once, in load order: a directed snapshot has two arcs per undirected link, and
  // edge order is not link order.
  const Model& m = s.model();
  std::vector<uint64_t> seen((static_cast<size_t>(m.link_count()) + 63) / 64, 0);
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    for (const LinkId l : s.EdgeLinks(e)) seen[l / 64] |= uint64_t{1} << (l % 64);
  }
  for (size_t wi = 0; wi < seen.size(); ++wi) {
    for (uint64_t word = seen[wi]; word != 0; word &= word - 1) {
      const auto l = static_cast<LinkId>(wi * 64 + static_cast<size_t>(std::countr_zero(word)));
      x.links.push_back(l);
      x.named[s.VertexOf(m.From(l))] = 1;
      x.named[s.VertexOf(m.To(l))] = 1;
    }
  }
  return x;
}

// --- files

OutFile::OutFile(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) throw IoError(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
  buf_.reserve(kFlush + 65536);
}

OutFile::~OutFile() {
  if (file_) std::fclose(file_);
}

void OutFile::Flush() {
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
    throw IoError(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
  }
  buf_.clear();
}

void OutFile::Close() {
  Flush();
  const int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0) throw IoError(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
}

// --- dates

std::string SingleDateText(const DateRange& r) {
  if (!r.dated() || r.lo == kOpenStart || r.hi == kOpenEnd) return "";
  std::string s = FormatDateRange(r);
  if (s.find('/') == std::string::npos) return s;  // a year, month, day or one second
  // A minute: "2019-03-01T10:15Z".
  if (((r.lo % 60) + 60) % 60 == 0 && r.hi == r.lo + 59) {
    std::string t = FormatTimePoint(r.lo);  // "2019-03-01T10:15:00Z"
    if (t.size() == 20) return t.substr(0, 16) + "Z";
  }
  return "";
}

namespace {
constexpr std::string_view kMidnight = "T00:00:00Z";
bool AtMidnight(const std::string& t) {
  return t.size() >= kMidnight.size() &&
         std::string_view(t).substr(t.size() - kMidnight.size()) == kMidnight;
}
}  // namespace

std::string StartText(const DateRange& r) {
  if (!r.dated() || r.lo == kOpenStart) return "";
  std::string t = FormatTimePoint(r.lo);
  if (AtMidnight(t)) t.resize(t.size() - kMidnight.size());
  return t;
}

std::string EndText(const DateRange& r) {
  if (!r.dated() || r.hi == kOpenEnd) return "";
  std::string t = FormatTimePoint(r.hi);
  if (AtMidnight(FormatTimePoint(r.hi + 1))) t.resize(t.size() - kMidnight.size());
  return t;
}

// --- numbers and properties

std::string NumberText(double v) { return fmt::format("{}", v); }

std::string PropertyText(const PropertyValue& v) {
  switch (v.type) {
    case PropertyValue::Type::kString:
      return std::string(v.text);
    case PropertyValue::Type::kNumber:
      return NumberText(v.number);
    case PropertyValue::Type::kDate: {
      std::string s = SingleDateText(v.date);
      return s.empty() ? FormatDateRange(v.date) : s;
    }
  }
  return "";
}

// --- XML

void AppendXml(std::string& out, std::string_view s, bool attribute) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        continue;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        continue;
      default:
        break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20) {
      out += kReplacement;
    } else if (u == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
                static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      out += kReplacement;  // U+FFFE, U+FFFF: not XML characters
      i += 2;
    } else {
      out += c;
    }
  }
}

// --- kinds

bool TakesFirearmFields(KindId kind) { return kind == ToKindId(EntityKind::kFirearm); }
bool IsAmmunition(KindId kind) { return kind == ToKindId(EntityKind::kAmmunition); }
bool IsCommodity(KindId kind) { return kind == ToKindId(EntityKind::kCommodity); }

// --- entity records

std::vector<EntityLine> PlanEntityLines(const ExportSet& x, VertexId v) {
  const Model& m = *x.m;
  const EntityId e = x.s->Entity(v);
  // An implicit entity stays implicit: the links that name it re-create it. One that no written
  // link names (a view dropped them) needs a record, or it would be lost; so does one that
  // carries a community.
  if (m.Implicit(e) && x.named[v] && !x.has_communities()) return {};
  std::vector<EntityLine> lines;
  for (const EntityRecord& r : m.Records(e)) {
    EntityLine line;
    line.id = r.id;
    line.source = r.source;
    line.serial = r.serial;
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    EntityLine line;
    line.id = m.ExternalId(e);
    lines.push_back(std::move(line));
  }
  lines[0].full = true;
  if (TakesFirearmFields(m.Kind(e))) {
    bool any_serial = false;
    for (const EntityLine& l : lines) any_serial = any_serial || !l.serial.empty();
    const std::optional<FirearmInfo> f = m.Firearm(e);
    if (!any_serial && f && !f->serial.empty()) lines[0].serial = f->serial;
  }

  std::vector<Property> props = m.Properties(e);
  if (x.has_communities()) {
    Property c;
    c.key = "community";
    c.value.type = PropertyValue::Type::kNumber;
    c.value.number = x.communities[v];
    props.push_back(c);
  }
  // In order, moving to the next record only when a key repeats, so reading the records back
  // gives the properties in the same order, and in no more records than the entity had.
  size_t at = 0;
  for (const Property& p : props) {
    bool repeated = false;
    for (const Property& q : lines[at].properties) repeated = repeated || q.key == p.key;
    if (repeated) {
      ++at;
      if (at == lines.size()) {
        EntityLine line;
        line.id = m.ExternalId(e);
        lines.push_back(std::move(line));
      }
    }
    lines[at].properties.push_back(p);
  }
  return lines;
}

}  // namespace detail
}  // namespace linkscope
