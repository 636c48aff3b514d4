// A file of JSON objects, one per line (internal): the writer of the JSON Lines and FtM exports.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "export/export_common.hpp"

namespace linkscope::detail {

class JsonLinesOut {
 public:
  using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

  explicit JsonLinesOut(std::string path) : out_(std::move(path)), w_(sb_) {}

  // Write one object with w(), then EndLine().
  Writer& w() { return w_; }
  void EndLine() {
    out_.buf().append(sb_.GetString(), sb_.GetSize());
    out_.buf() += '\n';
    out_.MaybeFlush();
    sb_.Clear();
    w_.Reset(sb_);
  }
  void Close() { out_.Close(); }

 private:
  OutFile out_;
  rapidjson::StringBuffer sb_;
  Writer w_;
};

}  // namespace linkscope::detail
