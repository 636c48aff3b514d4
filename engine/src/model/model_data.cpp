#include "model/model_data.hpp"

#include <algorithm>

namespace linkscope::detail {

ModelData::ModelData() {
  for (KindId k = 0; k < kBuiltinKindCount; ++k) kinds.Intern(BuiltinKindName(k));
}

ModelData::Mark ModelData::GetMark() const {
  return Mark{entities.size(),     ids.size(),         kinds.size(),         firearm_keys.size(),
              firearms.size(),     commodities.size(), records.size(),       aliases.size(),
              entity_props.size(), from.size(),        link_props.size(),    link_ids.size(),
              link_types.size(),   sources.size(),     property_keys.size(), files.size(),
              text.size(),         ids_are_entities};
}

void ModelData::Truncate(const Mark& m) {
  entities.resize(m.entities);
  ids.Truncate(static_cast<uint32_t>(m.ids));
  id_entity.resize(m.ids);
  kinds.Truncate(static_cast<uint32_t>(m.kinds));
  firearm_keys.Truncate(static_cast<uint32_t>(m.firearm_keys));
  key_entity.resize(m.firearm_keys);
  firearms.resize(m.firearms);
  commodities.resize(m.commodities);
  records.resize(m.records);
  aliases.resize(m.aliases);
  entity_props.resize(m.entity_props);
  from.resize(m.links);
  to.resize(m.links);
  type.resize(m.links);
  flags.resize(m.links);
  grade.resize(m.links);
  handling.resize(m.links);
  weight.resize(m.links);
  date_lo.resize(m.links);
  date_hi.resize(m.links);
  source.resize(m.links);
  link_props.resize(m.link_props);
  link_ids.resize(m.link_ids);
  link_types.Truncate(static_cast<uint32_t>(m.link_types));
  sources.Truncate(static_cast<uint32_t>(m.sources));
  property_keys.Truncate(static_cast<uint32_t>(m.property_keys));
  files.Truncate(static_cast<uint32_t>(m.files));
  text.Truncate(static_cast<uint32_t>(m.text));
  ids_are_entities = m.ids_are_entities;
  merges_pending = false;
}

namespace {
// Rows [0, sorted) are in order already; only the new tail is checked.
template <typename Row, typename Key>
void StableSortBy(std::vector<Row>& rows, size_t sorted, Key key) {
  auto less = [&](const Row& a, const Row& b) { return key(a) < key(b); };
  const size_t from = sorted > 0 ? sorted - 1 : 0;
  if (from >= rows.size() ||
      std::is_sorted(rows.begin() + static_cast<ptrdiff_t>(from), rows.end(), less)) {
    return;
  }
  std::stable_sort(rows.begin(), rows.end(), less);
}
}  // namespace

void ModelData::SortSideTables(const Mark& since) {
  StableSortBy(records, since.records, [](const RecordRow& r) { return r.entity; });
  StableSortBy(aliases, since.aliases, [](const AliasRow& r) { return r.entity; });
  StableSortBy(entity_props, since.entity_props, [](const PropertyRow& r) { return r.owner; });
  StableSortBy(link_props, since.link_props, [](const PropertyRow& r) { return r.owner; });
  StableSortBy(link_ids, since.link_ids, [](const LinkExternalIdRow& r) { return r.link; });
}

size_t ModelData::MemoryBytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  auto column = [](const auto& c) { return c.capacity_bytes(); };
  return bytes(entities) + ids.MemoryBytes() + bytes(id_entity) + kinds.MemoryBytes() +
         firearm_keys.MemoryBytes() + bytes(key_entity) + bytes(firearms) + bytes(commodities) +
         bytes(records) + bytes(aliases) + bytes(entity_props) + bytes(from) + bytes(to) +
         column(type) + column(flags) + column(grade) + column(handling) + column(weight) +
         column(date_lo) + column(date_hi) + column(source) + bytes(link_props) + bytes(link_ids) +
         link_types.MemoryBytes() + sources.MemoryBytes() + property_keys.MemoryBytes() +
         files.MemoryBytes() + text.MemoryBytes();
}

}  // namespace linkscope::detail
