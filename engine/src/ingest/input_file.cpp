#include "ingest/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "linkscope/core/error.hpp"

namespace linkscope::detail {

InputFile::InputFile(const std::string& path) : path_(path) {
  if (path == "-") {
    fd_ = 0;
    return;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw IoError("cannot open " + path + ": " + std::strerror(errno));
  owns_fd_ = true;
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

InputFile::InputFile(std::string name, std::string_view content)
    : path_(std::move(name)), memory_(content), in_memory_(true) {}

size_t InputFile::ReadFd(char* dst, size_t n) {
  size_t total = 0;
  while (total < n) {
    const ssize_t got = ::read(fd_, dst + total, n - total);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError("cannot read " + path_ + ": " + std::strerror(errno));
    }
    if (got == 0) break;
    total += static_cast<size_t>(got);
  }
  return total;
}

std::string_view InputFile::Peek(size_t n) {
  if (in_memory_) return memory_.substr(0, n);
  if (peeked_.size() < n) {
    const size_t old = peeked_.size();
    peeked_.resize(n);
    peeked_.resize(old + ReadFd(peeked_.data() + old, n - old));
  }
  return std::string_view(peeked_).substr(0, n);
}

uint64_t InputFile::size_hint() const {
  if (in_memory_) return bytes_read_ + memory_.size();
  struct stat st;
  if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) return static_cast<uint64_t>(st.st_size);
  return 0;
}

InputFile::~InputFile() {
  if (owns_fd_) ::close(fd_);
}

size_t InputFile::Read(char* dst, size_t n) {
  size_t total = 0;
  if (in_memory_) {
    total = std::min(n, memory_.size());
    if (total > 0) std::memcpy(dst, memory_.data(), total);
    memory_.remove_prefix(total);
    bytes_read_ += total;
    return total;
  }
  if (peeked_pos_ < peeked_.size()) {
    total = std::min(n, peeked_.size() - peeked_pos_);
    std::memcpy(dst, peeked_.data() + peeked_pos_, total);
    peeked_pos_ += total;
  }
  total += ReadFd(dst + total, n - total);
  bytes_read_ += total;
  return total;
}

std::string InputFile::ReadAll() {
  std::string out;
  size_t size = 0;
  out.resize(size_t{1} << 16);
  for (;;) {
    if (size == out.size()) out.resize(out.size() * 2);
    const size_t got = Read(out.data() + size, out.size() - size);
    if (got == 0) break;
    size += got;
  }
  out.resize(size);
  return out;
}

// The buffer keeps kPad spare bytes after the usable part: readers may load 8 bytes at a time
// near the end of a line.
constexpr size_t kPad = 16;

LineWindows::LineWindows(InputFile& in, size_t chunk_bytes) : in_(in) {
  // A small file gets a small buffer (it grows if the size was wrong).
  const uint64_t size = in.size_hint();
  if (size > 0 && size < chunk_bytes) chunk_bytes = std::max<size_t>(size + 1, 4096);
  buf_.resize(chunk_bytes + 1 + kPad);
}

bool LineWindows::Next(char** begin, char** end) {
  if (!first_ && eof_ && carry_begin_ == carry_end_) return false;
  // Move the partial line to the front, then fill the rest.
  const size_t carry = carry_end_ - carry_begin_;
  if (carry_begin_ > 0 && carry > 0) std::memmove(buf_.data(), buf_.data() + carry_begin_, carry);
  size_t filled = carry;
  size_t scan_from = carry;
  for (;;) {
    if (!eof_) {
      const size_t usable = buf_.size() - 1 - kPad;
      if (filled == usable) buf_.resize(usable * 2 + 1 + kPad);  // one long line
      const size_t got = in_.Read(buf_.data() + filled, buf_.size() - 1 - kPad - filled);
      if (got == 0) eof_ = true;
      filled += got;
    }
    // Last newline in the new bytes.
    size_t last_nl = filled;
    for (size_t i = filled; i > scan_from; --i) {
      if (buf_[i - 1] == '\n') {
        last_nl = i - 1;
        break;
      }
    }
    if (last_nl < filled) {
      *begin = buf_.data();
      *end = buf_.data() + last_nl + 1;
      carry_begin_ = last_nl + 1;
      carry_end_ = filled;
      first_ = false;
      return true;
    }
    scan_from = filled;
    if (eof_) {
      carry_begin_ = carry_end_ = 0;
      if (filled == 0 && !first_) return false;
      *begin = buf_.data();
      *end = buf_.data() + filled;
      const bool any = filled > 0 || first_;
      first_ = false;
      return any && filled > 0;
    }
  }
}

}  // namespace linkscope::detail
