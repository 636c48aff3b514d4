// How FollowTheMoney (FtM) schemata map onto linkscope's model (internal).
//
// The one place that knows it: the FtM reader (ftm_reader.cpp) applies these tables, an FtM
// exporter mirrors them, and docs/data-format.md (section 2.7) shows them. Schema and property
// names are FtM's, compared exactly (FtM is case-sensitive); kinds and link types are linkscope
// names. Keep the names stable: other code depends on them.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace linkscope::detail {

// A thing schema: it becomes an entity of `kind`.
struct FtmThing {
  std::string_view schema;
  std::string_view kind;
  // Properties that name the entity when it has no "name", tried in order ("" = unused); the
  // id names it when none of them is present.
  std::array<std::string_view, 2> caption;
  // Where the entity's date comes from: `date` (one date), else `start`/`end` (an interval
  // with either side open). "" = not used.
  std::string_view date, start, end;
};

// An interval schema: it becomes a link of `link_type` from the entity named by
// `from_property` to the one named by `to_property`.
struct FtmInterval {
  std::string_view schema, link_type, from_property, to_property;
};

// An entity-reference property of a thing: a link of `link_type` from the thing to the
// referenced entity, or from the referenced entity to the thing when `reverse` is set
// (a vehicle's "owner" owns the vehicle).
struct FtmReference {
  std::string_view property, link_type;
  bool reverse;
};

// Every mapped thing schema, interval schema and reference property, in table order.
std::span<const FtmThing> FtmThings();
std::span<const FtmInterval> FtmIntervals();
std::span<const FtmReference> FtmReferences();

// The linkscope kind of a thing schema ("Company" -> "organization"); nullopt for interval
// schemata and schemata the table does not know.
std::optional<std::string_view> FtmKindOf(std::string_view schema);
// The thing entry of a schema, or nullptr.
const FtmThing* FtmThingOf(std::string_view schema);
// The interval entry of a schema, or nullptr.
const FtmInterval* FtmIntervalOf(std::string_view schema);
// The reference entry of a property name, or nullptr.
const FtmReference* FtmReferenceOf(std::string_view property);

// How an entity of an unknown schema is read: its kind is the schema name lower-cased, and its
// date comes from "date", else "startDate"/"endDate".
inline constexpr FtmThing kFtmUnknownThing{"", "", {}, "date", "startDate", "endDate"};

// Properties of an FtM entity that become entity fields rather than free properties.
inline constexpr std::string_view kFtmNameProperty = "name";
inline constexpr std::array<std::string_view, 3> kFtmAliasProperties = {"alias", "weakAlias",
                                                                        "previousName"};
// The first value of these, in this order, that is an ISO 3166-1 code is the country.
inline constexpr std::array<std::string_view, 3> kFtmCountryProperties = {"country", "jurisdiction",
                                                                          "nationality"};
// The first of these present is the record's source ("publisher", then "sourceUrl").
inline constexpr std::array<std::string_view, 2> kFtmSourceProperties = {"publisher", "sourceUrl"};
// The dates of an interval (a link): "date", else "startDate"/"endDate".
inline constexpr std::string_view kFtmIntervalDate = "date";
inline constexpr std::string_view kFtmIntervalStart = "startDate";
inline constexpr std::string_view kFtmIntervalEnd = "endDate";
// Name of the property that keeps an entity's or link's FtM schema, and of the property that
// names the reference property a link came from ("addressEntity").
inline constexpr std::string_view kFtmSchemaProperty = "ftm_schema";
inline constexpr std::string_view kFtmReferenceProperty = "ftm_property";

// Properties whose values become number properties when every value is a decimal number
// (other properties are text, multiple values joined with "; ").
std::span<const std::string_view> FtmNumberProperties();
bool IsFtmNumberProperty(std::string_view property);

// Whether a link of this type read from FtM is directed: every FtM relation has a source and
// a target, except the ones linkscope's vocabulary calls undirected ("associate", "family").
bool FtmLinkDirected(std::string_view link_type);

}  // namespace linkscope::detail
