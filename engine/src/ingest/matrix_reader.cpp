// UCINET-style matrices in CSV: the first row holds column labels, the first column row labels,
// the cells tie values (0 or empty = no tie). A square matrix whose row labels equal its column
// labels is one-mode: undirected links when it is symmetric, else a directed link per non-zero
// cell (row -> column). A matrix whose row and column labels are disjoint is two-mode (an
// incidence matrix, e.g. persons x meetings): one undirected link per non-zero cell.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/text.hpp"
#include "ingest/csv.hpp"
#include "ingest/readers.hpp"

namespace linkscope::detail {
namespace {

struct Cell {
  uint32_t row;
  uint32_t col;
  double value;
};

struct Row {
  std::string_view label;  // "" when the label was rejected
  uint64_t line;
  uint32_t column;
  bool ok;
};

// Column of byte `bad` of a cell's text (the opening quote counts), as the table reader does.
uint32_t ByteColumn(const CsvCell& c, size_t bad) {
  return c.column + static_cast<uint32_t>(bad) + (c.quoted ? 1 : 0);
}

}  // namespace

void ReadMatrix(std::string_view original, Sink& sink) {
  std::string text(original);
  size_t start = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  const char delim = SniffDelimiter(FirstLine(text, start));
  CsvParser parser(text, start, delim);
  std::vector<CsvCell> cells;
  std::string error;
  uint64_t err_line = 0;
  uint32_t err_col = 0;

  if (!parser.Next(&cells, &error, &err_line, &err_col)) return;  // empty file
  if (!error.empty()) throw InputError(sink.file(), err_line, err_col, "header: " + error);
  if (cells.size() < 2) {
    throw InputError(sink.file(), parser.record_line(), 0,
                     "a matrix needs a corner cell and at least one column label");
  }
  const uint64_t header_line = parser.record_line();
  std::vector<CsvCell> header(cells.begin() + 1, cells.end());
  std::unordered_set<std::string_view> column_labels;
  for (const CsvCell& c : header) {
    const std::string_view label = Trim(c.text);
    if (label.empty()) throw InputError(sink.file(), c.line, c.column, "empty column label");
    if (const size_t bad = FindInvalidUtf8(c.text); bad != std::string_view::npos) {
      throw InputError(sink.file(), c.line, ByteColumn(c, bad), "column label: invalid UTF-8");
    }
    // The same label twice names the same entity (UCINET exports have such duplicates); its
    // ties are merged. Not silent: the load reports it.
    if (!column_labels.insert(label).second) {
      sink.Warn(c.line, c.column,
                fmt::format("column label {} appears twice: both columns are one entity and "
                            "their ties are merged",
                            Quote(label)));
    }
  }
  const size_t ncols = header.size();

  std::vector<Row> rows;
  std::vector<Cell> nonzero;
  std::unordered_map<std::string_view, uint64_t> row_lines;  // label -> line of its row
  while (parser.Next(&cells, &error, &err_line, &err_col)) {
    sink.CountRecord();
    if (!error.empty()) {
      sink.Reject(err_line, err_col, error);
      continue;
    }
    const uint64_t line = parser.record_line();
    const std::string_view label = Trim(cells[0].text);
    const size_t bad = FindInvalidUtf8(cells[0].text);
    const auto [first, fresh] = row_lines.emplace(label, line);
    if (!fresh && !label.empty()) {
      sink.Warn(line, cells[0].column,
                fmt::format("row label {} appears twice (first at line {}): both rows are one "
                            "entity and their ties are merged",
                            Quote(label), first->second));
    }
    if (label.empty() || bad != std::string_view::npos) {
      if (label.empty()) {
        sink.Reject(line, cells[0].column, "empty row label");
      } else {
        sink.Reject(line, ByteColumn(cells[0], bad), "row label: invalid UTF-8");
      }
      // The row keeps its place without a label or ties, so a one-mode matrix stays one-mode
      // and its other rows are kept (lenient mode).
      rows.push_back(Row{{}, line, cells[0].column, false});
      continue;
    }
    if (cells.size() != ncols + 1) {
      const bool extra = cells.size() > ncols + 1;
      sink.Reject(extra ? cells[ncols + 1].line : line, extra ? cells[ncols + 1].column : 0,
                  fmt::format("ragged row: {} cells; the header has {}", cells.size(), ncols + 1));
      // The row stays as a label without ties, so the matrix keeps its shape (lenient mode).
      rows.push_back(Row{label, line, cells[0].column, false});
      continue;
    }
    const auto row_index = static_cast<uint32_t>(rows.size());
    const size_t first_cell = nonzero.size();
    bool ok = true;
    for (size_t j = 1; j <= ncols && ok; ++j) {
      const std::string_view t = Trim(cells[j].text);
      if (t.empty()) continue;  // an empty cell is no tie
      auto v = ParseNumber(t);
      if (!v || !std::isfinite(*v)) {
        ok = sink.Reject(line, cells[j].column, fmt::format("cell {} is not a number", Quote(t)));
      } else if (*v < 0) {
        ok = sink.Reject(line, cells[j].column,
                         fmt::format("negative tie value {}: signed ties are not supported", *v));
      } else if (*v > 0) {
        nonzero.push_back(Cell{row_index, static_cast<uint32_t>(j - 1), *v});
      }
    }
    if (!ok) nonzero.resize(first_cell);
    rows.push_back(Row{label, line, cells[0].column, ok});
  }

  // One-mode or two-mode?
  bool one_mode = rows.size() == ncols;
  for (size_t i = 0; one_mode && i < ncols; ++i) {
    one_mode = rows[i].label.empty() || rows[i].label == Trim(header[i].text);
  }
  if (!one_mode) {
    for (const Row& r : rows) {
      if (!r.label.empty() && column_labels.count(r.label)) {
        throw InputError(sink.file(), r.line, r.column,
                         fmt::format("row label {} is also a column label, but the rows and "
                                     "columns are not the same list in the same order; a "
                                     "matrix must be square with matching labels (one-mode) or "
                                     "have disjoint row and column labels (two-mode)",
                                     Quote(r.label)));
      }
    }
  }

  // Declare the labelled entities (matrices list isolates too).
  RawRecord rec;
  auto declare = [&](std::string_view label, uint64_t line, uint32_t column,
                     KindId kind) -> EntityId {
    rec.Clear();
    rec.line = line;
    rec.column = column;
    FieldValue& id = rec[Field::kId];
    id.type = FieldValue::Type::kText;
    id.text = label;
    id.column = column;
    FieldValue& k = rec[Field::kKind];
    k.type = FieldValue::Type::kText;
    k.text = sink.data().kinds.Get(kind);
    k.column = column;
    if (!sink.Entity(rec)) return kNoEntity;
    return sink.data().Find(label);
  };
  std::vector<EntityId> col_entity(ncols);
  for (size_t j = 0; j < ncols; ++j) {
    col_entity[j] = declare(Trim(header[j].text), header_line, header[j].column,
                            one_mode ? sink.default_kind() : sink.column_kind());
  }
  std::vector<EntityId> row_entity(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (one_mode) {
      row_entity[i] = col_entity[i];
    } else if (rows[i].label.empty()) {
      row_entity[i] = kNoEntity;  // its label was rejected
    } else {
      row_entity[i] = declare(rows[i].label, rows[i].line, rows[i].column, sink.default_kind());
    }
  }

  // Symmetric one-mode matrices give undirected links (one per pair).
  bool symmetric = one_mode;
  if (one_mode) {
    std::vector<Cell> sorted = nonzero;
    std::sort(sorted.begin(), sorted.end(), [](const Cell& a, const Cell& b) {
      return a.row != b.row ? a.row < b.row : a.col < b.col;
    });
    for (const Cell& c : nonzero) {
      // A rejected row (lenient mode) has no ties: its mirror cells say nothing.
      if (!rows[c.col].ok) continue;
      const Cell mirror{c.col, c.row, 0};
      auto m =
          std::lower_bound(sorted.begin(), sorted.end(), mirror, [](const Cell& a, const Cell& b) {
            return a.row != b.row ? a.row < b.row : a.col < b.col;
          });
      if (m == sorted.end() || m->row != c.col || m->col != c.row || m->value != c.value) {
        symmetric = false;
        break;
      }
    }
  }
  for (const Cell& c : nonzero) {
    const EntityId a = row_entity[c.row];
    const EntityId b = col_entity[c.col];
    if (a == kNoEntity || b == kNoEntity) continue;  // its label was rejected (lenient)
    // The mirror cell carries this tie, unless its row was rejected.
    if (symmetric && c.col < c.row && rows[c.col].ok) continue;
    sink.CheckCapacity(rows[c.row].line);
    sink.AppendSimpleLink(a, b, c.value, one_mode && !symmetric);
  }
}

}  // namespace linkscope::detail
