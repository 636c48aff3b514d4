#include "linkscope/graph/graph.hpp"

#include <fmt/format.h>

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
