#include "graph/kind_filter.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {

std::vector<uint8_t> KindSet(const Model& model, const std::vector<std::string>& names) {
  std::vector<uint8_t> set(model.kind_count(), 0);
  for (const std::string& name : names) {
    auto k = model.FindKind(name);
    if (!k) throw NotFoundError(fmt::format("unknown entity kind \"{}\"", name));
    if (*k < set.size()) set[*k] = 1;  // a built-in kind no entity has yet matches nothing
  }
  return set;
}

std::vector<uint8_t> LinkTypeSet(const Model& model, const std::vector<std::string>& names) {
  std::vector<uint8_t> set(model.link_type_count(), 0);
  for (const std::string& name : names) {
    if (auto t = model.FindLinkType(name)) {
      set[*t] = 1;
      continue;
    }
    const std::string lower = AsciiLower(Trim(name));
    bool known = false;
    for (const auto& info : RecommendedLinkTypes()) known = known || info.name == lower;
    if (!known) throw NotFoundError(fmt::format("unknown link type \"{}\"", name));
  }
  return set;
}

}  // namespace linkscope::detail
