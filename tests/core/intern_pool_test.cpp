#include "core/intern_pool.hpp"

#include <gtest/gtest.h>

#include <string>

namespace linkscope::detail {
namespace {

TEST(InternPool, InternsOnceAndFinds) {
  InternPool pool;
  bool inserted = false;
  EXPECT_EQ(pool.Intern("alpha", &inserted), 0u);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(pool.Intern("beta", &inserted), 1u);
  EXPECT_EQ(pool.Intern("alpha", &inserted), 0u);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(pool.Find("beta"), 1u);
  EXPECT_EQ(pool.Find("gamma"), InternPool::kNotFound);
  EXPECT_EQ(pool.Get(1), "beta");
  EXPECT_EQ(pool.Intern(""), 2u);
  EXPECT_EQ(pool.Find(""), 2u);
}

TEST(InternPool, GrowsAndTruncates) {
  InternPool pool;
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(pool.Intern("id-" + std::to_string(i)), uint32_t(i));
  for (int i = 0; i < 100000; i += 997)
    ASSERT_EQ(pool.Find("id-" + std::to_string(i)), uint32_t(i));
  pool.Truncate(500);
  EXPECT_EQ(pool.size(), 500u);
  EXPECT_EQ(pool.Find("id-499"), 499u);
  EXPECT_EQ(pool.Find("id-500"), InternPool::kNotFound);
  EXPECT_EQ(pool.Intern("id-70000"), 500u);
}

TEST(InternPool, LongAndBinaryStrings) {
  InternPool pool;
  const std::string a(1000, 'x');
  std::string b = a;
  b[999] = 'y';
  const std::string nul("a\0b", 3);
  EXPECT_EQ(pool.Intern(a), 0u);
  EXPECT_EQ(pool.Intern(b), 1u);
  EXPECT_EQ(pool.Intern(nul), 2u);
  EXPECT_EQ(pool.Find(std::string("a\0c", 3)), InternPool::kNotFound);
  EXPECT_EQ(pool.Find(nul), 2u);
}

}  // namespace
}  // namespace linkscope::detail
