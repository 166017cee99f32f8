#include "derived_state.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "action_links.hpp"
#include "action_match.hpp"
#include "attendance_counts.hpp"
#include "bpack/index/boards.hpp"

namespace bpack::index {
namespace {

// An action's history rows in meeting-date order (ties: the later ingested pack; within a
// pack, its action log after its minutes, the log being the later record), for its state
// and for how each row joined it.
constexpr const char* kActionRows = R"sql(
SELECT h.raised, h.item, h.text, h.owner, h.due, h.due_text, h.status, h.status_text, h.comments, h.source,
       h.pack_id, h.line, h.meeting_date, p.meeting_date, a.board_id, a.ref,
       h.id, h.ref, h.owner_initials, h.linked_by, h.similarity, a.owner_key, a.words, a.raised
FROM actions a JOIN action_history h ON h.action_id = a.id JOIN packs p ON p.id = h.pack_id
WHERE a.id = ?1
ORDER BY COALESCE(p.meeting_date, ''), p.id, h.source = 'action_log', h.line
)sql";

constexpr const char* kInsertState = R"sql(
INSERT INTO action_state (action_id, board_id, ref, raised, item, text, owner, due, due_text, status, status_text,
                          comments, source, first_seen, last_seen, packs_seen, last_pack_id, last_line, closed_on,
                          closed_pack_id, vanished_pack_id, vanished_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
)sql";

// The first pack of a board with an action log after a date: where an action last seen then
// and not closed vanished (it cannot carry the action: the action's latest pack is earlier).
constexpr const char* kFirstLogAfter = R"sql(
SELECT id, meeting_date FROM packs WHERE board_id = ?1 AND has_action_log AND meeting_date > ?2
ORDER BY meeting_date, id LIMIT 1
)sql";

// A pack with an action log: every action of its board not closed and last seen before it,
// that no earlier such pack left out, vanished here. An action last seen before the board's
// previous log (the latest earlier in date) vanished there or before, so the candidates are
// those last seen from that log's date on: a range of the index by (board, last_seen), small
// however many actions the board has and in whatever order its packs are ingested.
constexpr const char* kMarkVanished = R"sql(
UPDATE action_state SET vanished_pack_id = ?1, vanished_on = ?3
WHERE board_id = ?2 AND COALESCE(last_seen, '') < ?3
  AND COALESCE(last_seen, '') >= (
    SELECT COALESCE(MAX(meeting_date), '') FROM packs WHERE board_id = ?2 AND has_action_log AND meeting_date < ?3)
  AND status <> 'closed'
  AND (vanished_on IS NULL OR vanished_on > ?3 OR (vanished_on = ?3 AND vanished_pack_id > ?1))
)sql";

// The meetings a pack's rows bear on: its own, and those its attendance, decisions and
// actions are dated by (their counts change).
constexpr const char* kMeetingKeys = R"sql(
SELECT board_id, COALESCE(date, 'pack ' || pack_id || ' line ' || line) FROM meetings
  WHERE pack_id = ?1 AND board_id IS NOT NULL
UNION
SELECT p.board_id, d.date FROM packs p, (
  SELECT meeting_date AS date FROM attendance WHERE pack_id = ?1
  UNION SELECT meeting_date FROM decisions WHERE pack_id = ?1
  UNION SELECT raised FROM action_history WHERE pack_id = ?1) d
  WHERE p.id = ?1 AND p.board_id IS NOT NULL AND d.date IS NOT NULL
)sql";

// One meeting: a board and a date (or one undated meeting row), from every pack that
// mentions it. A person or decision recorded in two packs counts once. Its agenda and its
// minutes are shown in the latest pack carrying them, at the first line there: the largest
// pack_id * 10^9 - line is that pack's first line (lines are far below 10^9). The meeting's
// rows are found through the indexes, by (board, date), or for an undated one by the pack its
// key names, never by reading every meeting of the board (a board may have thousands).
constexpr const char* kInsertMeeting = R"sql(
INSERT INTO meeting_summary (board_id, meeting_key, date, time, venue, agenda_pack_id, agenda_line, minutes_pack_id,
                             minutes_line, present, apologies, decisions, actions_raised)
SELECT ?1, ?2, MAX(m.date), MAX(m.time), MAX(m.venue),
  MAX(CASE WHEN m.role = 'agenda' THEN m.pack_id END),
  1000000000 - MAX(CASE WHEN m.role = 'agenda' THEN m.pack_id * 1000000000 - m.line END) % 1000000000,
  MAX(CASE WHEN m.role = 'minutes' THEN m.pack_id END),
  1000000000 - MAX(CASE WHEN m.role = 'minutes' THEN m.pack_id * 1000000000 - m.line END) % 1000000000,
  (SELECT COUNT(DISTINCT lower(a.name)) FROM attendance a JOIN packs q ON q.id = a.pack_id
    WHERE a.listed_date = ?2 AND a.meeting_date = ?2 AND q.board_id = ?1 AND a.status IN ('member', 'attendee')),
  (SELECT COUNT(DISTINCT lower(a.name)) FROM attendance a JOIN packs q ON q.id = a.pack_id
    WHERE a.listed_date = ?2 AND a.meeting_date = ?2 AND q.board_id = ?1 AND a.status = 'apologies'),
  (SELECT COUNT(DISTINCT COALESCE(d.item, '') || '|' || COALESCE(d.text, '')) FROM decisions d
    JOIN packs q ON q.id = d.pack_id WHERE d.listed_date = ?2 AND d.meeting_date = ?2 AND q.board_id = ?1),
  (SELECT COUNT(DISTINCT h.action_id) FROM action_history h JOIN packs q ON q.id = h.pack_id
    WHERE h.raised = ?2 AND q.board_id = ?1)
FROM meetings m
WHERE m.id IN (
    SELECT id FROM meetings WHERE board_id = ?1 AND date = ?2
    UNION ALL
    SELECT id FROM meetings WHERE pack_id = CAST(substr(?2, 6) AS INTEGER) AND date IS NULL AND board_id = ?1
      AND 'pack ' || pack_id || ' line ' || line = ?2)
HAVING COUNT(*) > 0
)sql";

// The attendance rows whose people's counts (attendance_people) are made again: the columns
// AttendanceCounter::add takes; board 0 (bound as NULL) is the packs without one.
constexpr const char* kPeopleRows =
    "SELECT a.name, a.status, a.meeting_date, a.pack_id, COALESCE(p.board_id, 0) "
    "FROM packs p JOIN attendance a ON a.pack_id = p.id WHERE p.board_id IS ?1";

// An ingest with more people to refresh than this counts their boards again in one pass over
// the boards' rows instead (a large ingest names most of a board's people).
constexpr std::int64_t kPeopleOneByOne = 2000;

// The alias most packs and meetings use; on a tie one not in capitals, then the longest.
constexpr const char* kBoardName = R"sql(
UPDATE boards SET name = (
  SELECT NULLIF(a.name, '') FROM board_aliases a WHERE a.board_id = boards.id
  ORDER BY a.uses DESC, a.name <> upper(a.name) DESC, length(a.name) DESC, a.id LIMIT 1)
WHERE id = ?1 AND renamed = 0
)sql";

// The integers of a query's first column, the query reset after: ids to refresh one by one
// once the query no longer reads the tables the refreshes write.
std::vector<std::int64_t> first_column(Statement& q) {
  std::vector<std::int64_t> values;
  while (q.step()) {
    values.push_back(q.column_int(0));
  }
  q.reset();
  return values;
}

template <typename T>
void add_unique(std::vector<T>& to, T value) {
  if (std::find(to.begin(), to.end(), value) == to.end()) {
    to.push_back(std::move(value));
  }
}

}  // namespace

DerivedState::DerivedState(Database& db)
    : db_(db),
      delete_state_(db, "DELETE FROM action_state WHERE action_id = ?1"),
      action_rows_(db, kActionRows),
      label_row_(db, "UPDATE action_history SET linked_by = ?2, similarity = ?3 WHERE id = ?1"),
      match_data_(db, "UPDATE actions SET owner_key = ?2, words = ?3, raised = ?4 WHERE id = ?1"),
      insert_state_(db, kInsertState),
      first_log_after_(db, kFirstLogAfter),
      mark_vanished_(db, kMarkVanished),
      first_seen_(db, "SELECT first_seen FROM action_state WHERE action_id = ?1"),
      pack_(db, "SELECT board_id, meeting_date, has_action_log FROM packs WHERE id = ?1"),
      actions_of_pack_(db, "SELECT DISTINCT action_id FROM action_history WHERE pack_id = ?1"),
      vanished_in_pack_(db, "SELECT action_id FROM action_state WHERE vanished_pack_id = ?1"),
      meeting_keys_(db, kMeetingKeys),
      delete_meeting_(db, "DELETE FROM meeting_summary WHERE board_id = ?1 AND meeting_key = ?2"),
      insert_meeting_(db, kInsertMeeting),
      count_pack_alias_(db,
                        "UPDATE board_aliases SET uses = uses + ?2 "
                        "WHERE key = (SELECT board_alias FROM packs WHERE id = ?1)"),
      count_meeting_aliases_(db,
                             "UPDATE board_aliases SET uses = uses + ?2 * (SELECT COUNT(*) FROM meetings m "
                             "WHERE m.pack_id = ?1 AND m.board_alias = board_aliases.key) "
                             "WHERE key IN (SELECT board_alias FROM meetings WHERE pack_id = ?1)"),
      board_name_(db, kBoardName),
      // The ref of a row still there: the row that gave the action its ref may have gone.
      fix_ref_(db,
               "UPDATE actions SET ref = (SELECT h.ref FROM action_history h WHERE h.action_id = actions.id "
               "AND h.ref IS NOT NULL ORDER BY h.id LIMIT 1) WHERE id = ?1"),
      people_of_pack_(db,
                      "SELECT DISTINCT lower(a.name), COALESCE(p.board_id, 0) FROM attendance a "
                      "JOIN packs p ON p.id = a.pack_id WHERE a.pack_id = ?1"),
      add_stale_people_(db,
                        "INSERT OR IGNORE INTO stale_people (who, board_id) SELECT DISTINCT lower(a.name), "
                        "COALESCE(p.board_id, 0) FROM attendance a JOIN packs p ON p.id = a.pack_id "
                        "WHERE a.pack_id = ?1"),
      delete_person_(db, "DELETE FROM attendance_people WHERE board_id = COALESCE(?1, 0) AND who = ?2"),
      person_rows_(db, std::string(kPeopleRows) + " AND lower(a.name) = ?2"),
      insert_person_(db,
                     "INSERT INTO attendance_people (who, board_id, shown, meetings, present, apologies, absent) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") {}

void DerivedState::refresh_action(std::int64_t action_id) {
  delete_state_.bind(1, action_id).run();
  struct Row {
    std::optional<std::string> due, due_text, status_text, comments, meeting_date, pack_date;
    std::string status, source;
    std::int64_t pack_id = 0;
    std::int64_t line = 0;
  };
  std::optional<std::string> raised, item, text, owner, first_seen, last_seen, ref;
  std::optional<Row> latest;
  std::optional<Row> closing;  // the first closed row after the last one that was not
  std::vector<std::int64_t> packs;
  std::int64_t board_id = 0;
  const auto earliest = [](std::optional<std::string>& to, std::optional<std::string> value) {
    if (value && (!to || *value < *to)) {
      to = std::move(value);
    }
  };
  // How each row joined the action, told in meeting order whatever the order of ingest: the
  // first row began it; a later one joined by its ref when an earlier row has that ref, else
  // by its owner and text (alike to the first row's). The action is matched by its first row.
  LinkSide first;
  std::set<std::string> refs;
  bool first_row = true;
  struct Label {
    std::int64_t row;
    std::optional<std::string> linked_by;
    std::optional<double> similarity;
  };
  std::vector<Label> relabel;
  Statement& q = action_rows_;
  q.bind(1, action_id);
  while (q.step()) {
    const std::optional<std::string> row_ref = q.column_optional(17);
    Label label{q.column_int(16), std::nullopt, std::nullopt};
    if (first_row) {
      first = {owner_key(q.is_null(3) ? q.column_optional(18) : q.column_optional(3)),
               content_words(q.column_optional(2)), q.column_optional(0)};
      if (first.owner_key != q.column_view(21) || first.words != q.column_view(22) ||
          first.raised != q.column_optional(23)) {
        match_data_.bind(1, action_id).bind(2, first.owner_key).bind(3, first.words).bind(4, first.raised).run();
      }
    } else if (row_ref && refs.count(*row_ref)) {
      label.linked_by = "ref";
    } else {
      label.linked_by = "text";
      label.similarity = word_similarity(first.words, content_words(q.column_optional(2)));
    }
    first_row = false;
    if (row_ref) {
      refs.insert(*row_ref);
    }
    const std::optional<double> stored = q.is_null(20) ? std::nullopt : std::optional(q.column_double(20));
    if (label.linked_by != q.column_optional(19) || stored != label.similarity) {
      relabel.push_back(std::move(label));
    }
    Row row{q.column_optional(4),  q.column_optional(5),  q.column_optional(7), q.column_optional(8),
            q.column_optional(12), q.column_optional(13), q.column_text(6),     q.column_text(9),
            q.column_int(10),      q.column_int(11)};
    earliest(raised, q.column_optional(0));
    // Described by the latest row that says it.
    for (auto [column, field] : {std::pair{1, &item}, std::pair{2, &text}, std::pair{3, &owner}}) {
      if (!q.is_null(column)) {
        *field = q.column_text(column);
      }
    }
    earliest(first_seen, row.pack_date);
    if (row.pack_date && (!last_seen || *row.pack_date > *last_seen)) {
      last_seen = row.pack_date;
    }
    add_unique(packs, row.pack_id);
    board_id = q.column_int(14);
    ref = q.column_optional(15);
    if (row.status != "closed") {
      closing.reset();
    } else if (!closing) {
      closing = row;
    }
    latest = std::move(row);
  }
  q.reset();
  for (const Label& label : relabel) {
    label_row_.bind(1, label.row).bind(2, label.linked_by);
    if (label.similarity) {
      label_row_.bind(3, *label.similarity);
    } else {
      label_row_.bind_null(3);
    }
    label_row_.run();
  }
  if (!latest) {
    return;  // the action went with its last pack
  }
  std::optional<std::int64_t> vanished_pack;
  std::optional<std::string> vanished_on;
  if (latest->status != "closed") {
    first_log_after_.bind(1, board_id).bind(2, last_seen.value_or(""));
    if (first_log_after_.step()) {
      vanished_pack = first_log_after_.column_int(0);
      vanished_on = first_log_after_.column_optional(1);
    }
    first_log_after_.reset();
  }
  Statement& s = insert_state_;
  s.bind(1, action_id).bind(2, board_id).bind(3, ref).bind(4, raised).bind(5, item).bind(6, text).bind(7, owner);
  s.bind(8, latest->due).bind(9, latest->due_text).bind(10, latest->status).bind(11, latest->status_text);
  s.bind(12, latest->comments).bind(13, latest->source).bind(14, first_seen).bind(15, last_seen);
  s.bind(16, static_cast<std::int64_t>(packs.size())).bind(17, latest->pack_id).bind(18, latest->line);
  const std::optional<std::string> closed_on =
      closing ? (closing->meeting_date ? closing->meeting_date : closing->pack_date) : std::nullopt;
  s.bind(19, closed_on).bind(20, closing ? std::optional(closing->pack_id) : std::nullopt);
  s.bind(21, vanished_pack).bind(22, vanished_on).run();
}

void DerivedState::refresh_meeting(std::int64_t board_id, const std::string& key) {
  delete_meeting_.bind(1, board_id).bind(2, key).run();
  insert_meeting_.bind(1, board_id).bind(2, key).run();
}

void DerivedState::refresh_person(const std::string& who, std::int64_t board_id) {
  bind_board(delete_person_, board_id).bind(2, who).run();
  bind_board(person_rows_, board_id).bind(2, who);
  count_people(person_rows_, board_id);
}

Statement& DerivedState::bind_board(Statement& q, std::int64_t board_id) {
  if (board_id == 0) {
    q.bind_null(1);
  } else {
    q.bind(1, board_id);
  }
  return q;
}

void DerivedState::count_people(Statement& rows, std::int64_t board_id) {
  AttendanceCounter counter;
  while (rows.step()) {
    counter.add(rows.column_view(0), rows.column_view(1),
                rows.is_null(2) ? std::nullopt : std::optional<std::string_view>(rows.column_view(2)),
                rows.column_int(3), rows.column_int(4));
  }
  rows.reset();
  counter.finish();
  std::string shown;
  for (std::size_t i = 0; i < counter.size(); ++i) {
    const AttendanceCounts& counts = counter.counts()[i];
    counter.shown(i, shown);
    insert_person_.bind(1, counter.key(i)).bind(2, board_id).bind(3, shown);
    for (const AttendanceCount kind : {listed, present, apologies, absent}) {
      insert_person_.bind(4 + kind, counts[kind]);
    }
    insert_person_.run();
  }
}

void DerivedState::refresh_board_name(std::int64_t board_id) {
  board_name_.bind(1, board_id).run();
}

void DerivedState::count_aliases(std::int64_t pack_id, int delta) {
  count_pack_alias_.bind(1, pack_id).bind(2, delta).run();
  count_meeting_aliases_.bind(1, pack_id).bind(2, delta).run();
}

std::vector<std::pair<std::int64_t, std::string>> DerivedState::meeting_keys(std::int64_t pack_id) {
  std::vector<std::pair<std::int64_t, std::string>> keys;
  meeting_keys_.bind(1, pack_id);
  while (meeting_keys_.step()) {
    keys.emplace_back(meeting_keys_.column_int(0), meeting_keys_.column_text(1));
  }
  meeting_keys_.reset();
  return keys;
}

void DerivedState::pack_added(std::int64_t pack_id, bool later) {
  count_aliases(pack_id, 1);
  pack_.bind(1, pack_id);
  pack_.step();
  const std::optional<std::int64_t> board = pack_.column_optional_int(0);
  const std::optional<std::string> date = pack_.column_optional(1);
  const bool has_log = pack_.column_int(2) != 0;
  pack_.reset();
  actions_of_pack_.bind(1, pack_id);
  for (const std::int64_t id : first_column(actions_of_pack_)) {
    // An action's first row, in meeting order, is what rows without a ref are matched
    // against: it changes only when this pack is dated before every pack carrying the action
    // (or it or they are undated, or the action is new), and then the state is refreshed at
    // once. Otherwise this pack comes later in the action's history and the refresh can wait.
    bool now = !later || !date;
    if (!now) {
      first_seen_.bind(1, id);
      now = !first_seen_.step() || first_seen_.is_null(0) || *date < first_seen_.column_text(0);
      first_seen_.reset();
    }
    if (now) {
      refresh_action(id);
    } else {
      if (!add_stale_action_) {
        add_stale_action_.emplace(db_, "INSERT OR IGNORE INTO stale_actions (action_id) VALUES (?1)");
      }
      add_stale_action_->bind(1, id).run();
    }
  }
  // The pack's own actions are in their state now (last seen here), or listed as stale (and
  // then refreshed whole, what vanished included): the rest of its board's may have vanished
  // from its log.
  if (board && date && has_log) {
    mark_vanished_.bind(1, pack_id).bind(2, *board).bind(3, *date).run();
  }
  std::vector<std::int64_t> boards;
  for (const auto& [board_id, key] : meeting_keys(pack_id)) {
    if (later) {
      if (!add_stale_meeting_) {
        add_stale_meeting_.emplace(db_, "INSERT OR IGNORE INTO stale_meetings (board_id, meeting_key) VALUES (?1, ?2)");
      }
      add_stale_meeting_->bind(1, board_id).bind(2, key).run();
    } else {
      refresh_meeting(board_id, key);
    }
    add_unique(boards, board_id);
  }
  if (board) {
    add_unique(boards, *board);
  }
  for (const std::int64_t id : boards) {
    refresh_board_name(id);
  }
  if (later) {
    add_stale_people_.bind(1, pack_id).run();
  } else {
    for (const auto& [who, board_id] : people_of_pack(pack_id)) {
      refresh_person(who, board_id);
    }
  }
}

void DerivedState::refresh_stale() {
  Statement stale(db_, "SELECT action_id FROM stale_actions");
  for (const std::int64_t id : first_column(stale)) {
    refresh_action(id);
  }
  std::vector<std::pair<std::int64_t, std::string>> meetings;
  {
    Statement q(db_, "SELECT board_id, meeting_key FROM stale_meetings");
    while (q.step()) {
      meetings.emplace_back(q.column_int(0), q.column_text(1));
    }
  }
  for (const auto& [board_id, key] : meetings) {
    refresh_meeting(board_id, key);
  }
  if (db_.query_int("SELECT COUNT(*) FROM stale_people") > kPeopleOneByOne) {
    Statement boards(db_, "SELECT DISTINCT board_id FROM stale_people");
    for (const std::int64_t id : first_column(boards)) {
      refresh_board_people(id);
    }
  } else {
    std::vector<std::pair<std::string, std::int64_t>> people;
    {
      Statement q(db_, "SELECT who, board_id FROM stale_people");
      while (q.step()) {
        people.emplace_back(q.column_text(0), q.column_int(1));
      }
    }
    for (const auto& [who, board_id] : people) {
      refresh_person(who, board_id);
    }
  }
  db_.exec("DELETE FROM stale_actions; DELETE FROM stale_meetings; DELETE FROM stale_people;");
}

DerivedState::Dependents DerivedState::before_pack_deleted(std::int64_t pack_id) {
  Dependents d;
  for (Statement* q : {&actions_of_pack_, &vanished_in_pack_}) {
    q->bind(1, pack_id);
    while (q->step()) {
      add_unique(d.actions, q->column_int(0));
    }
    q->reset();
  }
  d.meetings = meeting_keys(pack_id);
  for (const auto& [board_id, key] : d.meetings) {
    add_unique(d.boards, board_id);
  }
  pack_.bind(1, pack_id);
  if (pack_.step() && !pack_.is_null(0)) {
    add_unique(d.boards, pack_.column_int(0));
  }
  pack_.reset();
  d.people = people_of_pack(pack_id);
  count_aliases(pack_id, -1);
  return d;
}

void DerivedState::after_pack_deleted(const Dependents& d) {
  for (const std::int64_t id : d.actions) {
    fix_ref_.bind(1, id).run();
    refresh_action(id);  // an action that went with the pack gets no state
  }
  for (const auto& [board_id, key] : d.meetings) {
    refresh_meeting(board_id, key);
  }
  for (const std::int64_t id : d.boards) {
    refresh_board_name(id);
  }
  for (const auto& [who, board_id] : d.people) {
    refresh_person(who, board_id);
  }
}

void DerivedState::refresh_board(std::int64_t board_id) {
  Statement board_actions(db_, "SELECT id FROM actions WHERE board_id = ?1");
  board_actions.bind(1, board_id);
  for (const std::int64_t id : first_column(board_actions)) {
    refresh_action(id);
  }
  Statement clear(db_, "DELETE FROM meeting_summary WHERE board_id = ?1");
  clear.bind(1, board_id).run();
  std::vector<std::string> keys;
  {
    Statement q(db_,
                "SELECT DISTINCT COALESCE(date, 'pack ' || pack_id || ' line ' || line) FROM meetings "
                "WHERE board_id = ?1");
    q.bind(1, board_id);
    while (q.step()) {
      keys.push_back(q.column_text(0));
    }
  }
  for (const auto& key : keys) {
    refresh_meeting(board_id, key);
  }
  refresh_board_people(board_id);
  refresh_board_name(board_id);
}

void DerivedState::refresh_board_people(std::int64_t board_id) {
  Statement clear(db_, "DELETE FROM attendance_people WHERE board_id = ?1");
  clear.bind(1, board_id).run();
  Statement rows(db_, kPeopleRows);
  count_people(bind_board(rows, board_id), board_id);
}

std::vector<std::pair<std::string, std::int64_t>> DerivedState::people_of_pack(std::int64_t pack_id) {
  std::vector<std::pair<std::string, std::int64_t>> people;
  people_of_pack_.bind(1, pack_id);
  while (people_of_pack_.step()) {
    people.emplace_back(people_of_pack_.column_text(0), people_of_pack_.column_int(1));
  }
  people_of_pack_.reset();
  return people;
}

void rebuild_derived_state(Database& db) {
  // Boards for packs and meetings that have none: every pack of an index older than boards.
  BoardResolver boards(db);
  {
    std::vector<std::pair<std::int64_t, std::optional<std::string>>> packs;
    Statement q(db, "SELECT id, board FROM packs WHERE board_id IS NULL ORDER BY COALESCE(meeting_date, ''), id");
    while (q.step()) {
      packs.emplace_back(q.column_int(0), q.column_optional(1));
    }
    Statement set(db, "UPDATE packs SET board_id = ?2, board_alias = ?3 WHERE id = ?1");
    for (const auto& [id, name] : packs) {
      const BoardRef board = boards.resolve(name);
      set.bind(1, id).bind(2, board.id).bind(3, board.alias).run();
    }
  }
  {
    std::vector<std::pair<std::int64_t, std::optional<std::string>>> meetings;
    Statement q(db, "SELECT id, body FROM meetings WHERE board_id IS NULL ORDER BY pack_id, line");
    while (q.step()) {
      meetings.emplace_back(q.column_int(0), q.column_optional(1));
    }
    Statement set(db, "UPDATE meetings SET board_id = ?2, board_alias = ?3 WHERE id = ?1");
    Statement of_pack(db,
                      "UPDATE meetings SET board_id = p.board_id, board_alias = p.board_alias FROM packs p "
                      "WHERE meetings.id = ?1 AND p.id = meetings.pack_id");
    for (const auto& [id, body] : meetings) {
      if (body) {
        const BoardRef board = boards.resolve(body);
        set.bind(1, id).bind(2, board.id).bind(3, board.alias).run();
      } else {
        of_pack.bind(1, id).run();
      }
    }
  }
  db.exec(
      "UPDATE board_aliases SET uses = (SELECT COUNT(*) FROM packs WHERE board_alias = board_aliases.key) + "
      "(SELECT COUNT(*) FROM meetings WHERE board_alias = board_aliases.key)");
  Statement boards_query(db, "SELECT id FROM boards ORDER BY id");
  const std::vector<std::int64_t> ids = first_column(boards_query);
  for (const std::int64_t id : ids) {
    relink_board(db, id);
  }
  db.exec("DELETE FROM action_state; DELETE FROM meeting_summary; DELETE FROM attendance_people;");
  DerivedState state(db);
  for (const std::int64_t id : ids) {
    state.refresh_board(id);
  }
  state.refresh_board_people(0);  // the packs without a board
}

void rebuild_attendance_people(Database& db) {
  db.exec("DELETE FROM attendance_people; DELETE FROM stale_people;");
  Statement boards(db, "SELECT DISTINCT COALESCE(board_id, 0) FROM packs");
  const std::vector<std::int64_t> ids = first_column(boards);
  DerivedState state(db);
  for (const std::int64_t id : ids) {
    state.refresh_board_people(id);
  }
}

}  // namespace bpack::index
