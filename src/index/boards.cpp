#include "bpack/index/boards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "action_links.hpp"
#include "bpack/index/board_names.hpp"
#include "bpack/util/error.hpp"
#include "bpack/util/strings.hpp"
#include "derived_state.hpp"

namespace bpack::index {
namespace {

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_lower(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::int64_t> board_ids(Statement& q) {
  std::vector<std::int64_t> ids;
  while (q.step()) {
    ids.push_back(q.column_int(0));
  }
  return ids;
}

BoardRow read_board(Database& db, std::int64_t id) {
  Statement q(db,
              "SELECT b.id, b.name, b.renamed, "
              "(SELECT COUNT(*) FROM packs p WHERE p.board_id = b.id), "
              "(SELECT COUNT(*) FROM meeting_summary m WHERE m.board_id = b.id), "
              "(SELECT COUNT(*) FROM actions a WHERE a.board_id = b.id), "
              "(SELECT MIN(date) FROM meeting_summary m WHERE m.board_id = b.id), "
              "(SELECT MAX(date) FROM meeting_summary m WHERE m.board_id = b.id) "
              "FROM boards b WHERE b.id = ?1");
  q.bind(1, id);
  if (!q.step()) {
    throw Error(fmt::format("no board with id {}; `bpack boards` lists them", id));
  }
  BoardRow row;
  row.id = q.column_int(0);
  row.name = q.column_optional(1);
  row.renamed = q.column_int(2) != 0;
  row.packs = q.column_int(3);
  row.meetings = q.column_int(4);
  row.actions = q.column_int(5);
  row.first_meeting = q.column_optional(6);
  row.last_meeting = q.column_optional(7);
  Statement aliases(db, "SELECT key, name, uses FROM board_aliases WHERE board_id = ?1 ORDER BY uses DESC, id");
  aliases.bind(1, id);
  while (aliases.step()) {
    row.aliases.push_back({aliases.column_text(0), aliases.column_text(1), aliases.column_int(2)});
  }
  return row;
}

}  // namespace

BoardResolver::BoardResolver(Database& db)
    : db_(db),
      find_alias_(db, "SELECT board_id, name FROM board_aliases WHERE key = ?1"),
      rename_alias_(db, "UPDATE board_aliases SET name = ?2 WHERE key = ?1"),
      all_aliases_(db, "SELECT name, board_id FROM board_aliases WHERE key <> '' ORDER BY id"),
      insert_board_(db, "INSERT INTO boards (name) VALUES (?1) RETURNING id"),
      insert_alias_(db, "INSERT INTO board_aliases (key, board_id, name) VALUES (?1, ?2, ?3)") {}

BoardRef BoardResolver::resolve(const std::optional<std::string>& name) {
  const BoardName parsed = parse_board_name(name.value_or(""));
  find_alias_.bind(1, parsed.key);
  if (find_alias_.step()) {
    const std::int64_t id = find_alias_.column_int(0);
    // A name first met in capitals ("WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE") is shown
    // as a later pack writes it in mixed case.
    const bool shouting = !has_lower(find_alias_.column_view(1));
    find_alias_.reset();
    if (shouting && has_lower(parsed.display)) {
      rename_alias_.bind(1, parsed.key).bind(2, parsed.display).run();
    }
    return {id, parsed.key};
  }
  find_alias_.reset();
  // A name not met before joins the board of the names it matches, when that is one board:
  // strong matches first (the same organisation), else weak ones (one name lacks it).
  std::set<std::int64_t> strong;
  std::set<std::int64_t> weak;
  if (!parsed.key.empty()) {
    while (all_aliases_.step()) {
      const BoardMatch match = match_board_names(parse_board_name(all_aliases_.column_view(0)), parsed);
      if (match == BoardMatch::strong) {
        strong.insert(all_aliases_.column_int(1));
      } else if (match == BoardMatch::weak) {
        weak.insert(all_aliases_.column_int(1));
      }
    }
    all_aliases_.reset();
  }
  std::int64_t board = 0;
  if (strong.size() == 1) {
    board = *strong.begin();
  } else if (strong.empty() && weak.size() == 1) {
    board = *weak.begin();
  } else {
    insert_board_.bind(1, parsed.key.empty() ? std::optional<std::string>() : parsed.display);
    insert_board_.step();
    board = insert_board_.column_int(0);
    insert_board_.reset();
  }
  insert_alias_.bind(1, parsed.key).bind(2, board).bind(3, parsed.display).run();
  return {board, parsed.key};
}

std::vector<BoardRow> list_boards(Database& db) {
  Statement q(db, "SELECT id FROM boards ORDER BY name IS NULL, lower(name), id");
  std::vector<BoardRow> rows;
  for (const std::int64_t id : board_ids(q)) {
    rows.push_back(read_board(db, id));
  }
  return rows;
}

BoardRow find_board(Database& db, const std::string& which) {
  if (all_digits(which)) {
    Statement q(db, "SELECT id FROM boards WHERE id = CAST(?1 AS INTEGER)");
    q.bind(1, which);
    if (q.step()) {
      return read_board(db, q.column_int(0));
    }
  }
  const auto unique = [&](const std::vector<std::int64_t>& ids) -> std::optional<BoardRow> {
    if (ids.size() == 1) {
      return read_board(db, ids.front());
    }
    if (ids.size() > 1) {
      std::string names;
      for (const std::int64_t id : ids) {
        names += fmt::format("\n  {}  {}", id, read_board(db, id).name.value_or("(no name)"));
      }
      throw UsageError(fmt::format("'{}' matches {} boards; name one by id:{}", which, ids.size(), names));
    }
    return std::nullopt;
  };
  Statement exact(db,
                  "SELECT id FROM boards WHERE lower(name) = lower(?1) UNION "
                  "SELECT board_id FROM board_aliases WHERE lower(name) = lower(?1) OR key = ?2");
  exact.bind(1, which).bind(2, parse_board_name(which).key);
  if (auto found = unique(board_ids(exact))) {
    return *found;
  }
  Statement part(db,
                 "SELECT id FROM boards WHERE instr(lower(name), lower(?1)) > 0 UNION "
                 "SELECT board_id FROM board_aliases WHERE instr(lower(name), lower(?1)) > 0");
  part.bind(1, which);
  if (auto found = unique(board_ids(part))) {
    return *found;
  }
  throw Error(fmt::format("no board matches '{}'; `bpack boards` lists them", which));
}

void merge_boards(Database& db, std::int64_t into, std::int64_t from) {
  if (into == from) {
    throw UsageError(fmt::format("cannot merge board {} into itself", into));
  }
  read_board(db, into);
  read_board(db, from);
  Transaction transaction(db);
  for (const char* sql :
       {"UPDATE board_aliases SET board_id = ?1 WHERE board_id = ?2",
        "UPDATE packs SET board_id = ?1 WHERE board_id = ?2", "UPDATE meetings SET board_id = ?1 WHERE board_id = ?2",
        // Refs are unique per board: relink_board hands them out again.
        "UPDATE actions SET board_id = ?1, ref = NULL WHERE board_id = ?2",
        "UPDATE action_state SET board_id = ?1 WHERE board_id = ?2"}) {
    Statement q(db, sql);
    q.bind(1, into).bind(2, from).run();
  }
  for (const char* sql :
       {"DELETE FROM meeting_summary WHERE board_id = ?1", "DELETE FROM attendance_people WHERE board_id = ?1"}) {
    Statement drop_summaries(db, sql);
    drop_summaries.bind(1, from).run();
  }
  Statement drop(db, "DELETE FROM boards WHERE id = ?1");
  drop.bind(1, from).run();
  relink_board(db, into);
  DerivedState(db).refresh_board(into);
  transaction.commit();
}

std::int64_t split_board(Database& db, const std::string& alias) {
  Statement find(db,
                 "SELECT key, name, board_id, (SELECT COUNT(*) FROM board_aliases o WHERE o.board_id = a.board_id) "
                 "FROM board_aliases a WHERE key = ?2 OR lower(name) = lower(?1)");
  find.bind(1, alias).bind(2, parse_board_name(alias).key);
  if (!find.step()) {
    throw Error(fmt::format("no board goes by the name '{}'; `bpack boards` lists the names", alias));
  }
  const std::string key = find.column_text(0);
  const std::string name = find.column_text(1);
  const std::int64_t old_board = find.column_int(2);
  if (find.column_int(3) < 2) {
    throw UsageError(
        fmt::format("'{}' is the only name of board {}: there is nothing to split from it", name, old_board));
  }
  find.reset();
  Transaction transaction(db);
  Statement insert(db, "INSERT INTO boards (name) VALUES (?1) RETURNING id");
  insert.bind(1, name);
  insert.step();
  const std::int64_t board = insert.column_int(0);
  insert.reset();
  for (const char* sql : {"UPDATE board_aliases SET board_id = ?1 WHERE key = ?2",
                          "UPDATE packs SET board_id = ?1 WHERE board_alias = ?2",
                          "UPDATE meetings SET board_id = ?1 WHERE board_alias = ?2"}) {
    Statement q(db, sql);
    q.bind(1, board).bind(2, key).run();
  }
  // The new board's rows leave the actions they shared with the old board's first.
  relink_board(db, board);
  relink_board(db, old_board);
  DerivedState state(db);
  state.refresh_board(board);
  state.refresh_board(old_board);
  transaction.commit();
  return board;
}

void rename_board(Database& db, std::int64_t id, const std::string& name) {
  const std::string_view trimmed = util::trim(name);
  if (trimmed.empty()) {
    throw UsageError("a board's name cannot be empty");
  }
  Statement q(db, "UPDATE boards SET name = ?2, renamed = 1 WHERE id = ?1");
  q.bind(1, id).bind(2, trimmed).run();
  if (db.changes() == 0) {
    throw Error(fmt::format("no board with id {}; `bpack boards` lists them", id));
  }
}

}  // namespace bpack::index
