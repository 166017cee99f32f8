#pragma once

// The meetings a pack records, as its sections are read: a header found at the top of a
// section (or just above it) is a meeting of the pack, unless it repeats one already read
// (a running header printed on every page); lists read after it are dated by it.

#include <optional>

#include "bpack/extract/context.hpp"
#include "bpack/extract/meeting_header.hpp"

namespace bpack::extract {

struct RecordedMeeting {
  model::Text date;                  // the meeting's date, or the recorded meeting's
  std::optional<std::size_t> index;  // into pack.meetings
  std::size_t header_end = 0;        // index into the section's lines after its header
  std::vector<HeaderPeople> people;  // people in a header table's cells
  bool found = false;                // the section has a header of its own
};

// Reads the meeting header at the top of `chunk` (or in the previous section's tail) and
// records the meeting. For role minutes, the meeting becomes the one being recorded.
RecordedMeeting take_meeting_header(ExtractContext& ctx, const segment::SectionChunk& chunk, model::MeetingRole role);

// Records `meeting` (found at line index `header_end` of a section): the same meeting read
// again is not added twice. Returns its index in pack.meetings.
std::size_t record_meeting(ExtractContext& ctx, model::Meeting meeting);

// The date of the meeting being recorded, if any.
model::Text recorded_date(const ExtractContext& ctx);

}  // namespace bpack::extract
