// Small text helpers shared by the readers (internal).
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace linkscope::detail {

// Index of the first byte that starts an invalid UTF-8 sequence, or npos when s is valid.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
inline size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = p[i + k];
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

inline bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

inline std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsAsciiSpace(s[b])) ++b;
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// A whole-string decimal number ("3", "-2.5", "1e3"); nullopt for anything else, including
// empty text, "nan", "inf" and hex.
inline std::optional<double> ParseNumber(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const char* b = s.data();
  const char* e = b + s.size();
  if (*b == '+') ++b;  // from_chars rejects a leading '+', spreadsheets write it
  if (b == e || !((*b >= '0' && *b <= '9') || *b == '-' || *b == '.')) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(b, e, v, std::chars_format::general);
  if (ec != std::errc() || ptr != e) return std::nullopt;
  return v;
}

// Canonical unsigned decimal (no sign, no leading zeros unless "0", at most 19 digits).
inline bool ParseCanonicalUint(std::string_view s, uint64_t* out) {
  const size_t n = s.size();
  if (n == 0 || n > 19 || (s[0] == '0' && n > 1)) return false;
  uint64_t v = 0;
  for (char c : s) {
    const auto d = static_cast<unsigned>(c - '0');
    if (d > 9) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

// Text quoted for a message: at most 60 characters, cut at a character boundary; control
// bytes, and every byte of text that is not valid UTF-8, escaped as \xNN. The result is always
// valid UTF-8, so messages can go into JSON output whatever the input held.
inline std::string Quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const bool valid = FindInvalidUtf8(s) == std::string_view::npos;
  std::string out = "\"";
  size_t shown = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    const bool continuation = valid && (u & 0xC0) == 0x80;
    if (!continuation && shown == 60) {
      out += "...";
      break;
    }
    if (!continuation) ++shown;
    if (u < 0x20 || u == 0x7F || (!valid && u >= 0x80)) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else if (s[i] == '"') {
      out += "\\\"";
    } else {
      out += s[i];
    }
  }
  out += '"';
  return out;
}

// Appends one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a
// quote or a line break.
inline void AppendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace linkscope::detail
