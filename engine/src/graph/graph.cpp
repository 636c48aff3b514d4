#include "linkscope/graph/graph.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/text.hpp"
#include "ingest/loader.hpp"
#include "ingest/sink.hpp"
#include "linkscope/core/error.hpp"
#include "model/model_data.hpp"

namespace linkscope {

Graph::Graph() : model_(std::make_shared<Model>()) {}

Model& Graph::Mutable() {
  // Copy-on-write: a snapshot (or anyone else) still holds the current model.
  if (model_.use_count() > 1) model_ = std::make_shared<Model>(*model_);
  return *model_;
}

LoadReport Graph::Load(const std::vector<std::string>& paths, const LoadOptions& options) {
  return detail::LoadFiles(Mutable().mutable_data(), paths, options);
}

LoadReport Graph::LoadText(const std::string& name, std::string_view content,
                           const LoadOptions& options) {
  return detail::LoadMemory(Mutable().mutable_data(), {detail::MemoryInput{name, content}},
                            options);
}

namespace {

using detail::Field;
using detail::FieldValue;
using detail::RawRecord;

void SetText(RawRecord& r, Field f, const std::string& value) {
  if (value.empty()) return;
  FieldValue& v = r[f];
  v.type = FieldValue::Type::kText;
  v.text = value;
}

void SetProperties(RawRecord& r, const std::vector<PropertyInput>& props) {
  for (const PropertyInput& p : props) {
    detail::PropertyDraft d;
    d.key = p.key;
    if (const auto* s = std::get_if<std::string>(&p.value)) {
      d.type = detail::PropertyType::kString;
      d.text = *s;
    } else if (const auto* x = std::get_if<double>(&p.value)) {
      d.type = detail::PropertyType::kNumber;
      d.number = *x;
    } else {
      d.type = detail::PropertyType::kDate;
      d.date = std::get<DateRange>(p.value);
    }
    r.properties.push_back(d);
  }
}

}  // namespace

void Graph::Add(std::span<const EntityInput> entities, std::span<const LinkInput> links,
                const LoadOptions& options) {
  LoadOptions strict = options;
  strict.lenient = false;
  detail::ModelData& data = Mutable().mutable_data();
  LoadReport report;
  detail::LoadState state(data, strict, report);
  try {
    FileReport file_report;
    detail::Sink sink(state, "<api>", file_report);
    RawRecord r;
    uint64_t n = 0;
    for (const EntityInput& e : entities) {
      r.Clear();
      r.typed = true;
      r.line = ++n;
      SetText(r, Field::kId, e.id);
      SetText(r, Field::kKind, e.kind);
      SetText(r, Field::kName, e.name);
      for (const auto& a : e.aliases) r.aliases.push_back(detail::AliasValue{a, 0});
      SetText(r, Field::kCountry, e.country);
      SetText(r, Field::kDate, e.date);
      SetText(r, Field::kStart, e.start);
      SetText(r, Field::kEnd, e.end);
      SetText(r, Field::kSource, e.source);
      SetText(r, Field::kCategory, e.category);
      if (e.quantity) {
        r[Field::kQuantity].type = FieldValue::Type::kNumber;
        r[Field::kQuantity].number = *e.quantity;
      }
      SetText(r, Field::kUnit, e.unit);
      SetText(r, Field::kSubtype, e.subtype);
      SetText(r, Field::kMake, e.make);
      SetText(r, Field::kModel, e.model);
      SetText(r, Field::kCalibre, e.calibre);
      SetText(r, Field::kSerial, e.serial);
      SetProperties(r, e.properties);
      sink.Entity(r);
    }
    for (const LinkInput& l : links) {
      r.Clear();
      r.typed = true;
      r.line = ++n;
      SetText(r, Field::kFrom, l.from);
      SetText(r, Field::kTo, l.to);
      SetText(r, Field::kType, l.type);
      if (l.directed) {
        r[Field::kDirected].type = FieldValue::Type::kBool;
        r[Field::kDirected].boolean = *l.directed;
      }
      r[Field::kWeight].type = FieldValue::Type::kNumber;
      r[Field::kWeight].number = l.weight;
      SetText(r, Field::kDate, l.date);
      SetText(r, Field::kStart, l.start);
      SetText(r, Field::kEnd, l.end);
      SetText(r, Field::kSource, l.source);
      SetText(r, Field::kGrade, l.grade);
      if (l.handling != 0) {
        r[Field::kHandling].type = FieldValue::Type::kNumber;
        r[Field::kHandling].number = l.handling;
      }
      SetText(r, Field::kId, l.id);
      SetProperties(r, l.properties);
      sink.Link(r);
    }
    state.Commit();
  } catch (...) {
    state.Rollback();
    throw;
  }
}

namespace {

void SetView(RawRecord& r, Field f, TextColumn column, size_t row) {
  if (column.empty() || column[row].empty()) return;
  // Text from memory must be UTF-8 like text from files: the record is rejected otherwise.
  if (detail::FindInvalidUtf8(column[row]) != std::string_view::npos) {
    FieldValue& v = r[f];
    v.type = FieldValue::Type::kOther;
    v.text = "text that is not valid UTF-8";
    return;
  }
  FieldValue& v = r[f];
  v.type = FieldValue::Type::kText;
  v.text = column[row];
}

void SetNumber(RawRecord& r, Field f, NumberColumn column, size_t row) {
  if (column.empty() || std::isnan(column[row])) return;
  FieldValue& v = r[f];
  v.type = FieldValue::Type::kNumber;
  v.number = column[row];
}

void SetPropertyColumns(RawRecord& r, const std::vector<PropertyColumn>& columns, size_t row) {
  for (const PropertyColumn& c : columns) {
    detail::PropertyDraft d;
    d.key = c.key;
    if (!c.text.empty()) {
      if (c.text[row].empty()) continue;
      d.type = detail::PropertyType::kString;
      d.text = c.text[row];
    } else {
      if (c.number.empty() || std::isnan(c.number[row])) continue;
      d.type = detail::PropertyType::kNumber;
      d.number = c.number[row];
    }
    r.properties.push_back(d);
  }
}

// Every column has `rows` entries or none.
template <typename Column>
void CheckLength(const std::string& table, std::string_view column, const Column& c,
                 size_t rows) {
  if (!c.empty() && c.size() != rows) {
    throw UsageError(fmt::format("table \"{}\": column \"{}\" has {} values for {} rows", table,
                                 column, c.size(), rows));
  }
}

void CheckEntityTable(const EntityTable& t) {
  const std::pair<std::string_view, TextColumn> text[] = {
      {"id", t.id},           {"kind", t.kind},       {"name", t.label},   {"country", t.country},
      {"date", t.date},       {"start", t.start},     {"end", t.end},      {"source", t.source},
      {"category", t.category}, {"unit", t.unit},     {"subtype", t.subtype}, {"make", t.make},
      {"model", t.model},     {"calibre", t.calibre}, {"serial", t.serial}};
  for (const auto& [name, c] : text) CheckLength(t.name, name, c, t.rows);
  CheckLength(t.name, "quantity", t.quantity, t.rows);
  if (t.rows > 0 && t.id.empty()) {
    throw UsageError(fmt::format("table \"{}\" has no \"id\" column", t.name));
  }
  for (const PropertyColumn& p : t.properties) {
    CheckLength(t.name, p.key, p.text, t.rows);
    CheckLength(t.name, p.key, p.number, t.rows);
  }
}

void CheckLinkTable(const LinkTable& t) {
  const std::pair<std::string_view, TextColumn> text[] = {
      {"from", t.from},     {"to", t.to},         {"type", t.type},    {"date", t.date},
      {"start", t.start},   {"end", t.end},       {"source", t.source}, {"grade", t.grade},
      {"id", t.id}};
  for (const auto& [name, c] : text) CheckLength(t.name, name, c, t.rows);
  CheckLength(t.name, "weight", t.weight, t.rows);
  CheckLength(t.name, "handling", t.handling, t.rows);
  CheckLength(t.name, "directed", t.directed, t.rows);
  if (t.rows > 0 && (t.from.empty() || t.to.empty())) {
    throw UsageError(fmt::format("table \"{}\" needs \"from\" and \"to\" columns", t.name));
  }
  for (const PropertyColumn& p : t.properties) {
    CheckLength(t.name, p.key, p.text, t.rows);
    CheckLength(t.name, p.key, p.number, t.rows);
  }
}

}  // namespace

LoadReport Graph::AddTables(const EntityTable& entities, const LinkTable& links,
                            const LoadOptions& options) {
  CheckEntityTable(entities);
  CheckLinkTable(links);
  detail::ModelData& data = Mutable().mutable_data();
  LoadReport report;
  report.files.resize(2);
  report.files[0].path = entities.name;
  report.files[1].path = links.name;
  detail::LoadState state(data, options, report);
  try {
    RawRecord r;
    {
      detail::Sink sink(state, entities.name, report.files[0]);
      for (size_t row = 0; row < entities.rows; ++row) {
        r.Clear();
        r.typed = true;
        r.line = row + 1;
        SetView(r, Field::kId, entities.id, row);
        SetView(r, Field::kKind, entities.kind, row);
        SetView(r, Field::kName, entities.label, row);
        SetView(r, Field::kCountry, entities.country, row);
        SetView(r, Field::kDate, entities.date, row);
        SetView(r, Field::kStart, entities.start, row);
        SetView(r, Field::kEnd, entities.end, row);
        SetView(r, Field::kSource, entities.source, row);
        SetView(r, Field::kCategory, entities.category, row);
        SetNumber(r, Field::kQuantity, entities.quantity, row);
        SetView(r, Field::kUnit, entities.unit, row);
        SetView(r, Field::kSubtype, entities.subtype, row);
        SetView(r, Field::kMake, entities.make, row);
        SetView(r, Field::kModel, entities.model, row);
        SetView(r, Field::kCalibre, entities.calibre, row);
        SetView(r, Field::kSerial, entities.serial, row);
        SetPropertyColumns(r, entities.properties, row);
        sink.CountRecord();
        sink.Entity(r);
      }
    }
    {
      detail::Sink sink(state, links.name, report.files[1]);
      // Tables of bare ends and weights (the usual shape of an exported edge list) take the
      // edge-list readers' path: no record to assemble, the same checks. A row it cannot take
      // as it is goes through the full validation below, which names the problem.
      const bool bare = links.type.empty() && links.date.empty() && links.start.empty() &&
                        links.end.empty() && links.source.empty() && links.grade.empty() &&
                        links.id.empty() && links.handling.empty() && links.directed.empty() &&
                        links.properties.empty();
      const bool bare_directed =
          options.directed || DefaultDirected(data.link_types.Get(sink.default_link_type()));
      for (size_t row = 0; row < links.rows; ++row) {
        if (bare) {
          const std::string_view a = detail::Trim(links.from[row]);
          const std::string_view b = detail::Trim(links.to[row]);
          const double w =
              links.weight.empty() || std::isnan(links.weight[row]) ? 1.0 : links.weight[row];
          if (std::isfinite(w) && w > 0 && detail::IdProblem(a).empty() &&
              detail::IdProblem(b).empty() && detail::FindInvalidUtf8(a) == std::string_view::npos &&
              detail::FindInvalidUtf8(b) == std::string_view::npos && sink.HasRoom(1)) {
            sink.CountRecord();
            const EntityId ea = sink.ImplicitEntity(a);
            const EntityId eb = sink.ImplicitEntity(b);
            sink.AppendSimpleLink(ea, eb, w, bare_directed);
            continue;
          }
        }
        r.Clear();
        r.typed = true;
        r.line = row + 1;
        SetView(r, Field::kFrom, links.from, row);
        SetView(r, Field::kTo, links.to, row);
        SetView(r, Field::kType, links.type, row);
        if (!links.directed.empty() && links.directed[row] >= 0) {
          r[Field::kDirected].type = FieldValue::Type::kBool;
          r[Field::kDirected].boolean = links.directed[row] != 0;
        } else if (options.directed) {
          r[Field::kDirected].type = FieldValue::Type::kBool;  // the table's default
          r[Field::kDirected].boolean = true;
        }
        SetNumber(r, Field::kWeight, links.weight, row);
        SetView(r, Field::kDate, links.date, row);
        SetView(r, Field::kStart, links.start, row);
        SetView(r, Field::kEnd, links.end, row);
        SetView(r, Field::kSource, links.source, row);
        SetView(r, Field::kGrade, links.grade, row);
        SetNumber(r, Field::kHandling, links.handling, row);
        SetView(r, Field::kId, links.id, row);
        SetPropertyColumns(r, links.properties, row);
        sink.CountRecord();
        sink.Link(r);
      }
    }
    state.Commit();
  } catch (...) {
    state.Rollback();
    throw;
  }
  return report;
}

EntityId Graph::AddEntity(const EntityInput& entity) {
  Add(std::span<const EntityInput>(&entity, 1), {});
  return *model_->FindEntity(detail::Trim(entity.id));
}

LinkId Graph::AddLink(const LinkInput& link) {
  Add({}, std::span<const LinkInput>(&link, 1));
  return model_->link_count() - 1;
}

Snapshot Graph::TakeSnapshot(const SnapshotOptions& options) const {
  return Snapshot::Build(model_, options);
}

}  // namespace linkscope
