#include "linkscope/model/kinds.hpp"

#include <array>

#include "core/text.hpp"

namespace linkscope {
namespace {

constexpr std::array<std::string_view, kBuiltinKindCount> kKindNames = {
    "unknown",  "person", "organization", "firearm", "ammunition", "seizure", "commodity",
    "location", "event",  "case",         "vehicle", "phone",      "account", "document"};

constexpr std::array<std::string_view, 7> kCategoryNames = {"",     "gold", "drugs", "wildlife",
                                                            "cash", "fuel", "other"};

constexpr LinkTypeInfo kVocabulary[] = {
    {"associate", false, "known associates (undirected)"},
    {"family", false, "relatives (undirected)"},
    {"met", false, "persons who met (undirected)"},
    {"communicated", false, "contact of unknown direction (undirected)"},
    {"co_offended", false, "charged or convicted together (undirected)"},
    {"member_of", true, "person -> organization or network"},
    {"employed_by", true, "person -> organization"},
    {"owns", true, "owner -> thing owned (phone, account, vehicle, company)"},
    {"uses", true, "person -> phone, vehicle or account used"},
    {"registered_to", true, "phone, vehicle or firearm -> registered holder"},
    {"possessed", true, "person -> firearm, ammunition or commodity held"},
    {"purchased", true, "buyer -> item bought"},
    {"sold", true, "seller -> buyer"},
    {"supplied", true, "supplier -> receiver"},
    {"transported", true, "carrier (person or vehicle) -> goods"},
    {"seized_in", true, "item or person -> seizure"},
    {"arrested_in", true, "person -> seizure or operation"},
    {"involved_in", true, "entity -> event, case or seizure"},
    {"attended", true, "person -> meeting or summit"},
    {"called", true, "caller phone or person -> callee"},
    {"paid", true, "payer -> payee (person or account)"},
    {"located_in", true, "entity -> location"},
    {"manufactured_in", true, "firearm -> location of manufacture"},
    {"traced_to", true, "firearm -> first retail purchaser or dealer (trace result)"},
};

}  // namespace

std::string_view BuiltinKindName(KindId kind) {
  return kind < kBuiltinKindCount ? kKindNames[kind] : std::string_view{};
}

std::optional<KindId> FindBuiltinKind(std::string_view name) {
  for (KindId k = 0; k < kBuiltinKindCount; ++k) {
    if (detail::EqualsIgnoreCase(name, kKindNames[k])) return k;
  }
  if (detail::EqualsIgnoreCase(name, "organisation")) return ToKindId(EntityKind::kOrganization);
  return std::nullopt;
}

std::string_view CommodityCategoryName(CommodityCategory c) {
  return kCategoryNames[static_cast<size_t>(c)];
}

std::optional<CommodityCategory> ParseCommodityCategory(std::string_view name) {
  for (size_t i = 1; i < kCategoryNames.size(); ++i) {
    if (detail::EqualsIgnoreCase(name, kCategoryNames[i])) {
      return static_cast<CommodityCategory>(i);
    }
  }
  return std::nullopt;
}

std::span<const LinkTypeInfo> RecommendedLinkTypes() { return kVocabulary; }

bool DefaultDirected(std::string_view type) {
  for (const auto& info : kVocabulary) {
    if (info.name == type) return info.directed;
  }
  return false;
}

}  // namespace linkscope
