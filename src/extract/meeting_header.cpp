#include "bpack/extract/meeting_header.hpp"

#include <algorithm>
#include <cctype>

#include "bpack/extract/dates.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

// How far into a section its meeting header may reach.
constexpr int kHeaderLines = 14;

}  // namespace

std::string board_from_heading(const grammar::Grammar& grammar, std::string text) {
  grammar::Captures captures;
  if (grammar.match("meeting.heading_noise", text, captures) && captures.whole().data() == text.data()) {
    text.erase(0, captures.whole().size());
  }
  if (grammar.match("meeting.heading_tail", text, captures)) {
    text.erase(static_cast<std::size_t>(captures.whole().data() - text.data()));
  }
  return std::string(util::trim_punctuation(util::collapse_spaces(text)));
}

model::Meeting read_meeting_header(const grammar::Grammar& grammar, const segment::SectionChunk& chunk,
                                   model::MeetingRole role) {
  model::Meeting meeting;
  meeting.role = role;
  std::vector<std::string_view> body_parts;
  model::LineNo body_line = 0;
  int seen = 0;
  for (const auto& line : chunk.lines) {
    if (line.blank) {
      continue;
    }
    if (++seen > kHeaderLines) {
      break;
    }
    const std::string_view text = util::trim(line.text);
    grammar::Captures captures;
    const auto date = find_date(grammar, text);
    if (date && !meeting.date) {
      meeting.date = date->iso;
      meeting.date_text = date->text;
      // A heading that carries its date ("Minutes ... held on 3 May 2023") names the board
      // before the date.
      if (body_parts.empty() && date->offset > 8) {
        body_parts.push_back(text.substr(0, date->offset));
        body_line = line.number;
      }
      if (!meeting.time) {
        meeting.time = find_time(grammar, text.substr(date->offset + date->text.size()));
      }
      if (!meeting.venue && grammar.match("meeting.venue", text.substr(date->offset), captures)) {
        meeting.venue = std::string(util::trim_punctuation(*captures.get("venue")));
      }
      // "Thursday 5 May 2022 at 10.00am, Boardroom, Trust HQ": the place follows the time.
      grammar::Captures time;
      const std::string_view after_date = text.substr(date->offset + date->text.size());
      if (!meeting.venue && grammar.match("time.any", after_date, time)) {
        std::string_view rest = after_date.substr(time.end());
        rest = util::trim(rest.substr(std::min(rest.size(), rest.find_first_not_of(" ,;-\xE2\x80\x93"))));
        if (rest.size() >= 3 && std::isupper(static_cast<unsigned char>(rest[0])) != 0) {
          meeting.venue = std::string(util::trim_punctuation(rest));
        }
      }
      continue;
    }
    if (!meeting.time && grammar.matches("meeting.time_line", text)) {
      meeting.time = find_time(grammar, text);
      continue;
    }
    if (!meeting.venue && grammar.match("meeting.venue", text, captures) && captures.get("venue")) {
      meeting.venue = std::string(util::trim_punctuation(*captures.get("venue")));
      continue;
    }
    if (meeting.date) {
      // Past the date, the header is over once a line is neither time nor venue.
      if (meeting.time || meeting.venue) {
        break;
      }
      continue;
    }
    // Before the date: heading lines name the board (a table header or item ends it).
    if (grammar.matches("line.enumerated", text) || text.size() > 90) {
      break;
    }
    if (body_parts.size() < 3) {
      body_parts.push_back(text);
      if (body_line == 0) {
        body_line = line.number;
      }
    }
  }
  if (!body_parts.empty()) {
    const std::string body = board_from_heading(grammar, util::join_collapsed(body_parts));
    if (!body.empty()) {
      meeting.body = body;
    }
  }
  meeting.line = body_line != 0 ? body_line : chunk.section.line_start;
  return meeting;
}

}  // namespace bpack::extract
