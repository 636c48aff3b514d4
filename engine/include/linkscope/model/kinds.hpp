// Entity kinds, commodity categories and the recommended link-type vocabulary.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "linkscope/core/types.hpp"

namespace linkscope {

// Built-in entity kinds have fixed ids; kinds a user introduces get ids after these.
enum class EntityKind : KindId {
  kUnknown = 0,
  kPerson,
  kOrganization,
  kFirearm,
  kAmmunition,
  kSeizure,
  kCommodity,
  kLocation,
  kEvent,
  kCase,
  kVehicle,
  kPhone,
  kAccount,
  kDocument,
};
inline constexpr KindId kBuiltinKindCount = 14;

constexpr KindId ToKindId(EntityKind k) { return static_cast<KindId>(k); }

// Lower-case name of a built-in kind ("person").
std::string_view BuiltinKindName(KindId kind);

// Built-in kind for a name (case-insensitive; "organisation" is accepted for organization).
std::optional<KindId> FindBuiltinKind(std::string_view name);

// Category of a commodity entity. Firearms and ammunition are kinds of their own.
enum class CommodityCategory : uint8_t {
  kNone = 0,
  kGold,
  kDrugs,
  kWildlife,
  kCash,
  kFuel,
  kOther
};

std::string_view CommodityCategoryName(CommodityCategory c);
std::optional<CommodityCategory> ParseCommodityCategory(std::string_view name);

// The recommended link types and whether each is directed when a record does not say.
struct LinkTypeInfo {
  std::string_view name;
  bool directed;
  std::string_view meaning;
};
std::span<const LinkTypeInfo> RecommendedLinkTypes();
// Default direction for a link type: the vocabulary's, or undirected for other types.
bool DefaultDirected(std::string_view type);

}  // namespace linkscope
