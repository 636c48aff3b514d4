// linkscope JSON Lines: one JSON object per line, {"record": "entity", ...} or
// {"record": "link", ...}. Parsed in place with RapidJSON's SAX reader; the handler is an
// explicit state machine that accepts exactly the documented schema (docs/data-format.md).
#include <rapidjson/reader.h>

#include <charconv>
#include <cstring>

#include "core/text.hpp"
#include "ingest/line_stream.hpp"
#include "ingest/readers.hpp"
#include "linkscope/core/date.hpp"

namespace linkscope::detail {
namespace {

class RecordHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RecordHandler> {
 public:
  enum class Kind { kUnset, kEntity, kLink };

  void Reset(char* line, LineStream* stream, RawRecord* rec) {
    line_ = line;
    stream_ = stream;
    rec_ = rec;
    state_ = State::kStart;
    kind_ = Kind::kUnset;
    error_.clear();
    error_column_ = 0;
    last_end_ = 0;
    seen_ = 0;
    have_prop_date_ = false;
  }

  Kind kind() const { return kind_; }
  const std::string& error() const { return error_; }
  uint32_t error_column() const { return error_column_; }
  uint32_t record_column() const { return record_column_; }

  bool Null() {
    const uint32_t col = ScanStart();
    switch (state_) {
      case State::kTop:
        return Done(true);  // null = absent
      case State::kProps:
        return Done(true);  // a null property is no property
      default:
        return Fail(col, "unexpected null");
    }
  }
  bool Bool(bool b) {
    const uint32_t col = ScanStart();
    if (state_ == State::kTop) {
      if (field_ == Field::kRecord) return Fail(col, "field \"record\" must be a string");
      if (field_ == Field::kProperties) return Fail(col, ArrayOrObjectError());
      FieldValue& v = (*rec_)[field_];
      v.type = FieldValue::Type::kBool;
      v.boolean = b;
      v.column = col;
      return Done(true);
    }
    if (state_ == State::kProps) {
      return Fail(col, "property values must be strings, numbers or {\"date\": \"...\"}");
    }
    return Fail(col, ArrayOrObjectError());
  }
  bool Int(int i) { return Integer(i < 0, static_cast<uint64_t>(i < 0 ? -int64_t{i} : i), i); }
  bool Uint(unsigned u) { return Integer(false, u, u); }
  bool Int64(int64_t i) {
    return Integer(i < 0, i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i),
                   static_cast<double>(i));
  }
  bool Uint64(uint64_t u) { return Integer(false, u, static_cast<double>(u)); }
  bool Double(double d) { return Number(d, ScanStart()); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }

  bool String(const char* s, rapidjson::SizeType len, bool) {
    const auto col = static_cast<uint32_t>(s - line_);
    const std::string_view text(s, len);
    switch (state_) {
      case State::kTop: {
        if (field_ == Field::kProperties) return Fail(col, ArrayOrObjectError());
        if (field_ == Field::kRecord) {
          if (text == "entity") {
            kind_ = Kind::kEntity;
          } else if (text == "link") {
            kind_ = Kind::kLink;
          } else {
            return Fail(col, "field \"record\" must be \"entity\" or \"link\", not " + Quote(text));
          }
          return Done(true);
        }
        FieldValue& v = (*rec_)[field_];
        v.type = FieldValue::Type::kText;
        v.text = text;
        v.column = col;
        return Done(true);
      }
      case State::kAliases:
        rec_->aliases.push_back(AliasValue{text, col});
        return Done(true);
      case State::kProps: {
        PropertyDraft p;
        p.key = prop_key_;
        p.type = PropertyType::kString;
        p.text = text;
        p.column = prop_column_;
        rec_->properties.push_back(p);
        return Done(true);
      }
      case State::kPropDate: {
        std::string why;
        auto range = ParseDate(text, &why);
        if (!range) return Fail(col, "property " + Quote(prop_key_) + ": " + why);
        PropertyDraft p;
        p.key = prop_key_;
        p.type = PropertyType::kDate;
        p.date = *range;
        p.column = prop_column_;
        rec_->properties.push_back(p);
        have_prop_date_ = true;
        return Done(true);
      }
      default:
        return Fail(col, "unexpected string");
    }
  }

  bool Key(const char* s, rapidjson::SizeType len, bool) {
    const auto col = static_cast<uint32_t>(s - line_);
    const std::string_view key(s, len);
    if (state_ == State::kTop) {
      auto f = FieldByName(key);
      if (!f) {
        return Fail(col,
                    "unknown field " + Quote(key) + " (free attributes go inside \"properties\")");
      }
      const auto bit = uint32_t{1} << static_cast<unsigned>(*f);
      if (seen_ & bit) return Fail(col, "field " + Quote(key) + " appears twice");
      seen_ |= bit;
      field_ = *f;
      if (field_ != Field::kRecord) (*rec_)[field_].column = col;
      return Done(true);
    }
    if (state_ == State::kProps) {
      prop_key_ = key;
      prop_column_ = col;
      return Done(true);
    }
    if (state_ == State::kPropDate) {
      if (key != "date" || have_prop_date_) {
        return Fail(col, "a dated property is written {\"date\": \"YYYY-MM-DD\"}");
      }
      return Done(true);
    }
    return Fail(col, "unexpected key");
  }

  bool StartObject() {
    const auto col = static_cast<uint32_t>(stream_->Tell());  // the '{' just read
    switch (state_) {
      case State::kStart:
        state_ = State::kTop;
        record_column_ = col;
        return Done(true);
      case State::kTop:
        if (field_ == Field::kProperties) {
          state_ = State::kProps;
          return Done(true);
        }
        return Fail(col, ObjectError());
      case State::kProps:
        state_ = State::kPropDate;
        have_prop_date_ = false;
        return Done(true);
      default:
        return Fail(col, "unexpected object");
    }
  }
  bool EndObject(rapidjson::SizeType) {
    switch (state_) {
      case State::kTop:
        state_ = State::kEnd;
        return Done(true);
      case State::kProps:
        state_ = State::kTop;
        return Done(true);
      case State::kPropDate:
        if (!have_prop_date_) {
          return Fail(prop_column_, "a dated property is written {\"date\": \"YYYY-MM-DD\"}");
        }
        state_ = State::kProps;
        return Done(true);
      default:
        return Fail(static_cast<uint32_t>(stream_->Tell()), "unexpected '}'");
    }
  }
  bool StartArray() {
    const auto col = static_cast<uint32_t>(stream_->Tell());
    if (state_ == State::kStart) return Fail(col, "each line must be a JSON object");
    if (state_ == State::kTop && field_ == Field::kAliases) {
      FieldValue& v = (*rec_)[field_];
      v.type = FieldValue::Type::kOther;
      v.text = "a list";
      v.column = col;
      state_ = State::kAliases;
      return Done(true);
    }
    if (state_ == State::kTop) return Fail(col, ArrayOrObjectError());
    if (state_ == State::kProps) {
      return Fail(col, "property values must be strings, numbers or {\"date\": \"...\"}");
    }
    return Fail(col, "unexpected list");
  }
  bool EndArray(rapidjson::SizeType) {
    if (state_ == State::kAliases) {
      state_ = State::kTop;
      return Done(true);
    }
    return Fail(static_cast<uint32_t>(stream_->Tell()), "unexpected ']'");
  }

 private:
  enum class State { kStart, kTop, kAliases, kProps, kPropDate, kEnd };

  // Column of the value that starts after the previous token.
  uint32_t ScanStart() const {
    const char* p = line_ + last_end_;
    while (*p == ' ' || *p == '\t' || *p == ':' || *p == ',' || *p == '\r') ++p;
    return static_cast<uint32_t>(p - line_) + 1;
  }
  bool Done(bool ok) {
    last_end_ = stream_->Tell();
    return ok;
  }
  bool Fail(uint32_t column, std::string message) {
    error_ = std::move(message);
    error_column_ = column;
    return false;
  }
  std::string ArrayOrObjectError() const {
    if (field_ == Field::kAliases) return "field \"aliases\" must be a list of strings";
    if (field_ == Field::kProperties) return "field \"properties\" must be an object";
    return "field \"" + std::string(FieldName(field_)) + "\" must be a single value";
  }
  std::string ObjectError() const { return ArrayOrObjectError(); }

  bool Integer(bool negative, uint64_t magnitude, double value) {
    const uint32_t col = ScanStart();
    // Integer ids are allowed and kept as their decimal text.
    if (state_ == State::kTop &&
        (field_ == Field::kId || field_ == Field::kFrom || field_ == Field::kTo)) {
      char* buf = numbuf_[field_ == Field::kId ? 0 : field_ == Field::kFrom ? 1 : 2];
      char* p = buf;
      if (negative) *p++ = '-';
      auto res = std::to_chars(p, buf + 23, magnitude);
      FieldValue& v = (*rec_)[field_];
      v.type = FieldValue::Type::kText;
      v.text = std::string_view(buf, static_cast<size_t>(res.ptr - buf));
      v.column = col;
      return Done(true);
    }
    return Number(value, col);
  }
  bool Number(double d, uint32_t col) {
    switch (state_) {
      case State::kTop: {
        if (field_ == Field::kRecord) return Fail(col, "field \"record\" must be a string");
        if (field_ == Field::kProperties) return Fail(col, ArrayOrObjectError());
        FieldValue& v = (*rec_)[field_];
        v.type = FieldValue::Type::kNumber;
        v.number = d;
        v.column = col;
        return Done(true);
      }
      case State::kProps: {
        PropertyDraft p;
        p.key = prop_key_;
        p.type = PropertyType::kNumber;
        p.number = d;
        p.column = prop_column_;
        rec_->properties.push_back(p);
        return Done(true);
      }
      case State::kAliases:
        return Fail(col, "aliases must be strings");
      default:
        return Fail(col, "unexpected number");
    }
  }

  char* line_ = nullptr;
  LineStream* stream_ = nullptr;
  RawRecord* rec_ = nullptr;
  State state_ = State::kStart;
  Kind kind_ = Kind::kUnset;
  Field field_ = Field::kRecord;
  std::string_view prop_key_;
  uint32_t prop_column_ = 0;
  bool have_prop_date_ = false;
  uint32_t seen_ = 0;
  size_t last_end_ = 0;
  uint32_t record_column_ = 1;
  std::string error_;
  uint32_t error_column_ = 0;
  char numbuf_[3][24] = {};
};

constexpr unsigned kParseFlags =
    rapidjson::kParseInsituFlag | rapidjson::kParseValidateEncodingFlag |
    rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseFullPrecisionFlag;

}  // namespace

void ReadJsonLines(InputFile& in, Sink& sink) {
  RawRecord rec;
  RecordHandler handler;
  rapidjson::Reader reader;
  ForEachJsonLine(in, sink, [&](char* line, char* content_end, uint64_t line_no) {
    rec.Clear();
    rec.line = line_no;
    rec.typed = true;
    if (!ParseJsonLine<kParseFlags>(
            reader, handler, [&](LineStream* s) { handler.Reset(line, s, &rec); }, line,
            content_end, line_no, sink)) {
      return;
    }
    rec.column = handler.record_column();
    switch (handler.kind()) {
      case RecordHandler::Kind::kEntity:
        sink.Entity(rec);
        break;
      case RecordHandler::Kind::kLink:
        sink.Link(rec);
        break;
      case RecordHandler::Kind::kUnset:
        sink.Reject(line_no, rec.column, "record without \"record\": say \"entity\" or \"link\"");
        break;
    }
  });
}

}  // namespace linkscope::detail
