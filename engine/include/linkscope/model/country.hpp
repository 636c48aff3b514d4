// ISO 3166-1 country codes. Stored as the alpha-2 code packed in 16 bits; alpha-3 input is
// converted. "XK" (Kosovo, used by the EU and INTERPOL) is accepted too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkscope {

using CountryCode = uint16_t;  // 0 = none
inline constexpr CountryCode kNoCountry = 0;

// Alpha-2 or alpha-3 code, any case ("gh", "GHA"); nullopt when not an assigned code.
std::optional<CountryCode> ParseCountry(std::string_view text);
std::string CountryToString(CountryCode code);  // "GH", or "" for none

}  // namespace linkscope
