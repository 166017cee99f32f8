#pragma once

// What the minutes record across packs: meetings, decisions and attendance. A meeting is
// one (board, date) however many packs mention it: its agenda usually comes in one pack and
// its minutes in the next.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"

namespace bpack::index {

struct RecordFilter {
  std::optional<std::string> board;  // substring of the board name, any case
  std::optional<std::string> since;  // meeting date on or after
  std::optional<std::string> until;  // meeting date on or before
};

struct MeetingRow {
  std::int64_t board_id = 0;
  std::optional<std::string> date;
  std::optional<std::string> time;
  std::optional<std::string> board;
  std::optional<std::string> venue;
  std::optional<std::string> agenda_pack;  // pack carrying the meeting's agenda, and the line there
  std::optional<std::int64_t> agenda_pack_id;
  std::optional<std::int64_t> agenda_line;
  std::optional<std::string> minutes_pack;  // pack carrying its minutes
  std::optional<std::int64_t> minutes_pack_id;
  std::optional<std::int64_t> minutes_line;
  std::int64_t present = 0;  // members and attendees recorded present
  std::int64_t apologies = 0;
  std::int64_t decisions = 0;
  std::int64_t actions_raised = 0;
};

std::vector<MeetingRow> list_meetings(Database& db, const RecordFilter& filter);

struct DecisionRow {
  std::int64_t board_id = 0;
  std::optional<std::string> meeting_date;
  std::optional<std::string> board;
  std::optional<std::string> item;
  std::string kind;
  std::optional<std::string> text;
  std::string pack;
  std::int64_t pack_id = 0;
  std::int64_t line = 0;
};

// `text`: substring of the decision's text, any case.
std::vector<DecisionRow> list_decisions(Database& db, const RecordFilter& filter,
                                        const std::optional<std::string>& text);
// The same rows handed to `each` one at a time as they are read (it may move from them).
void for_each_decision(Database& db, const RecordFilter& filter, const std::optional<std::string>& text,
                       const std::function<void(DecisionRow&)>& each);

struct AttendanceRow {
  std::int64_t board_id = 0;
  std::optional<std::string> meeting_date;
  std::optional<std::string> board;
  std::string name;
  std::optional<std::string> role;
  std::optional<std::string> initials;
  std::string status;
  std::string pack;
  std::int64_t pack_id = 0;
  std::int64_t line = 0;
};

// What packs give a title: agenda items, minute items and papers.
struct ItemRow {
  std::int64_t board_id = 0;
  std::optional<std::string> board;
  std::string kind;  // "agenda item", "minute item", "paper"
  std::optional<std::string> number;
  std::string title;
  std::optional<std::string> meeting_date;  // the item's meeting, else its pack's
  std::string pack;
  std::int64_t pack_id = 0;
  std::int64_t line = 0;
};

std::vector<ItemRow> list_items(Database& db, const RecordFilter& filter);

// `person`: substring of the name, any case.
std::vector<AttendanceRow> list_attendance(Database& db, const RecordFilter& filter,
                                           const std::optional<std::string>& person);
// The same rows handed to `each` one at a time as they are read, in one AttendanceRow whose
// strings are used again for the next row (`each` may move from them).
void for_each_attendance(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                         const std::function<void(AttendanceRow&)>& each);

struct AttendanceSummaryRow {
  std::string name;
  std::int64_t meetings = 0;  // meetings whose record lists the person (present, apologies or absent)
  std::int64_t present = 0;
  std::int64_t apologies = 0;
  std::int64_t absent = 0;
  double rate = 0.0;  // present / meetings
};

// One row per person (names compared ignoring case and spacing), best attendance first.
std::vector<AttendanceSummaryRow> attendance_summary(Database& db, const RecordFilter& filter,
                                                     const std::optional<std::string>& person);
// The same rows handed to `each` one at a time, in one AttendanceSummaryRow used again.
void for_each_attendance_summary(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                                 const std::function<void(AttendanceSummaryRow&)>& each);

}  // namespace bpack::index
