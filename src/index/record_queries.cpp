#include "bpack/index/record_queries.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "attendance_counts.hpp"
#include "board_filter.hpp"
#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

// `date` is the SQL expression of the row's meeting date; `board` is true when the row's
// board is the one asked for (board_filter_sql). Values are bound, never spliced.
std::string filter_sql(const std::string& date, const std::string& board = board_filter_sql("p.board_id")) {
  return board + " AND (:since IS NULL OR " + date + " >= :since) AND (:until IS NULL OR " + date + " <= :until)";
}

// The column's text (or none) in `to`, in the room its string already has: for rows read by
// the hundred thousand.
void assign_text(std::optional<std::string>& to, const Statement& q, int column) {
  if (q.is_null(column)) {
    to.reset();
  } else if (to) {
    to->assign(q.column_view(column));
  } else {
    to.emplace(q.column_view(column));
  }
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

// Rows are listed under their meeting's date, else their pack's (listed_date, kept by the
// writer), and read in that order from the index on it: packs of one date in the order they
// were ingested, each pack's rows in line order.
// Attendance rows name their pack by id: its path and board come from PackDirectory, read
// once, instead of from a join for each of an index's hundreds of thousands of rows.
const std::string kAttendanceFrom =
    " FROM attendance a WHERE " +
    filter_sql("a.listed_date", "(:board IS NULL OR a.pack_id IN (SELECT p.id FROM packs p WHERE " +
                                    board_filter_sql("p.board_id") + "))") +
    " AND (:person IS NULL OR instr(lower(a.name), lower(:person)) > 0)";

// Every pack's board, and its path when asked for, read once (the paths cost most: they are
// in the packs' own rows, the boards in an index).
class PackDirectory {
 public:
  struct Pack {
    std::string path;
    std::int64_t board_id = 0;                          // 0: none
    const std::optional<std::string>* board = nullptr;  // its name
  };
  enum class Paths { read, skip };

  PackDirectory(Database& db, Paths paths) : index_path_(db.path()) {
    Statement boards(db, "SELECT id, name FROM boards");
    while (boards.step()) {
      boards_.try_emplace(boards.column_int(0), boards.column_optional(1));
    }
    Statement packs(db, paths == Paths::read ? "SELECT id, COALESCE(board_id, 0), path FROM packs"
                                             : "SELECT id, COALESCE(board_id, 0) FROM packs");
    while (packs.step()) {
      const auto board = boards_.find(packs.column_int(1));
      packs_.try_emplace(packs.column_int(0),
                         Pack{paths == Paths::read ? packs.column_text(2) : std::string(), packs.column_int(1),
                              board == boards_.end() ? &kNoBoard : &board->second});
    }
  }

  // Rows and packs read in one snapshot (ReadSnapshot): a row's pack is always there.
  const Pack& operator[](std::int64_t id) {
    if (id != last_id_ || last_ == nullptr) {
      const auto found = packs_.find(id);
      if (found == packs_.end()) {
        throw Error(
            fmt::format("{}: a row names pack {}, which the index does not hold (a damaged index: "
                        "ingest the packs into a new one)",
                        index_path_, id));
      }
      last_id_ = id;
      last_ = &found->second;
    }
    return *last_;
  }

 private:
  static inline const std::optional<std::string> kNoBoard;
  std::string index_path_;
  std::unordered_map<std::int64_t, std::optional<std::string>> boards_;
  std::unordered_map<std::int64_t, Pack> packs_;
  std::int64_t last_id_ = 0;
  const Pack* last_ = nullptr;
};

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

void for_each_decision(Database& db, const RecordFilter& filter, const std::optional<std::string>& text,
                       const std::function<void(DecisionRow&)>& each) {
  Statement q(db,
              "SELECT d.listed_date, bd.name, d.item, d.kind, d.text, p.path, d.line, p.id, COALESCE(p.board_id, 0) "
              "FROM decisions d JOIN packs p ON p.id = d.pack_id LEFT JOIN boards bd ON bd.id = p.board_id WHERE " +
                  filter_sql("d.listed_date") +
                  " AND (:text IS NULL OR instr(lower(d.text), lower(:text)) > 0) "
                  "ORDER BY d.listed_date, d.pack_id, d.line");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":text"), text);
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
    each(row);
  }
}

std::vector<DecisionRow> list_decisions(Database& db, const RecordFilter& filter,
                                        const std::optional<std::string>& text) {
  std::vector<DecisionRow> rows;
  for_each_decision(db, filter, text, [&rows](DecisionRow& row) { rows.push_back(std::move(row)); });
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

void for_each_attendance(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                         const std::function<void(AttendanceRow&)>& each) {
  const ReadSnapshot snapshot(db);
  PackDirectory packs(db, PackDirectory::Paths::read);
  Statement q(db, "SELECT a.listed_date, a.name, a.role, a.initials, a.status, a.line, a.pack_id" + kAttendanceFrom +
                      " ORDER BY a.listed_date, a.pack_id, a.line");
  bind_filter(q, filter);
  q.bind(q.parameter_index(":person"), person);
  AttendanceRow row;  // one, its strings' room used again for every row
  while (q.step()) {
    const PackDirectory::Pack& pack = packs[q.column_int(6)];
    assign_text(row.meeting_date, q, 0);
    row.board = *pack.board;
    row.name.assign(q.column_view(1));
    assign_text(row.role, q, 2);
    assign_text(row.initials, q, 3);
    row.status.assign(q.column_view(4));
    row.pack = pack.path;
    row.line = q.column_int(5);
    row.pack_id = q.column_int(6);
    row.board_id = pack.board_id;
    each(row);
  }
}

std::vector<AttendanceRow> list_attendance(Database& db, const RecordFilter& filter,
                                           const std::optional<std::string>& person) {
  std::vector<AttendanceRow> rows;
  for_each_attendance(db, filter, person, [&rows](AttendanceRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

namespace {

// The people of a summary in its order, handed to `each`: best attendance first, then the
// most meetings, then by name; a person in no meeting last. `key(i)` is person i's name in
// lower case, `shown(i, out)` puts the spelling shown in `out`.
template <typename Key, typename Shown>
void hand_out_summary(const std::vector<AttendanceCounts>& counts, const Key& key, const Shown& shown,
                      const std::function<void(AttendanceSummaryRow&)>& each) {
  const auto rate = [&counts](std::size_t i) {
    return counts[i][listed] > 0 ? static_cast<double>(counts[i][present]) / static_cast<double>(counts[i][listed])
                                 : 0.0;
  };
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto sort_key = [&](std::size_t i) {
      return std::make_tuple(counts[i][listed] == 0, -rate(i), -counts[i][listed], key(i));
    };
    return sort_key(a) < sort_key(b);
  });
  AttendanceSummaryRow row;  // one, its name's room used again for every person
  for (const std::size_t i : order) {
    shown(i, row.name);
    row.meetings = counts[i][listed];
    row.present = counts[i][present];
    row.apologies = counts[i][apologies];
    row.absent = counts[i][absent];
    row.rate = rate(i);
    each(row);
  }
}

// The summary of every meeting, from the counts the writer keeps per person and board
// (attendance_people): a meeting belongs to one board, so a person's counts add up across
// boards. The rows come in the order of who, a person's boards together, and are added up
// here rather than by SQL's GROUP BY, which makes a value for every group.
void summary_of_all_dates(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                          const std::function<void(AttendanceSummaryRow&)>& each) {
  Statement q(db, "SELECT who, shown, meetings, present, apologies, absent FROM attendance_people ap WHERE " +
                      board_filter_sql("ap.board_id") +
                      " AND (:person IS NULL OR instr(ap.who, lower(:person)) > 0) ORDER BY ap.who");
  q.bind(q.parameter_index(":board"), filter.board);
  q.bind(q.parameter_index(":person"), person);
  // Each person's key and then the spelling shown, one after another in `text`.
  struct Name {
    std::size_t at;
    std::size_t key_size;
    std::size_t shown_size;
  };
  std::string text;
  std::vector<Name> names;
  std::vector<AttendanceCounts> counts;
  const auto key = [&](std::size_t i) { return std::string_view(text).substr(names[i].at, names[i].key_size); };
  const auto shown = [&](std::size_t i) {
    return std::string_view(text).substr(names[i].at + names[i].key_size, names[i].shown_size);
  };
  while (q.step()) {
    const std::string_view who = q.column_view(0);
    const std::string_view spelling = q.column_view(1);
    const AttendanceCounts row{q.column_int(2), q.column_int(3), q.column_int(4), q.column_int(5)};
    if (!names.empty() && key(names.size() - 1) == who) {  // the same person on another board
      for (std::size_t k = 0; k < kinds; ++k) {
        counts.back()[k] += row[k];
      }
      if (spelling < shown(names.size() - 1)) {
        text.resize(names.back().at + names.back().key_size);
        text += spelling;
        names.back().shown_size = spelling.size();
      }
      continue;
    }
    names.push_back({text.size(), who.size(), spelling.size()});
    text += who;
    text += spelling;
    counts.push_back(row);
  }
  hand_out_summary(
      counts, key, [&](std::size_t i, std::string& out) { out.assign(shown(i)); }, each);
}

}  // namespace

void for_each_attendance_summary(Database& db, const RecordFilter& filter, const std::optional<std::string>& person,
                                 const std::function<void(AttendanceSummaryRow&)>& each) {
  if (!filter.since && !filter.until) {
    summary_of_all_dates(db, filter, person, each);
    return;
  }
  // Between dates, counted here from the rows, as the writer counts attendance_people.
  const ReadSnapshot snapshot(db);
  PackDirectory packs(db, PackDirectory::Paths::skip);
  Statement q(db, "SELECT a.name, a.status, a.meeting_date, a.pack_id" + kAttendanceFrom);
  bind_filter(q, filter);
  q.bind(q.parameter_index(":person"), person);
  AttendanceCounter counter(static_cast<std::size_t>(db.query_int("SELECT COUNT(*) FROM attendance")));
  while (q.step()) {
    const std::int64_t pack_id = q.column_int(3);
    counter.add(q.column_view(0), q.column_view(1),
                q.is_null(2) ? std::nullopt : std::optional<std::string_view>(q.column_view(2)), pack_id,
                packs[pack_id].board_id);
  }
  counter.finish();
  hand_out_summary(
      counter.counts(), [&counter](std::size_t i) { return counter.key(i); },
      [&counter](std::size_t i, std::string& out) { counter.shown(i, out); }, each);
}

std::vector<AttendanceSummaryRow> attendance_summary(Database& db, const RecordFilter& filter,
                                                     const std::optional<std::string>& person) {
  std::vector<AttendanceSummaryRow> rows;
  for_each_attendance_summary(db, filter, person,
                              [&rows](AttendanceSummaryRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

}  // namespace bpack::index
