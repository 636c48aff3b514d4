// Reading input files (internal): whole, or in windows of complete lines for the streaming
// readers. "-" reads standard input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace linkscope::detail {

class InputFile {
 public:
  explicit InputFile(const std::string& path);  // throws IoError
  // A file whose content is already in memory (`content` must outlive the InputFile).
  InputFile(std::string name, std::string_view content);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }
  // Reads up to n bytes; 0 at the end. Throws IoError on a read error.
  size_t Read(char* dst, size_t n);
  // Everything not read yet.
  std::string ReadAll();
  // Up to n bytes from the start, without consuming them (for format detection).
  std::string_view Peek(size_t n);
  uint64_t bytes_read() const { return bytes_read_; }
  // Size of the whole file when known (regular files and memory), else 0.
  uint64_t size_hint() const;

 private:
  // read(2) until n bytes or the end of the file; throws IoError.
  size_t ReadFd(char* dst, size_t n);

  std::string path_;
  int fd_ = -1;
  bool owns_fd_ = false;
  uint64_t bytes_read_ = 0;
  std::string_view memory_;  // content of an in-memory file
  bool in_memory_ = false;
  std::string peeked_;  // bytes read by Peek and not yet returned by Read
  size_t peeked_pos_ = 0;
};

// Windows of whole lines over an InputFile. Each window [begin, end) ends just after a '\n',
// except the last window of a file without a final newline. The window is writable, one byte
// past its end may be overwritten (readers put a '\0' there) and 16 bytes past it may be read.
class LineWindows {
 public:
  explicit LineWindows(InputFile& in, size_t chunk_bytes = size_t{8} << 20);
  bool Next(char** begin, char** end);
  bool at_start() const { return first_; }

 private:
  InputFile& in_;
  std::vector<char> buf_;
  size_t carry_begin_ = 0;  // partial line kept from the previous window
  size_t carry_end_ = 0;
  bool eof_ = false;
  bool first_ = true;
};

// One line of a window: [begin, content_end) without its line break ("\n" or "\r\n");
// next is where the following line starts.
struct WindowLine {
  char* begin;
  char* content_end;
  char* next;
  // True when the line holds only blanks.
  bool blank() const {
    const char* q = begin;
    while (q < content_end && (*q == ' ' || *q == '\t')) ++q;
    return q == content_end;
  }
};

inline WindowLine NextLine(char* p, char* end) {
  char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  char* line_end = nl ? nl : end;
  char* content_end = line_end;
  if (content_end > p && content_end[-1] == '\r') --content_end;
  return WindowLine{p, content_end, nl ? nl + 1 : end};
}

// Strips a UTF-8 byte-order mark at *p.
inline void SkipBom(char** p, char* end) {
  if (end - *p >= 3 && static_cast<unsigned char>((*p)[0]) == 0xEF &&
      static_cast<unsigned char>((*p)[1]) == 0xBB && static_cast<unsigned char>((*p)[2]) == 0xBF) {
    *p += 3;
  }
}

}  // namespace linkscope::detail
