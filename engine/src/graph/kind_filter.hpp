// Resolving kind and link-type names given by a caller (internal).
#pragma once

#include <string>
#include <vector>

#include "linkscope/model/model.hpp"

namespace linkscope::detail {

// One flag per kind id. Throws NotFoundError for a name that is neither a built-in kind nor
// present in the model.
std::vector<uint8_t> KindSet(const Model& model, const std::vector<std::string>& names);
// One flag per link type id; names absent from the model are allowed when they belong to the
// recommended vocabulary (they simply match nothing), else NotFoundError.
std::vector<uint8_t> LinkTypeSet(const Model& model, const std::vector<std::string>& names);

}  // namespace linkscope::detail
