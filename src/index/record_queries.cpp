#include "bpack/index/record_queries.hpp"

namespace bpack::index {
namespace {

// `date` is the SQL expression of the row's meeting date. Values are bound, never spliced.
std::string filter_sql(const std::string& date) {
  return "(:board IS NULL OR instr(lower(p.board), lower(:board)) > 0) "
         "AND (:since IS NULL OR " +
         date +
         " >= :since) "
         "AND (:until IS NULL OR " +
         date + " <= :until)";
}

void bind_filter(Statement& q, const RecordFilter& filter) {
  q.bind(q.parameter_index(":board"), filter.board);
  q.bind(q.parameter_index(":since"), filter.since);
  q.bind(q.parameter_index(":until"), filter.until);
}

// Meetings without a date cannot be matched across packs; each stays on its own.
const std::string kMeetingsSql =
    "WITH g AS ("
    "  SELECT p.board_key AS board_key, MAX(m.date) AS date,"
    "    MAX(m.time) AS time, MAX(COALESCE(m.body, p.board)) AS board, MAX(m.venue) AS venue,"
    "    MAX(CASE WHEN m.role = 'agenda' THEN p.path END) AS agenda_pack,"
    "    MAX(CASE WHEN m.role = 'minutes' THEN p.path END) AS minutes_pack"
    "  FROM meetings m JOIN packs p ON p.id = m.pack_id"
    "  WHERE " +
    filter_sql("m.date") +
    "  GROUP BY p.board_key, COALESCE(m.date, 'pack ' || p.id || ' line ' || m.line)"
    ") "
    "SELECT g.date, g.time, g.board, g.venue, g.agenda_pack, g.minutes_pack,"
    "  (SELECT COUNT(DISTINCT lower(a.name)) FROM attendance a JOIN packs q ON q.id = a.pack_id"
    "   WHERE a.meeting_date = g.date AND q.board_key = g.board_key AND a.status IN ('member', 'attendee')),"
    "  (SELECT COUNT(DISTINCT lower(a.name)) FROM attendance a JOIN packs q ON q.id = a.pack_id"
    "   WHERE a.meeting_date = g.date AND q.board_key = g.board_key AND a.status = 'apologies'),"
    // The same minutes may come in two packs: count each decision once.
    "  (SELECT COUNT(DISTINCT COALESCE(d.item, '') || '|' || COALESCE(d.text, '')) FROM decisions d"
    "   JOIN packs q ON q.id = d.pack_id WHERE d.meeting_date = g.date AND q.board_key = g.board_key),"
    "  (SELECT COUNT(DISTINCT h.action_id) FROM action_history h JOIN packs q ON q.id = h.pack_id"
    "   WHERE h.raised = g.date AND q.board_key = g.board_key) "
    "FROM g ORDER BY g.date IS NULL, g.date, g.board";

const std::string kAttendanceFrom = " FROM attendance a JOIN packs p ON p.id = a.pack_id WHERE " +
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
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<DecisionRow> list_decisions(Database& db, const RecordFilter& filter,
                                        const std::optional<std::string>& text) {
  Statement q(db,
              "SELECT COALESCE(d.meeting_date, p.meeting_date), p.board, d.item, d.kind, d.text, p.path, d.line "
              "FROM decisions d JOIN packs p ON p.id = d.pack_id WHERE " +
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
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<AttendanceRow> list_attendance(Database& db, const RecordFilter& filter,
                                           const std::optional<std::string>& person) {
  Statement q(db,
              "SELECT COALESCE(a.meeting_date, p.meeting_date), p.board, a.name, a.role, a.initials, a.status, "
              "p.path, a.line" +
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
              "p.board_key || '|' || COALESCE(a.meeting_date, 'pack ' || p.id) AS meeting" +
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
