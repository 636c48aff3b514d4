// An in-place RapidJSON input stream over one line (internal), shared by the JSON Lines and
// FollowTheMoney readers.
//
// Like RapidJSON's InsituStringStream, but without its "copy optimisation": RapidJSON parses
// such streams through a local copy and writes the position back only after calling the
// handler, so Tell() inside a callback would be stale. Error columns need the true position.
#pragma once

#include <cstddef>

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

}  // namespace linkscope::detail
