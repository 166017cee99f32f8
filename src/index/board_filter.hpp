#pragma once

// The --board filter every query shares: a board matches when its name or any of its aliases
// contains the text, in any case (so a board is found by any name a pack gave it). Private
// to the index module.

#include <string>
#include <string_view>

namespace bpack::index {

// SQL that is true when :board is NULL or the board id in `column` is a matching board's.
// The subquery does not depend on the row, so SQLite runs it once.
inline std::string board_filter_sql(std::string_view column) {
  return "(:board IS NULL OR " + std::string(column) +
         " IN (SELECT board_id FROM board_aliases WHERE instr(lower(name), lower(:board)) > 0 "
         "OR instr(key, lower(:board)) > 0 UNION SELECT id FROM boards WHERE instr(lower(name), lower(:board)) > 0))";
}

}  // namespace bpack::index
