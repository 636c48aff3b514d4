// The format readers (internal). Each reads one file into the sink; syntax errors and bad
// records go to Sink::Reject, which throws in strict mode.
#pragma once

#include <string_view>

#include "ingest/input_file.hpp"
#include "ingest/sink.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope::detail {

void ReadJsonLines(InputFile& in, Sink& sink);
void ReadEdgeList(InputFile& in, Sink& sink, bool has_header_hint);
void ReadLinksTable(std::string_view text, Sink& sink);
void ReadEntitiesTable(std::string_view text, Sink& sink);
void ReadMatrix(std::string_view text, Sink& sink);
void ReadGml(std::string_view text, Sink& sink);
void ReadFtm(InputFile& in, Sink& sink);

// Whether the first line of a JSON Lines head (the first bytes of a file) holds a
// FollowTheMoney entity rather than a linkscope record (ftm_reader.cpp).
bool LooksLikeFtm(std::string_view head);

}  // namespace linkscope::detail
