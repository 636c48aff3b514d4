// The storage behind Model (internal). Entities are rows; links are columns, because the
// snapshot builder and the filters stream over single link attributes. Everything is
// append-only during a load, so a failed load is undone by truncation (see Mark) plus the
// few row edits the load logged.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "core/intern_pool.hpp"
#include "linkscope/core/date.hpp"
#include "linkscope/core/memory.hpp"
#include "linkscope/core/types.hpp"
#include "linkscope/model/country.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {

inline constexpr uint32_t kNoText = 0xFFFFFFFFu;

enum EntityFlags : uint8_t {
  kDeclared = 1,  // at least one entity record names it (else it exists only through links)
};

struct EntityRow {
  uint32_t primary_id = kNoText;   // ids pool index of the smallest external id
  EntityId canonical = kNoEntity;  // itself; during a load also "merged into"
  KindId kind = 0;
  CountryCode country = kNoCountry;
  uint8_t flags = 0;
  CommodityCategory category = CommodityCategory::kNone;
  uint32_t name = kNoText;  // text arena
  DateRange dates;
  uint32_t firearm = kNone32;    // row in ModelData::firearms
  uint32_t commodity = kNone32;  // row in ModelData::commodities
};

struct FirearmRow {
  EntityId entity;
  uint32_t make = kNoText;
  uint32_t model = kNoText;
  uint32_t calibre = kNoText;
  uint32_t serial = kNoText;  // as first written
  uint32_t key = kNone32;     // firearm_keys pool index, or none when make or serial is missing
};

struct CommodityRow {
  EntityId entity;
  double quantity = std::numeric_limits<double>::quiet_NaN();
  uint32_t unit = kNoText;
  uint32_t subtype = kNoText;
};

// One entity record as read: which id and source declared the entity, and where.
struct RecordRow {
  EntityId entity;
  uint32_t id;                // ids pool
  uint32_t source = kNone32;  // sources pool
  uint32_t file = kNone32;    // files pool
  uint64_t line = 0;
  uint32_t serial = kNoText;  // firearm serial as this record wrote it
};

struct AliasRow {
  EntityId entity;
  uint32_t text;
};

enum class PropertyType : uint8_t { kString, kNumber, kDate };

struct PropertyRow {
  uint32_t owner;  // entity or link
  uint32_t key;    // property_keys pool
  PropertyType type;
  uint32_t text = kNoText;
  double number = 0;
  DateRange date;
};

struct LinkExternalIdRow {
  LinkId link;
  uint32_t text;
};

enum LinkFlags : uint8_t { kDirected = 1 };

// A link attribute column that stores nothing while all its values are equal. Edge lists and
// matrices carry no dates, grades, sources or handling codes, so for them most columns cost
// nothing; the first different value materialises the column.
template <typename T>
class Column {
 public:
  T operator[](size_t i) const { return data_.empty() ? uniform_ : data_[i]; }
  size_t size() const { return size_; }
  bool uniform() const { return data_.empty(); }

  void push_back(T v) {
    if (data_.empty() && (v == uniform_ || size_ == 0)) [[likely]] {
      uniform_ = v;
      ++size_;
    } else if (!data_.empty()) {
      data_.push_back(v);
      ++size_;
    } else {
      Append(v, 1);  // the first different value
    }
  }
  // Appends n copies of v.
  [[gnu::noinline]] void Append(T v, size_t n) {
    if (n == 0) return;
    if (data_.empty() && (v == uniform_ || size_ == 0)) {
      uniform_ = v;
      size_ += n;
      return;
    }
    if (data_.empty()) {  // the first different value: write out the uniform ones
      data_.reserve(std::max(reserved_, 2 * (size_ + n) + 16));
      data_.assign(size_, uniform_);
    }
    data_.insert(data_.end(), n, v);
    size_ += n;
  }
  void resize(size_t n) {
    if (!data_.empty()) data_.resize(n);
    size_ = n;
  }
  void reserve(size_t n) {
    reserved_ = n;
    if (!data_.empty()) data_.reserve(n);
  }
  size_t capacity_bytes() const { return data_.capacity() * sizeof(T); }

 private:
  HugeVector<T> data_;
  size_t size_ = 0;
  size_t reserved_ = 0;
  T uniform_{};
};

struct ModelData {
  // --- entities
  HugeVector<EntityRow> entities;
  InternPool ids;                  // every external id ever declared or referenced
  HugeVector<EntityId> id_entity;  // ids pool index -> entity
  InternPool kinds;                // built-in kinds first, so KindId == pool index
  InternPool firearm_keys;
  std::vector<EntityId> key_entity;  // firearm_keys index -> entity
  std::vector<FirearmRow> firearms;
  std::vector<CommodityRow> commodities;
  std::vector<RecordRow> records;
  std::vector<AliasRow> aliases;
  std::vector<PropertyRow> entity_props;

  // --- links, one column per attribute
  HugeVector<EntityId> from;
  HugeVector<EntityId> to;
  Column<LinkTypeId> type;
  Column<uint8_t> flags;
  Column<uint8_t> grade;     // Grade::code
  Column<uint8_t> handling;  // 0 = none, 1..5
  Column<double> weight;
  Column<TimePoint> date_lo;
  Column<TimePoint> date_hi;
  Column<uint32_t> source;  // sources pool or kNone32
  std::vector<PropertyRow> link_props;
  std::vector<LinkExternalIdRow> link_ids;

  // --- shared dictionaries
  InternPool link_types;
  InternPool sources;
  InternPool property_keys;
  InternPool files;
  TextArena text;

  ModelData();

  uint32_t entity_count() const { return static_cast<uint32_t>(entities.size()); }
  uint32_t link_count() const { return static_cast<uint32_t>(from.size()); }

  // While true, id index i names entity i, so id_entity need not be read (one cache miss
  // less per lookup); firearm aliases and merges end it.
  bool ids_are_entities = true;
  // True during a load that merged entities (until its commit folds them).
  bool merges_pending = false;

  EntityId Canonical(EntityId e) const {
    if (!merges_pending) return e;
    while (entities[e].canonical != e) e = entities[e].canonical;
    return e;
  }
  EntityId EntityOfId(uint32_t id_index) const {
    return Canonical(ids_are_entities ? id_index : id_entity[id_index]);
  }
  // Entity of an external id (following merges), or kNoEntity.
  EntityId Find(std::string_view external_id) const {
    const uint32_t idx = ids.Find(external_id);
    return idx == InternPool::kNotFound ? kNoEntity : EntityOfId(idx);
  }

  // Sizes of every append-only container: a load records one and truncates back to it.
  struct Mark {
    size_t entities, ids, kinds, firearm_keys, firearms, commodities, records, aliases,
        entity_props, links, link_props, link_ids, link_types, sources, property_keys, files, text;
    bool ids_are_entities;
  };
  Mark GetMark() const;
  void Truncate(const Mark& mark);

  // Sorts the per-owner side tables by owner (stable) so accessors can binary-search them.
  // Rows before `since` are already sorted.
  void SortSideTables(const Mark& since);

  size_t MemoryBytes() const;
};

}  // namespace linkscope::detail
