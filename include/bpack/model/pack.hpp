#pragma once

// The plain data a parsed board pack is made of. No SQL, no RE2, no CLI here: the parser
// fills these, the JSON writer and the index read them. Field names and meanings follow the
// `bpack parse --json` contract (docs/parse-json.md); a field the pack does not state is
// an empty optional, never an invented value.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bpack::model {

using Text = std::optional<std::string>;
using LineNo = std::int64_t;

// The kinds of section: their names are in model/section_kind.hpp, their cues and readers
// in extract/section_registry.hpp.
enum class SectionKind {
#define SECTION_KIND(id, name, cues, body, reader, then) id,
#include "bpack/model/section_kinds.def"
#undef SECTION_KIND
};
enum class MeetingRole { agenda, minutes };
enum class AttendanceStatus { member, apologies, attendee, absent };
enum class DecisionKind { agreed, resolved, noted, approved, endorsed };
enum class ActionStatus { open, in_progress, proposed_closed, closed, deferred, unknown };
enum class ActionSource { action_log, minutes };

std::string_view to_string(MeetingRole role);
std::string_view to_string(AttendanceStatus status);
std::string_view to_string(DecisionKind kind);
std::string_view to_string(ActionStatus status);
std::string_view to_string(ActionSource source);

// Parse the contract's spelling back into the enumeration (used by the --status option and by
// readers of stored rows). Empty when the text names no value. Section kinds are named in
// model/section_kind.hpp.
std::optional<ActionStatus> action_status_from(std::string_view text);

struct SourceInfo {
  std::string path;
  std::string sha256;
  std::uint64_t bytes = 0;
  LineNo lines = 0;
  LineNo pages = 1;
};

struct Meeting {
  Text body;
  Text date;  // ISO 8601
  Text date_text;
  Text time;  // HH:MM
  Text venue;
  MeetingRole role = MeetingRole::agenda;
  LineNo line = 0;
  LineNo line_end = 0;  // the header's last line; 0: `line` alone (not in the JSON contract)
};

struct Section {
  SectionKind kind = SectionKind::other;
  std::string title;
  LineNo line_start = 0;
  LineNo line_end = 0;
  LineNo page_start = 1;
  LineNo page_end = 1;
  // The line whose heading opened the section; 0 when no heading did (text before the first
  // heading, or lines a reader left to the section after it). Not in the JSON contract.
  LineNo heading_line = 0;
};

struct AgendaItem {
  Text number;
  std::string title;
  Text lead;
  Text paper;
  Text time;
  LineNo line = 0;
  LineNo line_end = 0;  // the last line of its title and cells; 0: `line` alone
};

struct Attendee {
  std::string name;
  Text role;
  Text initials;
  AttendanceStatus status = AttendanceStatus::member;
  Text meeting_date;
  LineNo line = 0;
  LineNo line_end = 0;  // the last line of the entry; 0: `line` alone
};

struct MinuteItem {
  Text number;
  std::string title;
  Text meeting_date;
  LineNo line_start = 0;
  LineNo line_end = 0;
};

struct Decision {
  Text item;
  DecisionKind kind = DecisionKind::agreed;
  Text text;
  Text meeting_date;
  LineNo line = 0;
  LineNo line_end = 0;  // the last line of its text; 0: `line` alone
};

struct Action {
  Text ref;
  Text raised;
  Text raised_text;
  Text item;
  Text text;
  Text owner;
  Text owner_initials;  // the owner as written, when the pack gives initials ("PB", "TE/LG")
  Text owner_name;      // the name those initials stand for in the pack's attendance list
  Text due;
  Text due_text;
  ActionStatus status = ActionStatus::unknown;
  Text status_text;
  Text comments;
  ActionSource source = ActionSource::action_log;
  Text meeting_date;  // the meeting whose minutes or log carry the row
  LineNo line = 0;
  LineNo line_end = 0;  // the last line of its row or text; 0: `line` alone
};

struct Paper {
  Text ref;
  Text title;
  Text purpose;
  Text ask;
  Text recommendation;
  LineNo line_start = 0;
  LineNo line_end = 0;
};

// A finding that points to a misread: the pack was not understood where `line` is (0: the
// pack as a whole). `code` names the kind of finding for scripts; `message` says it for people.
struct Warning {
  std::string code;
  std::string message;
  LineNo line = 0;
};

struct Pack {
  SourceInfo source;
  std::vector<Meeting> meetings;
  std::vector<Section> sections;
  std::vector<AgendaItem> agenda_items;
  std::vector<Attendee> attendance;
  std::vector<MinuteItem> minute_items;
  std::vector<Decision> decisions;
  std::vector<Action> actions;
  std::vector<Paper> papers;
  std::vector<Warning> warnings;  // in line order

  // The meeting this pack is for (role agenda), else the latest meeting it carries minutes of.
  const Meeting* primary_meeting() const;
};

// A paragraph-sized run of text for the full-text index: where it is and what kind of
// section holds it, so a search hit points at the exact place.
struct Block {
  SectionKind kind = SectionKind::other;
  std::string_view section_title;
  std::string_view text;
  LineNo line = 0;
  LineNo page = 1;
};

}  // namespace bpack::model
