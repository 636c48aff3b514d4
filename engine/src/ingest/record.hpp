// One record as a reader saw it, before validation (internal).
//
// Readers only do syntax: they split a line, object or block into named fields and note where
// each field starts. Sink turns a RawRecord into an entity or a link, applying the same rules to
// every format, so a date or a grade means the same thing in JSON Lines, CSV and GML.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "linkscope/core/date.hpp"
#include "model/model_data.hpp"

namespace linkscope::detail {

enum class Field : uint8_t {
  kRecord,
  kId,
  kKind,
  kName,
  kAliases,
  kCountry,
  kDate,
  kStart,
  kEnd,
  kSource,
  kCategory,
  kQuantity,
  kUnit,
  kSubtype,
  kMake,
  kModel,
  kCalibre,
  kSerial,
  kProperties,
  kFrom,
  kTo,
  kType,
  kDirected,
  kWeight,
  kGrade,
  kHandling,
  kCount,
};
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::kCount);

// Field for a column or key name (exact, lower-case; "caliber" is accepted for "calibre").
std::optional<Field> FieldByName(std::string_view name);
std::string_view FieldName(Field f);
bool IsEntityField(Field f);
bool IsLinkField(Field f);

struct FieldValue {
  enum class Type : uint8_t { kAbsent, kText, kNumber, kBool, kOther };
  Type type = Type::kAbsent;
  std::string_view text;  // kText; for kOther a description of the JSON type ("an array")
  double number = 0;      // kNumber
  bool boolean = false;   // kBool
  uint32_t column = 0;    // 1-based byte column where the value starts
  uint64_t line = 0;      // line where the value starts (0: the record's line)

  bool present() const { return type != Type::kAbsent; }
};

struct AliasValue {
  std::string_view text;
  uint32_t column = 0;
};

struct PropertyDraft {
  std::string_view key;
  PropertyType type = PropertyType::kString;
  std::string_view text;
  double number = 0;
  DateRange date;
  uint32_t column = 0;
};

struct RawRecord {
  std::array<FieldValue, kFieldCount> fields;
  std::vector<AliasValue> aliases;  // from a JSON array; CSV aliases arrive as kText "a|b"
  std::vector<PropertyDraft> properties;
  uint64_t line = 0;
  uint32_t column = 1;  // where the record starts
  // Values came with types (JSON, GML): a number field given as text is an error. Untyped
  // sources (CSV) give every value as text and numbers are parsed from it.
  bool typed = false;

  FieldValue& operator[](Field f) { return fields[static_cast<size_t>(f)]; }
  const FieldValue& operator[](Field f) const { return fields[static_cast<size_t>(f)]; }

  void Clear() {
    for (auto& f : fields) f = FieldValue{};
    aliases.clear();
    properties.clear();
    typed = false;
    column = 1;
  }
};

}  // namespace linkscope::detail
