#include "export/attributes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {
namespace {

constexpr std::string_view kNodeNames[kNodeBuiltins] = {
    "label", "kind",     "name",    "aliases",  "country",  "date", "start",
    "end",   "implicit", "source",  "category", "quantity", "unit", "subtype",
    "make",  "model",    "calibre", "serial",   "community"};
constexpr AttrType kNodeTypes[kNodeBuiltins] = {
    AttrType::kString, AttrType::kString, AttrType::kString, AttrType::kString, AttrType::kString,
    AttrType::kString, AttrType::kString, AttrType::kString, AttrType::kBool,   AttrType::kString,
    AttrType::kString, AttrType::kDouble, AttrType::kString, AttrType::kString, AttrType::kString,
    AttrType::kString, AttrType::kString, AttrType::kString, AttrType::kInt};

constexpr std::string_view kEdgeNames[kEdgeBuiltins] = {
    "type",   "directed", "weight",   "date",    "start",     "end",
    "source", "grade",    "handling", "link_id", "confidence"};
constexpr AttrType kEdgeTypes[kEdgeBuiltins] = {
    AttrType::kString, AttrType::kBool,   AttrType::kDouble, AttrType::kString,
    AttrType::kString, AttrType::kString, AttrType::kString, AttrType::kString,
    AttrType::kInt,    AttrType::kString, AttrType::kDouble};

void Put(std::vector<AttrValue>* out, uint32_t attr, std::string text) {
  if (text.empty()) return;
  out->push_back(AttrValue{attr, std::move(text)});
}
void Put(std::vector<AttrValue>* out, uint32_t attr, std::string_view text) {
  Put(out, attr, std::string(text));
}
std::string Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

AttrTables::AttrTables(const ExportSet& x) : x_(x) {
  for (uint32_t i = 0; i < kNodeBuiltins; ++i) {
    node_.push_back(AttrDef{std::string(kNodeNames[i]), kNodeTypes[i], false});
  }
  for (uint32_t i = 0; i < kEdgeBuiltins; ++i) {
    edge_.push_back(AttrDef{std::string(kEdgeNames[i]), kEdgeTypes[i], false});
  }
  const Snapshot& s = *x.s;
  const Model& m = *x.m;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const EntityId e = s.Entity(v);
    any_implicit_ = any_implicit_ || m.Implicit(e);
    Collect(m.Properties(e), true);
  }
  for (const LinkId l : x.links) Collect(m.LinkProperties(l), false);
  for (auto& [key, info] : node_props_) {
    if (info.numeric) node_[info.attr].type = AttrType::kDouble;
  }
  for (auto& [key, info] : edge_props_) {
    if (info.numeric) edge_[info.attr].type = AttrType::kDouble;
  }
  std::vector<AttrValue> values;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    NodeValues(v, &values);
    for (const AttrValue& a : values) node_[a.attr].used = true;
  }
  for (size_t i = 0; i < x.link_count(); ++i) {
    EdgeValues(i, &values);
    for (const AttrValue& a : values) edge_[a.attr].used = true;
  }
}

void AttrTables::Collect(std::span<const Property> props, bool node) {
  auto& map = node ? node_props_ : edge_props_;
  auto& defs = node ? node_ : edge_;
  const uint32_t builtins = node ? uint32_t{kNodeBuiltins} : uint32_t{kEdgeBuiltins};
  for (size_t i = 0; i < props.size(); ++i) {
    const Property& p = props[i];
    auto [it, fresh] = map.try_emplace(p.key);
    if (fresh) {
      it->second.attr = static_cast<uint32_t>(defs.size());
      std::string name(p.key);
      for (uint32_t b = 0; b < builtins; ++b) {
        if (defs[b].name == name) name = "property:" + name;
      }
      defs.push_back(AttrDef{std::move(name), AttrType::kString, false});
    }
    bool repeated = false;
    for (size_t j = 0; j < i; ++j) repeated = repeated || props[j].key == p.key;
    // Several values on one element are written joined, as a string.
    if (repeated || p.value.type != PropertyValue::Type::kNumber) it->second.numeric = false;
  }
}

void AttrTables::AddProperties(std::span<const Property> props, bool node,
                               std::vector<AttrValue>* out) const {
  const auto& map = node ? node_props_ : edge_props_;
  const size_t first = out->size();
  for (const Property& p : props) {
    out->push_back(AttrValue{map.at(p.key).attr, PropertyText(p.value)});
  }
  // By attribute, values of the same attribute joined in order.
  std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const AttrValue& a, const AttrValue& b) { return a.attr < b.attr; });
  size_t w = first;
  for (size_t r = first; r < out->size(); ++r) {
    if (w > first && (*out)[w - 1].attr == (*out)[r].attr) {
      (*out)[w - 1].text += '|';
      (*out)[w - 1].text += (*out)[r].text;
    } else {
      if (w != r) (*out)[w] = std::move((*out)[r]);
      ++w;
    }
  }
  out->resize(w);
}

void AttrTables::NodeValues(VertexId v, std::vector<AttrValue>* out) const {
  out->clear();
  const Model& m = *x_.m;
  const EntityId e = x_.s->Entity(v);
  const KindId kind = m.Kind(e);
  const std::string_view name = m.Name(e);
  Put(out, kNodeLabel, name.empty() ? m.ExternalId(e) : name);
  Put(out, kNodeKind, m.KindName(e));
  Put(out, kNodeName, name);
  std::string joined;
  for (std::string_view a : m.Aliases(e)) {
    if (!joined.empty()) joined += '|';
    joined += a;
  }
  Put(out, kNodeAliases, std::move(joined));
  Put(out, kNodeCountry, m.Country(e));
  const DateRange dates = m.Dates(e);
  Put(out, kNodeDate, FormatDateRange(dates));
  Put(out, kNodeStart, StartText(dates));
  Put(out, kNodeEnd, EndText(dates));
  if (any_implicit_) Put(out, kNodeImplicit, Bool(m.Implicit(e)));
  std::vector<std::string_view> sources;
  for (const EntityRecord& r : m.Records(e)) {
    if (!r.source.empty() && std::find(sources.begin(), sources.end(), r.source) == sources.end()) {
      sources.push_back(r.source);
    }
  }
  joined.clear();
  for (std::string_view src : sources) {
    if (!joined.empty()) joined += '|';
    joined += src;
  }
  Put(out, kNodeSource, std::move(joined));
  if (IsCommodity(kind) || IsAmmunition(kind)) {
    if (const std::optional<CommodityInfo> c = m.Commodity(e)) {
      if (IsCommodity(kind)) Put(out, kNodeCategory, CommodityCategoryName(c->category));
      if (c->quantity) Put(out, kNodeQuantity, NumberText(*c->quantity));
      Put(out, kNodeUnit, c->unit);
      if (IsCommodity(kind)) Put(out, kNodeSubtype, c->subtype);
    } else if (IsCommodity(kind)) {
      Put(out, kNodeCategory, CommodityCategoryName(m.Category(e)));
    }
  }
  if (TakesFirearmFields(kind) || IsAmmunition(kind)) {
    if (const std::optional<FirearmInfo> f = m.Firearm(e)) {
      Put(out, kNodeMake, f->make);
      Put(out, kNodeModel, f->model);
      Put(out, kNodeCalibre, f->calibre);
      Put(out, kNodeSerial, f->serial);
    }
  }
  if (x_.has_communities()) Put(out, kNodeCommunity, fmt::format("{}", x_.communities[v]));
  AddProperties(m.Properties(e), true, out);
}

void AttrTables::EdgeValues(size_t i, std::vector<AttrValue>* out) const {
  out->clear();
  if (x_.derived()) {
    Put(out, kEdgeType, kProjectedType);
    Put(out, kEdgeDirected, Bool(false));
    Put(out, kEdgeWeight, NumberText(x_.derived_edges[i].weight));
    return;
  }
  const Model& m = *x_.m;
  const LinkId l = x_.links[i];
  Put(out, kEdgeType, m.TypeName(l));
  Put(out, kEdgeDirected, Bool(m.Directed(l)));
  Put(out, kEdgeWeight, NumberText(m.Weight(l)));
  const DateRange dates = m.LinkDates(l);
  Put(out, kEdgeDate, FormatDateRange(dates));
  Put(out, kEdgeStart, StartText(dates));
  Put(out, kEdgeEnd, EndText(dates));
  Put(out, kEdgeSource, m.Source(l));
  Put(out, kEdgeGrade, m.LinkGrade(l).ToString());
  if (m.Handling(l) != kNoHandlingCode) Put(out, kEdgeHandling, fmt::format("{}", m.Handling(l)));
  Put(out, kEdgeLinkId, m.LinkExternalId(l));
  Put(out, kEdgeConfidence, NumberText(m.Confidence(l, confidence_)));
  AddProperties(m.LinkProperties(l), false, out);
}

VertexId AttrTables::EdgeSource(size_t i) const {
  if (x_.derived()) return x_.derived_edges[i].a;
  return x_.s->VertexOf(x_.m->From(x_.links[i]));
}

VertexId AttrTables::EdgeTarget(size_t i) const {
  if (x_.derived()) return x_.derived_edges[i].b;
  return x_.s->VertexOf(x_.m->To(x_.links[i]));
}

std::string AttrTables::EdgeId(size_t i) const {
  // A link keeps its number in the case, so the edges of two exports of one case match.
  return fmt::format("e{}", x_.derived() ? i : size_t{x_.links[i]});
}

double AttrTables::EdgeWeight(size_t i) const {
  return x_.derived() ? x_.derived_edges[i].weight : x_.m->Weight(x_.links[i]);
}

}  // namespace linkscope::detail
