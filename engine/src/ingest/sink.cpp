#include "ingest/sink.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/model/firearm.hpp"
#include "linkscope/model/grading.hpp"

namespace linkscope::detail {
namespace {

constexpr std::string_view kFieldNames[kFieldCount] = {
    "record", "id",       "kind",    "name",     "aliases",    "country", "date",
    "start",  "end",      "source",  "category", "quantity",   "unit",    "subtype",
    "make",   "model",    "calibre", "serial",   "properties", "from",    "to",
    "type",   "directed", "weight",  "grade",    "handling"};

std::string_view Describe(const FieldValue& v) {
  switch (v.type) {
    case FieldValue::Type::kText:
      return "a string";
    case FieldValue::Type::kNumber:
      return "a number";
    case FieldValue::Type::kBool:
      return "a boolean";
    case FieldValue::Type::kOther:
      return v.text;
    case FieldValue::Type::kAbsent:
      break;
  }
  return "nothing";
}

bool HasControl(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}
bool IsKindName(std::string_view s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string IdProblem(std::string_view id, size_t* offset) {
  if (offset) *offset = 0;
  if (id.empty()) return "empty id";
  for (size_t i = 0; i < id.size(); ++i) {
    const auto u = static_cast<unsigned char>(id[i]);
    if (u < 0x20 || u == 0x7F) {
      if (offset) *offset = i;
      return fmt::format("id {} contains a control character", Quote(id));
    }
  }
  if (id.size() > kMaxIdBytes) return fmt::format("id longer than {} bytes", kMaxIdBytes);
  return {};
}

std::optional<Field> FieldByName(std::string_view name) {
  for (size_t i = 0; i < kFieldCount; ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  if (name == "caliber") return Field::kCalibre;
  return std::nullopt;
}

std::string_view FieldName(Field f) { return kFieldNames[static_cast<size_t>(f)]; }

bool IsEntityField(Field f) {
  switch (f) {
    case Field::kFrom:
    case Field::kTo:
    case Field::kType:
    case Field::kDirected:
    case Field::kWeight:
    case Field::kGrade:
    case Field::kHandling:
    case Field::kCount:
      return false;
    default:
      return true;
  }
}

bool IsLinkField(Field f) {
  switch (f) {
    case Field::kRecord:
    case Field::kId:
    case Field::kDate:
    case Field::kStart:
    case Field::kEnd:
    case Field::kSource:
    case Field::kProperties:
    case Field::kFrom:
    case Field::kTo:
    case Field::kType:
    case Field::kDirected:
    case Field::kWeight:
    case Field::kGrade:
    case Field::kHandling:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// LoadState

LoadState::LoadState(ModelData& data, const LoadOptions& options, LoadReport& report)
    : data_(data), options_(options), report_(report), mark_(data.GetMark()) {}

void LoadState::SaveEntity(EntityId e) {
  if (e < mark_.entities && saved_entities_.insert(e).second) {
    Save(data_.entities, e, mark_.entities);
  }
}

void LoadState::Rollback() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) (*it)();
  undo_.clear();
  saved_entities_.clear();
  data_.Truncate(mark_);
}

void LoadState::Commit() {
  undo_.clear();
  saved_entities_.clear();
  if (merged_) {
    // Fold merged entities into their survivors and renumber densely, keeping load order.
    const uint32_t n = data_.entity_count();
    std::vector<EntityId> remap(n, kNoEntity);
    EntityId next = 0;
    for (EntityId e = 0; e < n; ++e) {
      if (data_.entities[e].canonical == e) remap[e] = next++;
    }
    for (EntityId e = 0; e < n; ++e) {
      if (remap[e] == kNoEntity) remap[e] = remap[data_.Canonical(e)];
    }
    HugeVector<EntityRow> rows;
    rows.reserve(next);
    for (EntityId e = 0; e < n; ++e) {
      if (data_.entities[e].canonical == e) {
        rows.push_back(data_.entities[e]);
        rows.back().canonical = remap[e];
      }
    }
    data_.entities = std::move(rows);
    for (auto& e : data_.id_entity) e = remap[e];
    data_.ids_are_entities = false;
    for (auto& e : data_.key_entity) e = remap[e];
    for (auto& e : data_.from) e = remap[e];
    for (auto& e : data_.to) e = remap[e];
    for (auto& r : data_.records) r.entity = remap[r.entity];
    for (auto& r : data_.aliases) r.entity = remap[r.entity];
    for (auto& r : data_.entity_props) r.owner = remap[r.owner];
    for (auto& r : data_.firearms) r.entity = remap[r.entity];
    for (auto& r : data_.commodities) r.entity = remap[r.entity];
    merged_ = false;
    data_.merges_pending = false;
    // Owners were renumbered: every row may be out of order.
    data_.SortSideTables(ModelData::Mark{});
    return;
  }
  data_.SortSideTables(mark_);
}

// ---------------------------------------------------------------------------------------------
// Sink

Sink::Sink(LoadState& state, std::string file, FileReport& file_report)
    : state_(state), data_(state.data()), file_(std::move(file)), file_report_(file_report) {
  file_id_ = data_.files.Intern(file_);
  std::string error;
  const LoadOptions& o = state.options();
  auto kind = ResolveKind(o.default_kind, &error);
  if (!kind) throw UsageError("default kind: " + error);
  default_kind_ = *kind;
  auto column_kind = o.column_kind.empty() ? kind : ResolveKind(o.column_kind, &error);
  if (!column_kind) throw UsageError("column kind: " + error);
  column_kind_ = *column_kind;
  auto type = ResolveLinkType(o.link_type, &error);
  if (!type) throw UsageError("link type: " + error);
  default_link_type_ = *type;
}

RecordScope::RecordScope(Sink& sink) : sink_(sink) {
  sink_.record_kinds_ = sink_.data_.kinds.size();
  sink_.record_types_ = sink_.data_.link_types.size();
}

RecordScope::~RecordScope() {
  sink_.record_kinds_ = kNone32;
  sink_.record_types_ = kNone32;
}

bool Sink::Reject(uint64_t line, uint32_t column, std::string reason) {
  if (!state_.options().lenient) throw InputError(file_, line, column, std::move(reason));
  // Forget kinds and link types the rejected record introduced.
  if (record_kinds_ != kNone32 && data_.kinds.size() > record_kinds_) {
    data_.kinds.Truncate(record_kinds_);
  }
  if (record_types_ != kNone32 && data_.link_types.size() > record_types_) {
    data_.link_types.Truncate(record_types_);
  }
  LoadReport& report = state_.report();
  ++report.rejected;
  ++file_report_.rejected;
  if (report.errors.size() < state_.options().max_diagnostics) {
    report.errors.push_back(Diagnostic{file_, line, column, std::move(reason)});
  }
  return false;
}

void Sink::Withhold() {
  if (record_kinds_ != kNone32 && data_.kinds.size() > record_kinds_) {
    data_.kinds.Truncate(record_kinds_);
  }
  if (record_types_ != kNone32 && data_.link_types.size() > record_types_) {
    data_.link_types.Truncate(record_types_);
  }
  ++file_report_.withheld;
  ++state_.report().withheld;
}

void Sink::Warn(uint64_t line, uint32_t column, std::string message) {
  LoadReport& report = state_.report();
  ++report.warning_count;
  if (report.warnings.size() < state_.options().max_diagnostics) {
    report.warnings.push_back(Diagnostic{file_, line, column, std::move(message)});
  }
}

std::optional<KindId> Sink::ResolveKind(std::string_view name, std::string* error) {
  const std::string_view trimmed = Trim(name);
  if (auto builtin = FindBuiltinKind(trimmed)) return builtin;
  const std::string lower = AsciiLower(trimmed);
  if (!IsKindName(lower)) {
    *error = fmt::format(
        "bad kind {}: a kind is a letter followed by letters, digits, '_' or '-' (at most 64)",
        Quote(trimmed));
    return std::nullopt;
  }
  const uint32_t k = data_.kinds.Intern(lower);
  if (k > 0xFFFE) {
    *error = "too many distinct entity kinds (at most 65535)";
    return std::nullopt;
  }
  return static_cast<KindId>(k);
}

std::optional<LinkTypeId> Sink::ResolveLinkType(std::string_view name, std::string* error) {
  const std::string lower = AsciiLower(Trim(name));
  if (lower.empty()) {
    *error = "empty link type";
    return std::nullopt;
  }
  if (lower.size() > 128 || HasControl(lower)) {
    *error =
        fmt::format("bad link type {}: at most 128 bytes, no control characters", Quote(lower));
    return std::nullopt;
  }
  const uint32_t t = data_.link_types.Intern(lower);
  if (t > 0xFFFE) {
    *error = "too many distinct link types (at most 65535)";
    return std::nullopt;
  }
  return static_cast<LinkTypeId>(t);
}

void Sink::ThrowFull(uint64_t line) {
  throw InputError(
      file_, line, 0,
      fmt::format("a graph holds at most {} entities and {} links", kMaxRecords, kMaxRecords));
}

Sink::~Sink() {
  FlushEndpoints();
  state_.report().links_added += links_added_;
}

EntityId Sink::NewEntity(uint32_t id_index, KindId kind, bool declared) {
  const auto e = static_cast<EntityId>(data_.entities.size());
  EntityRow row;
  row.primary_id = id_index;
  row.canonical = e;
  row.kind = kind;
  row.flags = declared ? kDeclared : 0;
  data_.entities.push_back(row);
  ++state_.report().entities_created;
  if (!declared) ++state_.report().implicit_created;
  return e;
}

EntityId Sink::ImplicitEntity(std::string_view id, uint64_t hash) {
  bool inserted = false;
  const uint32_t idx = data_.ids.Intern(id, hash, &inserted);
  if (!inserted) return data_.EntityOfId(idx);
  const EntityId e = NewEntity(idx, default_kind_, false);
  data_.id_entity.push_back(e);
  return e;
}

EntityId Sink::ImplicitEntity(std::string_view id) {
  return ImplicitEntity(id, InternPool::Hash(id));
}

std::string Sink::DescribeDeclaration(EntityId e) const {
  for (auto it = data_.records.rbegin(); it != data_.records.rend(); ++it) {
    if (data_.Canonical(it->entity) == e) {
      return fmt::format("{}:{}", data_.files.Get(it->file), it->line);
    }
  }
  return "an earlier record";
}

// ---------------------------------------------------------------------------------------------
// Field helpers

namespace {

struct FieldReader {
  Sink& sink;
  const RawRecord& r;
  bool ok = true;

  uint64_t LineOf(const FieldValue& v) const { return v.line ? v.line : r.line; }

  bool Fail(const FieldValue& v, std::string reason) {
    ok = false;
    return sink.Reject(LineOf(v), v.column ? v.column : r.column, std::move(reason));
  }

  // Trimmed text of a field ("" when absent).
  std::string_view Text(Field f) {
    const FieldValue& v = r[f];
    if (!v.present()) return {};
    if (v.type == FieldValue::Type::kText) return Trim(v.text);
    Fail(v, fmt::format("field \"{}\" must be a string, not {}", FieldName(f), Describe(v)));
    return {};
  }

  std::optional<double> Number(Field f) {
    const FieldValue& v = r[f];
    if (!v.present()) return std::nullopt;
    if (v.type == FieldValue::Type::kNumber) return v.number;
    if (v.type == FieldValue::Type::kText && !r.typed) {
      const std::string_view t = Trim(v.text);
      if (t.empty()) return std::nullopt;
      if (auto n = ParseNumber(t)) return n;
      Fail(v, fmt::format("field \"{}\": {} is not a number", FieldName(f), Quote(t)));
      return std::nullopt;
    }
    Fail(v, fmt::format("field \"{}\" must be a number, not {}", FieldName(f), Describe(v)));
    return std::nullopt;
  }

  std::optional<bool> Bool(Field f) {
    const FieldValue& v = r[f];
    if (!v.present()) return std::nullopt;
    if (v.type == FieldValue::Type::kBool) return v.boolean;
    if (v.type == FieldValue::Type::kText && !r.typed) {
      const std::string_view t = Trim(v.text);
      if (t.empty()) return std::nullopt;
      for (std::string_view yes : {"true", "yes", "1", "directed"}) {
        if (EqualsIgnoreCase(t, yes)) return true;
      }
      for (std::string_view no : {"false", "no", "0", "undirected"}) {
        if (EqualsIgnoreCase(t, no)) return false;
      }
      Fail(v, fmt::format("field \"{}\": {} is not true or false", FieldName(f), Quote(t)));
      return std::nullopt;
    }
    Fail(v, fmt::format("field \"{}\" must be true or false, not {}", FieldName(f), Describe(v)));
    return std::nullopt;
  }

  // The record's id, end-point or similar: trimmed, non-empty, no control characters.
  std::string_view Id(Field f, std::string_view missing) {
    const FieldValue& v = r[f];
    if (!v.present()) {
      Fail(v, std::string(missing));
      return {};
    }
    const std::string_view id = Text(f);
    if (!ok) return {};
    const std::string problem = IdProblem(id);
    if (!problem.empty()) {
      Fail(v, fmt::format("field \"{}\": {}", FieldName(f), problem));
      return {};
    }
    return id;
  }

  DateRange Dates() {
    const FieldValue& date = r[Field::kDate];
    const FieldValue& start = r[Field::kStart];
    const FieldValue& end = r[Field::kEnd];
    const std::string_view d = Text(Field::kDate);
    const std::string_view s = Text(Field::kStart);
    const std::string_view e = Text(Field::kEnd);
    if (!ok) return {};
    std::string error;
    if (!d.empty()) {
      if (!s.empty() || !e.empty()) {
        Fail(date, "give either \"date\" or \"start\"/\"end\", not both");
        return {};
      }
      auto range = ParseDate(d, &error);
      if (!range) Fail(date, "field \"date\": " + error);
      return range.value_or(DateRange{});
    }
    if (s.empty() && e.empty()) return {};
    auto range = ParseDateRange(s, e, &error);
    if (!range) {
      // Blame the side that failed to parse, else the end (the interval is reversed).
      const bool start_bad = !s.empty() && !ParseDate(s, nullptr);
      Fail(start_bad ? start : end, error);
      return {};
    }
    return *range;
  }
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Entities

struct Sink::EntityDraft {
  std::string_view id;
  KindId kind = 0;
  std::string_view name;
  std::vector<std::string_view> aliases;
  CountryCode country = kNoCountry;
  DateRange dates;
  std::string_view source;
  CommodityCategory category = CommodityCategory::kNone;
  std::optional<double> quantity;
  std::string_view unit, subtype, make, model, calibre, serial;
};

namespace {
// The first present field that does not belong to this record type, or kCount.
template <typename Belongs>
Field ForeignField(const RawRecord& r, Belongs belongs) {
  for (size_t i = 0; i < kFieldCount; ++i) {
    const auto f = static_cast<Field>(i);
    if (r[f].present() && !belongs(f)) return f;
  }
  return Field::kCount;
}
}  // namespace

bool Sink::Entity(const RawRecord& r) {
  const RecordScope scope(*this);
  FieldReader in{*this, r};
  if (const Field f = ForeignField(r, IsEntityField); f != Field::kCount) {
    return in.Fail(r[f],
                   fmt::format("field \"{}\" does not apply to entity records", FieldName(f)));
  }
  EntityDraft d;
  d.id = in.Id(Field::kId, "entity record without \"id\"");
  if (!in.ok) return false;

  const std::string_view kind_text = in.Text(Field::kKind);
  if (!in.ok) return false;
  d.kind = default_kind_;
  if (!kind_text.empty()) {
    std::string error;
    auto kind = ResolveKind(kind_text, &error);
    if (!kind) return in.Fail(r[Field::kKind], error);
    d.kind = *kind;
  }

  d.name = in.Text(Field::kName);
  if (!in.ok) return false;
  const FieldValue& aliases = r[Field::kAliases];
  if (aliases.type == FieldValue::Type::kText && !r.typed) {
    // CSV: one cell, aliases separated by '|'.
    std::string_view rest = aliases.text;
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      const std::string_view a = Trim(rest.substr(0, bar));
      if (!a.empty()) d.aliases.push_back(a);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
  } else if (aliases.present() && aliases.type != FieldValue::Type::kOther) {
    return in.Fail(aliases, fmt::format("field \"aliases\" must be a list of strings, not {}",
                                        Describe(aliases)));
  }
  for (const AliasValue& a : r.aliases) {
    const std::string_view t = Trim(a.text);
    if (!t.empty()) d.aliases.push_back(t);
  }

  const std::string_view country = in.Text(Field::kCountry);
  if (!in.ok) return false;
  if (!country.empty()) {
    auto code = ParseCountry(country);
    if (!code) {
      return in.Fail(r[Field::kCountry],
                     fmt::format("unknown country code {}: use ISO 3166-1 alpha-2 or alpha-3, "
                                 "e.g. \"CD\" or \"COD\" for DR Congo",
                                 Quote(country)));
    }
    d.country = *code;
  }
  d.dates = in.Dates();
  if (!in.ok) return false;
  d.source = in.Text(Field::kSource);
  if (!in.ok) return false;

  // Kind-specific fields.
  const bool is_commodity = d.kind == ToKindId(EntityKind::kCommodity);
  const bool is_firearm = d.kind == ToKindId(EntityKind::kFirearm);
  const bool is_ammo = d.kind == ToKindId(EntityKind::kAmmunition);
  auto only_for = [&](Field f, bool allowed, std::string_view kinds) -> bool {
    const FieldValue& v = r[f];
    if (!v.present() || allowed) return true;
    if (v.type == FieldValue::Type::kText && Trim(v.text).empty()) return true;
    return in.Fail(v, fmt::format("field \"{}\" applies to {} only; this record's kind is \"{}\"",
                                  FieldName(f), kinds, data_.kinds.Get(d.kind)));
  };
  if (!only_for(Field::kCategory, is_commodity, "commodities") ||
      !only_for(Field::kSubtype, is_commodity, "commodities") ||
      !only_for(Field::kQuantity, is_commodity || is_ammo, "commodities and ammunition") ||
      !only_for(Field::kUnit, is_commodity || is_ammo, "commodities and ammunition") ||
      !only_for(Field::kMake, is_firearm || is_ammo, "firearms and ammunition") ||
      !only_for(Field::kCalibre, is_firearm || is_ammo, "firearms and ammunition") ||
      !only_for(Field::kModel, is_firearm, "firearms") ||
      !only_for(Field::kSerial, is_firearm, "firearms")) {
    return false;
  }
  const std::string_view category = in.Text(Field::kCategory);
  if (!in.ok) return false;
  if (!category.empty()) {
    auto c = ParseCommodityCategory(category);
    if (!c) {
      return in.Fail(r[Field::kCategory],
                     fmt::format("unknown commodity category {}: expected gold, drugs, "
                                 "wildlife, cash, fuel or other",
                                 Quote(category)));
    }
    d.category = *c;
  }
  d.quantity = in.Number(Field::kQuantity);
  if (!in.ok) return false;
  if (d.quantity && !(std::isfinite(*d.quantity) && *d.quantity >= 0)) {
    return in.Fail(r[Field::kQuantity], "field \"quantity\" must be a number >= 0");
  }
  d.unit = in.Text(Field::kUnit);
  d.subtype = in.Text(Field::kSubtype);
  d.make = in.Text(Field::kMake);
  d.model = in.Text(Field::kModel);
  d.calibre = in.Text(Field::kCalibre);
  d.serial = in.Text(Field::kSerial);
  if (!in.ok) return false;
  for (const PropertyDraft& p : r.properties) {
    if (Trim(p.key).empty()) return in.Fail(r[Field::kProperties], "empty property name");
  }
  CheckCapacity(r.line);
  return ApplyEntity(d, r);
}

void Sink::MergeInto(EntityId from, EntityId into, uint64_t line) {
  state_.SaveEntity(from);
  state_.SaveEntity(into);
  EntityRow& src = data_.entities[from];
  EntityRow& dst = data_.entities[into];
  src.canonical = into;
  data_.merges_pending = true;
  dst.flags |= src.flags;
  if (dst.kind == 0) dst.kind = src.kind;
  if (src.name != kNoText) {
    if (dst.name == kNoText) {
      dst.name = src.name;
    } else if (data_.text.Get(src.name) != data_.text.Get(dst.name)) {
      data_.aliases.push_back(AliasRow{into, src.name});
    }
  }
  if (dst.country == kNoCountry) dst.country = src.country;
  if (!dst.dates.dated()) dst.dates = src.dates;
  if (dst.category == CommodityCategory::kNone) dst.category = src.category;
  if (data_.ids.Get(src.primary_id) < data_.ids.Get(dst.primary_id)) {
    dst.primary_id = src.primary_id;
  }
  if (src.firearm != kNone32) {
    if (dst.firearm == kNone32) {
      dst.firearm = src.firearm;
    } else {
      state_.Save(data_.firearms, dst.firearm, state_.mark().firearms);
      FirearmRow& a = data_.firearms[dst.firearm];
      const FirearmRow& b = data_.firearms[src.firearm];
      if (a.model == kNoText) a.model = b.model;
      if (a.calibre == kNoText) a.calibre = b.calibre;
      if (a.make == kNoText) a.make = b.make;
      if (a.serial == kNoText) a.serial = b.serial;
    }
  }
  if (dst.commodity == kNone32) dst.commodity = src.commodity;
  state_.NoteMerge();
  ++state_.report().firearm_merges;
  (void)line;
}

bool Sink::ApplyEntity(const EntityDraft& d, const RawRecord& r) {
  const uint64_t hash = InternPool::Hash(d.id);
  const uint32_t found_idx = data_.ids.Find(d.id, hash);
  const EntityId existing =
      found_idx == InternPool::kNotFound ? kNoEntity : data_.EntityOfId(found_idx);

  const bool is_firearm = d.kind == ToKindId(EntityKind::kFirearm);

  // Conflicts are checked before anything changes, so a rejected record leaves no trace.
  std::string_view make = d.make;
  std::string_view serial = d.serial;
  if (existing != kNoEntity) {
    const EntityRow& row = data_.entities[existing];
    // An implicit entity's kind is only the default assumption: a declaration may change it.
    const bool declared = (row.flags & kDeclared) != 0;
    if (declared && d.kind != 0 && row.kind != 0 && row.kind != d.kind) {
      const FieldValue& kv = r[Field::kKind];
      return Reject(r.line, kv.column ? kv.column : r.column,
                    fmt::format("entity {} has kind {} ({}); this record gives kind {}",
                                Quote(d.id), Quote(data_.kinds.Get(row.kind)),
                                DescribeDeclaration(existing), Quote(data_.kinds.Get(d.kind))));
    }
    // A firearm's make and serial are its identity: a record for a known gun must agree with
    // the ones on file (compared normalised). What it adds completes them, and the resolution
    // key is built from the combined values, so a key never points at a gun of another make.
    if (is_firearm && row.firearm != kNone32) {
      const FirearmRow& f = data_.firearms[row.firearm];
      const std::string_view known_make = data_.text.Get(f.make);
      const std::string_view known_serial = data_.text.Get(f.serial);
      const bool make_differs =
          !make.empty() && !known_make.empty() && NormalizeMake(make) != NormalizeMake(known_make);
      const bool serial_differs = !serial.empty() && !known_serial.empty() &&
                                  NormalizeSerial(serial) != NormalizeSerial(known_serial);
      if (make_differs || serial_differs) {
        const Field field = make_differs ? Field::kMake : Field::kSerial;
        const FieldValue& v = r[field];
        return Reject(
            r.line, v.column ? v.column : r.column,
            fmt::format("firearm {} has {} {} ({}); this record gives {}", Quote(d.id),
                        FieldName(field), Quote(make_differs ? known_make : known_serial),
                        DescribeDeclaration(existing), Quote(make_differs ? make : serial)));
      }
      if (make.empty()) make = known_make;
      if (serial.empty()) serial = known_serial;
    }
  }
  const std::string key = is_firearm ? FirearmKey(make, serial) : std::string{};
  uint32_t key_idx = InternPool::kNotFound;
  EntityId keyed = kNoEntity;
  if (!key.empty()) {
    key_idx = data_.firearm_keys.Find(key);
    if (key_idx != InternPool::kNotFound) keyed = data_.Canonical(data_.key_entity[key_idx]);
  }

  uint32_t id_idx = found_idx;
  EntityId target;
  if (existing == kNoEntity) {
    id_idx = data_.ids.Intern(d.id, hash);
    if (keyed != kNoEntity) {
      target = keyed;
      data_.id_entity.push_back(target);
      data_.ids_are_entities = false;  // an alias id: id index and entity part ways
      state_.SaveEntity(target);
      ++state_.report().firearm_merges;
    } else {
      target = NewEntity(id_idx, d.kind, true);
      data_.id_entity.push_back(target);
    }
  } else {
    target = existing;
    state_.SaveEntity(target);
    if (keyed != kNoEntity && keyed != existing) {
      MergeInto(existing, keyed, r.line);
      target = keyed;
    }
  }

  EntityRow& row = data_.entities[target];
  if (row.kind == 0 || ((row.flags & kDeclared) == 0 && d.kind != 0)) row.kind = d.kind;
  row.flags |= kDeclared;
  if (data_.ids.Get(id_idx) < data_.ids.Get(row.primary_id)) row.primary_id = id_idx;

  const std::string_view shown_id = data_.ids.Get(row.primary_id);
  auto conflict = [&](std::string_view what, const std::string& kept, const std::string& given) {
    // Point at the field that disagrees when the reader said where it was.
    uint32_t column = r.column;
    if (auto f = FieldByName(what == "date" ? "date" : std::string(what))) {
      const FieldValue& v = r[*f];
      if (v.column != 0) column = v.column;
      if (what == "date" && v.column == 0 && r[Field::kStart].column != 0) {
        column = r[Field::kStart].column;
      }
    }
    Warn(r.line, column,
         fmt::format("entity {}: {} {} kept, this record gives {}", Quote(shown_id), what,
                     Quote(kept), Quote(given)));
  };

  if (!d.name.empty()) {
    if (row.name == kNoText) {
      row.name = Text(d.name);
    } else if (data_.text.Get(row.name) != d.name) {
      data_.aliases.push_back(AliasRow{target, Text(d.name)});
    }
  }
  for (std::string_view a : d.aliases) data_.aliases.push_back(AliasRow{target, Text(a)});
  if (d.country != kNoCountry) {
    if (row.country == kNoCountry) {
      row.country = d.country;
    } else if (row.country != d.country) {
      conflict("country", CountryToString(row.country), CountryToString(d.country));
    }
  }
  if (d.dates.dated()) {
    if (!row.dates.dated()) {
      row.dates = d.dates;
    } else if (row.dates != d.dates) {
      conflict("date", FormatDateRange(row.dates), FormatDateRange(d.dates));
    }
  }
  if (d.category != CommodityCategory::kNone) {
    if (row.category == CommodityCategory::kNone) {
      row.category = d.category;
    } else if (row.category != d.category) {
      conflict("category", std::string(CommodityCategoryName(row.category)),
               std::string(CommodityCategoryName(d.category)));
    }
  }

  // Weapon details (firearms and ammunition).
  const bool has_weapon_fields =
      !d.make.empty() || !d.model.empty() || !d.calibre.empty() || !d.serial.empty();
  if (has_weapon_fields || is_firearm) {
    if (row.firearm == kNone32) {
      row.firearm = static_cast<uint32_t>(data_.firearms.size());
      data_.firearms.push_back(FirearmRow{target});
    } else {
      state_.Save(data_.firearms, row.firearm, state_.mark().firearms);
    }
    FirearmRow& f = data_.firearms[row.firearm];
    auto fill = [&](uint32_t& slot, std::string_view value, std::string_view what) {
      if (value.empty()) return;
      if (slot == kNoText) {
        slot = Text(value);
      } else if (what == "make" ? NormalizeMake(data_.text.Get(slot)) != NormalizeMake(value)
                                : what != "serial" && data_.text.Get(slot) != value) {
        // Makes are compared the way resolution compares them ("GLOCK" is "Glock"); a serial
        // that differs only in how it is written is the same serial (the record keeps its own).
        conflict(what, std::string(data_.text.Get(slot)), std::string(value));
      }
    };
    fill(f.make, d.make, "make");
    fill(f.model, d.model, "model");
    fill(f.calibre, d.calibre, "calibre");
    fill(f.serial, d.serial, "serial");
    if (!key.empty() && f.key == kNone32) {
      if (key_idx == InternPool::kNotFound) {
        key_idx = data_.firearm_keys.Intern(key);
        data_.key_entity.push_back(target);
      }
      f.key = key_idx;
    }
  }

  // Quantities (commodities and ammunition).
  if (d.quantity || !d.unit.empty() || !d.subtype.empty()) {
    if (row.commodity == kNone32) {
      row.commodity = static_cast<uint32_t>(data_.commodities.size());
      data_.commodities.push_back(CommodityRow{target});
    } else {
      state_.Save(data_.commodities, row.commodity, state_.mark().commodities);
    }
    CommodityRow& c = data_.commodities[row.commodity];
    if (d.quantity) {
      if (std::isnan(c.quantity)) {
        c.quantity = *d.quantity;
      } else if (c.quantity != *d.quantity) {
        conflict("quantity", fmt::format("{}", c.quantity), fmt::format("{}", *d.quantity));
      }
    }
    if (!d.unit.empty()) {
      if (c.unit == kNoText) {
        c.unit = Text(d.unit);
      } else if (data_.text.Get(c.unit) != d.unit) {
        conflict("unit", std::string(data_.text.Get(c.unit)), std::string(d.unit));
      }
    }
    if (!d.subtype.empty()) {
      if (c.subtype == kNoText) {
        c.subtype = Text(d.subtype);
      } else if (data_.text.Get(c.subtype) != d.subtype) {
        conflict("subtype", std::string(data_.text.Get(c.subtype)), std::string(d.subtype));
      }
    }
  }

  for (const PropertyDraft& p : r.properties) {
    PropertyRow row_p;
    row_p.owner = target;
    row_p.key = data_.property_keys.Intern(Trim(p.key));
    row_p.type = p.type;
    row_p.text = p.type == PropertyType::kString ? data_.text.Add(p.text) : kNoText;
    row_p.number = p.number;
    row_p.date = p.date;
    data_.entity_props.push_back(row_p);
  }

  RecordRow rec;
  rec.entity = target;
  rec.id = id_idx;
  rec.source = d.source.empty() ? kNone32 : data_.sources.Intern(d.source);
  rec.file = file_id_;
  rec.line = r.line;
  rec.serial = Text(d.serial);
  data_.records.push_back(rec);
  ++file_report_.entity_records;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Links

bool Sink::Link(const RawRecord& r) {
  const RecordScope scope(*this);
  FieldReader in{*this, r};
  if (const Field f = ForeignField(r, IsLinkField); f != Field::kCount) {
    return in.Fail(r[f], fmt::format("field \"{}\" does not apply to link records", FieldName(f)));
  }
  const std::string_view from = in.Id(Field::kFrom, "link without \"from\"");
  if (!in.ok) return false;
  const std::string_view to = in.Id(Field::kTo, "link without \"to\"");
  if (!in.ok) return false;

  LinkTypeId type = default_link_type_;
  const std::string_view type_text = in.Text(Field::kType);
  if (!in.ok) return false;
  if (!type_text.empty()) {
    std::string error;
    auto t = ResolveLinkType(type_text, &error);
    if (!t) return in.Fail(r[Field::kType], error);
    type = *t;
  }
  auto directed = in.Bool(Field::kDirected);
  if (!in.ok) return false;
  const bool is_directed = directed.value_or(DefaultDirected(data_.link_types.Get(type)));

  double weight = 1.0;
  if (auto w = in.Number(Field::kWeight)) {
    if (!(std::isfinite(*w) && *w > 0)) {
      return in.Fail(r[Field::kWeight],
                     fmt::format("weight must be a number > 0 (a strength), got {}", *w));
    }
    weight = *w;
  }
  if (!in.ok) return false;
  const DateRange dates = in.Dates();
  if (!in.ok) return false;
  const std::string_view source = in.Text(Field::kSource);
  if (!in.ok) return false;

  Grade grade;
  const std::string_view grade_text = in.Text(Field::kGrade);
  if (!in.ok) return false;
  if (!grade_text.empty()) {
    auto g = Grade::Parse(grade_text);
    if (!g) {
      return in.Fail(r[Field::kGrade],
                     fmt::format("bad grade {}: expected source reliability A-F followed by "
                                 "information credibility 1-6, e.g. \"B2\"",
                                 Quote(grade_text)));
    }
    grade = *g;
  }
  uint8_t handling = kNoHandlingCode;
  if (auto h = in.Number(Field::kHandling)) {
    if (!(*h >= 1 && *h <= kMaxHandlingCode && *h == std::floor(*h))) {
      return in.Fail(r[Field::kHandling],
                     fmt::format("handling code must be a whole number 1-5, got {}", *h));
    }
    handling = static_cast<uint8_t>(*h);
  }
  if (!in.ok) return false;
  const std::string_view link_id = in.Text(Field::kId);
  if (!in.ok) return false;
  for (const PropertyDraft& p : r.properties) {
    if (Trim(p.key).empty()) return in.Fail(r[Field::kProperties], "empty property name");
  }
  if (options().max_handling != kNoHandlingCode && handling > options().max_handling) {
    // Withheld: a valid record that this load must not see (nor the ids only it names).
    Withhold();
    return true;
  }
  CheckCapacity(r.line);
  FlushEndpoints();

  const EntityId a = ImplicitEntity(from);
  const EntityId b = ImplicitEntity(to);
  const auto l = static_cast<LinkId>(data_.from.size());
  data_.from.push_back(a);
  data_.to.push_back(b);
  data_.type.push_back(type);
  data_.flags.push_back(is_directed ? kDirected : 0);
  data_.grade.push_back(grade.code);
  data_.handling.push_back(handling);
  data_.weight.push_back(weight);
  data_.date_lo.push_back(dates.lo);
  data_.date_hi.push_back(dates.hi);
  data_.source.push_back(source.empty() ? kNone32 : data_.sources.Intern(source));
  if (!link_id.empty()) data_.link_ids.push_back(LinkExternalIdRow{l, data_.text.Add(link_id)});
  for (const PropertyDraft& p : r.properties) {
    PropertyRow row_p;
    row_p.owner = l;
    row_p.key = data_.property_keys.Intern(Trim(p.key));
    row_p.type = p.type;
    row_p.text = p.type == PropertyType::kString ? data_.text.Add(p.text) : kNoText;
    row_p.number = p.number;
    row_p.date = p.date;
    data_.link_props.push_back(row_p);
  }
  ++file_report_.links;
  ++links_added_;
  return true;
}

}  // namespace linkscope::detail
