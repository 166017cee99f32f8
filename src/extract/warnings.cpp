#include "bpack/extract/warnings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "bpack/grammar/line_classifier.hpp"
#include "bpack/model/section_kind.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using model::SectionKind;

bool in_range(model::LineNo line, const model::Section& section) {
  return line >= section.line_start && line <= section.line_end;
}

// The line a finding about a whole section points to: its heading, else its first line.
model::LineNo heading_of(const model::Section& section) {
  return section.heading_line != 0 ? section.heading_line : section.line_start;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A list label ("Present:", "Apologies") in minutes or an attendance list under which nobody
// was read. Not when people of its kind were read elsewhere in the section or earlier in the
// pack ("Apologies for absence were received as detailed above"), when the list says there
// was nobody ("Apologies: None"), or under a membership heading (lists of who sits on the
// body are read as no attendance).
void note_empty_lists(ExtractContext& ctx, const segment::SectionChunk& chunk) {
  using model::AttendanceStatus;
  const auto& classifier = ctx.grammar.line_classifier();
  const std::pair<std::uint64_t, AttendanceStatus> kLabels[] = {
      {classifier.mask({"line.attendance.member", "line.attendance.attendees"}), AttendanceStatus::member},
      {classifier.mask({"line.attendance.attendee"}), AttendanceStatus::attendee},
      {classifier.mask({"line.attendance.apologies"}), AttendanceStatus::apologies},
      {classifier.mask({"line.attendance.absent"}), AttendanceStatus::absent},
  };
  const auto label_of = [&](const segment::SegLine& line) -> std::optional<AttendanceStatus> {
    for (const auto& [bits, status] : kLabels) {
      if (!line.blank && (line.line_hits & bits) != 0) {
        return status;
      }
    }
    return std::nullopt;
  };
  const model::Section& section = chunk.section;
  const auto& lines = chunk.lines;
  const auto membership = [&](std::string_view text) {
    return ctx.grammar.matches("attendance.membership", util::trim(text));
  };
  if (std::any_of(ctx.previous_tail.begin(), ctx.previous_tail.end(),
                  [&](const HeldLine& held) { return membership(held.text); })) {
    return;
  }
  bool people = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank && membership(lines[i].text)) {
      return;
    }
    const auto status = label_of(lines[i]);
    if (!status) {
      continue;
    }
    std::size_t next = i + 1;
    while (next < lines.size() && !label_of(lines[next])) {
      ++next;
    }
    const model::LineNo from = lines[i].number;
    const model::LineNo to = next < lines.size() ? lines[next].number : section.line_end + 1;
    if (std::any_of(ctx.pack.attendance.begin(), ctx.pack.attendance.end(), [&](const model::Attendee& a) {
          return (a.line >= from && a.line < to) ||
                 (a.status == *status && (a.line < from || in_range(a.line, section)));
        })) {
      people = true;
      continue;
    }
    const std::string_view label = util::trim(lines[i].text);
    const auto colon = label.find(':');
    const std::string_view rest =
        colon == std::string_view::npos ? std::string_view{} : util::trim(label.substr(colon + 1));
    std::size_t under = i + 1;
    while (under < next && lines[under].blank) {
      ++under;
    }
    if ((!rest.empty() && ctx.grammar.matches("attendance.not_person", rest)) ||
        (rest.empty() && under < next && ctx.grammar.matches("attendance.not_person", util::trim(lines[under].text)))) {
      continue;
    }
    warn(ctx, from, "empty_attendance", fmt::format("'{}' with no people read under it", label.substr(0, 40)));
    people = true;  // told
  }
  const bool read = std::any_of(ctx.pack.attendance.begin(), ctx.pack.attendance.end(),
                                [&](const model::Attendee& a) { return in_range(a.line, section); });
  if (section.kind == model::SectionKind::attendance && !people && !read) {
    warn(ctx, heading_of(section), "empty_attendance", "attendance heading with no people read");
  }
}

}  // namespace

void warn(ExtractContext& ctx, model::LineNo line, std::string code, std::string message) {
  ctx.pack.warnings.push_back({std::move(code), std::move(message), line});
}

void note_table(ExtractContext& ctx, model::LineNo line, const TableReport& report) {
  if (report.rows == 0) {
    warn(ctx, line, "empty_action_log", "action table header with no rows read");
  } else if (report.misaligned > 0) {
    warn(ctx, report.first_misaligned, "ragged_table",
         fmt::format("{} of the action table under line {} with more cells than its header has columns",
                     plural(report.misaligned, "line", "lines"), line));
  }
}

void note_section(ExtractContext& ctx, const segment::SectionChunk& chunk) {
  const SectionKind kind = chunk.section.kind;
  if (kind == SectionKind::minutes || kind == SectionKind::attendance) {
    note_empty_lists(ctx, chunk);
  }
  // Decisions and actions are read in minutes (and action logs); their markers anywhere else
  // mean minutes were not recognised as such ("RESOLVED that ..." in a paper or an agenda).
  if (kind == SectionKind::minutes || kind == SectionKind::action_log || kind == SectionKind::attendance) {
    return;
  }
  std::size_t decisions = 0;
  std::size_t actions = 0;
  model::LineNo first = 0;
  for (const auto& line : chunk.lines) {
    if (line.blank) {
      continue;
    }
    const std::string_view text = util::trim(line.text);
    const bool decision = ctx.grammar.matches("minutes.decision", text);
    const bool action = !decision && ctx.grammar.matches("minutes.action_marker", text);
    decisions += decision ? 1U : 0U;
    actions += action ? 1U : 0U;
    if ((decision || action) && first == 0) {
      first = line.number;
    }
  }
  // One "Agreed" or "Noted" can open a line of any prose ("5. Agreed direction of travel: ...");
  // minutes that were not recognised carry several.
  if (decisions + actions < 2) {
    return;
  }
  std::string what = decisions > 0 && actions > 0 ? fmt::format("{} and {}", plural(decisions, "decision", "decisions"),
                                                                plural(actions, "action marker", "action markers"))
                     : decisions > 0              ? plural(decisions, "decision", "decisions")
                                                  : plural(actions, "action marker", "action markers");
  warn(ctx, first, "outside_minutes",
       fmt::format("{} outside any minutes (in the {} section from line {})", what, model::section_name(kind),
                   chunk.section.line_start));
}

void find_warnings(ExtractContext& ctx) {
  model::Pack& pack = ctx.pack;
  const bool any_known = std::any_of(pack.sections.begin(), pack.sections.end(),
                                     [](const model::Section& s) { return s.kind != SectionKind::other; });
  if (!any_known) {
    warn(ctx, 0, "no_sections",
         "no agenda, attendance list, minutes, action log or paper found: probably not a board pack");
  }
  bool undated_seen = false;
  for (const auto& section : pack.sections) {
    switch (section.kind) {
      case SectionKind::action_log: {
        const bool rows = std::any_of(pack.actions.begin(), pack.actions.end(), [&](const model::Action& a) {
          return a.source == model::ActionSource::action_log && in_range(a.line, section);
        });
        const bool told = std::any_of(pack.warnings.begin(), pack.warnings.end(), [&](const model::Warning& w) {
          return w.code == "empty_action_log" && in_range(w.line, section);
        });
        if (!rows && !told) {
          warn(ctx, heading_of(section), "empty_action_log", "action log with no rows read");
        }
        break;
      }
      case SectionKind::minutes: {
        // Dated by a header in them or before them (a list's section that heads them, the
        // meeting recorded earlier in the pack), or by resolve() from the action log.
        const bool dated = std::any_of(pack.meetings.begin(), pack.meetings.end(), [&](const model::Meeting& m) {
          return m.role == model::MeetingRole::minutes && m.date && m.line <= section.line_end;
        });
        if (!dated && !undated_seen) {
          warn(ctx, heading_of(section), "undated_minutes", "minutes with no meeting date");
          undated_seen = true;
        }
        break;
      }
      default:
        break;
    }
  }
  std::stable_sort(pack.warnings.begin(), pack.warnings.end(),
                   [](const model::Warning& a, const model::Warning& b) { return a.line < b.line; });
}

}  // namespace bpack::extract
