// Loading files into a model as one transaction (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linkscope/ingest/load.hpp"
#include "model/model_data.hpp"

namespace linkscope::detail {

struct MemoryInput {
  std::string name;
  std::string_view content;
};

// Loads every path (strict: all or nothing). Throws InputError, IoError or UsageError.
LoadReport LoadFiles(ModelData& data, const std::vector<std::string>& paths,
                     const LoadOptions& options);
LoadReport LoadMemory(ModelData& data, const std::vector<MemoryInput>& inputs,
                      const LoadOptions& options);

// The format of a file from its name and first bytes.
InputFormat DetectFormat(std::string_view path, std::string_view head);

}  // namespace linkscope::detail
