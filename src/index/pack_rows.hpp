#pragma once

// Writes the entity rows of one parsed pack (meetings, sections, agenda items, attendance,
// minute items, decisions, papers, action history, warnings) with statements prepared once and
// reused for every pack. Private to the index module: the writer owns the transaction.

#include <cstdint>
#include <string>

#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::index {

class PackRows {
 public:
  explicit PackRows(Database& db);

  // Inserts everything `pack` holds under `pack_id`; actions are matched across packs by
  // (board_key, ref). Returns the number of action history rows written.
  std::int64_t insert(std::int64_t pack_id, const model::Pack& pack, const std::string& board_key);

 private:
  void insert_actions(std::int64_t pack_id, const model::Pack& pack, const std::string& board_key);

  Statement meeting_;
  Statement section_;
  Statement agenda_item_;
  Statement attendee_;
  Statement minute_item_;
  Statement decision_;
  Statement paper_;
  Statement action_;
  Statement history_;
  Statement warning_;
};

}  // namespace bpack::index
