#include "linkscope/model/model.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "linkscope/model/firearm.hpp"
#include "model/model_data.hpp"

namespace linkscope {

using detail::ModelData;

Model::Model() : data_(std::make_unique<ModelData>()) {}
Model::Model(const Model& other) : data_(std::make_unique<ModelData>(*other.data_)) {}
Model& Model::operator=(const Model& other) {
  if (this != &other) data_ = std::make_unique<ModelData>(*other.data_);
  return *this;
}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

uint32_t Model::entity_count() const { return data_->entity_count(); }
uint32_t Model::link_count() const { return data_->link_count(); }

std::optional<EntityId> Model::FindEntity(std::string_view external_id) const {
  const EntityId e = data_->Find(external_id);
  if (e == kNoEntity) return std::nullopt;
  return e;
}

std::string_view Model::ExternalId(EntityId e) const {
  return data_->ids.Get(data_->entities[e].primary_id);
}
KindId Model::Kind(EntityId e) const { return data_->entities[e].kind; }
std::string_view Model::Name(EntityId e) const { return data_->text.Get(data_->entities[e].name); }
std::string Model::Country(EntityId e) const { return CountryToString(data_->entities[e].country); }
CountryCode Model::CountryCodeOf(EntityId e) const { return data_->entities[e].country; }
DateRange Model::Dates(EntityId e) const { return data_->entities[e].dates; }
bool Model::Implicit(EntityId e) const {
  return (data_->entities[e].flags & detail::kDeclared) == 0;
}
CommodityCategory Model::Category(EntityId e) const { return data_->entities[e].category; }

namespace {
template <typename Row, typename OwnerOf>
std::pair<typename std::vector<Row>::const_iterator, typename std::vector<Row>::const_iterator>
RowsOf(const std::vector<Row>& rows, uint32_t owner, OwnerOf owner_of) {
  auto lo = std::partition_point(rows.begin(), rows.end(),
                                 [&](const Row& r) { return owner_of(r) < owner; });
  auto hi =
      std::partition_point(lo, rows.end(), [&](const Row& r) { return owner_of(r) == owner; });
  return {lo, hi};
}

std::vector<Property> PropertiesOf(const ModelData& d, const std::vector<detail::PropertyRow>& rows,
                                   uint32_t owner) {
  std::vector<Property> out;
  auto [lo, hi] = RowsOf(rows, owner, [](const detail::PropertyRow& r) { return r.owner; });
  for (auto it = lo; it != hi; ++it) {
    Property p;
    p.key = d.property_keys.Get(it->key);
    p.value.type = static_cast<PropertyValue::Type>(it->type);
    p.value.text = d.text.Get(it->text);
    p.value.number = it->number;
    p.value.date = it->date;
    out.push_back(p);
  }
  return out;
}
}  // namespace

std::vector<std::string_view> Model::Aliases(EntityId e) const {
  std::vector<std::string_view> out;
  auto [lo, hi] = RowsOf(data_->aliases, e, [](const detail::AliasRow& r) { return r.entity; });
  const std::string_view name = Name(e);
  for (auto it = lo; it != hi; ++it) {
    std::string_view a = data_->text.Get(it->text);
    if (a != name && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  }
  return out;
}

std::vector<EntityRecord> Model::Records(EntityId e) const {
  std::vector<EntityRecord> out;
  auto [lo, hi] = RowsOf(data_->records, e, [](const detail::RecordRow& r) { return r.entity; });
  for (auto it = lo; it != hi; ++it) {
    EntityRecord r;
    r.id = data_->ids.Get(it->id);
    r.source = it->source == kNone32 ? std::string_view{} : data_->sources.Get(it->source);
    r.file = it->file == kNone32 ? std::string_view{} : data_->files.Get(it->file);
    r.line = it->line;
    r.serial = data_->text.Get(it->serial);
    out.push_back(r);
  }
  return out;
}

std::vector<Property> Model::Properties(EntityId e) const {
  return PropertiesOf(*data_, data_->entity_props, e);
}

std::optional<FirearmInfo> Model::Firearm(EntityId e) const {
  const uint32_t row = data_->entities[e].firearm;
  if (row == kNone32) return std::nullopt;
  const auto& f = data_->firearms[row];
  FirearmInfo info;
  info.make = data_->text.Get(f.make);
  info.model = data_->text.Get(f.model);
  info.calibre = data_->text.Get(f.calibre);
  info.serial = data_->text.Get(f.serial);
  info.normalized_serial = NormalizeSerial(info.serial);
  return info;
}

std::optional<CommodityInfo> Model::Commodity(EntityId e) const {
  const auto& row = data_->entities[e];
  if (row.commodity == kNone32 && row.category == CommodityCategory::kNone) return std::nullopt;
  CommodityInfo info;
  info.category = row.category;
  if (row.commodity != kNone32) {
    const auto& c = data_->commodities[row.commodity];
    if (!std::isnan(c.quantity)) info.quantity = c.quantity;
    info.unit = data_->text.Get(c.unit);
    info.subtype = data_->text.Get(c.subtype);
  }
  return info;
}

EntityId Model::From(LinkId l) const { return data_->from[l]; }
EntityId Model::To(LinkId l) const { return data_->to[l]; }
LinkTypeId Model::Type(LinkId l) const { return data_->type[l]; }
bool Model::Directed(LinkId l) const { return (data_->flags[l] & detail::kDirected) != 0; }
double Model::Weight(LinkId l) const { return data_->weight[l]; }
DateRange Model::LinkDates(LinkId l) const { return {data_->date_lo[l], data_->date_hi[l]}; }
std::string_view Model::Source(LinkId l) const {
  const uint32_t s = data_->source[l];
  return s == kNone32 ? std::string_view{} : data_->sources.Get(s);
}
Grade Model::LinkGrade(LinkId l) const { return Grade{data_->grade[l]}; }
uint8_t Model::Handling(LinkId l) const { return data_->handling[l]; }

std::string_view Model::LinkExternalId(LinkId l) const {
  auto [lo, hi] =
      RowsOf(data_->link_ids, l, [](const detail::LinkExternalIdRow& r) { return r.link; });
  return lo == hi ? std::string_view{} : data_->text.Get(lo->text);
}

std::vector<Property> Model::LinkProperties(LinkId l) const {
  return PropertiesOf(*data_, data_->link_props, l);
}

uint32_t Model::kind_count() const { return data_->kinds.size(); }
std::string_view Model::KindNameOf(KindId k) const { return data_->kinds.Get(k); }
std::optional<KindId> Model::FindKind(std::string_view name) const {
  if (auto builtin = FindBuiltinKind(name)) return builtin;
  const uint32_t k = data_->kinds.Find(detail::AsciiLower(detail::Trim(name)));
  if (k == detail::InternPool::kNotFound) return std::nullopt;
  return static_cast<KindId>(k);
}
uint32_t Model::link_type_count() const { return data_->link_types.size(); }
std::string_view Model::LinkTypeName(LinkTypeId t) const { return data_->link_types.Get(t); }
std::optional<LinkTypeId> Model::FindLinkType(std::string_view name) const {
  const uint32_t t = data_->link_types.Find(detail::AsciiLower(detail::Trim(name)));
  if (t == detail::InternPool::kNotFound) return std::nullopt;
  return static_cast<LinkTypeId>(t);
}

size_t Model::MemoryBytes() const { return data_->MemoryBytes(); }

}  // namespace linkscope
