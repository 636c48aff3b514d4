// Helpers shared by the tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "linkscope/core/date.hpp"
#include "linkscope/graph/graph.hpp"

namespace linkscope::testing {

// An entity record with an id, a kind and (optionally) a country.
inline EntityInput Ent(std::string id, std::string kind = "", std::string country = "") {
  EntityInput e;
  e.id = std::move(id);
  e.kind = std::move(kind);
  e.country = std::move(country);
  return e;
}

// The external id "v<i>" of test vertex i (appended, not "v" + std::to_string: GCC 12 warns
// falsely about the latter at -O3).
inline std::string Id(uint64_t i) {
  std::string id = "v";
  id += std::to_string(i);
  return id;
}

// The interval from `start` to `end` (either may be empty for an open side).
inline DateRange Range(const std::string& start, const std::string& end) {
  std::string error;
  auto r = ParseDateRange(start, end, &error);
  EXPECT_TRUE(r) << error;
  return r.value_or(DateRange{});
}

// The shared real-network datasets, or "" when absent (a user's fresh clone has none).
inline std::string DatasetsDir() {
  if (const char* env = std::getenv("LINKSCOPE_DATASETS")) return env;
  const std::filesystem::path p = LINKSCOPE_DATASETS_DIR;
  return std::filesystem::is_directory(p) ? p.string() : std::string();
}

#define LINKSCOPE_REQUIRE_DATASETS()                                             \
  do {                                                                           \
    if (::linkscope::testing::DatasetsDir().empty()) {                           \
      GTEST_SKIP() << "shared datasets not found at " LINKSCOPE_DATASETS_DIR     \
                      " (set LINKSCOPE_DATASETS); skipping the real-data check"; \
    }                                                                            \
  } while (0)

inline std::string Dataset(const std::string& relative) { return DatasetsDir() + "/" + relative; }

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "linkscope-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name, const std::string& content) const {
    const std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace linkscope::testing
