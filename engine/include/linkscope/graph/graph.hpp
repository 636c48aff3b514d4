// Graph: the mutable case file. Load files or add records, then take snapshots to analyse.
//
// A Graph owns a Model. Snapshots share that Model read-only; when the Graph changes after a
// snapshot was taken it copies the Model first (copy-on-write), so snapshots never see a
// change. A Graph is not safe to change from two threads at once.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/ingest/load.hpp"
#include "linkscope/model/model.hpp"

namespace linkscope {

// A free property of a record added through the API.
struct PropertyInput {
  std::string key;
  std::variant<std::string, double, DateRange> value;
};

// An entity record; fields as in the JSON Lines schema (docs/data-format.md). Empty strings
// mean "not given".
struct EntityInput {
  std::string id;
  std::string kind;  // "" = the default kind
  std::string name;
  std::vector<std::string> aliases;
  std::string country;
  std::string date, start, end;
  std::string source;
  std::string category;
  std::optional<double> quantity;
  std::string unit, subtype;
  std::string make, model, calibre, serial;
  std::vector<PropertyInput> properties;
};

// A link record; fields as in the JSON Lines schema.
struct LinkInput {
  std::string from, to;
  std::string type;              // "" = LoadOptions::link_type
  std::optional<bool> directed;  // unset = the type's default
  double weight = 1.0;
  std::string date, start, end;
  std::string source;
  std::string grade;
  int handling = 0;  // 0 = none
  std::string id;
  std::vector<PropertyInput> properties;
};

// Records held in memory as columns — a pandas DataFrame, an Arrow batch, a database cursor —
// for programs that embed linkscope: the fast way in, with the same rules as a file. Every
// column has `rows` values, or is empty when the table does not have it. In a text column an
// empty value means "not given" for that row; in a number column NaN does. Text must be UTF-8.
// A row that gives no direction takes LoadOptions::directed when it is set (tables, like edge
// lists, often cannot say), else its type's default. The views must stay valid for the call
// only.
using TextColumn = std::span<const std::string_view>;
using NumberColumn = std::span<const double>;

// A column of free properties: text or numbers (one of the two is given).
struct PropertyColumn {
  std::string key;
  TextColumn text;
  NumberColumn number;
};

// Entity records; fields as in the JSON Lines schema. `id` is required.
struct EntityTable {
  std::string name = "entities";  // names the table in errors: "entities:ROW: reason"
  size_t rows = 0;
  TextColumn id, kind, label, country, date, start, end, source, category, unit, subtype, make,
      model, calibre, serial;  // label: the entity's name
  NumberColumn quantity;
  std::vector<PropertyColumn> properties;
};

// Link records; fields as in the JSON Lines schema. `from` and `to` are required.
struct LinkTable {
  std::string name = "links";
  size_t rows = 0;
  TextColumn from, to, type, date, start, end, source, grade, id;
  NumberColumn weight;    // a strength > 0; not given: 1
  NumberColumn handling;  // 1-5; not given: none
  std::span<const int8_t> directed;  // 1, 0, or -1 = the type's default
  std::vector<PropertyColumn> properties;
};

class Graph {
 public:
  Graph();

  // Loads files into the graph (formats: docs/data-format.md). Strict by default: the first
  // error throws InputError (or IoError) and leaves the graph exactly as before. Lenient: bad
  // records are skipped and listed in the report. O(total input size).
  LoadReport Load(const std::vector<std::string>& paths, const LoadOptions& options = {});
  // Loads text held in memory as if it were a file called `name`.
  LoadReport LoadText(const std::string& name, std::string_view content,
                      const LoadOptions& options = {});

  // Adds records as one all-or-nothing batch (strict); throws InputError naming the record
  // ("<api>:N" is the N-th record of the batch).
  void Add(std::span<const EntityInput> entities, std::span<const LinkInput> links,
           const LoadOptions& options = {});
  // Adds the rows of an entity table, then of a link table, as one batch: strict (the first bad
  // row throws InputError naming the table and the 1-based row, "links:12: reason", and leaves
  // the graph as before) or lenient (bad rows are skipped and listed in the report; every good
  // row is kept). Throws UsageError when a column's length differs from `rows`. O(rows).
  LoadReport AddTables(const EntityTable& entities, const LinkTable& links,
                       const LoadOptions& options = {});
  EntityId AddEntity(const EntityInput& entity);
  LinkId AddLink(const LinkInput& link);

  const Model& model() const { return *model_; }
  // The current model, shared: later changes to the graph do not affect it.
  std::shared_ptr<const Model> shared_model() const { return model_; }

  // O(n + m); see Snapshot::Build.
  linkscope::Snapshot TakeSnapshot(const SnapshotOptions& options = {}) const;

 private:
  Model& Mutable();
  std::shared_ptr<Model> model_;
};

}  // namespace linkscope
