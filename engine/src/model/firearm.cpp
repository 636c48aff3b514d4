#include "linkscope/model/firearm.hpp"

namespace linkscope {

std::string NormalizeSerial(std::string_view serial) {
  std::string out;
  out.reserve(serial.size());
  for (char c : serial) {
    switch (c) {
      case ' ':
      case '\t':
      case '-':
      case '.':
      case '/':
      case '\\':
      case '_':
        continue;
      default:
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return out;
}

std::string NormalizeMake(std::string_view make) {
  std::string out;
  out.reserve(make.size());
  for (char c : make) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    }
  }
  return out;
}

std::string FirearmKey(std::string_view make, std::string_view serial) {
  std::string m = NormalizeMake(make);
  std::string s = NormalizeSerial(serial);
  if (m.empty() || s.empty()) return {};
  return m + '\x1f' + s;
}

}  // namespace linkscope
