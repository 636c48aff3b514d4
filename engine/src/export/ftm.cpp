// FollowTheMoney entity streams: one {"id", "schema", "properties": {name: [values]}} per line,
// entities (things) first, then links as interval entities. The mapping mirrors the FtM reader's
// tables (ingest/ftm_schema.hpp), so `linkscope stats out.ftm.json` reads the export back with
// the same entities, ids, names, countries, dates, sources and, where FtM has an interval
// schema for it, link types. docs/export.md has the table.
#include <fmt/format.h>

#include <unordered_map>
#include <utility>

#include "export/export_common.hpp"
#include "export/json_lines_out.hpp"
#include "ingest/ftm_schema.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {
namespace {

using Writer = JsonLinesOut::Writer;

// Properties of one FtM entity: multi-valued, in order of first use.
class FtmProperties {
 public:
  void Add(std::string_view key, std::string value) {
    if (value.empty()) return;
    for (auto& [k, values] : props_) {
      if (k != key) continue;
      // FtM values are sets.
      for (const std::string& v : values) {
        if (v == value) return;
      }
      values.push_back(std::move(value));
      return;
    }
    props_.emplace_back(std::string(key), std::vector<std::string>{std::move(value)});
  }
  void Add(std::string_view key, std::string_view value) { Add(key, std::string(value)); }
  void Write(Writer& w) const {
    w.StartObject();
    for (const auto& [key, values] : props_) {
      w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
      w.StartArray();
      for (const std::string& v : values) {
        w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
      }
      w.EndArray();
    }
    w.EndObject();
  }

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> props_;
};

void WriteEntity(Writer& w, std::string_view id, std::string_view schema,
                 const FtmProperties& props) {
  w.StartObject();
  w.Key("id");
  w.String(id.data(), static_cast<rapidjson::SizeType>(id.size()));
  w.Key("schema");
  w.String(schema.data(), static_cast<rapidjson::SizeType>(schema.size()));
  w.Key("properties");
  props.Write(w);
  w.EndObject();
}

// The FtM schema of a linkscope kind (docs/export.md). Thing is abstract in FtM, so things that
// are not persons, organisations, places, vehicles, accounts, documents or events are Assets.
std::string_view SchemaOfKind(KindId kind) {
  switch (static_cast<EntityKind>(kind)) {
    case EntityKind::kPerson:
      return "Person";
    case EntityKind::kOrganization:
      return "Organization";
    case EntityKind::kLocation:
      return "Address";
    case EntityKind::kVehicle:
      return "Vehicle";
    case EntityKind::kAccount:
      return "BankAccount";
    case EntityKind::kPhone:
      return "UserAccount";
    case EntityKind::kDocument:
      return "Document";
    case EntityKind::kEvent:
    case EntityKind::kSeizure:
    case EntityKind::kCase:
      return "Event";
    case EntityKind::kUnknown:
      return "LegalEntity";
    case EntityKind::kFirearm:
    case EntityKind::kAmmunition:
    case EntityKind::kCommodity:
      return "Asset";
  }
  return "Asset";  // user kinds
}

// A text property an entity of the model may carry, or "".
std::string_view StringProperty(std::span<const Property> props, std::string_view key) {
  for (const Property& p : props) {
    if (p.key == key && p.value.type == PropertyValue::Type::kString) return p.value.text;
  }
  return {};
}

// A phone's name as an FtM phone number: only digits, blanks and + - ( ) . and at least five
// digits.
bool PhoneLike(std::string_view s) {
  int digits = 0;
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.') {
      return false;
    }
  }
  return digits >= 5;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Dates where the schema's FtM properties take them (the reader's table); an interval on a
// schema with a single date property, or a schema without dates, gets date/startDate/endDate
// (the reader's choice for schemata it does not know).
void AddDates(FtmProperties& out, const DateRange& r, std::string_view date, std::string_view start,
              std::string_view end) {
  if (!r.dated()) return;
  const std::string single = SingleDateText(r);
  if (!single.empty() && !date.empty()) {
    out.Add(date, single);
    return;
  }
  if (start.empty() && end.empty()) {
    if (!single.empty()) {
      out.Add(kFtmIntervalDate, single);
      return;
    }
    start = kFtmIntervalStart;
    end = kFtmIntervalEnd;
  }
  if (!start.empty()) out.Add(start, StartText(r));
  if (!end.empty()) out.Add(end, EndText(r));
}

// Free properties under their own names, except: ftm_schema (it is the schema), and names the
// reader takes as references to other entities (a text "owner" would become a link); those go
// into `notes` as "key: value".
void AddFree(FtmProperties& out, std::span<const Property> props,
             std::span<const std::string_view> reserved, std::string_view notes) {
  for (const Property& p : props) {
    if (p.key == kFtmSchemaProperty) continue;
    bool clash = FtmReferenceOf(p.key) != nullptr;
    for (std::string_view r : reserved) clash = clash || p.key == r;
    if (clash) {
      out.Add(notes, fmt::format("{}: {}", p.key, PropertyText(p.value)));
    } else {
      out.Add(p.key, PropertyText(p.value));
    }
  }
}

void EntityProperties(const ExportSet& x, VertexId v, std::string_view* schema_out,
                      FtmProperties& out) {
  const Model& m = *x.m;
  const EntityId e = x.s->Entity(v);
  const KindId kind = m.Kind(e);
  const std::vector<Property> props = m.Properties(e);
  // An entity read from FtM goes back as its schema.
  std::string_view schema = StringProperty(props, kFtmSchemaProperty);
  if (schema.empty() || FtmIntervalOf(schema) != nullptr) schema = SchemaOfKind(kind);
  *schema_out = schema;
  const FtmThing* known = FtmThingOf(schema);
  const FtmThing& thing = known ? *known : kFtmUnknownThing;

  // Name: the entity's, else a firearm's make and model, else the id (FtM requires one).
  std::string name(m.Name(e));
  const std::optional<FirearmInfo> gun =
      TakesFirearmFields(kind) || IsAmmunition(kind) ? m.Firearm(e) : std::nullopt;
  if (name.empty() && gun && TakesFirearmFields(kind)) {
    name = fmt::format("{} {}", gun->make, gun->model);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  }
  if (name.empty()) name = std::string(m.ExternalId(e));
  out.Add(kFtmNameProperty, name);
  if (schema == "Address") out.Add("full", name);
  if (schema == "Document") out.Add("title", name);
  if (kind == ToKindId(EntityKind::kPhone) && PhoneLike(name)) out.Add("number", name);
  for (std::string_view a : m.Aliases(e)) out.Add(kFtmAliasProperties[0], a);
  out.Add(kFtmCountryProperties[0], Lower(m.Country(e)));
  AddDates(out, m.Dates(e), thing.date, thing.start, thing.end);
  for (const EntityRecord& r : m.Records(e)) out.Add(kFtmSourceProperties[0], r.source);

  // What FtM has no field for: a description FtM tools show, and linkscope's field names.
  if (kind == ToKindId(EntityKind::kSeizure)) out.Add("summary", std::string_view("seizure"));
  if (kind == ToKindId(EntityKind::kCase)) out.Add("summary", std::string_view("case"));
  if (gun) {
    std::string description(gun->make);
    if (TakesFirearmFields(kind) && !gun->model.empty()) {
      description += description.empty() ? "" : " ";
      description += gun->model;
    }
    if (!gun->calibre.empty()) description += fmt::format(", {}", gun->calibre);
    if (TakesFirearmFields(kind) && !gun->serial.empty()) {
      description += fmt::format(", serial {}", gun->serial);
    }
    if (TakesFirearmFields(kind)) out.Add("description", description);
    out.Add("make", gun->make);
    if (TakesFirearmFields(kind)) out.Add("model", gun->model);
    out.Add("calibre", gun->calibre);
    if (TakesFirearmFields(kind)) out.Add("registrationNumber", gun->serial);
  }
  if (IsCommodity(kind) || IsAmmunition(kind)) {
    const std::optional<CommodityInfo> c = m.Commodity(e);
    const std::string_view category =
        IsCommodity(kind) ? CommodityCategoryName(c ? c->category : m.Category(e)) : "";
    std::string description;
    if (c && c->quantity) description = NumberText(*c->quantity);
    auto word = [&](std::string_view w) {
      if (w.empty()) return;
      if (!description.empty()) description += ' ';
      description += w;
    };
    if (c) word(c->unit);
    if (IsAmmunition(kind) && gun) word(gun->calibre);
    word(IsAmmunition(kind) ? std::string_view("ammunition") : category);
    if (c && !c->subtype.empty()) description += fmt::format(" ({})", c->subtype);
    out.Add("description", description);
    out.Add("category", category);
    if (c && c->quantity) out.Add("quantity", NumberText(*c->quantity));
    if (c) out.Add("unit", c->unit);
    if (c) out.Add("subtype", c->subtype);
  }
  if (x.has_communities()) out.Add("community", fmt::format("{}", x.communities[v]));
  AddFree(out, props, {}, "notes");

  // The kind, when the schema does not give it back on reading.
  const std::string_view kind_name = m.KindName(e);
  const std::string read_back = known ? std::string(thing.kind) : Lower(std::string(schema));
  if (read_back != kind_name) {
    out.Add("linkscope_kind", kind_name);
    const bool builtin = kind < kBuiltinKindCount;
    if (kind == ToKindId(EntityKind::kUnknown) || !builtin) {
      out.Add("ftm_note", fmt::format("linkscope kind \"{}\" has no FollowTheMoney schema; "
                                      "written as {}",
                                      kind_name, schema));
    }
  }
}

// The interval schema of a link type: the reader's table read backwards (CourtCaseParty only
// for a party to a case), UnknownLink for every other type.
const FtmInterval& IntervalOf(const Model& m, LinkId l) {
  static constexpr FtmInterval kUnknown{"UnknownLink", "link", "subject", "object"};
  const std::vector<Property> props = m.LinkProperties(l);
  const std::string_view given = StringProperty(props, kFtmSchemaProperty);
  if (const FtmInterval* i = given.empty() ? nullptr : FtmIntervalOf(given)) return *i;
  const std::string_view type = m.TypeName(l);
  for (const FtmInterval& i : FtmIntervals()) {
    if (i.link_type != type) continue;
    if (i.schema == std::string_view("CourtCaseParty") &&
        m.Kind(m.To(l)) != ToKindId(EntityKind::kCase)) {
      continue;
    }
    if (i.schema == kUnknown.schema) break;
    return i;
  }
  return kUnknown;
}

uint64_t Fnv1a(uint64_t h, std::string_view s) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= 0x1f;  // field separator
  h *= 0x100000001b3ULL;
  return h;
}

// A link without an id of its own gets one from what it says, stable from run to run; links
// that say exactly the same thing are told apart by their order.
std::string LinkFtmId(const Model& m, LinkId l, std::unordered_map<uint64_t, uint32_t>& seen) {
  const std::string_view own = m.LinkExternalId(l);
  if (!own.empty()) return std::string(own);
  uint64_t h = 0xcbf29ce484222325ULL;
  h = Fnv1a(h, m.ExternalId(m.From(l)));
  h = Fnv1a(h, m.ExternalId(m.To(l)));
  h = Fnv1a(h, m.TypeName(l));
  h = Fnv1a(h, FormatDateRange(m.LinkDates(l)));
  h = Fnv1a(h, m.Source(l));
  h = Fnv1a(h, m.LinkGrade(l).ToString());
  h = Fnv1a(h, NumberText(m.Weight(l)));
  for (const Property& p : m.LinkProperties(l)) {
    h = Fnv1a(h, p.key);
    h = Fnv1a(h, PropertyText(p.value));
  }
  const uint32_t n = seen[h]++;
  return n == 0 ? fmt::format("link-{:016x}", h) : fmt::format("link-{:016x}-{}", h, n);
}

}  // namespace

ExportReport WriteFtm(const ExportSet& x, const std::string& path) {
  const Snapshot& s = *x.s;
  const Model& m = *x.m;
  JsonLinesOut out(path);
  Writer& w = out.w();
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    FtmProperties props;
    std::string_view schema;
    EntityProperties(x, v, &schema, props);
    WriteEntity(w, s.ExternalId(v), schema, props);
    out.EndLine();
  }
  std::unordered_map<uint64_t, uint32_t> seen;
  if (x.derived()) {
    // A projection's edges say who shares neighbours, with how many: UnknownLinks.
    for (size_t i = 0; i < x.derived_edges.size(); ++i) {
      const DerivedEdge& d = x.derived_edges[i];
      FtmProperties props;
      props.Add("subject", s.ExternalId(d.a));
      props.Add("object", s.ExternalId(d.b));
      props.Add("role", kProjectedType);
      props.Add("weight", NumberText(d.weight));
      WriteEntity(w, fmt::format("projected-{}", i), "UnknownLink", props);
      out.EndLine();
    }
  }
  for (const LinkId l : x.links) {
    const FtmInterval& interval = IntervalOf(m, l);
    const std::string_view type = m.TypeName(l);
    FtmProperties props;
    props.Add(interval.from_property, m.ExternalId(m.From(l)));
    props.Add(interval.to_property, m.ExternalId(m.To(l)));
    if (interval.schema == std::string_view("UnknownLink")) props.Add("role", type);
    AddDates(props, m.LinkDates(l), kFtmIntervalDate, kFtmIntervalStart, kFtmIntervalEnd);
    props.Add(kFtmSourceProperties[0], m.Source(l));
    props.Add("grade", m.LinkGrade(l).ToString());
    if (m.Handling(l) != kNoHandlingCode) props.Add("handling", fmt::format("{}", m.Handling(l)));
    if (m.Weight(l) != 1.0) props.Add("weight", NumberText(m.Weight(l)));
    if (m.Directed(l) != FtmLinkDirected(interval.link_type)) {
      props.Add("directed", std::string_view(m.Directed(l) ? "true" : "false"));
    }
    if (interval.link_type != type && interval.schema != std::string_view("UnknownLink")) {
      props.Add("linkscope_type", type);
    }
    const std::string_view ends[2] = {interval.from_property, interval.to_property};
    AddFree(props, m.LinkProperties(l), ends, "description");
    WriteEntity(w, LinkFtmId(m, l, seen), interval.schema, props);
    out.EndLine();
  }
  out.Close();
  return OneFileReport(x, path);
}

}  // namespace linkscope::detail
