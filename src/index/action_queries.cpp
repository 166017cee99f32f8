#include "bpack/index/action_queries.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "action_match.hpp"
#include "board_filter.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::index {
namespace {

// Dates in packs are full (2021-02-03) or month-only (2021-02). A month-only due date means
// "by the end of that month"; a month-only raised date counts from the 1st.
// (SQL fragments over column names, never over user text: values are always bound.)
std::string month_end(const std::string& x) {
  return "(CASE WHEN length(" + x + ") = 7 THEN date(" + x + " || '-01', '+1 month', '-1 day') ELSE " + x + " END)";
}
std::string month_start(const std::string& x) {
  return "(CASE WHEN length(" + x + ") = 7 THEN " + x + " || '-01' ELSE " + x + " END)";
}

const std::string kOpenStatuses = "('open', 'in_progress')";
const std::string kOverdue = "(s.status IN " + kOpenStatuses + " AND " + month_end("s.due") + " < :as_of)";
const std::string kStartDate = month_start("COALESCE(s.raised, s.first_seen)");

const std::string kActionSelect =
    "SELECT s.action_id, b.name, s.ref, s.raised, s.item, s.text, s.owner, s.due, s.due_text, s.status, "
    "s.status_text, s.comments, s.first_seen, s.last_seen, s.packs_seen, lp.path, s.last_line, "
    "CAST(julianday(CASE WHEN s.status = 'closed' THEN s.last_seen ELSE :as_of END) - julianday(" +
    kStartDate + ") AS INTEGER) AS days_open, " + kOverdue +
    " AS overdue, v.path, s.vanished_on, s.closed_on, c.path, s.last_pack_id, s.board_id "
    "FROM action_state s JOIN boards b ON b.id = s.board_id JOIN packs lp ON lp.id = s.last_pack_id "
    "LEFT JOIN packs v ON v.id = s.vanished_pack_id LEFT JOIN packs c ON c.id = s.closed_pack_id ";

// The conditions besides status: owner, board, since.
const std::string kOtherConditions = "(:owner IS NULL OR instr(lower(s.owner), lower(:owner)) > 0) AND " +
                                     board_filter_sql("s.board_id") + " AND (:since IS NULL OR " + kStartDate +
                                     " >= :since)";

// Refs are numbers in most packs: order 9 before 10, then anything else as text.
constexpr const char* kActionOrder =
    " ORDER BY lower(b.name), s.board_id, (s.ref GLOB '[0-9]*') DESC, CAST(s.ref AS INTEGER), s.ref, s.action_id";

ActionRow read_action(const Statement& q) {
  ActionRow row;
  row.id = q.column_int(0);
  row.board = q.column_optional(1);
  row.ref = q.column_optional(2);
  row.raised = q.column_optional(3);
  row.item = q.column_optional(4);
  row.text = q.column_optional(5);
  row.owner = q.column_optional(6);
  row.due = q.column_optional(7);
  row.due_text = q.column_optional(8);
  row.status = q.column_text(9);
  row.status_text = q.column_optional(10);
  row.comments = q.column_optional(11);
  row.first_seen = q.column_optional(12);
  row.last_seen = q.column_optional(13);
  row.packs_seen = q.column_int(14);
  row.last_pack = q.column_text(15);
  row.last_line = q.column_int(16);
  row.days_open = q.column_optional_int(17);
  row.overdue = q.column_int(18) != 0;
  row.vanished_in = q.column_optional(19);
  row.vanished_date = q.column_optional(20);
  row.closed_on = q.column_optional(21);
  row.closed_in = q.column_optional(22);
  row.last_pack_id = q.column_int(23);
  row.board_id = q.column_int(24);
  return row;
}

void bind_optional(Statement& q, const char* name, const std::optional<std::string>& value) {
  q.bind(q.parameter_index(name), value);
}

void bind_other_conditions(Statement& q, const ActionFilter& filter) {
  bind_optional(q, ":owner", filter.owner);
  bind_optional(q, ":board", filter.board);
  bind_optional(q, ":since", filter.since);
}

std::vector<ActionHistory> histories(Database& db, Statement& actions) {
  Statement entries(db,
                    "SELECT p.path, p.meeting_date, h.status, h.status_text, h.due, h.due_text, h.owner, h.text, "
                    "h.comments, h.source, h.line, h.ref, h.linked_by, h.similarity, p.id "
                    "FROM action_history h JOIN packs p ON p.id = h.pack_id "
                    "WHERE h.action_id = ?1 ORDER BY COALESCE(p.meeting_date, ''), p.id, h.line");
  std::vector<ActionHistory> result;
  while (actions.step()) {
    ActionHistory history;
    history.action = read_action(actions);
    entries.bind(1, history.action.id);
    while (entries.step()) {
      ActionHistoryEntry e;
      e.pack = entries.column_text(0);
      e.meeting_date = entries.column_optional(1);
      e.status = entries.column_text(2);
      e.status_text = entries.column_optional(3);
      e.due = entries.column_optional(4);
      e.due_text = entries.column_optional(5);
      e.owner = entries.column_optional(6);
      e.text = entries.column_optional(7);
      e.comments = entries.column_optional(8);
      e.source = entries.column_text(9);
      e.line = entries.column_int(10);
      e.ref = entries.column_optional(11);
      e.linked_by = entries.column_optional(12);
      if (!entries.is_null(13)) {
        e.similarity = entries.column_double(13);
      }
      e.pack_id = entries.column_int(14);
      if (!history.entries.empty()) {
        const ActionHistoryEntry& before = history.entries.back();
        e.status_changed = e.status != before.status;
        e.due_changed = e.due != before.due;
      }
      history.entries.push_back(std::move(e));
    }
    entries.reset();
    result.push_back(std::move(history));
  }
  return result;
}

}  // namespace

bool ActionFilter::excludes_unknown() const {
  return state != State::any || overdue_only || (status && *status != model::ActionStatus::unknown);
}

std::vector<ActionRow> list_actions(Database& db, const ActionFilter& filter) {
  const std::string sql = kActionSelect +
                          "WHERE (:status IS NULL OR s.status = :status) "
                          "AND (:open = 0 OR s.status IN " +
                          kOpenStatuses +
                          ") "
                          "AND (:closed = 0 OR s.status = 'closed') "
                          "AND (:overdue = 0 OR " +
                          kOverdue + ") AND " + kOtherConditions + kActionOrder;
  Statement q(db, sql);
  q.bind(q.parameter_index(":as_of"), filter.as_of);
  bind_optional(q, ":status",
                filter.status ? std::optional<std::string>(model::to_string(*filter.status)) : std::nullopt);
  q.bind(q.parameter_index(":open"), filter.state == ActionFilter::State::open ? 1 : 0);
  q.bind(q.parameter_index(":closed"), filter.state == ActionFilter::State::closed ? 1 : 0);
  q.bind(q.parameter_index(":overdue"), filter.overdue_only ? 1 : 0);
  bind_other_conditions(q, filter);
  std::vector<ActionRow> rows;
  while (q.step()) {
    rows.push_back(read_action(q));
  }
  return rows;
}

std::int64_t count_unknown_left_out(Database& db, const ActionFilter& filter) {
  if (!filter.excludes_unknown()) {
    return 0;
  }
  Statement q(db, "SELECT COUNT(*) FROM action_state s WHERE s.status = 'unknown' AND " + kOtherConditions);
  bind_other_conditions(q, filter);
  q.step();
  return q.column_int(0);
}

std::vector<OwnerRow> actions_by_owner(Database& db, const ActionFilter& filter) {
  ActionFilter open = filter;
  open.state = ActionFilter::State::open;
  open.status.reset();
  open.overdue_only = false;
  struct Tally {
    OwnerRow row;
    std::map<std::string, int> spellings;
  };
  std::map<std::string, Tally> owners;  // by the name in lower case, spaces collapsed
  for (const ActionRow& a : list_actions(db, open)) {
    std::vector<std::string> names = a.owner ? split_owners(*a.owner) : std::vector<std::string>{};
    if (names.empty()) {
      names.emplace_back();  // no owner stated: counted under none
    }
    for (const std::string& name : names) {
      Tally& t = owners[util::to_lower_ascii(util::collapse_spaces(name))];
      ++t.spellings[name];
      ++t.row.open;
      t.row.overdue += a.overdue ? 1 : 0;
      t.row.actions.push_back(a.id);
      if (a.days_open && (!t.row.oldest_days || *a.days_open > *t.row.oldest_days)) {
        t.row.oldest_days = a.days_open;
        t.row.oldest_ref = a.ref;
        t.row.oldest_board = a.board;
        t.row.oldest_text = a.text;
      }
    }
  }
  std::vector<OwnerRow> rows;
  for (auto& [key, t] : owners) {
    if (!key.empty()) {
      t.row.owner = std::max_element(t.spellings.begin(), t.spellings.end(), [](const auto& x, const auto& y) {
                      return x.second < y.second;
                    })->first;
    }
    rows.push_back(std::move(t.row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const OwnerRow& x, const OwnerRow& y) {
    return std::tie(y.overdue, y.open) < std::tie(x.overdue, x.open);
  });
  return rows;
}

std::vector<ActionHistory> action_history(Database& db, const std::string& ref, const std::optional<std::string>& board,
                                          const std::string& as_of) {
  Statement actions(db, kActionSelect + "WHERE s.ref = :ref AND " + board_filter_sql("s.board_id") + kActionOrder);
  actions.bind(actions.parameter_index(":as_of"), as_of);
  actions.bind(actions.parameter_index(":ref"), ref);
  bind_optional(actions, ":board", board);
  return histories(db, actions);
}

std::vector<ActionHistory> action_history_by_id(Database& db, std::int64_t id, const std::string& as_of) {
  Statement actions(db, kActionSelect + "WHERE s.action_id = :id");
  actions.bind(actions.parameter_index(":as_of"), as_of);
  actions.bind(actions.parameter_index(":id"), id);
  return histories(db, actions);
}

}  // namespace bpack::index
