// The one exception family of linkscope.
//
// Exceptions are for errors that end an operation: bad input, a missing id, an I/O failure, a
// misuse of the API. Outcomes a caller should expect ("no path", "no community") are values, not
// exceptions. Programmer errors inside the library are asserts, never user-facing exceptions.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace linkscope {

// Base of every exception linkscope throws on purpose.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Input data is malformed or inconsistent. Carries the place: file, 1-based line and 1-based
// byte column (0 when the problem concerns the whole file or line).
class InputError : public Error {
 public:
  InputError(std::string file, uint64_t line, uint32_t column, std::string reason);

  const std::string& file() const { return file_; }
  uint64_t line() const { return line_; }
  uint32_t column() const { return column_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  uint64_t line_;
  uint32_t column_;
  std::string reason_;
};

// A file could not be opened, read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

// An external id, kind or link type named by the caller does not exist.
class NotFoundError : public Error {
 public:
  using Error::Error;
};

// The caller passed an invalid argument or combination of options.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Formats "file:line:column: reason" (omitting zero line/column), the form used everywhere.
std::string FormatLocation(const std::string& file, uint64_t line, uint32_t column,
                           const std::string& reason);

}  // namespace linkscope
