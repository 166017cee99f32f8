#pragma once

// Minutes: the meeting's header and attendance, its numbered items (numbers before their
// titles, on a line of their own, or references such as "22/17", "19.01.3", "Item 4:"),
// the decisions and actions in them (decisions.hpp, minute_actions.hpp), and headings under
// an item that name what an action is about.

#include "bpack/extract/context.hpp"

namespace bpack::extract {

std::size_t read_minutes(ExtractContext& ctx, segment::SectionChunk& chunk);

}  // namespace bpack::extract
