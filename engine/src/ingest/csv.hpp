// RFC 4180 CSV records over a whole in-memory file (internal). Quoted cells may hold the
// delimiter, doubled quotes and line breaks; quotes are removed in place, so the text must be
// writable and must outlive the cells.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/core/date.hpp"
#include "model/model_data.hpp"

namespace linkscope::detail {

struct CsvCell {
  std::string_view text;
  uint64_t line = 0;
  uint32_t column = 0;
  bool quoted = false;
};

class CsvParser {
 public:
  // `text` is the file's content (after any BOM); `delimiter` is ',', ';' or '\t'.
  CsvParser(std::string& text, size_t start, char delimiter);

  // Reads the next non-blank record into *cells. Returns false at the end of the text.
  // On a syntax error returns true with *error set (the record is skipped up to the next line).
  bool Next(std::vector<CsvCell>* cells, std::string* error, uint64_t* error_line,
            uint32_t* error_column);

  uint64_t record_line() const { return record_line_; }

 private:
  std::string& text_;
  size_t pos_;
  char delim_;
  uint64_t line_ = 1;
  size_t line_start_;
  uint64_t record_line_ = 0;
};

// How often each candidate delimiter occurs outside double quotes.
struct DelimiterCounts {
  size_t commas = 0;
  size_t semicolons = 0;
  size_t tabs = 0;
};
DelimiterCounts CountDelimiters(std::string_view line);

// The delimiter of a header line: the most frequent of ',', ';' and TAB outside quotes
// (',' on a tie or when none occurs).
char SniffDelimiter(std::string_view header_line);

// True for the names an edge-list header gives its first two columns ("source", "target",
// "from", "to", ...; any case, blanks ignored).
bool IsEdgeListHeaderName(std::string_view name);

// A column name with an optional type suffix: "age:number" is property "age" of type number.
struct TypedColumnName {
  std::string name;                  // without the suffix, as written
  std::string lower;                 // the same, lower-cased
  std::optional<PropertyType> type;  // set when a ":number", ":date" or ":string" suffix was given
};
TypedColumnName SplitTypedColumnName(std::string_view header_cell);

// Parses a property value of a typed column into *p (number or date; strings are kept as they
// are). Returns "" or the reason the value is bad ("column \"age\": \"x\" is not a number").
std::string ParseTypedValue(PropertyType type, std::string_view column, std::string_view value,
                            double* number, DateRange* date);

// The first line of text (without its line break).
std::string_view FirstLine(std::string_view text, size_t start);

}  // namespace linkscope::detail
