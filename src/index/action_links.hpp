#pragma once

// Which action a history row belongs to. Rows of one board with the same ref are one action.
// A row without a ref (an action marked in the minutes) joins an action of its board whose
// owner agrees and whose text is alike (action_match.hpp); a row with a ref that no action
// of the board has yet may likewise take over an action that had none, so the minutes'
// action and the row the next log gives it under a new ref are one action. An action never
// takes two rows of one pack from the same kind of section. Private to the index module.

#include <cstdint>
#include <optional>
#include <string>

#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::index {

// As packs are written: one row at a time, against the actions the index holds. Returns the
// action's id. How each row joined its action (action_history.linked_by) is told once the
// pack is in, in meeting order (DerivedState).
class ActionLinker {
 public:
  explicit ActionLinker(Database& db);
  std::int64_t link(std::int64_t board_id, std::int64_t pack_id, const model::Action& action);

 private:
  Database& db_;
  Statement find_by_ref_;
  Statement candidates_;
  Statement insert_;
  Statement adopt_;
};

// Links every history row of a board's packs again, from scratch and in meeting-date order,
// by the same rules: after boards are merged or split, and when the schema gains links. An
// action keeps its id where its rows stay together; actions left without rows are deleted.
// Derived state and the rows' link labels are not refreshed (DerivedState::refresh_board).
void relink_board(Database& db, std::int64_t board_id);

}  // namespace bpack::index
