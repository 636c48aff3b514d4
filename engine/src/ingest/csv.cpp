#include "ingest/csv.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace linkscope::detail {

CsvParser::CsvParser(std::string& text, size_t start, char delimiter)
    : text_(text), pos_(start), delim_(delimiter), line_start_(start) {}

bool CsvParser::Next(std::vector<CsvCell>* cells, std::string* error, uint64_t* error_line,
                     uint32_t* error_column) {
  error->clear();
  const size_t n = text_.size();
  for (;;) {
    cells->clear();
    if (pos_ >= n) return false;
    record_line_ = line_;
    bool blank = true;
    bool failed = false;
    for (;;) {
      // One cell.
      CsvCell cell;
      cell.line = line_;
      cell.column = static_cast<uint32_t>(pos_ - line_start_ + 1);
      if (pos_ < n && text_[pos_] == '"') {
        cell.quoted = true;
        blank = false;
        const size_t begin = ++pos_;
        size_t out = begin;
        bool closed = false;
        while (pos_ < n) {
          const char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
              text_[out++] = '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          if (c == '\n') {
            ++line_;
            line_start_ = pos_ + 1;
          }
          text_[out++] = c;
          ++pos_;
        }
        if (!closed) {
          *error = "quoted cell is not closed before the end of the file";
          *error_line = cell.line;
          *error_column = cell.column;
          return true;
        }
        cell.text = std::string_view(text_.data() + begin, out - begin);
        // Only white space may follow the closing quote before the delimiter.
        while (pos_ < n && (text_[pos_] == ' ' || text_[pos_] == '\t') && text_[pos_] != delim_) {
          ++pos_;
        }
        if (pos_ < n && text_[pos_] != delim_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
          *error = "unexpected text after a closing quote";
          *error_line = line_;
          *error_column = static_cast<uint32_t>(pos_ - line_start_ + 1);
          failed = true;
        }
      } else {
        const size_t begin = pos_;
        while (pos_ < n && text_[pos_] != delim_ && text_[pos_] != '\n') ++pos_;
        size_t end = pos_;
        if (end > begin && text_[end - 1] == '\r' && (pos_ >= n || text_[pos_] == '\n')) --end;
        cell.text = std::string_view(text_.data() + begin, end - begin);
        // A line of spaces is blank too (hand-edited files end with them), as in edge lists.
        if (!Trim(cell.text).empty()) blank = false;
      }
      cells->push_back(cell);
      if (failed) break;
      if (pos_ < n && text_[pos_] == delim_) {
        ++pos_;
        blank = false;
        continue;
      }
      // End of record: skip "\r" and "\n".
      while (pos_ < n && text_[pos_] == '\r') ++pos_;
      if (pos_ < n && text_[pos_] == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      }
      break;
    }
    if (failed) {
      // Skip the rest of the physical line.
      while (pos_ < n && text_[pos_] != '\n') ++pos_;
      if (pos_ < n) {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      }
      return true;
    }
    if (blank) continue;
    return true;
  }
}

DelimiterCounts CountDelimiters(std::string_view line) {
  DelimiterCounts n;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    n.commas += c == ',';
    n.semicolons += c == ';';
    n.tabs += c == '\t';
  }
  return n;
}

char SniffDelimiter(std::string_view line) {
  const DelimiterCounts n = CountDelimiters(line);
  if (n.tabs > n.commas && n.tabs >= n.semicolons) return '\t';
  if (n.semicolons > n.commas && n.semicolons > n.tabs) return ';';
  return ',';
}

bool IsEdgeListHeaderName(std::string_view name) {
  for (std::string_view n : {"source", "target", "from", "to", "src", "dst", "node1", "node2",
                             "head", "tail", "source_id", "target_id"}) {
    if (EqualsIgnoreCase(Trim(name), n)) return true;
  }
  return false;
}

TypedColumnName SplitTypedColumnName(std::string_view header_cell) {
  TypedColumnName out;
  out.name = std::string(Trim(header_cell));
  out.lower = AsciiLower(out.name);
  const size_t colon = out.lower.rfind(':');
  if (colon == std::string::npos) return out;
  const std::string_view suffix = std::string_view(out.lower).substr(colon + 1);
  if (suffix == "number") {
    out.type = PropertyType::kNumber;
  } else if (suffix == "date") {
    out.type = PropertyType::kDate;
  } else if (suffix == "string") {
    out.type = PropertyType::kString;
  } else {
    return out;
  }
  out.name.resize(colon);
  out.lower.resize(colon);
  return out;
}

std::string ParseTypedValue(PropertyType type, std::string_view column, std::string_view value,
                            double* number, DateRange* date) {
  if (type == PropertyType::kNumber) {
    const auto n = ParseNumber(value);
    if (!n) return fmt::format("column {}: {} is not a number", Quote(column), Quote(value));
    *number = *n;
  } else if (type == PropertyType::kDate) {
    std::string why;
    const auto range = ParseDate(value, &why);
    if (!range) return fmt::format("column {}: {}", Quote(column), why);
    *date = *range;
  }
  return {};
}

std::string_view FirstLine(std::string_view text, size_t start) {
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace linkscope::detail
