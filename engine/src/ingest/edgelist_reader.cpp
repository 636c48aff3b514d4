// Plain edge lists: "source target [weight] [more...]" per line, separated by TAB, ',', ';' or
// runs of spaces (decided on the first data line), optional header, '#' or '%' comment lines.
// Endpoints are ids of implicit entities. This is the fastest path into the engine: integer ids
// skip string hashing through a direct-mapped cache.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/hash.hpp"
#include "core/text.hpp"
#include "ingest/csv.hpp"
#include "ingest/readers.hpp"
#include "ingest/sink.hpp"
#include "linkscope/core/memory.hpp"
#include "linkscope/model/grading.hpp"

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
    HugeVector<uint64_t> old_keys = std::move(keys_);
    HugeVector<EntityId> old_vals = std::move(vals_);
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

  HugeVector<EntityId> direct_;
  HugeVector<uint64_t> keys_;
  HugeVector<EntityId> vals_;
  uint64_t mask_ = 0;
  size_t count_ = 0;
};

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
      t.quoted = false;
      if (delim != ' ') {
        while (p < end && *p == ' ') ++p;  // "a, b"
      }
      t.column = static_cast<uint32_t>(p - line) + 1;
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

// TAB when the line has one (ids may hold commas); else the more frequent of ',' and ';'
// outside quotes; else runs of blanks.
char DelimiterOf(std::string_view line) {
  const DelimiterCounts n = CountDelimiters(line);
  if (n.tabs > 0) return '\t';
  if (n.commas == 0 && n.semicolons == 0) return ' ';
  return n.semicolons > n.commas ? ';' : ',';
}

// Endpoint id check for tokens that are not plain ASCII identifiers: UTF-8 first (edge lists
// are not validated as a whole), then the rules every format applies (sink.cpp).
std::string IdProblemOf(std::string_view id, size_t* offset) {
  *offset = 0;
  if (const size_t bad = FindInvalidUtf8(id); bad != std::string_view::npos) {
    *offset = bad;
    return "invalid UTF-8";
  }
  return IdProblem(id, offset);
}

inline bool PlainAscii(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) return false;
  }
  return true;
}

// One field of the fast path.
struct FastField {
  const char* text;
  size_t len;
  uint64_t value;  // when is_int
  bool is_int;
};

// The end of a field: the delimiter or the end of the line.
template <char kDelim>
inline bool IsFieldEnd(char c) {
  return c == kDelim || c == '\n' || c == '\r' || (kDelim == ' ' && c == '\t');
}

// Eight ASCII digits (first digit in the lowest byte) to their value: three multiply-shift
// steps combine pairs of digits, then pairs of pairs, then pairs of quads.
inline uint64_t ParseEightDigits(uint64_t x) {
  x = ((x & 0x0F0F0F0F0F0F0F0FULL) * 2561) >> 8;
  x = ((x & 0x00FF00FF00FF00FFULL) * 6553601) >> 16;
  return ((x & 0x0000FFFF0000FFFFULL) * 42949672960001ULL) >> 32;
}

constexpr uint64_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

// Reads a field at p: plain printable ASCII up to the delimiter. False when the line needs the
// general path (quotes, inner spaces, non-ASCII or control characters, an empty field).
// Digits are consumed eight at a time; the reader's window is padded so an 8-byte load past
// the end of a line is safe (bytes beyond `end` are never used).
template <char kDelim>
[[gnu::always_inline]] inline bool ReadFastField(const char*& p, const char* end, FastField* f) {
  const char* b = p;
  uint64_t v = 0;
  for (;;) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    // High bit set in every byte that is not '0'..'9'; the lowest one ends the run (borrows
    // and carries only travel towards later bytes).
    const uint64_t non_digit =
        ((x - 0x3030303030303030ULL) | (x + 0x4646464646464646ULL)) & 0x8080808080808080ULL;
    size_t k = non_digit ? static_cast<size_t>(__builtin_ctzll(non_digit)) >> 3 : 8;
    k = std::min(k, static_cast<size_t>(end - p));
    if (k == 0) break;
    const uint64_t digits = k == 8 ? x : (x << (8 * (8 - k))) | (0x3030303030303030ULL >> (8 * k));
    v = v * kPow10[k] + ParseEightDigits(digits);
    p += k;
    if (k < 8) break;
  }
  bool digits = true;
  if (p < end && !IsFieldEnd<kDelim>(*p)) {
    // The rest of a string id, eight bytes at a time, up to the first byte that is a control
    // character or blank (< 0x21, which covers TAB, CR and LF), DEL, non-ASCII, a quote or the
    // delimiter. Only a field end may stop a plain field. (Borrows in the byte-wise tests only
    // reach bytes after the first hit, so the lowest flag is exact.)
    digits = false;
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    for (;;) {
      uint64_t x;
      std::memcpy(&x, p, 8);
      const uint64_t quote = x ^ (kOnes * '"');
      const uint64_t del = x ^ (kOnes * 0x7F);
      uint64_t stop =
          ((x - kOnes * 0x21) & ~x) | x | ((quote - kOnes) & ~quote) | ((del - kOnes) & ~del);
      if (kDelim == ',' || kDelim == ';') {
        const uint64_t delim = x ^ (kOnes * static_cast<unsigned char>(kDelim));
        stop |= (delim - kOnes) & ~delim;
      }
      stop &= kHigh;
      size_t k = stop ? static_cast<size_t>(__builtin_ctzll(stop)) >> 3 : 8;
      k = std::min(k, static_cast<size_t>(end - p));
      p += k;
      if (k < 8 || p >= end) break;
    }
    if (p < end && !IsFieldEnd<kDelim>(*p)) return false;
  }
  f->text = b;
  f->len = static_cast<size_t>(p - b);
  f->value = v;
  f->is_int = digits && f->len <= 19 && (f->len == 1 || *b != '0');
  return f->len > 0 && f->len <= kMaxIdBytes;  // longer ids: the general path reports them
}

template <char kDelim>
inline void SkipSeparator(const char*& p, const char* end) {
  if (kDelim == ' ') {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
  } else {
    ++p;
  }
}

class EdgeListReader {
 public:
  EdgeListReader(InputFile& in, Sink& sink)
      : in_(in), sink_(sink), directed_(sink.options().directed) {
    sink_.set_pending_directed(directed_);
  }

  void Run() {
    LineWindows windows(in_);
    char* begin;
    char* end;
    bool first = true;
    while (windows.Next(&begin, &end)) {
      char* p = begin;
      if (first) {
        SkipBom(&p, end);
        Reserve(p, end);
        first = false;
      }
      // Without room for the most lines this window could hold, every line checks capacity.
      const bool room = sink_.HasRoom(static_cast<uint64_t>(end - p) / 4 + 1);
      while (p < end) {
        if (started_ && fast_ok_ && room) {
          p = Fast(p, end);
          if (p >= end) break;
        }
        p = GeneralLine(p, end);
      }
    }
    sink_.FlushEndpoints();
  }

 private:
  // Reserves the endpoint columns from the file size and the first window's line length.
  void Reserve(const char* p, const char* end) {
    const uint64_t size = in_.size_hint();
    const auto lines = static_cast<uint64_t>(std::count(p, end, '\n'));
    if (size == 0 || lines < 100) return;
    const uint64_t expected = size / (static_cast<uint64_t>(end - p) / lines) + 16;
    ModelData& d = sink_.data();
    d.from.reserve(d.from.size() + expected + expected / 16);
    d.to.reserve(d.to.size() + expected + expected / 16);
  }

  // Entity of an integer id through the direct-mapped cache (`text` is its decimal form).
  [[gnu::always_inline]] EntityId IntEntity(uint64_t value, std::string_view text) {
    EntityId e = cache_.Get(value);
    if (e == kNoEntity) {
      e = sink_.ImplicitEntity(text);
      cache_.Put(value, e);
    }
    return e;
  }

  EntityId FastEntity(const FastField& f) {
    const std::string_view id(f.text, f.len);
    return f.is_int ? IntEntity(f.value, id) : sink_.ImplicitEntity(id);
  }

  char* Fast(char* p, char* end) {
    // Integer ids resolve through the direct-mapped cache, one line at a time; string ids
    // through the hash table, in prefetched batches (switched on by the first string id).
    switch (splitter_.delim) {
      case '\t':
        return batched_ ? FastLines<'\t'>(p, end) : IntLines<'\t'>(p, end);
      case ',':
        return batched_ ? FastLines<','>(p, end) : IntLines<','>(p, end);
      case ';':
        return batched_ ? FastLines<';'>(p, end) : IntLines<';'>(p, end);
      default:
        return batched_ ? FastLines<' '>(p, end) : IntLines<' '>(p, end);
    }
  }

  // The fast path for lines whose ids are both integers; stops (and switches to batches) at
  // the first string id.
  template <char kDelim>
  char* IntLines(char* p, char* end) {
    const bool header3 = names_.size() == 3;
    const bool header2 = names_.size() == 2;
    while (p < end) {
      const char* q = p;
      FastField a;
      FastField b;
      double weight;
      if (!ParseLine<kDelim>(q, end, header2, header3, &a, &b, &weight)) break;
      if (!a.is_int || !b.is_int) {
        batched_ = true;
        return FastLines<kDelim>(p, end);
      }
      ++line_no_;
      sink_.CountRecord();
      const EntityId from = FastEntity(a);
      const EntityId to = FastEntity(b);
      if (weight == 1.0) {
        sink_.AppendEndpoints(from, to);
      } else {
        sink_.AppendSimpleLink(from, to, weight, directed_);
      }
      p = const_cast<char*>(q);
    }
    return p;
  }

  // The fast path for string ids: whole lines of two or three plain fields (source, target,
  // weight). Returns the start of the first line it does not take; that line goes through
  // GeneralLine, which handles everything else and reports errors.
  // Hash-table lookups miss the cache, so they are software-pipelined over a window of lines:
  // a line's ids are hashed and their slots prefetched when it is parsed, the candidate
  // strings' bytes are prefetched kBytesLag lines later, and the line is resolved kResolveLag
  // lines later, when both are (likely) in cache. Lines are still applied in file order.
  template <char kDelim>
  char* FastLines(char* p, char* end) {
    constexpr int kWindow = 32;  // a power of two > kResolveLag
    constexpr int kBytesLag = 8;
    constexpr int kResolveLag = 16;
    struct Line {
      FastField ends[2];
      uint64_t hashes[2];
      double weight;
    };
    Line ring[kWindow];
    const bool header3 = names_.size() == 3;
    const bool header2 = names_.size() == 2;
    InternPool& ids = sink_.data().ids;
    uint64_t parsed = 0;
    uint64_t resolved = 0;
    auto prefetch_bytes = [&](const Line& line) {
      for (int j = 0; j < 2; ++j) {
        if (!line.ends[j].is_int) ids.PrefetchBytes(line.hashes[j]);
      }
    };
    auto resolve = [&](const Line& line) {
      ++line_no_;
      sink_.CountRecord();
      EntityId e[2];
      for (int j = 0; j < 2; ++j) {
        const FastField& f = line.ends[j];
        e[j] = f.is_int ? FastEntity(f)
                        : sink_.ImplicitEntity(std::string_view(f.text, f.len), line.hashes[j]);
      }
      if (line.weight == 1.0) {
        sink_.AppendEndpoints(e[0], e[1]);
      } else {
        sink_.AppendSimpleLink(e[0], e[1], line.weight, directed_);
      }
    };
    while (p < end) {
      Line& line = ring[parsed % kWindow];
      const char* q = p;
      if (!ParseLine<kDelim>(q, end, header2, header3, &line.ends[0], &line.ends[1],
                             &line.weight)) {
        break;
      }
      for (int j = 0; j < 2; ++j) {
        const FastField& f = line.ends[j];
        if (f.is_int) continue;
        line.hashes[j] = InternPool::Hash(std::string_view(f.text, f.len));
        ids.PrefetchSlot(line.hashes[j]);
      }
      ++parsed;
      p = const_cast<char*>(q);
      if (parsed > kBytesLag) prefetch_bytes(ring[(parsed - 1 - kBytesLag) % kWindow]);
      if (parsed > kResolveLag) resolve(ring[resolved++ % kWindow]);
    }
    // Drain the window in order.
    for (uint64_t i = resolved + kResolveLag > parsed ? resolved : parsed - kResolveLag; i < parsed;
         ++i) {
      prefetch_bytes(ring[i % kWindow]);
    }
    while (resolved < parsed) resolve(ring[resolved++ % kWindow]);
    return p;
  }

  // One fast-path line at q: source, target and an optional weight, then the line end.
  template <char kDelim>
  static bool ParseLine(const char*& q, const char* end, bool header2, bool header3, FastField* a,
                        FastField* b, double* weight) {
    if (*q == '#' || *q == '%') return false;
    if (!ReadFastField<kDelim>(q, end, a) || q >= end || *q == '\n' || *q == '\r') return false;
    SkipSeparator<kDelim>(q, end);
    if (!ReadFastField<kDelim>(q, end, b)) return false;
    *weight = 1.0;
    bool weighted = false;
    if (q < end && *q != '\n' && *q != '\r') {
      const char* r = q;
      SkipSeparator<kDelim>(r, end);
      if (r < end && *r != '\n' && *r != '\r') {
        q = r;
        FastField w;
        if (header2 || !ReadFastField<kDelim>(q, end, &w)) return false;
        *weight = w.is_int && w.len <= 15
                      ? static_cast<double>(w.value)
                      : ParseNumber(std::string_view(w.text, w.len)).value_or(0.0);
        if (!(*weight > 0) || !std::isfinite(*weight)) return false;
        weighted = true;
        if (kDelim == ' ') {
          while (q < end && (*q == ' ' || *q == '\t')) ++q;
        }
      } else if (kDelim == ' ') {
        q = r;  // trailing blanks
      } else {
        return false;  // a trailing delimiter: an empty third field
      }
    }
    if (header3 && !weighted) return false;
    if (q < end && *q == '\r') ++q;
    if (q < end) {
      if (*q != '\n') return false;
      ++q;
    }
    return true;
  }

  // One line of any shape. Returns the start of the next line.
  char* GeneralLine(char* p, char* end) {
    const WindowLine window_line = NextLine(p, end);
    ++line_no_;
    char* content_end = window_line.content_end;
    char* line = p;
    char* next = window_line.next;
    char* q = line;
    while (q < content_end && (*q == ' ' || *q == '\t')) ++q;
    if (q == content_end || *q == '#' || *q == '%') return next;  // blank or comment

    if (!started_) {
      started_ = true;
      splitter_.delim = DelimiterOf(std::string_view(line, content_end - line));
      if (!splitter_.Split(line, content_end, &tokens_, &error_, &error_col_)) {
        sink_.CountRecord();
        sink_.Reject(line_no_, error_col_, error_);
        return next;
      }
      if (tokens_.size() >= 2 && IsEdgeListHeaderName(tokens_[0].text) &&
          IsEdgeListHeaderName(tokens_[1].text)) {
        ReadHeader();
        return next;
      }
    } else if (!splitter_.Split(line, content_end, &tokens_, &error_, &error_col_)) {
      sink_.CountRecord();
      sink_.Reject(line_no_, error_col_, error_);
      return next;
    }
    sink_.CountRecord();
    Record();
    return next;
  }

  void ReadHeader() {
    weight_col_ = tokens_.size();
    for (size_t i = 0; i < tokens_.size(); ++i) {
      TypedColumnName typed = SplitTypedColumnName(tokens_[i].text);
      names_.push_back(typed.name);
      const std::string& lower = typed.lower;
      const PropertyType type = typed.type.value_or(PropertyType::kString);
      types_.push_back(type);
      if (i >= 2 && weight_col_ == tokens_.size() &&
          (lower == "weight" || lower == "value" || lower == "w")) {
        weight_col_ = i;
      }
      // A "handling" column is the links' handling code (so LoadOptions::max_handling can
      // withhold them), not a free property.
      if (i >= 2 && handling_col_ == kNoColumn && lower == "handling") handling_col_ = i;
    }
    fast_ok_ = names_.size() == 2 || (names_.size() == 3 && weight_col_ == 2);
  }

  EntityId TokenEntity(const Token& t) {
    uint64_t v;
    if (!t.quoted && ParseCanonicalUint(t.text, &v)) return IntEntity(v, t.text);
    return sink_.ImplicitEntity(Trim(t.text));
  }

  // The tokens of one data line: everything is checked before anything is created, so a bad
  // line leaves no trace.
  void Record() {
    const uint64_t line = line_no_;
    if (tokens_.size() < 2) {
      sink_.Reject(line, 1, "an edge list line needs a source and a target");
      return;
    }
    if (!names_.empty() && tokens_.size() != names_.size()) {
      sink_.Reject(
          line, tokens_.size() > names_.size() ? tokens_[names_.size()].column : 0,
          fmt::format("line has {} fields; the header has {}", tokens_.size(), names_.size()));
      return;
    }
    double weight = 1.0;
    if (weight_col_ < tokens_.size() && !Trim(tokens_[weight_col_].text).empty()) {
      const Token& w = tokens_[weight_col_];  // an empty weight cell means weight 1
      auto value = ParseNumber(Trim(w.text));
      if (!value) {
        sink_.Reject(line, w.column, fmt::format("weight {} is not a number", Quote(w.text)));
        return;
      }
      if (!(*value > 0) || !std::isfinite(*value)) {
        sink_.Reject(line, w.column,
                     fmt::format("weight must be a number > 0 (a strength), got {}", *value));
        return;
      }
      weight = *value;
    }
    for (size_t i = 0; i < 2; ++i) {
      const Token& t = tokens_[i];
      const std::string_view id = Trim(t.text);
      if (!PlainAscii(id) || id.empty() || id.size() > kMaxIdBytes) {
        size_t offset = 0;
        const std::string problem = IdProblemOf(id, &offset);
        if (!problem.empty()) {
          // The column of the offending byte (past the opening quote and any leading blanks);
          // an empty id is reported at its field.
          const auto lead = static_cast<size_t>(id.data() - t.text.data());
          const uint32_t column =
              id.empty() ? t.column
                         : t.column + static_cast<uint32_t>(offset + lead + (t.quoted ? 1 : 0));
          sink_.Reject(line, column, problem);
          return;
        }
      }
    }
    uint8_t handling = kNoHandlingCode;
    if (handling_col_ < tokens_.size() && !Trim(tokens_[handling_col_].text).empty()) {
      const Token& h = tokens_[handling_col_];
      const auto value = ParseNumber(Trim(h.text));
      if (!value || !(*value >= 1 && *value <= kMaxHandlingCode && *value == std::floor(*value))) {
        sink_.Reject(line, h.column,
                     fmt::format("handling code must be a whole number 1-5, got \"{}\"",
                                 Trim(h.text)));
        return;
      }
      handling = static_cast<uint8_t>(*value);
      const uint8_t limit = sink_.options().max_handling;
      if (limit != kNoHandlingCode && handling > limit) {
        sink_.Withhold();
        return;
      }
    }
    props_.clear();
    for (size_t i = 2; i < tokens_.size(); ++i) {
      if (i == weight_col_ || i == handling_col_) continue;
      const std::string_view value = Trim(tokens_[i].text);
      if (value.empty()) continue;
      PropertyRow row;
      row.key = static_cast<uint32_t>(i);  // column index for now; interned below
      row.type = i < types_.size() ? types_[i] : PropertyType::kString;
      if (const size_t bad = FindInvalidUtf8(value); bad != std::string_view::npos) {
        const auto lead = static_cast<size_t>(value.data() - tokens_[i].text.data());
        sink_.Reject(
            line,
            tokens_[i].column + static_cast<uint32_t>(bad + lead + (tokens_[i].quoted ? 1 : 0)),
            "invalid UTF-8");
        return;
      }
      if (const std::string why = ParseTypedValue(row.type, names_.empty() ? "" : names_[i], value,
                                                  &row.number, &row.date);
          !why.empty()) {
        sink_.Reject(line, tokens_[i].column, why);
        return;
      }
      props_.emplace_back(row, value);
    }
    sink_.CheckCapacity(line);
    const EntityId from = TokenEntity(tokens_[0]);
    const EntityId to = TokenEntity(tokens_[1]);
    const auto link = static_cast<LinkId>(sink_.data().link_count());
    sink_.AppendSimpleLink(from, to, weight, directed_, handling);
    for (auto& [row, value] : props_) {
      const size_t column = row.key;
      row.owner = link;
      row.key = sink_.data().property_keys.Intern(
          names_.empty() ? fmt::format("column{}", column + 1) : names_[column]);
      if (row.type == PropertyType::kString) row.text = sink_.data().text.Add(value);
      sink_.data().link_props.push_back(row);
    }
  }

  InputFile& in_;
  Sink& sink_;
  const bool directed_;
  LineSplitter splitter_;
  IntIdCache cache_;
  std::vector<Token> tokens_;
  std::vector<std::string> names_;   // header names of the columns
  std::vector<PropertyType> types_;  // per column, from ":number"/":date" header suffixes
  std::vector<std::pair<PropertyRow, std::string_view>> props_;
  size_t weight_col_ = 2;
  static constexpr size_t kNoColumn = static_cast<size_t>(-1);
  size_t handling_col_ = kNoColumn;
  bool fast_ok_ = true;   // no header, or a header the fast path can follow
  bool batched_ = false;  // string ids seen: resolve in prefetched batches
  bool started_ = false;  // first data line (or the header) seen
  uint64_t line_no_ = 0;
  std::string error_;
  uint32_t error_col_ = 0;
};

}  // namespace

void ReadEdgeList(InputFile& in, Sink& sink, bool has_header_hint) {
  (void)has_header_hint;
  EdgeListReader(in, sink).Run();
}

}  // namespace linkscope::detail
