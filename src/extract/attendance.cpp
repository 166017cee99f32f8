// Attendance lists: "Name (Role) INITIALS" lines, "Name, Role" lines, and comma-separated
// paragraphs ("Present: Cllr A (Chair), Cllr B ..."), under headings that set the status.

#include <algorithm>
#include <cctype>

#include "bpack/extract/attendance.hpp"
#include "bpack/extract/people.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

std::optional<model::AttendanceStatus> heading_status(const grammar::Grammar& grammar, std::string_view text,
                                                      std::size_t& consumed) {
  using model::AttendanceStatus;
  static constexpr std::pair<const char*, AttendanceStatus> kRules[] = {
      {"attendance.apologies", AttendanceStatus::apologies},
      {"attendance.attendee", AttendanceStatus::attendee},
      {"attendance.absent", AttendanceStatus::absent},
      {"attendance.member", AttendanceStatus::member},
  };
  grammar::Captures captures;
  for (const auto& [rule, status] : kRules) {
    if (grammar.match(rule, text, captures) && captures.whole().data() == text.data()) {
      consumed = captures.whole().size();
      return status;
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t read_attendance_lines(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines,
                                  std::size_t begin, std::size_t end, std::vector<model::Attendee>& out) {
  auto status = model::AttendanceStatus::member;
  std::size_t found = 0;
  std::string pending;  // a person whose bracketed role wraps onto the next line
  model::LineNo pending_line = 0;
  const auto flush = [&] {
    if (!pending.empty()) {
      for (auto& person : split_people(grammar, pending)) {
        person.status = status;
        person.line = pending_line;
        out.push_back(std::move(person));
        ++found;
      }
    }
    pending.clear();
  };
  for (std::size_t i = begin; i < end; ++i) {
    const auto& line = lines[i];
    if (line.blank) {
      continue;
    }
    std::string_view text = util::trim(line.text);
    std::size_t consumed = 0;
    if (const auto heading = heading_status(grammar, text, consumed)) {
      const std::string_view rest = util::trim(text.substr(consumed));
      // "Apologies for absence were received as detailed above" is a sentence, not a list.
      if (rest.empty() || text[consumed - 1] == ':' || std::isupper(static_cast<unsigned char>(rest[0])) != 0) {
        flush();
        status = *heading;
        text = rest;
        if (text.empty()) {
          continue;
        }
      }
    }
    if (!pending.empty()) {
      const auto open = std::count(pending.begin(), pending.end(), '(');
      const auto close = std::count(pending.begin(), pending.end(), ')');
      if (open > close || pending.back() == ',') {
        pending.push_back(' ');
        pending.append(text);
        continue;
      }
    }
    flush();
    pending.assign(text);
    pending_line = line.number;
  }
  flush();
  return found;
}

void read_attendance(ExtractContext& ctx, segment::SectionChunk& chunk) {
  read_attendance_lines(ctx.grammar, chunk.lines, 0, chunk.lines.size(), ctx.pack.attendance);
}

}  // namespace bpack::extract
