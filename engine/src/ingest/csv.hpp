// RFC 4180 CSV records over a whole in-memory file (internal). Quoted cells may hold the
// delimiter, doubled quotes and line breaks; quotes are removed in place, so the text must be
// writable and must outlive the cells.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// The first line of text (without its line break).
std::string_view FirstLine(std::string_view text, size_t start);

}  // namespace linkscope::detail
