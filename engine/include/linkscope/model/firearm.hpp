// Firearm identity. Records of the same make and serial number are the same gun even when
// different sources give them different ids or write the serial differently.
#pragma once

#include <string>
#include <string_view>

namespace linkscope {

// Serial in canonical form: ASCII letters upper-cased; spaces, tabs, dashes, dots, slashes,
// backslashes and underscores removed. "ab-12.345/x" -> "AB12345X".
std::string NormalizeSerial(std::string_view serial);

// Make in canonical form: ASCII letters lower-cased; everything but letters and digits removed.
// "Smith & Wesson" -> "smithwesson".
std::string NormalizeMake(std::string_view make);

// Resolution key of a firearm record, or "" when make or serial is missing (such records are
// never merged with others).
std::string FirearmKey(std::string_view make, std::string_view serial);

}  // namespace linkscope
