#pragma once

// Actions across packs: the latest known state of each (the pack with the latest meeting
// date wins), and one action's history pack by pack. An action that is not closed in the
// last pack carrying it, but missing from a later pack of the same board that has an
// action log, "vanished": it was dropped from the log without being recorded as closed.
// The states are kept by the writer (action_state), so listing them reads one row each.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::index {

struct ActionFilter {
  enum class State { any, open, closed };
  // open: status open or in_progress; closed: status closed.
  State state = State::any;
  std::optional<model::ActionStatus> status;  // exactly this status
  bool overdue_only = false;                  // open or in progress, due date before as_of
  std::string as_of;                          // ISO date: "today" for overdue and days open
  std::optional<std::string> owner;           // substring of the owner, any case
  std::optional<std::string> board;           // substring of the board's name or an alias, any case
  std::optional<std::string> since;           // raised (else first seen) on or after this date

  // Whether the filter leaves out actions whose status is unknown (by asking for a status).
  bool excludes_unknown() const;
};

struct ActionRow {
  std::int64_t id = 0;
  std::int64_t board_id = 0;
  std::optional<std::string> board;
  std::optional<std::string> ref;
  std::optional<std::string> raised;
  std::optional<std::string> item;
  std::optional<std::string> text;
  std::optional<std::string> owner;
  std::optional<std::string> due;
  std::optional<std::string> due_text;
  std::string status;
  std::optional<std::string> status_text;
  std::optional<std::string> comments;
  std::optional<std::string> first_seen;  // meeting dates of the first and last packs carrying it
  std::optional<std::string> last_seen;
  std::int64_t packs_seen = 0;
  std::optional<std::int64_t> days_open;  // raised (else first seen) to as_of, or to the closing pack
  bool overdue = false;
  std::string last_pack;  // path of the pack the state comes from, and the line there
  std::int64_t last_line = 0;
  std::int64_t last_pack_id = 0;
  std::optional<std::string> vanished_in;  // the first later pack whose action log leaves it out
  std::optional<std::string> vanished_date;
  std::optional<std::string> closed_on;  // closed: the meeting that closed it
  std::optional<std::string> closed_in;  // and the pack that says so
};

std::vector<ActionRow> list_actions(Database& db, const ActionFilter& filter);

// How many actions with status unknown the filter's other conditions (owner, board, since)
// would list: what a list asking for a status leaves out. 0 when the filter does not
// exclude them.
std::int64_t count_unknown_left_out(Database& db, const ActionFilter& filter);

// What each owner still has open (status open or in progress): one row per person an
// action names (an action of "Julie Ogley/Kate Walker" counts for both), names compared
// ignoring case and spacing.
struct OwnerRow {
  std::optional<std::string> owner;  // as most of their actions write it; none: no owner stated
  std::int64_t open = 0;
  std::int64_t overdue = 0;
  std::optional<std::int64_t> oldest_days;  // days open of their oldest open action
  std::optional<std::string> oldest_ref;
  std::optional<std::string> oldest_board;
  std::optional<std::string> oldest_text;
  std::vector<std::int64_t> actions;  // ids of their open actions (ActionRow::id)
};

// Owners with most overdue first, then most open. The filter's status conditions are
// replaced by "open or in progress"; owner, board, since and as_of apply.
std::vector<OwnerRow> actions_by_owner(Database& db, const ActionFilter& filter);

struct ActionHistoryEntry {
  std::string pack;
  std::int64_t pack_id = 0;
  std::optional<std::string> meeting_date;
  std::string status;
  std::optional<std::string> status_text;
  std::optional<std::string> due;
  std::optional<std::string> due_text;
  std::optional<std::string> owner;
  std::optional<std::string> text;
  std::optional<std::string> comments;
  std::string source;
  std::int64_t line = 0;
  std::optional<std::string> ref;        // as this pack writes it (none in minutes that gave no ref)
  std::optional<std::string> linked_by;  // "ref", "text" (owner and similar text); empty for the first row
  std::optional<double> similarity;      // for "text"
  bool status_changed = false;           // differs from the previous entry (false for the first)
  bool due_changed = false;
};

struct ActionHistory {
  ActionRow action;
  std::vector<ActionHistoryEntry> entries;  // oldest pack first
};

// Every action with this ref (one per board unless `board` narrows it), each with its
// history. Empty when no pack carries the ref.
std::vector<ActionHistory> action_history(Database& db, const std::string& ref, const std::optional<std::string>& board,
                                          const std::string& as_of);
// The action with this id (ActionRow::id), with its history; empty when there is none.
std::vector<ActionHistory> action_history_by_id(Database& db, std::int64_t id, const std::string& as_of);

}  // namespace bpack::index
