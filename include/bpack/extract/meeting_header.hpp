#pragma once

// Meeting headers: the board, date, time and venue at the top of an agenda or of minutes,
// in the shapes packs print them:
//   - one heading line: "Minutes of the meeting of X held at VENUE at 7pm on 6 April 2017";
//   - a block of lines: body / date (with a time or time range) / venue lines, or a venue
//     line between the body and a "MINUTES - date" line;
//   - a front sheet: "A meeting of X will be held: / Date: ... / Time: ... / Venue: ...";
//   - a header table (Title of Meeting / Date / Place / Time / Attendees), its cells side by
//     side (layout text) or each column in turn (plain extraction);
//   - a page title with the date in front: "2017-6-20 Open Standards Board Meeting".
// The block is found around the first date in the section's opening lines.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/extract/context.hpp"

namespace bpack::extract {

struct HeaderLine {
  std::string_view text;
  model::LineNo number = 0;
  model::LineNo page = 1;
  bool page_start = false;
  bool blank = false;
};

// People listed in a header table's cells ("Attendees", "Invited"), for the attendance reader.
struct HeaderPeople {
  std::string label;  // the label as printed
  std::string text;   // the cells' text joined
  model::LineNo line = 0;
};

struct MeetingHeader {
  model::Meeting meeting;
  std::size_t first = 0;     // index of the header's first line
  std::size_t end = 0;       // index after its last line
  bool forthcoming = false;  // worded as a meeting still to come ("will be held")
  std::vector<HeaderPeople> people;
};

// The header among `lines` (a section's opening lines, after the last `tail` lines of the
// section before), looked for before the first item, list or paragraph of prose. Empty when
// no date is found.
std::optional<MeetingHeader> find_meeting_header(const grammar::Grammar& grammar, std::span<const HeaderLine> lines,
                                                 model::MeetingRole role, std::size_t tail = 0);

// The section's lines as header lines, after the previous section's tail.
std::vector<HeaderLine> header_lines(const ExtractContext& ctx, const segment::SectionChunk& chunk, bool with_tail);

// The board's name in a heading: noise like "Minutes of the meeting of" and trailing
// "Minutes" / "held on ..." removed.
std::string board_from_heading(const grammar::Grammar& grammar, std::string text);

}  // namespace bpack::extract
