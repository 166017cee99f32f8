#include "bpack/extract/meeting.hpp"

#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

bool same_meeting(const model::Meeting& a, const model::Meeting& b) {
  if (a.role != b.role || a.date != b.date) {
    return false;
  }
  if (!a.body || !b.body) {
    return true;
  }
  return util::to_lower_ascii(*a.body) == util::to_lower_ascii(*b.body);
}

}  // namespace

std::size_t record_meeting(ExtractContext& ctx, model::Meeting meeting) {
  auto& meetings = ctx.pack.meetings;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    if (same_meeting(meetings[i], meeting)) {
      // A fuller reading of the same header fills what the first one lacked.
      auto& kept = meetings[i];
      if (!kept.body) {
        kept.body = meeting.body;
      }
      if (!kept.time) {
        kept.time = meeting.time;
      }
      if (!kept.venue) {
        kept.venue = meeting.venue;
      }
      return i;
    }
  }
  meetings.push_back(std::move(meeting));
  return meetings.size() - 1;
}

model::Text recorded_date(const ExtractContext& ctx) {
  if (!ctx.recorded_meeting || *ctx.recorded_meeting >= ctx.pack.meetings.size()) {
    return std::nullopt;
  }
  return ctx.pack.meetings[*ctx.recorded_meeting].date;
}

RecordedMeeting take_meeting_header(ExtractContext& ctx, const segment::SectionChunk& chunk, model::MeetingRole role) {
  RecordedMeeting out;
  const std::vector<HeaderLine> lines = header_lines(ctx, chunk, true);
  const std::size_t tail = lines.size() - chunk.lines.size();
  auto header = find_meeting_header(ctx.grammar, lines, role, tail);
  if (!header) {
    out.date = role == model::MeetingRole::minutes ? recorded_date(ctx) : std::nullopt;
    return out;
  }
  out.found = true;
  out.header_end = header->end > tail ? header->end - tail : 0;
  out.people = std::move(header->people);
  if (header->meeting.body && ctx.clues.board.empty()) {
    ctx.clues.board = *header->meeting.body;
  }
  const model::MeetingRole found_role = header->meeting.role;
  out.date = header->meeting.date;
  out.index = record_meeting(ctx, std::move(header->meeting));
  if (found_role == model::MeetingRole::minutes) {
    ctx.recorded_meeting = out.index;
  }
  return out;
}

}  // namespace bpack::extract
