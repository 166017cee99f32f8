#include "bpack/index/schema.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>

#include "bpack/index/database.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::Error;
using bpack::index::current_schema_version;
using bpack::index::Database;
using bpack::index::Migration;
using bpack::index::OpenMode;
using bpack::index::prepare_schema;
using bpack::index::schema_version;
using bpack::index::SchemaUse;
using bpack::index::Statement;
using bpack::test::TempDir;

std::string error_of(Database& db, SchemaUse use) {
  try {
    prepare_schema(db, use);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST_CASE("a new index gets the current schema, WAL and bpack's application id") {
  TempDir dir;
  Database db(dir.file("new.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create);
  CHECK(schema_version(db) == current_schema_version());
  CHECK(current_schema_version() == 8);
  CHECK(db.query_int("PRAGMA application_id") == bpack::index::kApplicationId);
  CHECK(db.query_int("PRAGMA foreign_keys") == 1);
  CHECK(db.query_int("PRAGMA synchronous") == 1);  // NORMAL
  CHECK(db.query_int("SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1);
  for (const char* table :
       {"packs",         "boards",         "board_aliases", "meetings",        "sections",
        "agenda_items",  "attendance",     "minute_items",  "decisions",       "papers",
        "actions",       "action_history", "action_state",  "meeting_summary", "pack_blocks",
        "passage_packs", "passages",       "passages_fts",  "pack_warnings",   "attendance_people"}) {
    INFO(table);
    CHECK(db.query_int(std::string("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = '") + table +
                       "'") == 1);
  }
  for (const char* view : {"blocks"}) {
    INFO(view);
    CHECK(db.query_int(std::string("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'view' AND name = '") + view +
                       "'") == 1);
  }

  SUBCASE("opening it again changes nothing") {
    const auto objects = db.query_int("SELECT COUNT(*) FROM sqlite_schema");
    Database again(dir.file("new.db"), OpenMode::existing);
    prepare_schema(again, SchemaUse::existing);
    CHECK(schema_version(again) == current_schema_version());
    CHECK(again.query_int("SELECT COUNT(*) FROM sqlite_schema") == objects);
  }
}

TEST_CASE("the full-text table is one Datasette and sqlite-utils detect for passages") {
  TempDir dir;
  Database db(dir.file("fts.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create);
  // sqlite-utils' Table.detect_fts() and Datasette's detect_fts_sql(), verbatim patterns.
  CHECK(db.query_int("SELECT COUNT(*) FROM sqlite_master WHERE rootpage = 0 AND name = 'passages_fts' AND "
                     "(sql LIKE '%VIRTUAL TABLE%USING FTS%content=[passages]%' OR "
                     " sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"passages\"%')") == 1);
  // Its indexed columns (text, heading) are columns of the content table.
  CHECK(db.query_int("SELECT COUNT(*) FROM pragma_table_info('passages_fts')") == 2);
  CHECK(db.query_int("SELECT COUNT(*) FROM pragma_table_info('passages_fts') f "
                     "JOIN pragma_table_info('passages') b ON b.name = f.name") == 2);
}

TEST_CASE("a database from a newer bpack is refused with a clear message") {
  TempDir dir;
  {
    Database db(dir.file("future.db"), OpenMode::create);
    prepare_schema(db, SchemaUse::create);
    db.exec("PRAGMA user_version = 99");
  }
  Database db(dir.file("future.db"), OpenMode::existing);
  const std::string message = error_of(db, SchemaUse::existing);
  CHECK(message.find(
            "future.db: this index was written by a newer bpack (schema version 99; this bpack reads up to 8)") !=
        std::string::npos);
  CHECK(schema_version(db) == 99);  // left alone
}

TEST_CASE("files that are not bpack indexes are refused") {
  TempDir dir;
  SUBCASE("someone else's SQLite database") {
    Database db(dir.file("other.db"), OpenMode::create);
    db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
    CHECK(error_of(db, SchemaUse::create).find("other.db: not a bpack index") != std::string::npos);
    CHECK(db.query_int("SELECT COUNT(*) FROM sqlite_schema") == 1);
  }
  SUBCASE("an empty file when an index is required") {
    Database db(dir.file("empty.db"), OpenMode::create);
    CHECK(error_of(db, SchemaUse::existing).find("empty.db: not a bpack index; create one with `bpack ingest") !=
          std::string::npos);
  }
  SUBCASE("a versioned database with another application id") {
    Database db(dir.file("versioned.db"), OpenMode::create);
    db.exec("PRAGMA user_version = 1");
    CHECK(error_of(db, SchemaUse::existing).find("not a bpack index (application_id 0)") != std::string::npos);
  }
  SUBCASE("a missing file is not created by an existing-only open") {
    CHECK_THROWS_AS(Database(dir.file("missing.db"), OpenMode::existing), Error);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
  }
}

TEST_CASE("forward migrations apply in order, once, keeping the data") {
  TempDir dir;
  const std::array<Migration, 1> v1{{{1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"}}};
  const std::array<Migration, 3> v3{{
      {1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"},
      {2, "ALTER TABLE notes ADD COLUMN author TEXT; UPDATE notes SET author = 'unknown';"},
      {3, "CREATE INDEX notes_by_author ON notes(author);"},
  }};
  Database db(dir.file("migrate.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, v1);
  CHECK(schema_version(db) == 1);
  db.exec("INSERT INTO notes (text) VALUES ('kept')");

  prepare_schema(db, SchemaUse::existing, v3);
  CHECK(schema_version(db) == 3);
  CHECK(db.query_int("SELECT COUNT(*) FROM notes WHERE text = 'kept' AND author = 'unknown'") == 1);
  CHECK(db.query_int("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'notes_by_author'") == 1);

  // Already current: running them again must not re-run step 2 (ALTER would fail).
  CHECK_NOTHROW(prepare_schema(db, SchemaUse::existing, v3));
  // And the v1-only build now refuses the v3 file.
  CHECK_THROWS_WITH_AS(prepare_schema(db, SchemaUse::existing, v1),
                       doctest::Contains("schema version 3; this bpack reads up to 1"), Error);
}

TEST_CASE("a failing migration leaves the database at its old version") {
  TempDir dir;
  const std::array<Migration, 1> v1{{{1, "CREATE TABLE notes (id INTEGER PRIMARY KEY);"}}};
  const std::array<Migration, 2> broken{{
      {1, "CREATE TABLE notes (id INTEGER PRIMARY KEY);"},
      {2, "CREATE TABLE extra (x); THIS IS NOT SQL;"},
  }};
  Database db(dir.file("broken.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, v1);
  CHECK_THROWS_AS(prepare_schema(db, SchemaUse::existing, broken), Error);
  CHECK(schema_version(db) == 1);
  CHECK(db.query_int("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'extra'") == 0);
}

}  // namespace

TEST_CASE("an index of schema version 1 is brought to the current version with its rows") {
  TempDir dir;
  Database db(dir.file("v1.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, bpack::index::migrations().first(1));
  CHECK(schema_version(db) == 1);
  db.exec(
      "INSERT INTO packs (path, sha256, bytes, lines, pages, board_key, ingested_at) "
      "VALUES ('a.txt', 'x', 1, 1, 1, '', '2026-01-01T00:00:00Z')");

  prepare_schema(db, SchemaUse::existing);
  CHECK(schema_version(db) == current_schema_version());
  CHECK(db.query_int("SELECT COUNT(*) FROM packs") == 1);
  CHECK(db.query_int(
            "SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('packs_by_recency', 'passage_packs', 'blocks')") == 3);
}

namespace {

// The rows of a query, columns joined by spaces, rows ended by ';'.
std::string rows_of(Database& db, const std::string& sql) {
  std::string rows;
  Statement q(db, sql);
  while (q.step()) {
    for (int c = 0; c < q.column_count(); ++c) {
      rows += c == 0 ? "" : " ";
      rows += q.column_text(c);
    }
    rows += ';';
  }
  return rows;
}

}  // namespace

TEST_CASE("an index of schema version 2 keeps every block when its places move to pack_blocks and passage_packs") {
  TempDir dir;
  Database db(dir.file("v2.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, bpack::index::migrations().first(2));
  CHECK(schema_version(db) == 2);
  db.exec(
      "INSERT INTO packs (id, path, sha256, bytes, lines, pages, board_key, ingested_at) VALUES "
      "(1, 'a.txt', 'x', 1, 1, 1, '', '2026-01-01T00:00:00Z'), (2, 'b.txt', 'y', 1, 1, 1, '', '2026-01-01T00:00:00Z');"
      "INSERT INTO passages (id, hash, text, heading) VALUES (10, 1, 'standing text', 'Minutes'), "
      "(11, 2, 'only in b', 'Paper');"
      // Pack 2 repeats passage 10 twice in its minutes and once in a paper.
      "INSERT INTO blocks (pack_id, passage_id, kind, line, page) VALUES (1, 10, 'minutes', 5, 1), "
      "(2, 10, 'minutes', 7, 1), (2, 11, 'paper', 20, 2), (2, 10, 'minutes', 30, 3), (2, 10, 'paper', 40, 4)");
  const std::string before =
      rows_of(db, "SELECT pack_id, passage_id, kind, line, page FROM blocks ORDER BY pack_id, line");

  prepare_schema(db, SchemaUse::existing);
  CHECK(schema_version(db) == current_schema_version());
  CHECK(rows_of(db, "SELECT pack_id, passage_id, kind, line, page FROM blocks ORDER BY pack_id, seq") == before);
  CHECK(rows_of(db,
                "SELECT passage_id, pack_id, kind, line, page, occurrences FROM passage_packs "
                "ORDER BY passage_id, pack_id, kind") ==
        "10 1 minutes 5 1 1;10 2 minutes 7 1 2;10 2 paper 40 4 1;11 2 paper 20 2 1;");
}

TEST_CASE("an index of schema version 3 keeps every action row when boards and action links arrive") {
  TempDir dir;
  Database db(dir.file("v3.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, bpack::index::migrations().first(3));
  CHECK(schema_version(db) == 3);
  // Two packs of one board named two ways (version 3 saw two boards), each carrying action
  // 46; the later pack closes it. Pack 2 also has an action without a ref.
  db.exec(
      "INSERT INTO packs (id, path, sha256, bytes, lines, pages, board, board_key, meeting_date, has_action_log, "
      "ingested_at) VALUES "
      "(1, 'a.txt', 'x', 1, 9, 1, 'BLMK ICS Partnership Board', 'blmk ics partnership board', '2021-04-07', 1, 't'), "
      "(2, 'b.txt', 'y', 1, 9, 1, 'Partnership Board for Bedfordshire, Luton and Milton Keynes', "
      "'partnership board for bedfordshire luton and milton keynes', '2022-02-09', 1, 't');"
      "INSERT INTO meetings (pack_id, body, date, role, line) VALUES (1, 'BLMK ICS Partnership Board', '2021-04-07', "
      "'agenda', 1), (2, 'Partnership Board for Bedfordshire, Luton and Milton Keynes', '2022-02-09', 'agenda', 1);"
      "INSERT INTO attendance (pack_id, name, status, meeting_date, line) VALUES (1, 'Ann Lee', 'member', "
      "'2021-04-07', 3);"
      "INSERT INTO actions (id, board_key, ref) VALUES (1, 'blmk ics partnership board', '46'), "
      "(2, 'partnership board for bedfordshire luton and milton keynes', '46'), "
      "(3, 'partnership board for bedfordshire luton and milton keynes', NULL);"
      "INSERT INTO action_history (id, action_id, pack_id, ref, raised, text, owner, status, status_text, source, "
      "line) "
      "VALUES (10, 1, 1, '46', '2021-02-03', 'Circulate the data', 'Executive lead', 'open', 'Open', 'action_log', 5), "
      "(11, 2, 2, '46', '2021-02-03', 'Circulate the data', 'Executive lead', 'closed', 'Complete', 'action_log', 6), "
      "(12, 3, 2, NULL, '2021-12-08', 'Book the room', 'Ann Lee', 'open', NULL, 'minutes', 7)");
  const std::string history_sql =
      "SELECT id, pack_id, ref, raised, text, owner, status, status_text, source, line FROM action_history ORDER BY id";
  const std::string before = rows_of(db, history_sql);

  prepare_schema(db, SchemaUse::existing);
  CHECK(schema_version(db) == current_schema_version());
  CHECK(rows_of(db, history_sql) == before);
  // One board, known by both names (each used by one pack and one meeting: the longer is
  // shown); both packs and meetings on it.
  CHECK(rows_of(db, "SELECT id, name FROM boards") == "1 Partnership Board for Bedfordshire, Luton and Milton Keynes;");
  CHECK(db.query_int("SELECT COUNT(*) FROM board_aliases WHERE board_id = 1") == 2);
  CHECK(db.query_int("SELECT COUNT(*) FROM packs WHERE board_id = 1") == 2);
  CHECK(db.query_int("SELECT COUNT(*) FROM meetings WHERE board_id = 1") == 2);
  // Action 46 is one action now, closed by the later pack; the other keeps its own.
  CHECK(
      rows_of(db, "SELECT ref, status, packs_seen, first_seen, last_seen, closed_on FROM action_state ORDER BY ref") ==
      " open 1 2022-02-09 2022-02-09 ;46 closed 2 2021-04-07 2022-02-09 2022-02-09;");
  CHECK(rows_of(db, "SELECT linked_by FROM action_history ORDER BY id") == ";ref;;");
  CHECK(rows_of(db, "SELECT date, present FROM meeting_summary ORDER BY date") == "2021-04-07 1;2022-02-09 0;");
  CHECK(db.query_int("SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("an index of schema version 3 gains an empty pack_warnings that goes with its pack") {
  TempDir dir;
  Database db(dir.file("v3.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, bpack::index::migrations().first(3));
  db.exec(
      "INSERT INTO packs (id, path, sha256, bytes, lines, pages, board_key, ingested_at) "
      "VALUES (7, 'a.txt', 'x', 1, 1, 1, '', '2026-01-01T00:00:00Z')");
  prepare_schema(db, SchemaUse::existing);
  CHECK(schema_version(db) >= 4);
  CHECK(db.query_int("SELECT COUNT(*) FROM packs") == 1);
  CHECK(db.query_int("SELECT COUNT(*) FROM pack_warnings") == 0);
  db.exec("INSERT INTO pack_warnings (pack_id, code, message, line) VALUES (7, 'undated_minutes', 'm', 3)");
  db.exec("DELETE FROM packs WHERE id = 7");
  CHECK(db.query_int("SELECT COUNT(*) FROM pack_warnings") == 0);
}

TEST_CASE(
    "an index of schema version 6 lists its attendance and decisions under their meeting's date, else their "
    "pack's") {
  TempDir dir;
  Database db(dir.file("v6.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, bpack::index::migrations().first(6));
  CHECK(schema_version(db) == 6);
  db.exec(
      "INSERT INTO packs (id, path, sha256, bytes, lines, pages, meeting_date, ingested_at) VALUES "
      "(1, 'a.txt', 'x', 1, 1, 1, '2021-05-05', '2026-01-01T00:00:00Z'), "
      "(2, 'b.txt', 'y', 1, 1, 1, NULL, '2026-01-01T00:00:00Z');"
      "INSERT INTO attendance (pack_id, name, status, meeting_date, line) VALUES "
      "(1, 'Ann Lee', 'member', '2021-03-03', 4), (1, 'Bob Roe', 'member', NULL, 5), (2, 'Cy Dee', 'member', NULL, 6);"
      "INSERT INTO decisions (pack_id, kind, text, meeting_date, line) VALUES "
      "(1, 'agreed', 'dated', '2021-03-03', 9), (1, 'noted', 'undated', NULL, 10)");

  prepare_schema(db, SchemaUse::existing);
  CHECK(schema_version(db) == current_schema_version());
  CHECK(rows_of(db, "SELECT name, COALESCE(listed_date, '-') FROM attendance ORDER BY line") ==
        "Ann Lee 2021-03-03;Bob Roe 2021-05-05;Cy Dee -;");
  CHECK(rows_of(db, "SELECT text, listed_date FROM decisions ORDER BY line") == "dated 2021-03-03;undated 2021-05-05;");
  CHECK(db.query_int("SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('attendance_listed', 'decisions_listed')") ==
        2);
}

TEST_CASE("an index of schema version 7 gains each person's attendance counts per board") {
  TempDir dir;
  Database db(dir.file("v7.db"), OpenMode::create);
  prepare_schema(db, SchemaUse::create, bpack::index::migrations().first(7));
  CHECK(schema_version(db) == 7);
  // Ann is at two meetings of board 1 (one of them in two packs, in two spellings) and one
  // of board 2; Bob is in a pack without a board.
  db.exec(
      "INSERT INTO boards (id, name) VALUES (1, 'Alpha Board'), (2, 'Beta Board');"
      "INSERT INTO packs (id, path, sha256, bytes, lines, pages, meeting_date, board_id, ingested_at) VALUES "
      "(1, 'a.txt', 'x', 1, 1, 1, '2021-05-05', 1, 't'), (2, 'b.txt', 'y', 1, 1, 1, '2021-06-06', 1, 't'), "
      "(3, 'c.txt', 'z', 1, 1, 1, '2021-06-06', 2, 't'), (4, 'd.txt', 'w', 1, 1, 1, NULL, NULL, 't');"
      "INSERT INTO attendance (pack_id, name, status, meeting_date, listed_date, line) VALUES "
      "(1, 'ann lee', 'member', '2021-05-05', '2021-05-05', 4), (2, 'Ann Lee', 'apologies', '2021-05-05', "
      "'2021-05-05', 4), (2, 'Ann Lee', 'member', NULL, '2021-06-06', 5), (3, 'ANN LEE', 'absent', NULL, "
      "'2021-06-06', 6), (4, 'Bob Roe', 'member', NULL, NULL, 7)");

  prepare_schema(db, SchemaUse::existing);
  CHECK(schema_version(db) == current_schema_version());
  CHECK(rows_of(db,
                "SELECT who, board_id, shown, meetings, present, apologies, absent FROM attendance_people "
                "ORDER BY who, board_id") ==
        "ann lee 1 Ann Lee 2 2 1 0;ann lee 2 ANN LEE 1 0 0 1;bob roe 0 Bob Roe 0 0 0 0;");
  CHECK(db.query_int("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'attendance_by_person'") == 1);
}
