#include "linkscope/core/error.hpp"

#include <utility>

namespace linkscope {

std::string FormatLocation(const std::string& file, uint64_t line, uint32_t column,
                           const std::string& reason) {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  if (!out.empty()) out += ": ";
  out += reason;
  return out;
}

InputError::InputError(std::string file, uint64_t line, uint32_t column, std::string reason)
    : Error(FormatLocation(file, line, column, reason)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      reason_(std::move(reason)) {}

}  // namespace linkscope
