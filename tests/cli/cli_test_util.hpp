// Running the built command-line program from the tests (shared by the CLI test files).
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace linkscope::testing {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

// Runs `linkscope ARGS` through the shell; stdout and stderr are captured.
inline CliRun Cli(const std::string& args) {
  static TempDir dir;
  static int n = 0;
  const std::string out = dir.Path("out" + std::to_string(++n));
  const std::string err = out + ".err";
  const std::string cmd = std::string(LINKSCOPE_CLI) + " " + args + " > " + out + " 2> " + err;
  const int status = std::system(cmd.c_str());
  return CliRun{WEXITSTATUS(status), ReadFile(out), ReadFile(err)};
}

inline rapidjson::Document Json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text.substr(0, 200);
  return d;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline const std::string kSample =
    std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/case.jsonl";

}  // namespace linkscope::testing
