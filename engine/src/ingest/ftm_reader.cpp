// FollowTheMoney entity streams: one JSON object per line,
// {"id": "...", "schema": "Person", "properties": {"name": ["..."], ...}}, every property a list
// of strings. Things become entities, interval schemata (Payment, Ownership, ...) links, and
// entity-reference properties of things (addressEntity, ...) links from the thing; the tables
// are in ftm_schema.cpp, the rules in docs/data-format.md section 2.7.
//
// The line is parsed in place with RapidJSON's SAX reader into an FtmLine (the handler is a
// state machine that accepts exactly that shape), checked as a whole, and only then handed to
// the Sink as one entity record and its reference links, or as the links of an interval: a line
// rejected in lenient mode leaves nothing behind.
#include <fmt/format.h>
#include <rapidjson/reader.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "ingest/ftm_schema.hpp"
#include "ingest/line_stream.hpp"
#include "ingest/readers.hpp"
#include "linkscope/core/date.hpp"
#include "linkscope/model/country.hpp"

namespace linkscope::detail {
namespace {

struct FtmValue {
  std::string_view text;
  uint32_t column = 0;
};

struct FtmProperty {
  std::string_view key;
  uint32_t column = 0;  // of the key
  uint32_t first = 0;   // index of its first value in FtmLine::values
  uint32_t count = 0;
};

// One line as the handler read it. Texts point into the line buffer.
struct FtmLine {
  std::string_view id, schema;
  uint32_t id_column = 0, schema_column = 0, properties_column = 0;
  bool has_id = false, has_schema = false;
  uint32_t record_column = 1;
  std::vector<FtmProperty> properties;
  std::vector<FtmValue> values;

  void Clear() {
    id = schema = {};
    id_column = schema_column = properties_column = 0;
    has_id = has_schema = false;
    record_column = 1;
    properties.clear();
    values.clear();
  }
};

class FtmHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, FtmHandler> {
 public:
  void Reset(char* line, LineStream* stream, FtmLine* out) {
    line_ = line;
    stream_ = stream;
    out_ = out;
    state_ = State::kStart;
    top_key_ = TopKey::kOther;
    seen_ = 0;
    skip_depth_ = 0;
    last_end_ = 0;
    error_.clear();
    error_column_ = 0;
  }
  const std::string& error() const { return error_; }
  uint32_t error_column() const { return error_column_; }

  // Scalars other than strings: null, booleans, numbers.
  bool Default() {
    const uint32_t col = ScanStart();
    switch (state_) {
      case State::kSkip:
        return SkipScalar();
      case State::kTop:
        return Fail(col, TopValueError());
      case State::kProps:
        return Fail(col, ListError());
      case State::kValues:
        return Fail(col, ValueError());
      default:
        return Fail(col, "unexpected value");
    }
  }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return Default(); }

  bool String(const char* s, rapidjson::SizeType len, bool) {
    const auto col = static_cast<uint32_t>(s - line_);
    const std::string_view text(s, len);
    switch (state_) {
      case State::kSkip:
        return SkipScalar();
      case State::kTop:
        if (top_key_ == TopKey::kId) {
          out_->id = text;
          out_->id_column = col;
          out_->has_id = true;
          return Done();
        }
        if (top_key_ == TopKey::kSchema) {
          out_->schema = text;
          out_->schema_column = col;
          out_->has_schema = true;
          return Done();
        }
        return Fail(col, TopValueError());
      case State::kProps:
        return Fail(col, ListError());
      case State::kValues:
        out_->values.push_back(FtmValue{text, col});
        ++out_->properties.back().count;
        return Done();
      default:
        return Fail(col, "unexpected string");
    }
  }

  bool Key(const char* s, rapidjson::SizeType len, bool) {
    const auto col = static_cast<uint32_t>(s - line_);
    const std::string_view key(s, len);
    switch (state_) {
      case State::kSkip:
        return Done();  // a key inside a skipped object
      case State::kTop: {
        top_key_ = key == "id"           ? TopKey::kId
                   : key == "schema"     ? TopKey::kSchema
                   : key == "properties" ? TopKey::kProperties
                                         : TopKey::kOther;
        if (top_key_ == TopKey::kOther) {
          // caption, datasets, referents, first_seen, ...: derived or bookkeeping data.
          state_ = State::kSkip;
          skip_depth_ = 0;
          return Done();
        }
        const auto bit = 1u << static_cast<unsigned>(top_key_);
        if (seen_ & bit) return Fail(col, fmt::format("field {} appears twice", Quote(key)));
        seen_ |= bit;
        return Done();
      }
      case State::kProps:
        for (const FtmProperty& p : out_->properties) {
          if (p.key == key) return Fail(col, fmt::format("property {} appears twice", Quote(key)));
        }
        out_->properties.push_back(
            FtmProperty{key, col, static_cast<uint32_t>(out_->values.size()), 0});
        return Done();
      default:
        return Fail(col, "unexpected key");
    }
  }

  bool StartObject() {
    const auto col = static_cast<uint32_t>(stream_->Tell());  // the '{' just read
    switch (state_) {
      case State::kStart:
        state_ = State::kTop;
        out_->record_column = col;
        return Done();
      case State::kSkip:
        ++skip_depth_;
        return Done();
      case State::kTop:
        if (top_key_ == TopKey::kProperties) {
          out_->properties_column = col;
          state_ = State::kProps;
          return Done();
        }
        return Fail(col, TopValueError());
      case State::kProps:
        return Fail(col, ListError());
      case State::kValues:
        return Fail(col, ValueError());
      default:
        return Fail(col, "unexpected object");
    }
  }
  bool EndObject(rapidjson::SizeType) {
    switch (state_) {
      case State::kSkip:
        return SkipEnd();
      case State::kTop:
        state_ = State::kEnd;
        return Done();
      case State::kProps:
        state_ = State::kTop;
        return Done();
      default:
        return Fail(static_cast<uint32_t>(stream_->Tell()), "unexpected '}'");
    }
  }
  bool StartArray() {
    const auto col = static_cast<uint32_t>(stream_->Tell());
    switch (state_) {
      case State::kStart:
        return Fail(col, "each line must be a JSON object");
      case State::kSkip:
        ++skip_depth_;
        return Done();
      case State::kTop:
        return Fail(col, TopValueError());
      case State::kProps:
        state_ = State::kValues;
        return Done();
      case State::kValues:
        return Fail(col, ValueError());
      default:
        return Fail(col, "unexpected list");
    }
  }
  bool EndArray(rapidjson::SizeType) {
    switch (state_) {
      case State::kSkip:
        return SkipEnd();
      case State::kValues:
        state_ = State::kProps;
        return Done();
      default:
        return Fail(static_cast<uint32_t>(stream_->Tell()), "unexpected ']'");
    }
  }

 private:
  enum class State { kStart, kTop, kProps, kValues, kSkip, kEnd };
  enum class TopKey : unsigned { kId, kSchema, kProperties, kOther };

  // Column of the value that starts after the previous token.
  uint32_t ScanStart() const {
    const char* p = line_ + last_end_;
    while (*p == ' ' || *p == '\t' || *p == ':' || *p == ',' || *p == '\r') ++p;
    return static_cast<uint32_t>(p - line_) + 1;
  }
  bool Done() {
    last_end_ = stream_->Tell();
    return true;
  }
  bool Fail(uint32_t column, std::string message) {
    error_ = std::move(message);
    error_column_ = column;
    return false;
  }
  bool SkipScalar() {
    if (skip_depth_ == 0) state_ = State::kTop;
    return Done();
  }
  bool SkipEnd() {
    if (--skip_depth_ == 0) state_ = State::kTop;
    return Done();
  }
  std::string TopValueError() const {
    switch (top_key_) {
      case TopKey::kId:
        return "field \"id\" must be a string";
      case TopKey::kSchema:
        return "field \"schema\" must be a string";
      case TopKey::kProperties:
        return "field \"properties\" must be an object of lists of strings";
      case TopKey::kOther:
        break;
    }
    return "unexpected value";
  }
  std::string ListError() const {
    return fmt::format("property {} must be a list of strings", Quote(out_->properties.back().key));
  }
  std::string ValueError() const {
    return fmt::format("property {}: values must be strings", Quote(out_->properties.back().key));
  }

  char* line_ = nullptr;
  LineStream* stream_ = nullptr;
  FtmLine* out_ = nullptr;
  State state_ = State::kStart;
  TopKey top_key_ = TopKey::kOther;
  unsigned seen_ = 0;
  unsigned skip_depth_ = 0;
  size_t last_end_ = 0;
  std::string error_;
  uint32_t error_column_ = 0;
};

constexpr unsigned kParseFlags = rapidjson::kParseInsituFlag |
                                 rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseStopWhenDoneFlag;

FieldValue TextValue(std::string_view text, uint32_t column) {
  FieldValue v;
  v.type = FieldValue::Type::kText;
  v.text = text;
  v.column = column;
  return v;
}

// Turns checked FtmLines into Sink records.
class FtmMapper {
 public:
  explicit FtmMapper(Sink& sink) : sink_(sink) {}

  void Apply(const FtmLine& line, uint64_t line_no) {
    line_ = &line;
    line_no_ = line_no;
    used_.assign(line.values.size(), false);
    joined_.clear();
    warnings_.clear();
    if (!Check()) return;
    if (const FtmInterval* interval = FtmIntervalOf(schema_)) {
      ApplyInterval(*interval);
    } else {
      ApplyThing();
    }
  }

 private:
  struct Warning {
    uint32_t column;
    std::string message;
  };

  bool Reject(uint32_t column, std::string reason) {
    sink_.Reject(line_no_, column, std::move(reason));
    return false;
  }

  // The line-level rules: an id, a schema, property names.
  bool Check() {
    const FtmLine& l = *line_;
    if (!l.has_id) return Reject(l.record_column, "FollowTheMoney entity without \"id\"");
    id_ = Trim(l.id);
    if (const std::string problem = IdProblem(id_); !problem.empty()) {
      return Reject(l.id_column, fmt::format("field \"id\": {}", problem));
    }
    if (!l.has_schema) return Reject(l.record_column, "FollowTheMoney entity without \"schema\"");
    schema_ = Trim(l.schema);
    if (schema_.empty()) return Reject(l.schema_column, "field \"schema\" is empty");
    for (const FtmProperty& p : l.properties) {
      if (Trim(p.key).empty()) return Reject(p.column, "empty property name");
    }
    return true;
  }

  const FtmProperty* Find(std::string_view key) const {
    for (const FtmProperty& p : line_->properties) {
      if (p.key == key) return &p;
    }
    return nullptr;
  }
  // Index of the first non-blank value of a property.
  std::optional<size_t> FirstValue(const FtmProperty* p) const {
    if (!p) return std::nullopt;
    for (uint32_t i = p->first; i < p->first + p->count; ++i) {
      if (!Trim(line_->values[i].text).empty()) return i;
    }
    return std::nullopt;
  }
  std::string_view ValueText(size_t i) const { return Trim(line_->values[i].text); }
  uint32_t ValueColumn(size_t i) const { return line_->values[i].column; }

  // The non-blank values of an end of an interval or of a reference property, checked as ids.
  bool Ids(const FtmProperty& p, std::vector<size_t>* out) {
    for (uint32_t i = p.first; i < p.first + p.count; ++i) {
      const std::string_view v = ValueText(i);
      used_[i] = true;
      if (v.empty()) continue;
      if (const std::string problem = IdProblem(v); !problem.empty()) {
        return Reject(ValueColumn(i), fmt::format("property {}: {}", Quote(p.key), problem));
      }
      out->push_back(i);
    }
    return true;
  }

  // Dates: the `date` property, else `start`/`end` ("" finds no property: Check() rejects
  // empty property names). A value that is not a linkscope date stays a text property, with a
  // warning.
  void Dates(RawRecord& rec, std::string_view date, std::string_view start, std::string_view end) {
    std::string why;
    if (const auto d = FirstValue(Find(date))) {
      if (ParseDate(ValueText(*d), &why)) {
        rec[Field::kDate] = TextValue(ValueText(*d), ValueColumn(*d));
        used_[*d] = true;
      } else {
        BadDate(date, *d, why);
      }
      return;
    }
    const auto s = FirstValue(Find(start));
    const auto e = FirstValue(Find(end));
    if (!s && !e) return;
    const std::string_view st = s ? ValueText(*s) : std::string_view{};
    const std::string_view et = e ? ValueText(*e) : std::string_view{};
    if (!ParseDateRange(st, et, &why)) {
      // Blame the side that does not parse, else the end (the interval is reversed).
      const bool start_bad = s && !ParseDate(st, nullptr);
      const size_t blamed = start_bad ? s.value_or(0) : e.value_or(s.value_or(0));
      BadDate(start_bad || !e ? start : end, blamed, why);
      return;
    }
    if (s) {
      rec[Field::kStart] = TextValue(st, ValueColumn(*s));
      used_[*s] = true;
    }
    if (e) {
      rec[Field::kEnd] = TextValue(et, ValueColumn(*e));
      used_[*e] = true;
    }
  }
  void BadDate(std::string_view key, size_t value, const std::string& why) {
    warnings_.push_back(
        Warning{ValueColumn(value),
                fmt::format("property {}: {}; kept as a text property", Quote(key), why)});
  }

  void Source(RawRecord& rec) {
    for (std::string_view key : kFtmSourceProperties) {
      const auto i = FirstValue(Find(key));
      if (!i) continue;
      rec[Field::kSource] = TextValue(ValueText(*i), ValueColumn(*i));
      used_[*i] = true;
      return;
    }
  }

  // ftm_schema, then every value no field took, in the order of the line.
  void FreeProperties(RawRecord& rec) {
    PropertyDraft schema;
    schema.key = kFtmSchemaProperty;
    schema.type = PropertyType::kString;
    schema.text = schema_;
    schema.column = line_->schema_column;
    rec.properties.push_back(schema);
    for (const FtmProperty& p : line_->properties) {
      std::vector<size_t>& left = left_;
      left.clear();
      for (uint32_t i = p.first; i < p.first + p.count; ++i) {
        if (!used_[i] && !ValueText(i).empty()) left.push_back(i);
      }
      if (left.empty()) continue;
      PropertyDraft draft;
      draft.key = Trim(p.key);
      draft.column = p.column;
      if (IsFtmNumberProperty(draft.key)) {
        std::vector<double>& numbers = numbers_;
        numbers.clear();
        for (size_t i : left) {
          if (auto n = ParseNumber(ValueText(i))) numbers.push_back(*n);
        }
        if (numbers.size() == left.size()) {
          draft.type = PropertyType::kNumber;
          for (double n : numbers) {
            draft.number = n;
            rec.properties.push_back(draft);
          }
          continue;
        }
      }
      draft.type = PropertyType::kString;
      if (left.size() == 1) {
        draft.text = ValueText(left[0]);
      } else {
        std::string& text = joined_.emplace_back();
        for (size_t i : left) {
          if (!text.empty()) text += "; ";
          text += ValueText(i);
        }
        draft.text = text;
      }
      rec.properties.push_back(draft);
    }
  }

  void StartRecord(RawRecord& rec) const {
    rec.Clear();
    rec.line = line_no_;
    rec.column = line_->record_column;
    rec.typed = true;
  }
  void SetLinkFields(RawRecord& rec, std::string_view type) const {
    rec[Field::kType] = TextValue(type, line_->schema_column);
    FieldValue& directed = rec[Field::kDirected];
    directed.type = FieldValue::Type::kBool;
    directed.boolean = FtmLinkDirected(type);
  }
  void FlushWarnings() {
    for (Warning& w : warnings_) sink_.Warn(line_no_, w.column, std::move(w.message));
    warnings_.clear();
  }

  void ApplyThing() {
    const FtmLine& l = *line_;
    const FtmThing* known = FtmThingOf(schema_);
    const FtmThing& thing = known ? *known : kFtmUnknownThing;
    if (known) {
      kind_ = thing.kind;
    } else {
      kind_ = AsciiLower(schema_);
      warnings_.push_back(Warning{
          l.schema_column, fmt::format("unknown FollowTheMoney schema {}: read as an entity of "
                                       "kind {}",
                                       Quote(schema_), Quote(kind_))});
    }
    RawRecord& rec = entity_;
    StartRecord(rec);
    rec[Field::kId] = TextValue(id_, l.id_column);
    rec[Field::kKind] = TextValue(kind_, l.schema_column);

    // Names: the first "name", the others aliases; else the first caption property's value
    // (which stays a property too), else the id.
    bool named = false;
    if (const FtmProperty* p = Find(kFtmNameProperty)) {
      for (uint32_t i = p->first; i < p->first + p->count; ++i) {
        used_[i] = true;
        const std::string_view v = ValueText(i);
        if (v.empty()) continue;
        if (!named) {
          rec[Field::kName] = TextValue(v, ValueColumn(i));
          named = true;
        } else {
          rec.aliases.push_back(AliasValue{v, ValueColumn(i)});
        }
      }
    }
    for (std::string_view caption : thing.caption) {
      if (named || caption.empty()) continue;
      if (const auto i = FirstValue(Find(caption))) {
        rec[Field::kName] = TextValue(ValueText(*i), ValueColumn(*i));
        named = true;
      }
    }
    if (!named) rec[Field::kName] = TextValue(id_, l.id_column);
    for (std::string_view key : kFtmAliasProperties) {
      const FtmProperty* p = Find(key);
      if (!p) continue;
      for (uint32_t i = p->first; i < p->first + p->count; ++i) {
        used_[i] = true;
        if (!ValueText(i).empty()) rec.aliases.push_back(AliasValue{ValueText(i), ValueColumn(i)});
      }
    }

    // Country: the first value that is an ISO 3166-1 code; others stay properties.
    for (std::string_view key : kFtmCountryProperties) {
      const FtmProperty* p = Find(key);
      if (!p || rec[Field::kCountry].present()) continue;
      for (uint32_t i = p->first; i < p->first + p->count; ++i) {
        if (ValueText(i).empty() || !ParseCountry(ValueText(i))) continue;
        rec[Field::kCountry] = TextValue(ValueText(i), ValueColumn(i));
        used_[i] = true;
        break;
      }
    }
    Dates(rec, thing.date, thing.start, thing.end);
    Source(rec);

    // Reference properties: checked now, linked once the entity is in.
    refs_.clear();
    for (const FtmProperty& p : l.properties) {
      const FtmReference* ref = FtmReferenceOf(p.key);
      if (!ref) continue;
      ids_.clear();
      if (!Ids(p, &ids_)) return;
      for (size_t i : ids_) refs_.push_back(Ref{ref, &p, i});
    }
    FreeProperties(rec);

    if (!sink_.Entity(rec)) return;
    FlushWarnings();
    RawRecord& link = link_;
    for (const Ref& r : refs_) {
      StartRecord(link);
      const FieldValue self = TextValue(id_, l.id_column);
      const FieldValue other = TextValue(ValueText(r.value), ValueColumn(r.value));
      link[Field::kFrom] = r.ref->reverse ? other : self;
      link[Field::kTo] = r.ref->reverse ? self : other;
      SetLinkFields(link, r.ref->link_type);
      link[Field::kSource] = rec[Field::kSource];
      PropertyDraft from;
      from.key = kFtmReferenceProperty;
      from.type = PropertyType::kString;
      from.text = r.ref->property;
      from.column = r.property->column;
      link.properties.push_back(from);
      if (!sink_.Link(link)) return;
    }
  }

  void ApplyInterval(const FtmInterval& interval) {
    const FtmLine& l = *line_;
    std::vector<size_t>(&ends)[2] = ends_;
    ends[0].clear();
    ends[1].clear();
    const std::string_view names[2] = {interval.from_property, interval.to_property};
    for (int side = 0; side < 2; ++side) {
      const FtmProperty* p = Find(names[side]);
      if (p && !Ids(*p, &ends[side])) return;
      if (ends[side].empty()) {
        const uint32_t column = p                     ? p->column
                                : l.properties_column ? l.properties_column
                                                      : l.record_column;
        Reject(column, fmt::format("{} without {}: a FollowTheMoney interval needs both ends "
                                   "({} and {})",
                                   schema_, Quote(names[side]), Quote(names[0]), Quote(names[1])));
        return;
      }
    }
    RawRecord& rec = link_;
    StartRecord(rec);
    SetLinkFields(rec, interval.link_type);
    rec[Field::kId] = TextValue(id_, l.id_column);
    Dates(rec, kFtmIntervalDate, kFtmIntervalStart, kFtmIntervalEnd);
    Source(rec);
    FreeProperties(rec);
    // Usually one value on each side; several make one link per pair.
    for (size_t a : ends[0]) {
      for (size_t b : ends[1]) {
        rec[Field::kFrom] = TextValue(ValueText(a), ValueColumn(a));
        rec[Field::kTo] = TextValue(ValueText(b), ValueColumn(b));
        if (!sink_.Link(rec)) return;
      }
    }
    FlushWarnings();
  }

  struct Ref {
    const FtmReference* ref;
    const FtmProperty* property;
    size_t value;
  };

  Sink& sink_;
  const FtmLine* line_ = nullptr;
  uint64_t line_no_ = 0;
  std::string_view id_, schema_;
  std::string kind_;
  std::vector<bool> used_;          // per value: a field took it
  std::deque<std::string> joined_;  // texts of multi-valued properties (stable addresses)
  std::vector<Warning> warnings_;   // given once the line is accepted
  std::vector<Ref> refs_;
  // Scratch, kept between lines to spare allocations.
  std::vector<size_t> left_, ids_, ends_[2];
  std::vector<double> numbers_;
  RawRecord entity_, link_;
};

// Decides from the first line whether a JSON Lines file holds FtM entities: a top-level
// "schema" key, or a list inside the top-level "properties" (FtM writes every property as a
// list; linkscope's properties never are), before any "record" key. Stops as soon as it knows,
// so a first line cut off by the detection window usually still decides.
class DetectHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, DetectHandler> {
 public:
  enum class Verdict { kUndecided, kFtm, kNot };
  Verdict verdict() const { return verdict_; }

  bool Default() { return true; }
  bool Key(const char* s, rapidjson::SizeType len, bool) {
    if (depth_ != 1) return true;
    const std::string_view key(s, len);
    if (key == "record") return Decide(Verdict::kNot);
    if (key == "schema") return Decide(Verdict::kFtm);
    key_is_properties_ = key == "properties";
    return true;
  }
  bool StartObject() {
    ++depth_;
    if (depth_ == 2 && key_is_properties_) in_properties_ = true;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    if (depth_ == 2) in_properties_ = false;
    --depth_;
    return true;
  }
  bool StartArray() {
    if (depth_ == 0) return Decide(Verdict::kNot);
    ++depth_;
    if (depth_ == 3 && in_properties_) return Decide(Verdict::kFtm);
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    return true;
  }

 private:
  bool Decide(Verdict v) {
    verdict_ = v;
    return false;
  }
  Verdict verdict_ = Verdict::kUndecided;
  int depth_ = 0;
  bool key_is_properties_ = false;
  bool in_properties_ = false;
};

}  // namespace

bool LooksLikeFtm(std::string_view head) {
  size_t pos = 0;
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = Trim(head.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (line.front() != '{') return false;
    const std::string copy(line);
    rapidjson::StringStream stream(copy.c_str());
    DetectHandler handler;
    rapidjson::Reader reader;
    reader.Parse<rapidjson::kParseStopWhenDoneFlag>(stream, handler);
    return handler.verdict() == DetectHandler::Verdict::kFtm;
  }
  return false;
}

void ReadFtm(InputFile& in, Sink& sink) {
  FtmLine line_data;
  FtmHandler handler;
  FtmMapper mapper(sink);
  rapidjson::Reader reader;
  ForEachJsonLine(in, sink, [&](char* line, char* content_end, uint64_t line_no) {
    line_data.Clear();
    if (!ParseJsonLine<kParseFlags>(
            reader, handler, [&](LineStream* s) { handler.Reset(line, s, &line_data); }, line,
            content_end, line_no, sink)) {
      return;
    }
    mapper.Apply(line_data, line_no);
  });
}

}  // namespace linkscope::detail
