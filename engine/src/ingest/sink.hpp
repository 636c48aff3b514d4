// Validation and application of records to the model (internal).
//
// LoadState is the transaction of one Load call: it remembers the model's sizes at the start
// and logs the few edits made to rows that existed before, so a strict load that fails can put
// the model back exactly as it was. Sink is the per-file front end the readers talk to.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/record.hpp"
#include "linkscope/ingest/load.hpp"
#include "model/model_data.hpp"

namespace linkscope::detail {

// Longest external id, in bytes.
inline constexpr size_t kMaxIdBytes = 4096;

// Why an id (already trimmed, valid UTF-8) cannot be used, or "" when it is fine. *offset, when
// given, is where in the id the problem is.
std::string IdProblem(std::string_view id, size_t* offset = nullptr);

class LoadState {
 public:
  LoadState(ModelData& data, const LoadOptions& options, LoadReport& report);

  ModelData& data() { return data_; }
  const LoadOptions& options() const { return options_; }
  LoadReport& report() { return report_; }

  // Saves row i of vec before it is edited, when the row existed before this load.
  template <typename Vec>
  void Save(Vec& vec, size_t i, size_t existed_before) {
    if (i < existed_before) undo_.push_back([&vec, i, old = vec[i]]() { vec[i] = old; });
  }
  void SaveEntity(EntityId e);
  const ModelData::Mark& mark() const { return mark_; }
  void NoteMerge() { merged_ = true; }

  // Makes the load permanent: folds merged entities into their survivors, renumbering
  // entities densely, and sorts the side tables.
  void Commit();
  // Puts the model back as it was before the load.
  void Rollback();

 private:
  ModelData& data_;
  const LoadOptions& options_;
  LoadReport& report_;
  ModelData::Mark mark_;
  std::vector<std::function<void()>> undo_;
  std::unordered_set<EntityId> saved_entities_;
  bool merged_ = false;
};

class Sink;

// Marks the start and end of one record in a Sink (see Sink::Reject).
class RecordScope {
 public:
  explicit RecordScope(Sink& sink);
  ~RecordScope();
  RecordScope(const RecordScope&) = delete;
  RecordScope& operator=(const RecordScope&) = delete;

 private:
  Sink& sink_;
};

class Sink {
 public:
  Sink(LoadState& state, std::string file, FileReport& file_report);

  const std::string& file() const { return file_; }
  const LoadOptions& options() const { return state_.options(); }
  ModelData& data() { return data_; }

  // Reports a bad record. Strict mode: throws InputError. Lenient: records it, returns false.
  bool Reject(uint64_t line, uint32_t column, std::string reason);
  void Warn(uint64_t line, uint32_t column, std::string message);
  // Counts a valid link record left out by LoadOptions::max_handling, and forgets the kinds
  // and link types it introduced (nothing of it may remain).
  void Withhold();
  // Counts a record read (good or bad).
  void CountRecord() { ++file_report_.records; }

  // Validates and applies an entity or link record; false when it was rejected (lenient).
  bool Entity(const RawRecord& r);
  bool Link(const RawRecord& r);

  // For formats without entity records (edge lists): the entity of an id, created implicitly
  // when new. `id` must be trimmed, non-empty, valid UTF-8 without control characters.
  EntityId ImplicitEntity(std::string_view id, uint64_t hash);
  EntityId ImplicitEntity(std::string_view id);
  // Appends a link with only endpoints, weight and direction (the type is LoadOptions'
  // link_type). Endpoints must be valid entities.
  void AppendSimpleLink(EntityId from, EntityId to, double weight, bool directed,
                        uint8_t handling = 0) {
    FlushEndpoints();
    data_.from.push_back(from);
    data_.to.push_back(to);
    data_.type.push_back(default_link_type_);
    data_.flags.push_back(directed ? kDirected : 0);
    data_.grade.push_back(0);
    data_.handling.push_back(handling);
    data_.weight.push_back(weight);
    data_.date_lo.push_back(kUndated);
    data_.date_hi.push_back(kUndated);
    data_.source.push_back(kNone32);
    ++file_report_.links;
    ++links_added_;
  }
  // The fastest way in: a link with weight 1, the default type and the given direction whose
  // other columns are filled in bulk by FlushEndpoints(), which must run before anything else
  // reads or appends links (AppendSimpleLink and Link do it).
  [[gnu::flatten]] void AppendEndpoints(EntityId from, EntityId to) {
    data_.from.push_back(from);
    data_.to.push_back(to);
    ++pending_;
  }
  void FlushEndpoints() {
    if (pending_ == 0) return;
    data_.type.Append(default_link_type_, pending_);
    data_.flags.Append(pending_directed_ ? kDirected : 0, pending_);
    data_.grade.Append(0, pending_);
    data_.handling.Append(0, pending_);
    data_.weight.Append(1.0, pending_);
    data_.date_lo.Append(kUndated, pending_);
    data_.date_hi.Append(kUndated, pending_);
    data_.source.Append(kNone32, pending_);
    file_report_.links += pending_;
    links_added_ += pending_;
    pending_ = 0;
  }
  void set_pending_directed(bool directed) { pending_directed_ = directed; }
  // Room for `links` more links and twice as many new entities.
  bool HasRoom(uint64_t links) const {
    return data_.entity_count() + 2 * links + 2 < kMaxRecords &&
           data_.link_count() + links + 1 < kMaxRecords;
  }
  // Throws InputError when the model is full.
  void CheckCapacity(uint64_t line) {
    if (data_.entity_count() + 2 >= kMaxRecords || data_.link_count() + 1 >= kMaxRecords) {
      ThrowFull(line);
    }
  }
  ~Sink();

  LinkTypeId default_link_type() const { return default_link_type_; }
  KindId default_kind() const { return default_kind_; }
  KindId column_kind() const { return column_kind_; }

  // Kind id for a name, registering user kinds; nullopt (and *error) when malformed.
  std::optional<KindId> ResolveKind(std::string_view name, std::string* error);
  std::optional<LinkTypeId> ResolveLinkType(std::string_view name, std::string* error);

 private:
  struct EntityDraft;
  bool ApplyEntity(const EntityDraft& d, const RawRecord& r);
  EntityId NewEntity(uint32_t id_index, KindId kind, bool declared);
  void MergeInto(EntityId from, EntityId into, uint64_t line);
  std::string DescribeDeclaration(EntityId e) const;
  uint32_t Text(std::string_view s) { return s.empty() ? kNoText : data_.text.Add(s); }
  [[noreturn]] void ThrowFull(uint64_t line);

  LoadState& state_;
  ModelData& data_;
  std::string file_;
  uint32_t file_id_;
  FileReport& file_report_;
  LinkTypeId default_link_type_ = 0;
  KindId default_kind_ = 0;
  KindId column_kind_ = 0;
  std::string scratch_;
  uint64_t links_added_ = 0;  // folded into the load report when the sink ends
  uint64_t pending_ = 0;      // links appended by AppendEndpoints, columns not filled yet
  // Sizes of the kind and link-type dictionaries when the current record began: a record
  // rejected in lenient mode must not leave a kind or type it introduced behind.
  uint32_t record_kinds_ = kNone32;
  uint32_t record_types_ = kNone32;
  friend class RecordScope;
  bool pending_directed_ = false;
};

}  // namespace linkscope::detail
