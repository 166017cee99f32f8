#pragma once

// Meeting headers: the board, date, time and venue at the top of an agenda or of minutes.

#include <string>

#include "bpack/extract/context.hpp"

namespace bpack::extract {

// Meeting header (board, date, time, venue) in the first lines of an agenda or minutes
// section; empty optionals where the pack does not state them.
model::Meeting read_meeting_header(const grammar::Grammar& grammar, const segment::SectionChunk& chunk,
                                   model::MeetingRole role);

// The board's name in a heading: noise like "Minutes of the meeting of" and trailing
// "Minutes" / "held on ..." removed.
std::string board_from_heading(const grammar::Grammar& grammar, std::string text);

}  // namespace bpack::extract
