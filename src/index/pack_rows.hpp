#pragma once

// Writes the entity rows of one parsed pack (meetings, sections, agenda items, attendance,
// minute items, decisions, papers, action history, warnings) with statements prepared once and
// reused for every pack. Private to the index module: the writer owns the transaction.

#include <cstdint>
#include <string>

#include "action_links.hpp"
#include "bpack/index/boards.hpp"
#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::index {

class PackRows {
 public:
  explicit PackRows(Database& db);

  // Inserts everything `pack` holds under `pack_id`, the pack belonging to `board`: each
  // meeting to the board its body names (`boards` resolves it), each action row to the
  // action of its board it belongs to (action_links.hpp). Returns the number of action
  // history rows written.
  std::int64_t insert(std::int64_t pack_id, const model::Pack& pack, const BoardRef& board, BoardResolver& boards);

 private:
  void insert_actions(std::int64_t pack_id, const model::Pack& pack, std::int64_t board_id);

  Statement meeting_;
  Statement section_;
  Statement agenda_item_;
  Statement attendee_;
  Statement minute_item_;
  Statement decision_;
  Statement paper_;
  ActionLinker linker_;
  Statement history_;
  Statement warning_;
};

}  // namespace bpack::index
