// linkscope JSON Lines: the project's own input format, written so that loading it gives the same
// case (docs/export.md). One entity record per record an entity was built from, then the links.

#include "export/export_common.hpp"
#include "export/json_lines_out.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {
namespace {

using Writer = JsonLinesOut::Writer;

void Key(Writer& w, std::string_view k) {
  w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
}
void Str(Writer& w, std::string_view v) {
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}
// A text field, left out when empty (the reader reads an absent and an empty field alike).
void Text(Writer& w, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  Key(w, key);
  Str(w, value);
}

void Dates(Writer& w, const DateRange& r) {
  if (!r.dated()) return;
  const std::string single = SingleDateText(r);
  if (!single.empty()) {
    Text(w, "date", single);
    return;
  }
  Text(w, "start", StartText(r));
  Text(w, "end", EndText(r));
}

void Properties(Writer& w, std::span<const Property> props) {
  if (props.empty()) return;
  Key(w, "properties");
  w.StartObject();
  for (const Property& p : props) {
    Key(w, p.key);
    switch (p.value.type) {
      case PropertyValue::Type::kString:
        Str(w, p.value.text);
        break;
      case PropertyValue::Type::kNumber:
        w.Double(p.value.number);
        break;
      case PropertyValue::Type::kDate: {
        const std::string single = SingleDateText(p.value.date);
        if (single.empty()) {
          // Only the API can make a dated property that no date text names; keep its text.
          Str(w, FormatDateRange(p.value.date));
        } else {
          w.StartObject();
          Key(w, "date");
          Str(w, single);
          w.EndObject();
        }
        break;
      }
    }
  }
  w.EndObject();
}

void EntityRecordLine(Writer& w, const Model& m, EntityId e, const EntityLine& line) {
  const KindId kind = m.Kind(e);
  w.StartObject();
  Text(w, "record", "entity");
  Text(w, "id", line.id);
  Text(w, "kind", m.KindName(e));
  if (line.full) {
    Text(w, "name", m.Name(e));
    const std::vector<std::string_view> aliases = m.Aliases(e);
    if (!aliases.empty()) {
      Key(w, "aliases");
      w.StartArray();
      for (std::string_view a : aliases) Str(w, a);
      w.EndArray();
    }
    Text(w, "country", m.Country(e));
    Dates(w, m.Dates(e));
  }
  Text(w, "source", line.source);
  if (line.full && (IsCommodity(kind) || IsAmmunition(kind))) {
    if (const std::optional<CommodityInfo> c = m.Commodity(e)) {
      if (IsCommodity(kind)) Text(w, "category", CommodityCategoryName(c->category));
      if (c->quantity) {
        Key(w, "quantity");
        w.Double(*c->quantity);
      }
      Text(w, "unit", c->unit);
      if (IsCommodity(kind)) Text(w, "subtype", c->subtype);
    } else if (IsCommodity(kind)) {
      Text(w, "category", CommodityCategoryName(m.Category(e)));
    }
  }
  if (TakesFirearmFields(kind) || IsAmmunition(kind)) {
    if (const std::optional<FirearmInfo> f = m.Firearm(e)) {
      // Every record that wrote a serial names the make too, so it resolves to the same gun.
      if (line.full || !line.serial.empty()) Text(w, "make", f->make);
      if (line.full && TakesFirearmFields(kind)) Text(w, "model", f->model);
      if (line.full) Text(w, "calibre", f->calibre);
      if (TakesFirearmFields(kind)) Text(w, "serial", line.serial);
    }
  }
  Properties(w, line.properties);
  w.EndObject();
}

void LinkLine(Writer& w, const Model& m, LinkId l) {
  w.StartObject();
  Text(w, "record", "link");
  Text(w, "from", m.ExternalId(m.From(l)));
  Text(w, "to", m.ExternalId(m.To(l)));
  Text(w, "type", m.TypeName(l));
  Key(w, "directed");
  w.Bool(m.Directed(l));
  if (m.Weight(l) != 1.0) {
    Key(w, "weight");
    w.Double(m.Weight(l));
  }
  Dates(w, m.LinkDates(l));
  Text(w, "source", m.Source(l));
  Text(w, "grade", m.LinkGrade(l).ToString());
  if (m.Handling(l) != kNoHandlingCode) {
    Key(w, "handling");
    w.Uint(m.Handling(l));
  }
  Text(w, "id", m.LinkExternalId(l));
  Properties(w, m.LinkProperties(l));
  w.EndObject();
}

}  // namespace

ExportReport WriteJsonLines(const ExportSet& x, const std::string& path) {
  const Snapshot& s = *x.s;
  const Model& m = *x.m;
  JsonLinesOut out(path);
  Writer& w = out.w();
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const EntityId e = s.Entity(v);
    for (const EntityLine& line : PlanEntityLines(x, v)) {
      EntityRecordLine(w, m, e, line);
      out.EndLine();
    }
  }
  if (x.derived()) {
    for (const DerivedEdge& d : x.derived_edges) {
      w.StartObject();
      Text(w, "record", "link");
      Text(w, "from", s.ExternalId(d.a));
      Text(w, "to", s.ExternalId(d.b));
      Text(w, "type", kProjectedType);
      Key(w, "directed");
      w.Bool(false);
      Key(w, "weight");
      w.Double(d.weight);
      w.EndObject();
      out.EndLine();
    }
  } else {
    for (const LinkId l : x.links) {
      LinkLine(w, m, l);
      out.EndLine();
    }
  }
  out.Close();
  return OneFileReport(x, path);
}

}  // namespace linkscope::detail
