// Forward plans: the board's fullest name from the plan's title, and the meeting dates that
// head its columns (the first after the minutes' meeting is the one a pack without an
// agenda is for).

#include "bpack/extract/forward_plan.hpp"

#include "bpack/extract/dates.hpp"
#include "bpack/extract/meeting_header.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {

std::size_t read_forward_plan(ExtractContext& ctx, segment::SectionChunk& chunk) {
  // A forward plan's columns are headed by meeting dates: the first ones say which meeting
  // this pack is for when it has no agenda.
  int seen = 0;
  for (const auto& line : chunk.lines) {
    if (line.blank) {
      continue;
    }
    if (seen++ == 0) {
      const std::string board = board_from_heading(ctx.grammar, std::string(util::trim(line.text)));
      // The fullest form of the board's name wins ("BLMK ICS Partnership Board" over
      // "BLMK Partnership Board").
      if (board.size() > ctx.clues.board.size() && board.size() < 80) {
        ctx.clues.board = board;
      }
    }
    if (seen > 12) {
      break;
    }
    std::string_view rest = line.text;
    while (auto date = find_date(ctx.grammar, rest)) {
      if (ctx.clues.plan_dates.empty()) {
        ctx.clues.plan_line = line.number;
      }
      ctx.clues.plan_dates.push_back(date->iso);
      ctx.clues.plan_dates_text.push_back(date->text);
      rest.remove_prefix(date->offset + date->text.size());
    }
  }
  return chunk.lines.size();
}

}  // namespace bpack::extract
