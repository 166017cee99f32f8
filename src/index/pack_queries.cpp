#include "bpack/index/pack_queries.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "bpack/util/error.hpp"

namespace bpack::index {
namespace {

constexpr const char* kPackColumns =
    "SELECT id, path, sha256, bytes, lines, pages, (SELECT name FROM boards WHERE id = packs.board_id), meeting_date, "
    "ingested_at, board, COALESCE(board_id, 0) FROM packs ";

PackRow read_pack(const Statement& q) {
  PackRow row;
  row.id = q.column_int(0);
  row.path = q.column_text(1);
  row.sha256 = q.column_text(2);
  row.bytes = q.column_int(3);
  row.lines = q.column_int(4);
  row.pages = q.column_int(5);
  row.board = q.column_optional(6);
  row.meeting_date = q.column_optional(7);
  row.ingested_at = q.column_text(8);
  row.board_as_written = q.column_optional(9);
  row.board_id = q.column_int(10);
  return row;
}

std::vector<PackRow> packs_where(Database& db, const std::string& where, const std::string& value) {
  Statement q(db, kPackColumns + where + " ORDER BY id");
  q.bind(1, value);
  std::vector<PackRow> rows;
  while (q.step()) {
    rows.push_back(read_pack(q));
  }
  return rows;
}

bool all_of_class(const std::string& text, int (*test)(int)) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [&](char c) { return test(static_cast<unsigned char>(c)) != 0; });
}

// Table name -> the query that exports it. Only these names reach SQL, so the table name,
// which cannot be a bound value, is never user text.
struct Export {
  const char* name;
  const char* sql;
};
constexpr std::array<Export, 15> kExports{{
    {"packs", "SELECT * FROM packs ORDER BY id"},
    {"boards", "SELECT * FROM boards ORDER BY id"},
    {"board_aliases", "SELECT * FROM board_aliases ORDER BY board_id, id"},
    {"meetings", "SELECT * FROM meetings ORDER BY pack_id, id"},
    {"sections", "SELECT * FROM sections ORDER BY pack_id, id"},
    {"agenda_items", "SELECT * FROM agenda_items ORDER BY pack_id, id"},
    {"attendance", "SELECT * FROM attendance ORDER BY pack_id, id"},
    {"minute_items", "SELECT * FROM minute_items ORDER BY pack_id, id"},
    {"decisions", "SELECT * FROM decisions ORDER BY pack_id, id"},
    {"pack_warnings", "SELECT * FROM pack_warnings ORDER BY pack_id, line, id"},
    {"papers", "SELECT * FROM papers ORDER BY pack_id, id"},
    {"actions",
     "SELECT s.action_id, s.board_id, b.name AS board, s.ref, s.raised, s.item, s.text, s.owner, s.due, s.due_text, "
     "s.status, s.status_text, s.comments, s.source, s.first_seen, s.last_seen, s.packs_seen, s.last_pack_id, "
     "lp.path AS last_pack, s.last_line, s.closed_on, s.closed_pack_id, s.vanished_pack_id, s.vanished_on "
     "FROM action_state s JOIN boards b ON b.id = s.board_id JOIN packs lp ON lp.id = s.last_pack_id "
     "ORDER BY s.action_id"},
    {"action_history", "SELECT * FROM action_history ORDER BY action_id, pack_id, id"},
    // Each block with its text: what a reader of the export expects to find there.
    {"blocks",
     "SELECT b.*, t.heading AS section, t.text FROM blocks b JOIN passages t ON t.id = b.passage_id "
     "ORDER BY b.pack_id, b.seq"},
    {"passages", "SELECT id, heading, text FROM passages ORDER BY id"},
}};

}  // namespace

std::vector<PackRow> list_packs(Database& db) {
  Statement q(db, std::string(kPackColumns) + "ORDER BY COALESCE(meeting_date, ''), id");
  std::vector<PackRow> rows;
  while (q.step()) {
    rows.push_back(read_pack(q));
  }
  return rows;
}

PackRow find_pack(Database& db, const std::string& which) {
  const auto unique = [&](std::vector<PackRow> rows) -> std::optional<PackRow> {
    if (rows.size() == 1) {
      return rows.front();
    }
    if (rows.size() > 1) {
      std::string names;
      for (const auto& row : rows) {
        names += fmt::format("\n  {}  {}  {}", row.id, row.sha256.substr(0, 12), row.path);
      }
      throw UsageError(fmt::format("'{}' matches {} packs; name one by id or SHA-256:{}", which, rows.size(), names));
    }
    return std::nullopt;
  };
  if (all_of_class(which, ::isdigit)) {
    if (auto found = unique(packs_where(db, "WHERE id = CAST(?1 AS INTEGER)", which))) {
      return *found;
    }
  }
  if (auto found = unique(packs_where(db, "WHERE path = ?1", which))) {
    return *found;
  }
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(which, error), error);
  if (!error) {
    if (auto found = unique(packs_where(db, "WHERE source_key = ?1", canonical.string()))) {
      return *found;
    }
  }
  if (which.size() >= 6 && all_of_class(which, ::isxdigit)) {
    if (auto found = unique(packs_where(db, "WHERE substr(sha256, 1, length(?1)) = lower(?1)", which))) {
      return *found;
    }
  }
  if (auto found = unique(packs_where(db, "WHERE substr(path, -length(?1)) = ?1", which))) {
    return *found;
  }
  throw Error(fmt::format("no ingested pack matches '{}'; `bpack show` lists them", which));
}

std::vector<OutlineSection> pack_sections(Database& db, std::int64_t pack_id) {
  Statement q(db,
              "SELECT kind, title, line_start, line_end, page_start, page_end FROM sections "
              "WHERE pack_id = ?1 ORDER BY line_start, id");
  q.bind(1, pack_id);
  std::vector<OutlineSection> sections;
  while (q.step()) {
    sections.push_back(
        {q.column_text(0), q.column_text(1), q.column_int(2), q.column_int(3), q.column_int(4), q.column_int(5)});
  }
  return sections;
}

PackOutline pack_outline(Database& db, std::int64_t pack_id) {
  PackOutline outline;
  {
    Statement q(db, std::string(kPackColumns) + "WHERE id = ?1");
    q.bind(1, pack_id);
    if (!q.step()) {
      throw Error(fmt::format("no pack with id {}", pack_id));
    }
    outline.pack = read_pack(q);
  }
  {
    Statement q(db, "SELECT role, date, time, body, venue, line FROM meetings WHERE pack_id = ?1 ORDER BY line");
    q.bind(1, pack_id);
    while (q.step()) {
      outline.meetings.push_back({q.column_text(0), q.column_optional(1), q.column_optional(2), q.column_optional(3),
                                  q.column_optional(4), q.column_int(5)});
    }
  }
  outline.sections = pack_sections(db, pack_id);
  {
    Statement q(db, "SELECT ref, status, owner, due, text, line FROM action_history WHERE pack_id = ?1 ORDER BY line");
    q.bind(1, pack_id);
    while (q.step()) {
      outline.actions.push_back({q.column_optional(0), q.column_text(1), q.column_optional(2), q.column_optional(3),
                                 q.column_optional(4), q.column_int(5)});
    }
  }
  for (const char* table : {"agenda_items", "attendance", "minute_items", "decisions", "papers", "blocks"}) {
    // `table` is one of the literals above, never input.
    Statement q(db, fmt::format("SELECT COUNT(*) FROM {} WHERE pack_id = ?1", table));
    q.bind(1, pack_id);
    q.step();
    outline.counts.emplace_back(table, q.column_int(0));
  }
  return outline;
}

std::vector<PackBlock> pack_blocks(Database& db, std::int64_t pack_id) {
  Statement q(db,
              "SELECT j.value ->> 2, j.value ->> 3, j.value ->> 1, t.text FROM pack_blocks b, json_each(b.blocks) j "
              "JOIN passages t ON t.id = j.value ->> 0 WHERE b.pack_id = ?1 ORDER BY j.key");
  q.bind(1, pack_id);
  std::vector<PackBlock> blocks;
  while (q.step()) {
    blocks.push_back({q.column_int(0), q.column_int(1), q.column_text(2), q.column_text(3)});
  }
  return blocks;
}

std::vector<std::int64_t> referenced_lines(Database& db, std::int64_t pack_id) {
  Statement q(
      db,
      "SELECT line FROM meetings WHERE pack_id = ?1 UNION SELECT line_start FROM sections WHERE pack_id = ?1 "
      "UNION SELECT line FROM agenda_items WHERE pack_id = ?1 "
      "UNION SELECT line_start FROM minute_items WHERE pack_id = ?1 "
      "UNION SELECT line FROM attendance WHERE pack_id = ?1 UNION SELECT line FROM decisions WHERE pack_id = ?1 "
      "UNION SELECT line FROM action_history WHERE pack_id = ?1 "
      "UNION SELECT line_start FROM papers WHERE pack_id = ?1 ORDER BY 1");
  q.bind(1, pack_id);
  std::vector<std::int64_t> lines;
  while (q.step()) {
    lines.push_back(q.column_int(0));
  }
  return lines;
}

const std::vector<std::string>& exportable_tables() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& e : kExports) {
      out.emplace_back(e.name);
    }
    return out;
  }();
  return names;
}

void export_table(Database& db, std::string_view table,
                  const std::function<void(const std::vector<std::string>&)>& header,
                  const std::function<void(const std::vector<Value>&)>& row) {
  const auto found = std::find_if(kExports.begin(), kExports.end(), [&](const Export& e) { return e.name == table; });
  if (found == kExports.end()) {
    throw UsageError(
        fmt::format("export: no table '{}'; choose one of: {}", table, fmt::join(exportable_tables(), ", ")));
  }
  Statement q(db, found->sql);
  std::vector<std::string> names;
  for (int i = 0; i < q.column_count(); ++i) {
    names.emplace_back(q.column_name(i));
  }
  header(names);
  std::vector<Value> values(names.size());
  while (q.step()) {
    for (int i = 0; i < q.column_count(); ++i) {
      Value& v = values[static_cast<std::size_t>(i)];
      switch (q.column_type(i)) {
        case SQLITE_INTEGER:
          v = q.column_int(i);
          break;
        case SQLITE_FLOAT:
          v = q.column_double(i);
          break;
        case SQLITE_NULL:
          v = std::monostate{};
          break;
        default:
          v = q.column_text(i);
          break;
      }
    }
    row(values);
  }
}

}  // namespace bpack::index
