// Grades, countries, serial normalisation and kinds.
#include <gtest/gtest.h>

#include "linkscope/core/error.hpp"
#include "linkscope/model/country.hpp"
#include "linkscope/model/firearm.hpp"
#include "linkscope/model/grading.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope {
namespace {

TEST(Grading, ParseAndPrint) {
  for (char r = 'A'; r <= 'F'; ++r) {
    for (int c = 1; c <= 6; ++c) {
      const std::string text{r, static_cast<char>('0' + c)};
      auto g = Grade::Parse(text);
      ASSERT_TRUE(g) << text;
      EXPECT_EQ(g->ToString(), text);
      EXPECT_EQ(g->reliability(), r);
      EXPECT_EQ(g->credibility(), c);
    }
  }
  EXPECT_EQ(Grade::Parse("b3")->ToString(), "B3");
  for (const char* bad : {"", "G1", "A0", "A7", "AB", "A11", "1A"}) EXPECT_FALSE(Grade::Parse(bad));
}

TEST(Grading, DefaultTableAndOverrides) {
  ConfidenceTable t;
  EXPECT_DOUBLE_EQ(t.Get(*Grade::Parse("A1")), 1.0);
  EXPECT_DOUBLE_EQ(t.Get(*Grade::Parse("B2")), 0.64);
  EXPECT_DOUBLE_EQ(t.Get(*Grade::Parse("E5")), 0.04);
  EXPECT_DOUBLE_EQ(t.Get(*Grade::Parse("F6")), 0.25);
  EXPECT_DOUBLE_EQ(t.Get(Grade::Ungraded()), 0.25);
  // Every confidence is in (0, 1], and better grades are never worse.
  for (int code = 0; code < kGradeCount; ++code) {
    const double v = t.Get(Grade{static_cast<uint8_t>(code)});
    EXPECT_GT(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
  EXPECT_GT(t.Get(*Grade::Parse("A2")), t.Get(*Grade::Parse("B2")));
  t.Set(*Grade::Parse("C3"), 0.9);
  EXPECT_DOUBLE_EQ(t.Get(*Grade::Parse("C3")), 0.9);
  EXPECT_THROW(t.Set(*Grade::Parse("C3"), 0.0), UsageError);
  EXPECT_THROW(t.Set(*Grade::Parse("C3"), 1.5), UsageError);
}

TEST(Country, Alpha2Alpha3AndCase) {
  EXPECT_EQ(CountryToString(*ParseCountry("GH")), "GH");
  EXPECT_EQ(CountryToString(*ParseCountry("gha")), "GH");
  EXPECT_EQ(CountryToString(*ParseCountry("COD")), "CD");
  EXPECT_EQ(CountryToString(*ParseCountry("ug")), "UG");
  EXPECT_EQ(CountryToString(*ParseCountry("XK")), "XK");
  for (const char* bad : {"", "G", "DRC", "ZZ", "G1", "GHAN"})
    EXPECT_FALSE(ParseCountry(bad)) << bad;
  EXPECT_EQ(CountryToString(kNoCountry), "");
}

TEST(Firearm, SerialAndMakeNormalisation) {
  EXPECT_EQ(NormalizeSerial("ab-12.345/x"), "AB12345X");
  EXPECT_EQ(NormalizeSerial(" 77 123_45\\6 "), "77123456");
  EXPECT_EQ(NormalizeMake("Smith & Wesson"), "smithwesson");
  EXPECT_EQ(NormalizeMake("SIG-SAUER"), "sigsauer");
  EXPECT_EQ(FirearmKey("Glock", "AB 1"), FirearmKey("GLOCK", "ab-1"));
  EXPECT_NE(FirearmKey("Glock", "AB1"), FirearmKey("Taurus", "AB1"));
  EXPECT_EQ(FirearmKey("", "AB1"), "");
  EXPECT_EQ(FirearmKey("Glock", " - "), "");
}

TEST(Kinds, BuiltinsAndVocabulary) {
  EXPECT_EQ(BuiltinKindName(ToKindId(EntityKind::kFirearm)), "firearm");
  EXPECT_EQ(FindBuiltinKind("Organisation"), ToKindId(EntityKind::kOrganization));
  EXPECT_EQ(FindBuiltinKind("PERSON"), ToKindId(EntityKind::kPerson));
  EXPECT_FALSE(FindBuiltinKind("drone"));
  EXPECT_EQ(ParseCommodityCategory("Wildlife"), CommodityCategory::kWildlife);
  EXPECT_FALSE(ParseCommodityCategory("firearms"));
  EXPECT_TRUE(DefaultDirected("supplied"));
  EXPECT_FALSE(DefaultDirected("associate"));
  EXPECT_FALSE(DefaultDirected("something_else"));
  for (const auto& t : RecommendedLinkTypes()) EXPECT_FALSE(t.meaning.empty());
}

}  // namespace
}  // namespace linkscope
