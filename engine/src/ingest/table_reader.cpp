// Entity and link tables: CSV (or TSV, or ';'-separated) with a header row whose column names
// are the JSON Lines field names. Other columns become properties, typed by an optional suffix
// ("age:number", "dob:date", "note:string"; untyped columns are strings).
#include <fmt/format.h>

#include "core/text.hpp"
#include "ingest/csv.hpp"
#include "ingest/readers.hpp"

namespace linkscope::detail {
namespace {

struct Column {
  enum class Role { kField, kProperty } role = Role::kProperty;
  Field field = Field::kCount;
  std::string key;  // property name
  PropertyType type = PropertyType::kString;
};

// Checks the UTF-8 of the record's cells; rejects the record at the first bad byte.
bool ValidUtf8(const std::vector<CsvCell>& cells, Sink& sink) {
  for (const CsvCell& c : cells) {
    const size_t bad = FindInvalidUtf8(c.text);
    if (bad != std::string_view::npos) {
      // Quoted cells may span lines; the column is exact for the common single-line case.
      return sink.Reject(c.line, c.column + static_cast<uint32_t>(bad) + (c.quoted ? 1 : 0),
                         "invalid UTF-8");
    }
  }
  return true;
}

void ReadTable(std::string_view original, Sink& sink, bool links) {
  std::string text(original);
  size_t start = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  const char delim = SniffDelimiter(FirstLine(text, start));
  CsvParser parser(text, start, delim);
  std::vector<CsvCell> cells;
  std::string error;
  uint64_t err_line = 0;
  uint32_t err_col = 0;

  // Header.
  if (!parser.Next(&cells, &error, &err_line, &err_col)) return;  // empty file
  if (!error.empty()) {
    throw InputError(sink.file(), err_line, err_col, "header: " + error);
  }
  for (const CsvCell& c : cells) {
    const size_t bad = FindInvalidUtf8(c.text);
    if (bad != std::string_view::npos) {
      // At the bad byte, as for the cells of a row.
      throw InputError(sink.file(), c.line,
                       c.column + static_cast<uint32_t>(bad) + (c.quoted ? 1 : 0),
                       "header: invalid UTF-8");
    }
  }
  std::vector<Column> columns;
  std::vector<std::string> seen;
  for (const CsvCell& c : cells) {
    const TypedColumnName typed = SplitTypedColumnName(c.text);
    const std::string& name = typed.name;
    if (Trim(c.text).empty()) {
      throw InputError(sink.file(), c.line, c.column, "header: empty column name");
    }
    Column col;
    if (typed.type) {
      col.type = *typed.type;
      col.key = name;
    } else {
      auto f = FieldByName(typed.lower);
      const bool usable = f && *f != Field::kRecord && *f != Field::kProperties &&
                          (links ? IsLinkField(*f) : IsEntityField(*f));
      if (usable) {
        col.role = Column::Role::kField;
        col.field = *f;
      } else {
        col.key = name;
      }
    }
    const std::string& identity = col.role == Column::Role::kField
                                      ? std::string(FieldName(col.field))
                                      : "property:" + col.key;
    for (const auto& s : seen) {
      if (s == identity) {
        throw InputError(sink.file(), c.line, c.column,
                         fmt::format("header: column {} appears twice", Quote(name)));
      }
    }
    seen.push_back(identity);
    columns.push_back(std::move(col));
  }
  auto has = [&](Field f) {
    for (const Column& c : columns) {
      if (c.role == Column::Role::kField && c.field == f) return true;
    }
    return false;
  };
  const uint64_t header_line = cells.empty() ? 1 : cells.front().line;
  if (links && (!has(Field::kFrom) || !has(Field::kTo))) {
    throw InputError(sink.file(), header_line, 0,
                     "a links table needs columns \"from\" and \"to\"");
  }
  if (!links && !has(Field::kId)) {
    throw InputError(sink.file(), header_line, 0, "an entities table needs a column \"id\"");
  }

  RawRecord rec;
  for (;;) {
    const bool more = parser.Next(&cells, &error, &err_line, &err_col);
    if (!more) break;
    sink.CountRecord();
    if (!error.empty()) {
      sink.Reject(err_line, err_col, error);
      continue;
    }
    const uint64_t line = parser.record_line();
    if (cells.size() != columns.size()) {
      // An extra cell may sit on a later physical line than the record's start.
      const bool extra = cells.size() > columns.size();
      sink.Reject(extra ? cells[columns.size()].line : line,
                  extra ? cells[columns.size()].column : 0,
                  fmt::format("row has {} cells; the header has {}", cells.size(), columns.size()));
      continue;
    }
    if (!ValidUtf8(cells, sink)) continue;
    rec.Clear();
    rec.line = line;
    rec.typed = false;
    bool ok = true;
    for (size_t i = 0; i < cells.size() && ok; ++i) {
      const CsvCell& c = cells[i];
      const Column& col = columns[i];
      if (col.role == Column::Role::kField) {
        FieldValue& v = rec[col.field];
        // An empty cell is an absent field; its place still locates "link without \"from\"".
        v.column = c.column;
        v.line = c.line;
        if (Trim(c.text).empty()) continue;
        v.type = FieldValue::Type::kText;
        v.text = c.text;
        continue;
      }
      const std::string_view value = Trim(c.text);
      if (value.empty()) continue;
      PropertyDraft p;
      p.key = col.key;
      p.type = col.type;
      p.column = c.column;
      if (col.type == PropertyType::kString) {
        p.text = value;
      } else if (const std::string why =
                     ParseTypedValue(col.type, col.key, value, &p.number, &p.date);
                 !why.empty()) {
        ok = sink.Reject(c.line, c.column, why);
        break;
      }
      rec.properties.push_back(p);
    }
    if (!ok) continue;
    if (links) {
      sink.Link(rec);
    } else {
      sink.Entity(rec);
    }
  }
}

}  // namespace

void ReadLinksTable(std::string_view text, Sink& sink) { ReadTable(text, sink, true); }
void ReadEntitiesTable(std::string_view text, Sink& sink) { ReadTable(text, sink, false); }

}  // namespace linkscope::detail
