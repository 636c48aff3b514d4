// Model: the entities and links of a case, read-only. A Graph builds it; snapshots share it.
//
// Entities and links have dense ids (EntityId, LinkId) in load order. External ids are strings
// and appear only at the border: FindEntity() maps one in, ExternalId() maps one out. String
// views returned here stay valid as long as the Model lives.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/core/types.hpp"
#include "linkscope/model/country.hpp"
#include "linkscope/model/grading.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope {

namespace detail {
struct ModelData;
}

struct PropertyValue {
  enum class Type : uint8_t { kString, kNumber, kDate };
  Type type = Type::kString;
  std::string_view text;  // kString
  double number = 0;      // kNumber
  DateRange date;         // kDate
};

struct Property {
  std::string_view key;
  PropertyValue value;
};

// One entity record merged into an entity: which id and source declared it, and where.
struct EntityRecord {
  std::string_view id;
  std::string_view source;  // "" when the record named none
  std::string_view file;
  uint64_t line = 0;
  std::string_view serial;  // firearm serial as this record wrote it
};

struct FirearmInfo {
  std::string_view make, model, calibre, serial;
  std::string normalized_serial;
};

struct CommodityInfo {
  CommodityCategory category = CommodityCategory::kNone;
  std::optional<double> quantity;
  std::string_view unit, subtype;
};

class Model {
 public:
  Model();
  Model(const Model& other);
  Model& operator=(const Model& other);
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  ~Model();

  uint32_t entity_count() const;
  uint32_t link_count() const;

  // --- entities. Complexity O(1) unless noted.
  std::optional<EntityId> FindEntity(std::string_view external_id) const;  // expected O(1)
  // The entity's external id: the smallest of the ids of the records merged into it.
  std::string_view ExternalId(EntityId e) const;
  KindId Kind(EntityId e) const;
  std::string_view KindName(EntityId e) const { return KindNameOf(Kind(e)); }
  std::string_view Name(EntityId e) const;  // "" when none
  std::string Country(EntityId e) const;    // ISO alpha-2, "" when none
  CountryCode CountryCodeOf(EntityId e) const;
  DateRange Dates(EntityId e) const;
  // True when no entity record declares it: it exists because a link names it.
  bool Implicit(EntityId e) const;
  CommodityCategory Category(EntityId e) const;
  // O(log records) each.
  std::vector<std::string_view> Aliases(EntityId e) const;
  std::vector<EntityRecord> Records(EntityId e) const;
  std::vector<Property> Properties(EntityId e) const;
  std::optional<FirearmInfo> Firearm(EntityId e) const;
  std::optional<CommodityInfo> Commodity(EntityId e) const;

  // --- links
  EntityId From(LinkId l) const;
  EntityId To(LinkId l) const;
  LinkTypeId Type(LinkId l) const;
  std::string_view TypeName(LinkId l) const { return LinkTypeName(Type(l)); }
  bool Directed(LinkId l) const;
  double Weight(LinkId l) const;  // a strength: > 0, more is closer
  DateRange LinkDates(LinkId l) const;
  std::string_view Source(LinkId l) const;  // "" when none
  Grade LinkGrade(LinkId l) const;
  uint8_t Handling(LinkId l) const;  // 0 when none recorded
  double Confidence(LinkId l, const ConfidenceTable& table) const {
    return table.Get(LinkGrade(l));
  }
  std::string_view LinkExternalId(LinkId l) const;  // "" when the record gave none
  std::vector<Property> LinkProperties(LinkId l) const;

  // --- dictionaries
  uint32_t kind_count() const;
  std::string_view KindNameOf(KindId k) const;
  std::optional<KindId> FindKind(std::string_view name) const;
  uint32_t link_type_count() const;
  std::string_view LinkTypeName(LinkTypeId t) const;
  std::optional<LinkTypeId> FindLinkType(std::string_view name) const;

  size_t MemoryBytes() const;

  // Internal storage, for the engine's own modules.
  const detail::ModelData& data() const { return *data_; }
  detail::ModelData& mutable_data() { return *data_; }

 private:
  std::unique_ptr<detail::ModelData> data_;
};

}  // namespace linkscope
