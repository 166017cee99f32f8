#pragma once

// Packs as the index holds them: the list, the outline of one pack, and whole tables for
// export.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bpack/index/database.hpp"

namespace bpack::index {

struct PackRow {
  std::int64_t id = 0;
  std::string path;
  std::string sha256;
  std::int64_t bytes = 0;
  std::int64_t lines = 0;
  std::int64_t pages = 1;
  std::optional<std::string> board;  // the board's name (boards.hpp)
  std::int64_t board_id = 0;
  std::optional<std::string> meeting_date;
  std::string ingested_at;
  std::optional<std::string> board_as_written;  // as this pack names it
};

std::vector<PackRow> list_packs(Database& db);

// Finds one pack by id, path (as ingested, or the same file by another path), a unique
// SHA-256 prefix (at least 6 hex digits) or a unique path suffix. Throws bpack::UsageError
// naming the candidates when `which` is ambiguous, bpack::Error when nothing matches.
PackRow find_pack(Database& db, const std::string& which);

struct OutlineSection {
  std::string kind;
  std::string title;
  std::int64_t line_start = 0;
  std::int64_t line_end = 0;
  std::int64_t page_start = 1;
  std::int64_t page_end = 1;
};

struct OutlineMeeting {
  std::string role;
  std::optional<std::string> date;
  std::optional<std::string> time;
  std::optional<std::string> body;
  std::optional<std::string> venue;
  std::int64_t line = 0;
};

struct OutlineAction {
  std::optional<std::string> ref;
  std::string status;
  std::optional<std::string> owner;
  std::optional<std::string> due;
  std::optional<std::string> text;
  std::int64_t line = 0;
};

struct PackOutline {
  PackRow pack;
  std::vector<OutlineMeeting> meetings;
  std::vector<OutlineSection> sections;
  std::vector<OutlineAction> actions;
  // Rows per table for this pack, in a fixed order: agenda_items, attendance, minute_items,
  // decisions, papers, blocks.
  std::vector<std::pair<std::string, std::int64_t>> counts;
};

PackOutline pack_outline(Database& db, std::int64_t pack_id);
std::vector<OutlineSection> pack_sections(Database& db, std::int64_t pack_id);

// A paragraph of a pack as the index holds it: every non-blank line of the pack is in one
// (its lines joined by '\n'), so a pack can be shown again from the index alone.
struct PackBlock {
  std::int64_t line = 0;  // its first line
  std::int64_t page = 1;
  std::string kind;  // of the section holding it
  std::string text;
};

// The paragraphs of a pack, in order.
std::vector<PackBlock> pack_blocks(Database& db, std::int64_t pack_id);

// The lines of a pack that the index's rows point at (meetings, sections, agenda and minute
// items, attendance, decisions, actions, papers), sorted, each once: where links land.
std::vector<std::int64_t> referenced_lines(Database& db, std::int64_t pack_id);

// A value of an exported row, typed as SQLite stored it.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// The names `export_table` accepts: every table of pack rows, "boards" and "board_aliases",
// "actions" (the latest state of each action, action_state with its board's name and pack's
// path) and "passages" (the distinct paragraph texts; "blocks" carries each block's text too).
const std::vector<std::string>& exportable_tables();

// Streams every row of `table` in a stable order: `header` once with the column names, then
// `row` per row. Throws bpack::UsageError for a name not in exportable_tables().
void export_table(Database& db, std::string_view table,
                  const std::function<void(const std::vector<std::string>&)>& header,
                  const std::function<void(const std::vector<Value>&)>& row);

}  // namespace bpack::index
