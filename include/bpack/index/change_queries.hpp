#pragma once

// What changed in a board's actions from one meeting's pack to the next: for each pack, each
// action's state there against its state in the pack before that carried it.
//
//   new        first seen in this pack
//   closed     closed here, not closed before
//   reopened   closed before, not closed here
//   status     another change of a stated status (open -> in progress, -> deferred, ...)
//   slipped    due later than before (days says by how much); due_earlier: the reverse
//   owner      another owner (names compared by their initials: "Cllr Jane Brown" = "JB")
//   vanished   in the last action log, not closed, and absent from this pack's action log
//
// A status or due date that one side does not state is not a change.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"

namespace bpack::index {

struct ChangeFilter {
  std::optional<std::string> board;  // a board's name or alias, any part, any case
  // Which packs' changes: by default each board's latest pack that carries actions or an
  // action log ("since the last meeting"); since: every pack of meeting date >= since;
  // between: the packs after the first up to the second (pack ids, one board).
  std::optional<std::string> since;
  std::optional<std::pair<std::int64_t, std::int64_t>> between;
};

struct ChangeRow {
  std::string board;
  std::int64_t board_id = 0;
  std::int64_t action_id = 0;
  std::optional<std::string> ref;
  std::string kind;                  // new, closed, reopened, status, slipped, due_earlier, owner, vanished
  std::optional<std::string> from;   // the value before (status, due date, owner)
  std::optional<std::string> to;     // and after
  std::optional<std::int64_t> days;  // slipped / due_earlier: days the due date moved
  std::string pack;                  // the pack where it changed
  std::int64_t pack_id = 0;
  std::optional<std::string> meeting_date;   // that pack's
  std::optional<std::string> previous_pack;  // the pack before that carried the action
  std::optional<std::string> previous_date;
  // Where to read about it: the action's row in `pack`; for vanished, its row in previous_pack.
  std::string source_pack;
  std::int64_t source_pack_id = 0;
  std::int64_t source_line = 0;
  std::optional<std::string> owner;
  std::optional<std::string> text;
  std::optional<std::string> status;  // the action's status after the change
};

// Changes in pack order (board, meeting date), then by ref. Throws bpack::UsageError when
// `between` names packs of two boards.
std::vector<ChangeRow> list_changes(Database& db, const ChangeFilter& filter);

// Days from one due date to another; a month-only date (2024-06) is its last day.
std::int64_t days_between_due_dates(const std::string& from, const std::string& to);

}  // namespace bpack::index
