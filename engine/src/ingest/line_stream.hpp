// One JSON object per line, parsed in place (internal): the walk over the lines, the stream and
// the parse-and-check step shared by the JSON Lines and FollowTheMoney readers.
//
// Like RapidJSON's InsituStringStream, but without its "copy optimisation": RapidJSON parses
// such streams through a local copy and writes the position back only after calling the
// handler, so Tell() inside a callback would be stale. Error columns need the true position.
#pragma once

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/input_file.hpp"
#include "ingest/sink.hpp"

namespace linkscope::detail {

class LineStream {
 public:
  using Ch = char;
  explicit LineStream(char* src) : src_(src), head_(src) {}
  Ch Peek() const { return *src_; }
  Ch Take() { return *src_++; }
  size_t Tell() const { return static_cast<size_t>(src_ - head_); }
  Ch* PutBegin() { return dst_ = src_; }
  void Put(Ch c) { *dst_++ = c; }
  void Flush() {}
  size_t PutEnd(Ch* begin) { return static_cast<size_t>(dst_ - begin); }
  Ch* Push(size_t count) {
    Ch* begin = dst_;
    dst_ += count;
    return begin;
  }
  void Pop(size_t count) { dst_ -= count; }

 private:
  Ch* src_;
  Ch* dst_ = nullptr;
  Ch* head_;
};

// Parses the object on one line, [line, content_end) with a '\0' at content_end, with
// `handler` (reset(&stream) first points it at the stream). Returns false after reporting to
// the sink what is wrong: the handler's own error (it stopped the parse), malformed JSON, or
// text after the object (compared with the line's end, not a '\0', so an embedded NUL cannot
// hide it).
template <unsigned kFlags, typename Handler, typename Reset>
bool ParseJsonLine(rapidjson::Reader& reader, Handler& handler, Reset&& reset, char* line,
                   const char* content_end, uint64_t line_no, Sink& sink) {
  LineStream stream(line);
  reset(&stream);
  const rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, handler);
  if (!ok) {
    if (ok.Code() == rapidjson::kParseErrorTermination) {
      sink.Reject(line_no, handler.error_column(), handler.error());
    } else {
      const auto col = static_cast<uint32_t>(ok.Offset()) + 1;
      std::string why = std::string("invalid JSON: ") + rapidjson::GetParseError_En(ok.Code());
      if (!why.empty() && why.back() == '.') why.pop_back();
      sink.Reject(line_no, col, std::move(why));
    }
    return false;
  }
  const char* rest = line + stream.Tell();
  while (rest < content_end && (*rest == ' ' || *rest == '\t')) ++rest;
  if (rest != content_end) {
    sink.Reject(line_no, static_cast<uint32_t>(rest - line) + 1,
                "unexpected text after the JSON object");
    return false;
  }
  return true;
}

// Calls on_line(line, content_end, line_no) for every line of `in` that is not blank, after a
// leading byte-order mark is skipped, the line is counted as a record and a '\0' is written at
// its content_end (the line's end without its "\r\n" or "\n"). Lines are numbered from 1.
template <typename OnLine>
void ForEachJsonLine(InputFile& in, Sink& sink, OnLine&& on_line) {
  LineWindows windows(in);
  uint64_t line_no = 0;
  bool first = true;
  char* begin;
  char* end;
  while (windows.Next(&begin, &end)) {
    char* p = begin;
    if (first) {
      SkipBom(&p, end);
      first = false;
    }
    while (p < end) {
      const WindowLine line = NextLine(p, end);
      ++line_no;
      char* const start = p;
      p = line.next;
      if (line.blank()) continue;
      *line.content_end = '\0';
      sink.CountRecord();
      on_line(start, line.content_end, line_no);
    }
  }
}

}  // namespace linkscope::detail
