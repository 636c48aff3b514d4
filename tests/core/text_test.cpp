#include "core/text.hpp"

#include <gtest/gtest.h>

namespace linkscope::detail {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text, long enough for the fast path"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Ndrangheta \xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("abc\xFFxyz"), 3u);
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xC3"), 10u);     // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("ab\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\x80"), 2u);        // stray continuation byte
}

TEST(Numbers, ParseNumber) {
  EXPECT_EQ(ParseNumber("3"), 3.0);
  EXPECT_EQ(ParseNumber("-2.5"), -2.5);
  EXPECT_EQ(ParseNumber("+4"), 4.0);
  EXPECT_EQ(ParseNumber("1e3"), 1000.0);
  EXPECT_EQ(ParseNumber(".5"), 0.5);
  for (const char* bad : {"", "abc", "1,5", "0x10", "nan", "inf", "3 ", "--1"}) {
    EXPECT_FALSE(ParseNumber(bad)) << bad;
  }
}

TEST(Numbers, CanonicalUint) {
  uint64_t v = 0;
  EXPECT_TRUE(ParseCanonicalUint("0", &v));
  EXPECT_EQ(v, 0u);
  EXPECT_TRUE(ParseCanonicalUint("18446744073709551", &v));
  EXPECT_FALSE(ParseCanonicalUint("007", &v));
  EXPECT_FALSE(ParseCanonicalUint("-1", &v));
  EXPECT_FALSE(ParseCanonicalUint("", &v));
  EXPECT_FALSE(ParseCanonicalUint("12345678901234567890", &v));  // 20 digits
}

TEST(Text, QuoteEscapesAndShortens) {
  EXPECT_EQ(Quote("ab"), "\"ab\"");
  EXPECT_EQ(Quote("a\"b\n"), "\"a\\\"b\\x0a\"");
  EXPECT_EQ(Quote(std::string(100, 'x')).size(), 60u + 2 + 3);
}

TEST(Text, QuoteIsAlwaysValidUtf8) {
  // Cut at a character boundary, never inside one.
  const std::string cut = Quote(std::string(59, 'a') + "\xC3\xA9\xC3\xA9");
  EXPECT_EQ(FindInvalidUtf8(cut), std::string_view::npos);
  EXPECT_EQ(cut, "\"" + std::string(59, 'a') + "\xC3\xA9...\"");
  // Text that is not valid UTF-8 has its high bytes escaped.
  EXPECT_EQ(Quote("\xFF"
                  "ab\xC3"),
            "\"\\xffab\\xc3\"");
  EXPECT_EQ(FindInvalidUtf8(Quote("x\xC3")), std::string_view::npos);
}

}  // namespace
}  // namespace linkscope::detail
