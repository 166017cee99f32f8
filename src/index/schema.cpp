#include "bpack/index/schema.hpp"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "bpack/util/error.hpp"
#include "derived_state.hpp"

namespace bpack::index {
namespace {

// Version 1. Every table of a pack's rows references packs(id) ON DELETE CASCADE: replacing
// a changed pack is one DELETE of its packs row. Text columns keep the contract's names and
// spellings (docs/parse-json.md), so `bpack export` and a plain sqlite3 shell read alike.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE packs (
  id             INTEGER PRIMARY KEY,
  path           TEXT NOT NULL,     -- as given to `bpack ingest` ("-" for standard input)
  source_key     TEXT,              -- absolute path, to spot a changed file; NULL for stdin
  sha256         TEXT NOT NULL UNIQUE,
  bytes          INTEGER NOT NULL,
  lines          INTEGER NOT NULL,
  pages          INTEGER NOT NULL,
  board          TEXT,              -- the board as this pack names it
  board_key      TEXT NOT NULL,     -- lower-case letters and digits of board: matches packs of one board
  meeting_date   TEXT,              -- the meeting the pack is for: orders packs ("latest wins")
  has_action_log INTEGER NOT NULL DEFAULT 0,
  ingested_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX packs_by_source ON packs(source_key) WHERE source_key IS NOT NULL;
CREATE INDEX packs_by_board ON packs(board_key, meeting_date);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  body TEXT, date TEXT, date_text TEXT, time TEXT, venue TEXT,
  role TEXT NOT NULL,
  line INTEGER NOT NULL
);
CREATE INDEX meetings_by_pack ON meetings(pack_id);

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
  page_start INTEGER NOT NULL, page_end INTEGER NOT NULL
);
CREATE INDEX sections_by_pack ON sections(pack_id, line_start);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  number TEXT, title TEXT NOT NULL, lead TEXT, paper TEXT, time TEXT,
  line INTEGER NOT NULL
);
CREATE INDEX agenda_items_by_pack ON agenda_items(pack_id, line);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, role TEXT, initials TEXT,
  status TEXT NOT NULL,
  meeting_date TEXT,
  line INTEGER NOT NULL
);
CREATE INDEX attendance_by_pack ON attendance(pack_id);

CREATE TABLE minute_items (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  number TEXT, title TEXT NOT NULL, meeting_date TEXT,
  line_start INTEGER NOT NULL, line_end INTEGER NOT NULL
);
CREATE INDEX minute_items_by_pack ON minute_items(pack_id, line_start);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  item TEXT, kind TEXT NOT NULL, text TEXT, meeting_date TEXT,
  line INTEGER NOT NULL
);
CREATE INDEX decisions_by_pack ON decisions(pack_id);

CREATE TABLE papers (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  ref TEXT, title TEXT, purpose TEXT, ask TEXT, recommendation TEXT,
  line_start INTEGER NOT NULL, line_end INTEGER NOT NULL
);
CREATE INDEX papers_by_pack ON papers(pack_id, line_start);

-- One row per action across packs: the same board and ref in successive packs is one
-- action. An action without a ref cannot be matched and stays on its own (NULLs are
-- distinct in a UNIQUE constraint).
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  board_key TEXT NOT NULL,
  ref TEXT,
  UNIQUE (board_key, ref)
);

-- What each pack says about an action: its status history.
CREATE TABLE action_history (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  ref TEXT, raised TEXT, raised_text TEXT, item TEXT, text TEXT,
  owner TEXT, owner_initials TEXT, due TEXT, due_text TEXT,
  status TEXT NOT NULL, status_text TEXT, comments TEXT,
  source TEXT NOT NULL,
  meeting_date TEXT,
  line INTEGER NOT NULL
);
CREATE INDEX action_history_by_action ON action_history(action_id);
CREATE INDEX action_history_by_pack ON action_history(pack_id);

-- The latest known state of each action: the history row of the pack with the latest
-- meeting date (ties: the later ingested pack) decides status, due date and comments; the
-- descriptive fields fall back to the latest pack that states them.
CREATE VIEW action_state AS
WITH seen AS (
  SELECT h.*, p.board AS board, p.path AS pack_path, p.meeting_date AS pack_date,
         COALESCE(p.meeting_date, '') AS date_key, p.id AS pack_order
  FROM action_history h JOIN packs p ON p.id = h.pack_id
),
ranked AS (
  SELECT seen.*,
    ROW_NUMBER() OVER latest AS recency,
    FIRST_VALUE(text) OVER (PARTITION BY action_id ORDER BY text IS NULL, date_key DESC, pack_order DESC) AS any_text,
    FIRST_VALUE(owner) OVER (PARTITION BY action_id ORDER BY owner IS NULL, date_key DESC, pack_order DESC) AS any_owner,
    FIRST_VALUE(item) OVER (PARTITION BY action_id ORDER BY item IS NULL, date_key DESC, pack_order DESC) AS any_item,
    MIN(raised) OVER (PARTITION BY action_id) AS first_raised,
    MIN(pack_date) OVER (PARTITION BY action_id) AS first_seen,
    MAX(pack_date) OVER (PARTITION BY action_id) AS last_seen,
    COUNT(*) OVER (PARTITION BY action_id) AS packs_seen
  FROM seen
  WINDOW latest AS (PARTITION BY action_id ORDER BY date_key DESC, pack_order DESC)
)
SELECT a.id AS action_id, a.board_key, r.board, a.ref,
       r.first_raised AS raised, r.any_item AS item, r.any_text AS text, r.any_owner AS owner,
       r.due, r.due_text, r.status, r.status_text, r.comments, r.source,
       r.first_seen, r.last_seen, r.packs_seen,
       r.pack_id AS last_pack_id, r.pack_path AS last_pack, r.line AS last_line
FROM actions a JOIN ranked r ON r.action_id = a.id AND r.recency = 1;

-- Full text. A paragraph is stored and indexed once however many packs repeat it (packs
-- carry the same cover sheets, standing items, forward plans and action texts meeting after
-- meeting): passages hold the distinct texts, each with the title of the section it sits
-- in, and blocks say where each occurs.
CREATE TABLE passages (
  id      INTEGER PRIMARY KEY,
  hash    INTEGER NOT NULL,  -- 64-bit FNV-1a of heading and text: finds a repeat already stored
  text    TEXT NOT NULL,     -- source lines joined with '\n', so a hit can be traced to its line
  heading TEXT NOT NULL      -- the section title: ranks a paragraph under a matching heading higher
);
CREATE INDEX passages_by_hash ON passages(hash);

CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  passage_id INTEGER NOT NULL REFERENCES passages(id),
  kind TEXT NOT NULL,   -- the kind of section holding the block (its title: passages.heading)
  line INTEGER NOT NULL,
  page INTEGER NOT NULL
);
CREATE INDEX blocks_by_pack ON blocks(pack_id);
CREATE INDEX blocks_by_passage ON blocks(passage_id);

-- External content (the text is stored once, in passages) named <table>_fts with the content
-- table's column name, which is how Datasette and sqlite-utils recognise a searchable table.
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, heading, content="passages", content_rowid="id",
  tokenize="porter unicode61 remove_diacritics 2"
);
-- The writer indexes new passages itself (a per-row insert trigger costs about twice as
-- much as inserting directly); these keep the index right for every other change.
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text, heading) VALUES ('delete', old.id, old.text, old.heading);
END;
CREATE TRIGGER passages_fts_update AFTER UPDATE OF text, heading ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text, heading) VALUES ('delete', old.id, old.text, old.heading);
  INSERT INTO passages_fts(rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;
)sql";

// Version 2: where a search hit is shown (the latest pack holding its paragraph) is found
// without reading every block of a paragraph that hundreds of packs repeat: packs are
// walked newest first, each probed for the paragraph by (passage, pack).
constexpr const char* kVersion2 = R"sql(
DROP INDEX blocks_by_passage;
CREATE INDEX blocks_by_passage ON blocks(passage_id, pack_id);
CREATE INDEX packs_by_recency ON packs(COALESCE(meeting_date, ''), id);
)sql";

// Version 3: a paragraph's places are kept per pack, not per occurrence. Packs repeat most of
// their paragraphs many times over (standing items, footers, the same paper in several
// packs): one row per occurrence, in a table and two indexes, was most of the cost of an
// ingest. Now each pack's blocks are one JSON row (pack_blocks, read back through the
// `blocks` view), and passage_packs holds one row per paragraph, pack and section kind with
// its first line and page there and how many times it occurs: what search needs to rank,
// filter, count and place a hit.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE pack_blocks (
  pack_id INTEGER PRIMARY KEY REFERENCES packs(id) ON DELETE CASCADE,
  blocks  TEXT NOT NULL   -- JSON, in pack order: [[passage_id, kind, line, page], ...]
);
-- No foreign keys and not indexed by pack (each a b-tree to visit for every row written):
-- bpack deletes a pack's rows by key, from the passages its pack_blocks row lists, and a
-- passage only once no row here holds it.
CREATE TABLE passage_packs (
  passage_id  INTEGER NOT NULL,
  pack_id     INTEGER NOT NULL,
  kind        TEXT NOT NULL,      -- the kind of section holding it
  line        INTEGER NOT NULL,   -- the first occurrence in this pack and kind of section
  page        INTEGER NOT NULL,
  occurrences INTEGER NOT NULL,
  PRIMARY KEY (passage_id, pack_id, kind)
) WITHOUT ROWID;

INSERT INTO pack_blocks (pack_id, blocks)
  SELECT pack_id, json_group_array(json_array(passage_id, kind, line, page))
  FROM (SELECT * FROM blocks ORDER BY pack_id, line, id) GROUP BY pack_id;
INSERT INTO passage_packs (passage_id, pack_id, kind, line, page, occurrences)
  SELECT passage_id, pack_id, kind, MIN(line), page, COUNT(*) FROM blocks GROUP BY passage_id, pack_id, kind;
DROP TABLE blocks;

-- Every paragraph of every pack, where it is: one row per occurrence, as version 2 stored them.
CREATE VIEW blocks AS
  SELECT b.pack_id AS pack_id, j.key AS seq, j.value ->> 0 AS passage_id, j.value ->> 1 AS kind,
         j.value ->> 2 AS line, j.value ->> 3 AS page
  FROM pack_blocks b, json_each(b.blocks) j;
)sql";

// Version 4: one board under many names, actions followed across packs, and what the list
// commands read kept ready (the queries of version 3 grew with the square of the packs).
// - boards and board_aliases: every name met (board_names.hpp) and the board it belongs to;
//   `bpack boards` merges, splits and renames, and ingest keeps what it decided.
// - packs and meetings name their board by alias; board_key goes.
// - actions belong to a board by id; a row without a ref may join an action by owner and
//   similar text (action_links.cpp), and says how it joined.
// - action_state and meeting_summary are tables the writer keeps (derived_state.cpp), no
//   longer a view computed on every query.
// The rows of actions and action_history are copied into new tables (SQLite cannot drop a
// UNIQUE constraint); which action each history row belongs to is decided again after this
// script, by the migration's C++ step, hence the deferred foreign keys.
constexpr const char* kVersion4 = R"sql(
PRAGMA defer_foreign_keys = ON;

CREATE TABLE boards (
  id      INTEGER PRIMARY KEY,
  name    TEXT,                   -- the name shown: the alias most used, unless renamed
  renamed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE board_aliases (
  id       INTEGER PRIMARY KEY,
  key      TEXT NOT NULL UNIQUE,  -- the name's key (board_names.hpp): one alias per key
  board_id INTEGER NOT NULL REFERENCES boards(id),
  name     TEXT NOT NULL,         -- as first written, less a venue or date tail
  uses     INTEGER NOT NULL DEFAULT 0  -- packs and meetings that name their board so
);
CREATE INDEX board_aliases_by_board ON board_aliases(board_id);

DROP VIEW action_state;
DROP INDEX packs_by_board;
ALTER TABLE packs DROP COLUMN board_key;
ALTER TABLE packs ADD COLUMN board_alias TEXT;
ALTER TABLE packs ADD COLUMN board_id INTEGER REFERENCES boards(id);
CREATE INDEX packs_by_board ON packs(board_id, meeting_date);
CREATE INDEX packs_by_alias ON packs(board_alias);
ALTER TABLE meetings ADD COLUMN board_alias TEXT;
ALTER TABLE meetings ADD COLUMN board_id INTEGER REFERENCES boards(id);
CREATE INDEX meetings_by_board ON meetings(board_id, date);
CREATE INDEX attendance_by_date ON attendance(meeting_date);
CREATE INDEX decisions_by_date ON decisions(meeting_date);

CREATE TABLE actions_v4 (
  id        INTEGER PRIMARY KEY,
  board_id  INTEGER NOT NULL REFERENCES boards(id),
  ref       TEXT,
  -- What a later row without a ref is compared with (action_match.hpp): the owner's
  -- initials, the content words of the text and the raised date of the row that began it.
  owner_key TEXT NOT NULL DEFAULT '',
  words     TEXT NOT NULL DEFAULT '',
  raised    TEXT
);
CREATE TABLE action_history_v4 (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions_v4(id) ON DELETE CASCADE,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  ref TEXT, raised TEXT, raised_text TEXT, item TEXT, text TEXT,
  owner TEXT, owner_initials TEXT, due TEXT, due_text TEXT,
  status TEXT NOT NULL, status_text TEXT, comments TEXT,
  source TEXT NOT NULL,
  meeting_date TEXT,
  line INTEGER NOT NULL,
  linked_by  TEXT,   -- how the row joined its action: 'ref', 'text' (owner and similar text); NULL: it began it
  similarity REAL    -- for 'text': how alike the texts are (0..1)
);
INSERT INTO action_history_v4 (id, action_id, pack_id, ref, raised, raised_text, item, text, owner, owner_initials,
                               due, due_text, status, status_text, comments, source, meeting_date, line)
  SELECT id, action_id, pack_id, ref, raised, raised_text, item, text, owner, owner_initials,
         due, due_text, status, status_text, comments, source, meeting_date, line FROM action_history;
DROP TABLE action_history;
DROP TABLE actions;
ALTER TABLE actions_v4 RENAME TO actions;
ALTER TABLE action_history_v4 RENAME TO action_history;
CREATE UNIQUE INDEX actions_by_ref ON actions(board_id, ref) WHERE ref IS NOT NULL;
CREATE INDEX actions_by_owner ON actions(board_id, owner_key);
CREATE INDEX action_history_by_action ON action_history(action_id);
CREATE INDEX action_history_by_pack ON action_history(pack_id);
CREATE INDEX action_history_by_raised ON action_history(raised);

-- The latest known state of each action (what `bpack actions` lists): the row of the pack
-- with the latest meeting date (ties: the later ingested pack) decides status, due date and
-- comments; text, owner and item come from the latest pack that states them.
CREATE TABLE action_state (
  action_id    INTEGER PRIMARY KEY REFERENCES actions(id) ON DELETE CASCADE,
  board_id     INTEGER NOT NULL,
  ref TEXT, raised TEXT, item TEXT, text TEXT, owner TEXT,
  due TEXT, due_text TEXT,
  status TEXT NOT NULL, status_text TEXT, comments TEXT, source TEXT NOT NULL,
  first_seen   TEXT,              -- meeting dates of the first and last packs carrying it
  last_seen    TEXT,
  packs_seen   INTEGER NOT NULL,
  last_pack_id INTEGER NOT NULL,
  last_line    INTEGER NOT NULL,
  closed_on    TEXT,              -- closed: the meeting that closed it (minutes) or the pack's date (log)
  closed_pack_id INTEGER,
  vanished_pack_id INTEGER,       -- not closed, and missing from this later pack's action log
  vanished_on  TEXT
);
CREATE INDEX action_state_by_board ON action_state(board_id, vanished_on);
CREATE INDEX action_state_by_status ON action_state(status);

-- One row per meeting (a board and a date, however many packs mention it): what `bpack
-- meetings` lists. Counts come from the minutes; a decision or person in two packs counts once.
CREATE TABLE meeting_summary (
  board_id        INTEGER NOT NULL,
  meeting_key     TEXT NOT NULL,  -- its date; 'pack N line L' for a meeting without one
  date TEXT, time TEXT, venue TEXT,
  agenda_pack_id  INTEGER,        -- the pack carrying its agenda, and the line there
  agenda_line     INTEGER,
  minutes_pack_id INTEGER,        -- the pack carrying its minutes
  minutes_line    INTEGER,
  present         INTEGER NOT NULL,
  apologies       INTEGER NOT NULL,
  decisions       INTEGER NOT NULL,
  actions_raised  INTEGER NOT NULL,
  PRIMARY KEY (board_id, meeting_key)
) WITHOUT ROWID;
CREATE INDEX meeting_summary_by_date ON meeting_summary(date);
)sql";

// Version 5: where the parser found it did not understand a pack (model::Pack::warnings), so
// that after a large ingest `bpack packs --warnings` lists the packs to look at. Packs
// ingested before have no rows here until they are ingested again.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE pack_warnings (
  id      INTEGER PRIMARY KEY,
  pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  code    TEXT NOT NULL,      -- docs/parse-json.md lists the codes
  message TEXT NOT NULL,
  line    INTEGER NOT NULL    -- 0: the pack as a whole
);
CREATE INDEX pack_warnings_by_pack ON pack_warnings(pack_id);
)sql";

// Version 6: an ingest of many packs brings each action's state and each meeting's summary up
// to date once, when it ends, instead of after every pack that mentions them (a board's
// action is carried by every later action log): what is still to be refreshed is listed in
// stale_actions and stale_meetings, in the packs' own transactions, so that an ingest killed
// before its end leaves the list for the next one. The actions that may have vanished from a
// new pack's action log are found by when they were last seen, not by when they vanished:
// that set grew with the board's actions whenever packs were ingested out of date order.
constexpr const char* kVersion6 = R"sql(
CREATE TABLE stale_actions (action_id INTEGER PRIMARY KEY);
CREATE TABLE stale_meetings (
  board_id    INTEGER NOT NULL,
  meeting_key TEXT NOT NULL,
  PRIMARY KEY (board_id, meeting_key)
) WITHOUT ROWID;
DROP INDEX action_state_by_board;
CREATE INDEX action_state_by_last_seen ON action_state(board_id, COALESCE(last_seen, ''));
)sql";

// Version 7: `bpack attendance` and `bpack decisions` read their rows in meeting order from an
// index instead of sorting them all on every query (an index's whole attendance is hundreds of
// thousands of rows). listed_date is the date a row is listed under: its meeting's, else its
// pack's. Attendance's index holds every column the list shows, so the list reads the index
// alone; it also serves the (board, date) counts of meeting_summary, as meeting_date's did.
constexpr const char* kVersion7 = R"sql(
ALTER TABLE attendance ADD COLUMN listed_date TEXT;
UPDATE attendance SET listed_date = COALESCE(meeting_date, (SELECT p.meeting_date FROM packs p WHERE p.id = pack_id));
DROP INDEX attendance_by_date;
CREATE INDEX attendance_listed ON attendance(listed_date, pack_id, line, name, status, role, initials);
ALTER TABLE decisions ADD COLUMN listed_date TEXT;
UPDATE decisions SET listed_date = COALESCE(meeting_date, (SELECT p.meeting_date FROM packs p WHERE p.id = pack_id));
DROP INDEX decisions_by_date;
CREATE INDEX decisions_listed ON decisions(listed_date, pack_id, line);
)sql";

// Version 8: `bpack attendance --summary` reads each person's counts, kept by the writer per
// board (attendance_people, derived_state.cpp), instead of counting every attendance row on
// each query. A person is their name in lower case, found through attendance_by_person when
// one person's counts are refreshed; stale_people lists those an ingest refreshes at its end.
// The counts of an existing index are made by the migration's C++ step.
constexpr const char* kVersion8 = R"sql(
CREATE INDEX attendance_by_person ON attendance(lower(name));
CREATE TABLE attendance_people (
  who       TEXT NOT NULL,     -- the name in lower case (SQLite's lower(): ASCII only)
  board_id  INTEGER NOT NULL,  -- 0: packs without a board (listed, counted in no meeting)
  shown     TEXT NOT NULL,     -- the smallest spelling met (a capitalised one sorts first)
  meetings  INTEGER NOT NULL,  -- the board's meetings whose record lists the person
  present   INTEGER NOT NULL,  -- ... as member or attendee
  apologies INTEGER NOT NULL,
  absent    INTEGER NOT NULL,
  PRIMARY KEY (who, board_id)
) WITHOUT ROWID;
CREATE TABLE stale_people (
  who      TEXT NOT NULL,
  board_id INTEGER NOT NULL,
  PRIMARY KEY (who, board_id)
) WITHOUT ROWID;
)sql";

constexpr std::array<Migration, 8> kMigrations{{
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
    {4, kVersion4, rebuild_derived_state},
    {5, kVersion5},
    {6, kVersion6},
    {7, kVersion7},
    {8, kVersion8, rebuild_attendance_people},
}};

bool has_user_tables(Database& db) {
  return db.query_int("SELECT COUNT(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'") > 0;
}

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

int current_schema_version() {
  return kMigrations.back().to_version;
}

int schema_version(Database& db) {
  return static_cast<int>(db.query_int("PRAGMA user_version"));
}

void prepare_schema(Database& db, SchemaUse use) {
  prepare_schema(db, use, migrations());
}

void prepare_schema(Database& db, SchemaUse use, std::span<const Migration> steps) {
  const int latest = steps.empty() ? 0 : steps.back().to_version;
  const auto check = [&](int version, std::int64_t application_id) {
    if (version > latest) {
      throw Error(
          fmt::format("{}: this index was written by a newer bpack (schema version {}; this bpack reads up to {}); "
                      "upgrade bpack or ingest into a new database",
                      db.path(), version, latest));
    }
    if (version == 0 && (use == SchemaUse::existing || has_user_tables(db))) {
      throw Error(fmt::format("{}: not a bpack index{}", db.path(),
                              use == SchemaUse::existing ? "; create one with `bpack ingest PACK...`" : ""));
    }
    if (version > 0 && application_id != kApplicationId) {
      throw Error(fmt::format("{}: not a bpack index (application_id {})", db.path(), application_id));
    }
  };

  int version = schema_version(db);
  check(version, db.query_int("PRAGMA application_id"));
  if (version == latest) {
    return;
  }
  if (version == 0) {
    // WAL lets queries read while an ingest writes. It is a property of the file, set once
    // and outside any transaction.
    db.exec("PRAGMA journal_mode = WAL");
  }
  Transaction transaction(db);
  // Another process may have migrated between our read and the write lock.
  version = schema_version(db);
  check(version, db.query_int("PRAGMA application_id"));
  // A new index has no rows for the C++ steps to bring forward.
  const bool has_rows = version > 0;
  std::vector<void (*)(Database&)> finishes;
  for (const Migration& step : steps) {
    if (step.to_version > version) {
      db.exec(step.sql);
      if (step.finish != nullptr && has_rows) {
        finishes.push_back(step.finish);
      }
      db.exec(fmt::format("PRAGMA user_version = {}", step.to_version));
      version = step.to_version;
    }
  }
  for (const auto finish : finishes) {
    finish(db);
  }
  db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  transaction.commit();
}

}  // namespace bpack::index
