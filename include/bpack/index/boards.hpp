#pragma once

// Boards and the names they go by. Every name a pack or meeting gives its board is an alias
// (board_aliases); each alias belongs to one board (boards). A new name joins the board of
// the one alias it matches (board_names.hpp), else starts a board of its own. The user can
// merge two boards, move an alias to a board of its own again (split) and rename a board;
// ingest keeps what they set, since a name already met never moves by itself.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"

namespace bpack::index {

struct BoardRef {
  std::int64_t id = 0;
  std::string alias;  // the key of the alias (board_names.hpp)
};

// Used by the writer, inside its transaction: the board a name belongs to, the alias (and
// the board) created when the name is new. No name at all is the board with no name.
class BoardResolver {
 public:
  explicit BoardResolver(Database& db);
  BoardRef resolve(const std::optional<std::string>& name);

 private:
  Database& db_;
  Statement find_alias_;
  Statement rename_alias_;
  Statement all_aliases_;
  Statement insert_board_;
  Statement insert_alias_;
};

struct BoardAlias {
  std::string key;
  std::string name;
  std::int64_t uses = 0;  // packs and meetings naming the board so
};

struct BoardRow {
  std::int64_t id = 0;
  std::optional<std::string> name;
  bool renamed = false;
  std::vector<BoardAlias> aliases;  // most used first
  std::int64_t packs = 0;
  std::int64_t meetings = 0;
  std::int64_t actions = 0;
  std::optional<std::string> first_meeting;
  std::optional<std::string> last_meeting;
};

std::vector<BoardRow> list_boards(Database& db);

// A board by id, or by a text that its name or one of its aliases contains (any case; an
// exact name or alias wins over a part of one). Throws bpack::UsageError naming the
// candidates when several boards match, bpack::Error when none does.
BoardRow find_board(Database& db, const std::string& which);

// `from` joins `into`: its aliases, packs, meetings and actions (one action where both had
// the same ref). One transaction. Throws bpack::UsageError when they are the same board.
void merge_boards(Database& db, std::int64_t into, std::int64_t from);

// The alias whose name or key is `alias` (any case) leaves its board for a new one of its own,
// with the packs and meetings that use it. Returns the new board's id. Throws
// bpack::UsageError when the alias is its board's only one, bpack::Error when no alias matches.
std::int64_t split_board(Database& db, const std::string& alias);

// The name shown for the board from now on, whatever later packs call it.
void rename_board(Database& db, std::int64_t id, const std::string& name);

}  // namespace bpack::index
