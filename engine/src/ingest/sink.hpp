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

class LoadState {
 public:
  LoadState(ModelData& data, const LoadOptions& options, LoadReport& report);

  ModelData& data() { return data_; }
  const LoadOptions& options() const { return options_; }
  LoadReport& report() { return report_; }

  // Saves row i of vec before it is edited, when the row existed before this load.
  template <typename T>
  void Save(std::vector<T>& vec, size_t i, size_t existed_before) {
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

class Sink {
 public:
  Sink(LoadState& state, std::string file, FileReport& file_report);

  const std::string& file() const { return file_; }
  const LoadOptions& options() const { return state_.options(); }
  ModelData& data() { return data_; }

  // Reports a bad record. Strict mode: throws InputError. Lenient: records it, returns false.
  bool Reject(uint64_t line, uint32_t column, std::string reason);
  void Warn(uint64_t line, uint32_t column, std::string message);
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
  void AppendSimpleLink(EntityId from, EntityId to, double weight, bool directed);
  bool CheckCapacity(uint64_t line);

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

  LoadState& state_;
  ModelData& data_;
  std::string file_;
  uint32_t file_id_;
  FileReport& file_report_;
  LinkTypeId default_link_type_ = 0;
  KindId default_kind_ = 0;
  KindId column_kind_ = 0;
  std::string scratch_;
};

}  // namespace linkscope::detail
