#include "bpack/index/record_queries.hpp"

#include "board_filter.hpp"

namespace bpack::index {
namespace {

// `date` is the SQL expression of the row's meeting date. Values are bound, never spliced.
std::string filter_sql(const std::string& date) {
  return board_filter_sql("p.board_id") + " AND (:since IS NULL OR " + date +
         " >= :since) "
         "AND (:until IS NULL OR " +
         date + " <= :until)";
}

void bind_filter(Statement& q, const RecordFilter& filter) {
  q.bind(q.parameter_index(":board"), filter.board);
  q.bind(q.parameter_index(":since"), filter.since);
  q.bind(q.parameter_index(":until"), filter.until);
}

// Meetings are kept one row each by the writer (meeting_summary: a board and a date, from
// every pack that mentions it).
const std::string kMeetingsSql =
    "SELECT m.date, m.time, b.name, m.venue, ap.path, mp.path, m.present, m.apologies, m.decisions, "
    "m.actions_raised, m.agenda_pack_id, m.agenda_line, m.minutes_pack_id, m.minutes_line, m.board_id "
    "FROM meeting_summary m JOIN boards b ON b.id = m.board_id "
    "LEFT JOIN packs ap ON ap.id = m.agenda_pack_id LEFT JOIN packs mp ON mp.id = m.minutes_pack_id WHERE " +
    board_filter_sql("m.board_id") +
    " AND (:since IS NULL OR m.date >= :since) AND (:until IS NULL OR m.date <= :until) "
    "ORDER BY m.date IS NULL, m.date, lower(b.name)";

const std::string kAttendanceFrom =
    " FROM attendance a JOIN packs p ON p.id = a.pack_id LEFT JOIN boards bd ON bd.id = p.board_id WHERE " +
    filter_sql("COALESCE(a.meeting_date, p.meeting_date)") +
    " AND (:person IS NULL OR instr(lower(a.name), lower(:person)) > 0)";

}  // namespace

std::vector<MeetingRow> list_meetings(Database& db, const RecordFilter& filter) {
  Statement q(db, kMeetingsSql);
  bind_filter(q, filter);
  std::vector<MeetingRow> rows;
  while (q.step()) {
    MeetingRow row;
    row.date = q.column_optional(0);
    row.time = q.column_optional(1);
    row.board = q.column_optional(2);
    row.venue = q.column_optional(3);
    row.agenda_pack = q.column_optional(4);
    row.minutes_pack = q.column_optional(5);
    row.present = q.column_int(6);
    row.apologies = q.column_int(7);
    row.decisions = q.column_int(8);
    row.actions_raised = q.column_int(9);
    row.agenda_pack_id = q.column_optional_int(10);
    row.agenda_line = q.column_optional_int(11);
    row.minutes_pack_id = q.column_optional_int(12);
    row.minutes_line = q.column_optional_int(13);
    row.board_id = q.column_int(14);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<DecisionRow> list_decisions(Database& db, const RecordFilter& filter,
                                        const std::optional<std::string>& text) {
  Statement q(db,
              "SELECT COALESCE(d.meeting_date, p.meeting_date), bd.name, d.item, d.kind, d.text, p.path, d.line, p.id, "
              "COALESCE(p.board_id, 0) "
              "FROM decisions d JOIN packs p ON p.id = d.pack_id LEFT JOIN boards bd ON bd.id = p.board_id WHERE " +
                  filter_sql("COALESCE(d.meeting_date, p.meeting_date)") +
                  " AND (:text IS NULL OR instr(lower(d.text), lower(:text)) > 0) "
                  "ORDER BY COALESCE(d.meeting_date, p.meeting_date), p.path, d.line");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":text"), text);
  std::vector<DecisionRow> rows;
  while (q.step()) {
    DecisionRow row;
    row.meeting_date = q.column_optional(0);
    row.board = q.column_optional(1);
    row.item = q.column_optional(2);
    row.kind = q.column_text(3);
    row.text = q.column_optional(4);
    row.pack = q.column_text(5);
    row.line = q.column_int(6);
    row.pack_id = q.column_int(7);
    row.board_id = q.column_int(8);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ItemRow> list_items(Database& db, const RecordFilter& filter) {
  Statement q(db,
              "SELECT COALESCE(p.board_id, 0), bd.name, i.kind, i.number, i.title, COALESCE(i.date, p.meeting_date), "
              "p.path, p.id, i.line FROM ("
              "  SELECT 'agenda item' AS kind, pack_id, number, title, NULL AS date, line FROM agenda_items"
              "  UNION ALL SELECT 'minute item', pack_id, number, title, meeting_date, line_start FROM minute_items"
              "  UNION ALL SELECT 'paper', pack_id, ref, title, NULL, line_start FROM papers WHERE title IS NOT NULL"
              ") i JOIN packs p ON p.id = i.pack_id LEFT JOIN boards bd ON bd.id = p.board_id WHERE " +
                  filter_sql("COALESCE(i.date, p.meeting_date)") + " ORDER BY p.id, i.line");
  bind_filter(q, filter);
  std::vector<ItemRow> rows;
  while (q.step()) {
    rows.push_back({q.column_int(0), q.column_optional(1), q.column_text(2), q.column_optional(3), q.column_text(4),
                    q.column_optional(5), q.column_text(6), q.column_int(7), q.column_int(8)});
  }
  return rows;
}

std::vector<AttendanceRow> list_attendance(Database& db, const RecordFilter& filter,
                                           const std::optional<std::string>& person) {
  Statement q(db,
              "SELECT COALESCE(a.meeting_date, p.meeting_date), bd.name, a.name, a.role, a.initials, a.status, "
              "p.path, a.line, p.id, COALESCE(p.board_id, 0)" +
                  kAttendanceFrom + " ORDER BY COALESCE(a.meeting_date, p.meeting_date), p.path, a.line");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":person"), person);
  std::vector<AttendanceRow> rows;
  while (q.step()) {
    AttendanceRow row;
    row.meeting_date = q.column_optional(0);
    row.board = q.column_optional(1);
    row.name = q.column_text(2);
    row.role = q.column_optional(3);
    row.initials = q.column_optional(4);
    row.status = q.column_text(5);
    row.pack = q.column_text(6);
    row.line = q.column_int(7);
    row.pack_id = q.column_int(8);
    row.board_id = q.column_int(9);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<AttendanceSummaryRow> attendance_summary(Database& db, const RecordFilter& filter,
                                                     const std::optional<std::string>& person) {
  // A meeting is a board and a date; one listed in two packs counts once. MIN(name) shows
  // the capitalised spelling when a name is written in several cases.
  Statement q(db,
              "WITH listed AS (SELECT lower(a.name) AS who, a.name AS name, a.status AS status, "
              "p.board_id || '|' || COALESCE(a.meeting_date, 'pack ' || p.id) AS meeting" +
                  kAttendanceFrom +
                  ") SELECT MIN(name), COUNT(DISTINCT meeting), "
                  "COUNT(DISTINCT CASE WHEN status IN ('member', 'attendee') THEN meeting END) AS present, "
                  "COUNT(DISTINCT CASE WHEN status = 'apologies' THEN meeting END), "
                  "COUNT(DISTINCT CASE WHEN status = 'absent' THEN meeting END) "
                  "FROM listed GROUP BY who "
                  "ORDER BY CAST(present AS REAL) / COUNT(DISTINCT meeting) DESC, COUNT(DISTINCT meeting) DESC, who");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":person"), person);
  std::vector<AttendanceSummaryRow> rows;
  while (q.step()) {
    AttendanceSummaryRow row;
    row.name = q.column_text(0);
    row.meetings = q.column_int(1);
    row.present = q.column_int(2);
    row.apologies = q.column_int(3);
    row.absent = q.column_int(4);
    row.rate = row.meetings > 0 ? static_cast<double>(row.present) / static_cast<double>(row.meetings) : 0.0;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace bpack::index
