#include "derived_state.hpp"

#include <algorithm>
#include <optional>

#include "action_links.hpp"
#include "bpack/index/boards.hpp"

namespace bpack::index {
namespace {

// An action's state from its history rows, pack by pack in meeting-date order (ties: the
// later ingested pack). Closed: the first closed row after the last row that was not, and
// the meeting it records (the minutes' meeting, else the pack's). Vanished: not closed, and
// the board has a later pack with an action log (which does not carry it: this is its
// latest pack).
constexpr const char* kInsertState = R"sql(
WITH seen AS (
  SELECT h.*, p.meeting_date AS pack_date, COALESCE(p.meeting_date, '') AS date_key
  FROM action_history h JOIN packs p ON p.id = h.pack_id WHERE h.action_id = ?1
),
latest AS (SELECT * FROM seen ORDER BY date_key DESC, pack_id DESC, line DESC LIMIT 1),
last_open AS (
  SELECT date_key, pack_id, line FROM seen WHERE status <> 'closed' ORDER BY date_key DESC, pack_id DESC, line DESC LIMIT 1
),
closing AS (
  SELECT c.* FROM seen c WHERE c.status = 'closed'
    AND NOT EXISTS (SELECT 1 FROM last_open o WHERE (o.date_key, o.pack_id, o.line) > (c.date_key, c.pack_id, c.line))
  ORDER BY c.date_key, c.pack_id, c.line LIMIT 1
),
span AS (
  SELECT MIN(raised) AS raised, MIN(pack_date) AS first_seen, MAX(pack_date) AS last_seen,
         COUNT(DISTINCT pack_id) AS packs FROM seen
)
INSERT INTO action_state (action_id, board_id, ref, raised, item, text, owner, due, due_text, status, status_text,
                          comments, source, first_seen, last_seen, packs_seen, last_pack_id, last_line, closed_on,
                          closed_pack_id, vanished_pack_id, vanished_on)
SELECT a.id, a.board_id, a.ref, span.raised,
  (SELECT item FROM seen WHERE item IS NOT NULL ORDER BY date_key DESC, pack_id DESC LIMIT 1),
  (SELECT text FROM seen WHERE text IS NOT NULL ORDER BY date_key DESC, pack_id DESC LIMIT 1),
  (SELECT owner FROM seen WHERE owner IS NOT NULL ORDER BY date_key DESC, pack_id DESC LIMIT 1),
  l.due, l.due_text, l.status, l.status_text, l.comments, l.source,
  span.first_seen, span.last_seen, span.packs, l.pack_id, l.line,
  CASE WHEN l.status = 'closed' THEN (SELECT COALESCE(meeting_date, pack_date) FROM closing) END,
  CASE WHEN l.status = 'closed' THEN (SELECT pack_id FROM closing) END,
  v.id, v.meeting_date
FROM actions a, latest l, span
LEFT JOIN packs v ON v.id = (
  SELECT q.id FROM packs q WHERE l.status <> 'closed' AND q.board_id = a.board_id AND q.has_action_log
    AND q.meeting_date > COALESCE(span.last_seen, '') ORDER BY q.meeting_date, q.id LIMIT 1)
WHERE a.id = ?1
)sql";

// A pack with an action log: every action of its board not closed and last seen before it,
// that no earlier such pack left out, vanished here.
constexpr const char* kMarkVanished = R"sql(
UPDATE action_state SET vanished_pack_id = ?1, vanished_on = ?3
WHERE board_id = ?2 AND status <> 'closed' AND COALESCE(last_seen, '') < ?3
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
// mentions it. A person or decision recorded in two packs counts once.
constexpr const char* kInsertMeeting = R"sql(
INSERT INTO meeting_summary (board_id, meeting_key, date, time, venue, agenda_pack_id, minutes_pack_id, present,
                             apologies, decisions, actions_raised)
SELECT ?1, ?2, MAX(m.date), MAX(m.time), MAX(m.venue),
  MAX(CASE WHEN m.role = 'agenda' THEN m.pack_id END), MAX(CASE WHEN m.role = 'minutes' THEN m.pack_id END),
  (SELECT COUNT(DISTINCT lower(a.name)) FROM attendance a JOIN packs q ON q.id = a.pack_id
    WHERE a.meeting_date = ?2 AND q.board_id = ?1 AND a.status IN ('member', 'attendee')),
  (SELECT COUNT(DISTINCT lower(a.name)) FROM attendance a JOIN packs q ON q.id = a.pack_id
    WHERE a.meeting_date = ?2 AND q.board_id = ?1 AND a.status = 'apologies'),
  (SELECT COUNT(DISTINCT COALESCE(d.item, '') || '|' || COALESCE(d.text, '')) FROM decisions d
    JOIN packs q ON q.id = d.pack_id WHERE d.meeting_date = ?2 AND q.board_id = ?1),
  (SELECT COUNT(DISTINCT h.action_id) FROM action_history h JOIN packs q ON q.id = h.pack_id
    WHERE h.raised = ?2 AND q.board_id = ?1)
FROM meetings m
WHERE m.board_id = ?1 AND (m.date = ?2 OR (m.date IS NULL AND 'pack ' || m.pack_id || ' line ' || m.line = ?2))
HAVING COUNT(*) > 0
)sql";

// The alias most packs and meetings use; on a tie one not in capitals, then the longest.
constexpr const char* kBoardName = R"sql(
UPDATE boards SET name = (
  SELECT NULLIF(a.name, '') FROM board_aliases a WHERE a.board_id = boards.id
  ORDER BY a.uses DESC, a.name <> upper(a.name) DESC, length(a.name) DESC, a.id LIMIT 1)
WHERE id = ?1 AND renamed = 0
)sql";

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
      insert_state_(db, kInsertState),
      mark_vanished_(db, kMarkVanished),
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
               "AND h.ref IS NOT NULL ORDER BY h.id LIMIT 1) WHERE id = ?1") {}

void DerivedState::refresh_action(std::int64_t action_id) {
  delete_state_.bind(1, action_id).run();
  insert_state_.bind(1, action_id).run();
}

void DerivedState::refresh_meeting(std::int64_t board_id, const std::string& key) {
  delete_meeting_.bind(1, board_id).bind(2, key).run();
  insert_meeting_.bind(1, board_id).bind(2, key).run();
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

void DerivedState::pack_added(std::int64_t pack_id) {
  count_aliases(pack_id, 1);
  std::vector<std::int64_t> actions;
  actions_of_pack_.bind(1, pack_id);
  while (actions_of_pack_.step()) {
    actions.push_back(actions_of_pack_.column_int(0));
  }
  actions_of_pack_.reset();
  for (const std::int64_t id : actions) {
    refresh_action(id);
  }
  pack_.bind(1, pack_id);
  pack_.step();
  const std::optional<std::int64_t> board = pack_.column_optional_int(0);
  const std::optional<std::string> date = pack_.column_optional(1);
  const bool has_log = pack_.column_int(2) != 0;
  pack_.reset();
  // The pack's own actions are in their state now (last seen here): the rest of its board's
  // may have vanished from its log.
  if (board && date && has_log) {
    mark_vanished_.bind(1, pack_id).bind(2, *board).bind(3, *date).run();
  }
  std::vector<std::int64_t> boards;
  for (const auto& [board_id, key] : meeting_keys(pack_id)) {
    refresh_meeting(board_id, key);
    add_unique(boards, board_id);
  }
  if (board) {
    add_unique(boards, *board);
  }
  for (const std::int64_t id : boards) {
    refresh_board_name(id);
  }
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
}

void DerivedState::refresh_board(std::int64_t board_id) {
  std::vector<std::int64_t> actions;
  {
    Statement q(db_, "SELECT id FROM actions WHERE board_id = ?1");
    q.bind(1, board_id);
    while (q.step()) {
      actions.push_back(q.column_int(0));
    }
  }
  for (const std::int64_t id : actions) {
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
  refresh_board_name(board_id);
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
  std::vector<std::int64_t> ids;
  {
    Statement q(db, "SELECT id FROM boards ORDER BY id");
    while (q.step()) {
      ids.push_back(q.column_int(0));
    }
  }
  for (const std::int64_t id : ids) {
    relink_board(db, id);
  }
  db.exec("DELETE FROM action_state; DELETE FROM meeting_summary;");
  DerivedState state(db);
  for (const std::int64_t id : ids) {
    state.refresh_board(id);
  }
}

}  // namespace bpack::index
