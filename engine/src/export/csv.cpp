// Entity and link tables: DIR/entities.csv and DIR/links.csv, with the column names linkscope's
// table readers take (docs/data-format.md 2.3), so `linkscope stats DIR/entities.csv
// DIR/links.csv` loads the same case. Free properties are columns "key:number", "key:date" or
// "key:string" (a key whose values have several types is a string column).
#include <fmt/format.h>

#include <filesystem>
#include <iterator>
#include <unordered_map>

#include "export/export_common.hpp"
#include "core/text.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {
namespace {


// The property columns of a table: one per key, in order of first appearance.
class PropertyColumns {
 public:
  void Note(const Property& p) {
    auto [it, fresh] = index_.try_emplace(p.key, keys_.size());
    if (fresh) {
      keys_.push_back(p.key);
      types_.push_back(p.value.type);
      mixed_.push_back(false);
    }
    const size_t c = it->second;
    if (types_[c] != p.value.type) mixed_[c] = true;
    // A dated property no date text names can only go out as text.
    if (p.value.type == PropertyValue::Type::kDate && SingleDateText(p.value.date).empty()) {
      mixed_[c] = true;
    }
  }
  size_t size() const { return keys_.size(); }
  size_t Column(std::string_view key) const { return index_.at(key); }
  void Header(std::string& out) const {
    for (size_t c = 0; c < keys_.size(); ++c) {
      std::string_view suffix = ":string";
      if (!mixed_[c] && types_[c] == PropertyValue::Type::kNumber) suffix = ":number";
      if (!mixed_[c] && types_[c] == PropertyValue::Type::kDate) suffix = ":date";
      out += ',';
      AppendCsvField(out, fmt::format("{}{}", keys_[c], suffix));
    }
  }

 private:
  std::unordered_map<std::string_view, size_t> index_;
  std::vector<std::string_view> keys_;
  std::vector<PropertyValue::Type> types_;
  std::vector<bool> mixed_;
};

// Property cells of one row: at most one value per column (the first).
void PropertyCells(std::string& out, const PropertyColumns& columns,
                   std::span<const Property> props, std::vector<std::string>& cells) {
  cells.assign(columns.size(), std::string());
  std::vector<bool> filled(columns.size(), false);
  for (const Property& p : props) {
    const size_t c = columns.Column(p.key);
    if (filled[c]) continue;
    filled[c] = true;
    cells[c] = PropertyText(p.value);
  }
  for (const std::string& cell : cells) {
    out += ',';
    AppendCsvField(out, cell);
  }
}

constexpr std::string_view kEntityHeader =
    "id,kind,name,aliases,country,date,start,end,source,category,quantity,unit,subtype,make,"
    "model,calibre,serial";
constexpr std::string_view kLinkHeader =
    "from,to,type,directed,weight,date,start,end,source,grade,handling,id";

void Dates(std::string& out, const DateRange& r) {
  const std::string single = SingleDateText(r);
  out += ',';
  AppendCsvField(out, single);
  out += ',';
  if (r.dated() && single.empty()) AppendCsvField(out, StartText(r));
  out += ',';
  if (r.dated() && single.empty()) AppendCsvField(out, EndText(r));
}

void EntityRow(std::string& out, const Model& m, EntityId e, const EntityLine& line,
               const PropertyColumns& columns, std::vector<std::string>& cells) {
  const KindId kind = m.Kind(e);
  AppendCsvField(out, line.id);
  out += ',';
  AppendCsvField(out, m.KindName(e));
  out += ',';
  if (line.full) {
    AppendCsvField(out, m.Name(e));
    out += ',';
    std::string aliases;
    for (std::string_view a : m.Aliases(e)) {
      if (!aliases.empty()) aliases += '|';
      aliases += a;
    }
    AppendCsvField(out, aliases);
    out += ',';
    AppendCsvField(out, m.Country(e));
    Dates(out, m.Dates(e));
  } else {
    out += ",,,,,";  // name, aliases, country, date, start, end: the first record's
  }
  out += ',';
  AppendCsvField(out, line.source);
  // category, quantity, unit, subtype
  std::string_view category;
  std::string quantity;
  std::string_view unit;
  std::string_view subtype;
  if (line.full && (IsCommodity(kind) || IsAmmunition(kind))) {
    if (const std::optional<CommodityInfo> c = m.Commodity(e)) {
      if (IsCommodity(kind)) category = CommodityCategoryName(c->category);
      if (c->quantity) quantity = NumberText(*c->quantity);
      unit = c->unit;
      if (IsCommodity(kind)) subtype = c->subtype;
    } else if (IsCommodity(kind)) {
      category = CommodityCategoryName(m.Category(e));
    }
  }
  for (std::string_view v : {category, std::string_view(quantity), unit, subtype}) {
    out += ',';
    AppendCsvField(out, v);
  }
  // make, model, calibre, serial
  std::string_view make;
  std::string_view model;
  std::string_view calibre;
  std::string_view serial;
  if (TakesFirearmFields(kind) || IsAmmunition(kind)) {
    if (const std::optional<FirearmInfo> f = m.Firearm(e)) {
      if (line.full || !line.serial.empty()) make = f->make;
      if (line.full && TakesFirearmFields(kind)) model = f->model;
      if (line.full) calibre = f->calibre;
      if (TakesFirearmFields(kind)) serial = line.serial;
      for (std::string_view v : {make, model, calibre, serial}) {
        out += ',';
        AppendCsvField(out, v);
      }
    } else {
      out += ",,,,";
    }
  } else {
    out += ",,,,";
  }
  PropertyCells(out, columns, line.properties, cells);
  out += '\n';
}

std::string Joined(const std::filesystem::path& dir, std::string_view name) {
  return (dir / name).string();
}

}  // namespace

ExportReport WriteCsv(const ExportSet& x, const std::string& dir) {
  const Snapshot& s = *x.s;
  const Model& m = *x.m;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw IoError(fmt::format("cannot create directory {}: {}", dir,
                              ec ? ec.message() : std::string("a file is in the way")));
  }
  ExportReport report;
  std::vector<std::string> cells;

  // entities.csv: first the property columns of every record written.
  {
    std::vector<std::vector<EntityLine>> plans(s.vertex_count());
    PropertyColumns columns;
    for (VertexId v = 0; v < s.vertex_count(); ++v) {
      plans[v] = PlanEntityLines(x, v);
      for (const EntityLine& line : plans[v]) {
        for (const Property& p : line.properties) columns.Note(p);
      }
    }
    const std::string path = Joined(dir, "entities.csv");
    OutFile out(path);
    std::string& b = out.buf();
    b += kEntityHeader;
    columns.Header(b);
    b += '\n';
    for (VertexId v = 0; v < s.vertex_count(); ++v) {
      for (const EntityLine& line : plans[v]) {
        EntityRow(b, m, s.Entity(v), line, columns, cells);
        out.MaybeFlush();
      }
    }
    out.Close();
    report.files.push_back(path);
  }

  // links.csv
  {
    PropertyColumns columns;
    for (const LinkId l : x.links) {
      for (const Property& p : m.LinkProperties(l)) columns.Note(p);
    }
    const std::string path = Joined(dir, "links.csv");
    OutFile out(path);
    std::string& b = out.buf();
    b += kLinkHeader;
    columns.Header(b);
    b += '\n';
    if (x.derived()) {
      for (const DerivedEdge& d : x.derived_edges) {
        AppendCsvField(b, s.ExternalId(d.a));
        b += ',';
        AppendCsvField(b, s.ExternalId(d.b));
        // type, directed, weight; then date, start, end, source, grade, handling, id empty.
        fmt::format_to(std::back_inserter(b), ",{},false,{}{}\n", kProjectedType,
                       NumberText(d.weight), std::string_view(",,,,,,,"));
        out.MaybeFlush();
      }
    }
    for (const LinkId l : x.links) {
      AppendCsvField(b, m.ExternalId(m.From(l)));
      b += ',';
      AppendCsvField(b, m.ExternalId(m.To(l)));
      b += ',';
      AppendCsvField(b, m.TypeName(l));
      b += m.Directed(l) ? ",true," : ",false,";
      b += NumberText(m.Weight(l));
      Dates(b, m.LinkDates(l));
      b += ',';
      AppendCsvField(b, m.Source(l));
      b += ',';
      b += m.LinkGrade(l).ToString();
      b += ',';
      if (m.Handling(l) != kNoHandlingCode)
        fmt::format_to(std::back_inserter(b), "{}", m.Handling(l));
      b += ',';
      AppendCsvField(b, m.LinkExternalId(l));
      PropertyCells(b, columns, m.LinkProperties(l), cells);
      b += '\n';
      out.MaybeFlush();
    }
    out.Close();
    report.files.push_back(path);
  }
  report.entities = s.vertex_count();
  report.links = x.link_count();
  return report;
}

}  // namespace linkscope::detail
