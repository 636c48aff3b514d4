// Plain edge lists: "source target [weight] [more...]" per line, separated by TAB, ',', ';' or
// runs of spaces (decided on the first data line), optional header, '#' or '%' comment lines.
// Endpoints are ids of implicit entities. This is the fastest path into the engine: integer ids
// skip string hashing through a direct-mapped cache.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>

#include "core/hash.hpp"
#include "core/text.hpp"
#include "ingest/readers.hpp"

namespace linkscope::detail {
namespace {

// Integer external id -> entity, for ids written in canonical decimal.
class IntIdCache {
 public:
  EntityId Get(uint64_t v) const {
    if (v < direct_.size()) return direct_[v];
    if (keys_.empty()) return kNoEntity;
    for (uint64_t i = HashInt(v) & mask_;; i = (i + 1) & mask_) {
      if (vals_[i] == kNoEntity) return kNoEntity;
      if (keys_[i] == v) return vals_[i];
    }
  }
  void Put(uint64_t v, EntityId e) {
    if (v < direct_.size()) {
      direct_[v] = e;
      return;
    }
    constexpr uint64_t kDirectLimit = uint64_t{1} << 26;
    const uint64_t grow_to = std::max<uint64_t>(direct_.size() * 2, uint64_t{1} << 20);
    if (v < kDirectLimit && v < grow_to) {
      direct_.resize(std::min<uint64_t>(std::max(grow_to, v + 1), kDirectLimit), kNoEntity);
      direct_[v] = e;
      return;
    }
    if (2 * (count_ + 1) > keys_.size()) Rehash(keys_.empty() ? 1024 : keys_.size() * 2);
    uint64_t i = HashInt(v) & mask_;
    while (vals_[i] != kNoEntity) i = (i + 1) & mask_;
    keys_[i] = v;
    vals_[i] = e;
    ++count_;
  }

 private:
  void Rehash(size_t slots) {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<EntityId> old_vals = std::move(vals_);
    keys_.assign(slots, 0);
    vals_.assign(slots, kNoEntity);
    mask_ = slots - 1;
    for (size_t j = 0; j < old_keys.size(); ++j) {
      if (old_vals[j] == kNoEntity) continue;
      uint64_t i = HashInt(old_keys[j]) & mask_;
      while (vals_[i] != kNoEntity) i = (i + 1) & mask_;
      keys_[i] = old_keys[j];
      vals_[i] = old_vals[j];
    }
  }

  std::vector<EntityId> direct_;
  std::vector<uint64_t> keys_;
  std::vector<EntityId> vals_;
  uint64_t mask_ = 0;
  size_t count_ = 0;
};

bool IsHeaderName(std::string_view s) {
  static constexpr std::string_view kNames[] = {"source", "target", "from",      "to",
                                                "src",    "dst",    "node1",     "node2",
                                                "head",   "tail",   "source_id", "target_id"};
  for (std::string_view n : kNames) {
    if (EqualsIgnoreCase(Trim(s), n)) return true;
  }
  return false;
}

struct Token {
  std::string_view text;
  uint32_t column;
  bool quoted;
};

class LineSplitter {
 public:
  char delim = '\t';  // ' ' means runs of white space

  // Splits [p, end) into tokens. Returns false with *error on a quoting error.
  bool Split(char* line, char* end, std::vector<Token>* out, std::string* error,
             uint32_t* error_col) {
    out->clear();
    char* p = line;
    if (delim == ' ') {
      while (p < end && (*p == ' ' || *p == '\t')) ++p;
      if (p == end) return true;
    }
    for (;;) {
      Token t;
      t.column = static_cast<uint32_t>(p - line) + 1;
      t.quoted = false;
      if (delim != ' ') {
        while (p < end && *p == ' ') ++p;  // "a, b"
      }
      if (p < end && *p == '"') {
        t.quoted = true;
        char* begin = ++p;
        char* o = begin;
        bool closed = false;
        while (p < end) {
          if (*p == '"') {
            if (p + 1 < end && p[1] == '"') {
              *o++ = '"';
              p += 2;
              continue;
            }
            ++p;
            closed = true;
            break;
          }
          *o++ = *p++;
        }
        if (!closed) {
          *error = "quoted field is not closed on its line";
          *error_col = t.column;
          return false;
        }
        t.text = std::string_view(begin, static_cast<size_t>(o - begin));
        while (p < end && *p == ' ' && delim != ' ') ++p;
        if (p < end && !IsDelim(*p)) {
          *error = "unexpected text after a closing quote";
          *error_col = static_cast<uint32_t>(p - line) + 1;
          return false;
        }
      } else {
        char* begin = p;
        while (p < end && !IsDelim(*p)) ++p;
        char* e = p;
        while (e > begin && (e[-1] == ' ')) --e;
        t.text = std::string_view(begin, static_cast<size_t>(e - begin));
      }
      out->push_back(t);
      if (p >= end) return true;
      if (delim == ' ') {
        while (p < end && (*p == ' ' || *p == '\t')) ++p;
        if (p == end) return true;
      } else {
        ++p;  // the delimiter
      }
    }
  }

 private:
  bool IsDelim(char c) const { return delim == ' ' ? (c == ' ' || c == '\t') : c == delim; }
};

char DelimiterOf(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return '\t';
  if (line.find(',') != std::string_view::npos) return ',';
  if (line.find(';') != std::string_view::npos) return ';';
  return ' ';
}

// Endpoint id check for tokens that are not plain ASCII identifiers.
std::string IdProblemOf(std::string_view id) {
  if (id.empty()) return "empty id";
  if (FindInvalidUtf8(id) != std::string_view::npos) return "invalid UTF-8";
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return "id contains a control character";
  }
  if (id.size() > 4096) return "id longer than 4096 bytes";
  return {};
}

inline bool PlainAscii(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) return false;
  }
  return true;
}

}  // namespace

void ReadEdgeList(InputFile& in, Sink& sink, bool has_header_hint) {
  (void)has_header_hint;
  LineWindows windows(in);
  LineSplitter splitter;
  IntIdCache cache;
  std::vector<Token> tokens;
  std::vector<std::string> names;  // header names of the columns
  size_t weight_col = 2;
  bool started = false;  // first data line (or header) seen
  const bool directed = sink.options().directed;
  std::string error;
  uint32_t error_col = 0;
  uint64_t line_no = 0;
  bool first_window = true;
  char* begin;
  char* end;

  // Entity of an endpoint already checked by IdProblemOf.
  auto entity_of = [&](const Token& t) -> EntityId {
    uint64_t v;
    if (!t.quoted && ParseCanonicalUint(t.text, &v)) {
      EntityId e = cache.Get(v);
      if (e == kNoEntity) {
        e = sink.ImplicitEntity(t.text);
        cache.Put(v, e);
      }
      return e;
    }
    return sink.ImplicitEntity(Trim(t.text));
  };
  std::vector<PropertyType> types;  // per column, from the header's ":number"/":date" suffixes
  std::vector<std::pair<PropertyRow, std::string_view>> props;

  while (windows.Next(&begin, &end)) {
    char* p = begin;
    if (first_window) {
      SkipBom(&p, end);
      first_window = false;
    }
    while (p < end) {
      char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      char* line_end = nl ? nl : end;
      ++line_no;
      char* content_end = line_end;
      if (content_end > p && content_end[-1] == '\r') --content_end;
      char* line = p;
      p = line_end + 1;
      char* q = line;
      while (q < content_end && (*q == ' ' || *q == '\t')) ++q;
      if (q == content_end || *q == '#' || *q == '%') continue;  // blank or comment

      if (!started) {
        started = true;
        splitter.delim = DelimiterOf(std::string_view(line, content_end - line));
        if (!splitter.Split(line, content_end, &tokens, &error, &error_col)) {
          sink.CountRecord();
          sink.Reject(line_no, error_col, error);
          continue;
        }
        if (tokens.size() >= 2 && IsHeaderName(tokens[0].text) && IsHeaderName(tokens[1].text)) {
          weight_col = tokens.size();
          for (size_t i = 0; i < tokens.size(); ++i) {
            names.emplace_back(Trim(tokens[i].text));
            std::string lower = AsciiLower(names.back());
            PropertyType type = PropertyType::kString;
            const size_t colon = lower.rfind(':');
            if (colon != std::string::npos) {
              const std::string_view suffix = std::string_view(lower).substr(colon + 1);
              if (suffix == "number" || suffix == "date" || suffix == "string") {
                type = suffix == "number" ? PropertyType::kNumber
                       : suffix == "date" ? PropertyType::kDate
                                          : PropertyType::kString;
                names.back().resize(colon);
                lower.resize(colon);
              }
            }
            types.push_back(type);
            if (i >= 2 && weight_col == tokens.size() &&
                (lower == "weight" || lower == "value" || lower == "w")) {
              weight_col = i;
            }
          }
          continue;  // header
        }
      } else {
        if (!splitter.Split(line, content_end, &tokens, &error, &error_col)) {
          sink.CountRecord();
          sink.Reject(line_no, error_col, error);
          continue;
        }
      }
      sink.CountRecord();
      if (tokens.size() < 2) {
        sink.Reject(line_no, 1, "an edge list line needs a source and a target");
        continue;
      }
      if (!names.empty() && tokens.size() != names.size()) {
        sink.Reject(line_no, tokens.size() > names.size() ? tokens[names.size()].column : 0,
                    fmt::format("line has {} fields; the header has {}", tokens.size(),
                                names.size()));
        continue;
      }
      double weight = 1.0;
      if (weight_col < tokens.size()) {
        const Token& w = tokens[weight_col];
        auto value = ParseNumber(Trim(w.text));
        if (!value) {
          sink.Reject(line_no, w.column,
                      fmt::format("weight {} is not a number", Quote(w.text)));
          continue;
        }
        if (!(*value > 0) || !std::isfinite(*value)) {
          sink.Reject(line_no, w.column,
                      fmt::format("weight must be a number > 0 (a strength), got {}", *value));
          continue;
        }
        weight = *value;
      }
      // Everything is checked before anything is created, so a bad line leaves no trace.
      bool ok = true;
      for (size_t i = 0; i < 2 && ok; ++i) {
        const std::string_view id = Trim(tokens[i].text);
        if (!PlainAscii(id) || id.empty()) {
          const std::string problem = IdProblemOf(id);
          if (!problem.empty()) ok = sink.Reject(line_no, tokens[i].column, problem);
        }
      }
      props.clear();
      for (size_t i = 2; i < tokens.size() && ok; ++i) {
        if (i == weight_col) continue;
        const std::string_view value = Trim(tokens[i].text);
        if (value.empty()) continue;
        PropertyRow row;
        row.key = static_cast<uint32_t>(i);  // column index for now; interned below
        row.type = i < types.size() ? types[i] : PropertyType::kString;
        if (FindInvalidUtf8(value) != std::string_view::npos) {
          ok = sink.Reject(line_no, tokens[i].column, "invalid UTF-8");
        } else if (row.type == PropertyType::kNumber) {
          auto number = ParseNumber(value);
          if (!number) {
            ok = sink.Reject(line_no, tokens[i].column,
                             fmt::format("column {}: {} is not a number", Quote(names[i]),
                                         Quote(value)));
          }
          row.number = number.value_or(0);
        } else if (row.type == PropertyType::kDate) {
          std::string why;
          auto range = ParseDate(value, &why);
          if (!range) {
            ok = sink.Reject(line_no, tokens[i].column,
                             fmt::format("column {}: {}", Quote(names[i]), why));
          }
          row.date = range.value_or(DateRange{});
        }
        props.emplace_back(row, value);
      }
      if (!ok) continue;
      sink.CheckCapacity(line_no);
      const EntityId from = entity_of(tokens[0]);
      const EntityId to = entity_of(tokens[1]);
      const auto link = static_cast<LinkId>(sink.data().link_count());
      sink.AppendSimpleLink(from, to, weight, directed);
      for (auto& [row, value] : props) {
        const size_t column = row.key;
        row.owner = link;
        row.key = sink.data().property_keys.Intern(
            names.empty() ? fmt::format("column{}", column + 1) : names[column]);
        if (row.type == PropertyType::kString) row.text = sink.data().text.Add(value);
        sink.data().link_props.push_back(row);
      }
    }
  }
}

}  // namespace linkscope::detail
