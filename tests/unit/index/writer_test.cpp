#include "bpack/index/writer.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>

#include "bpack/index/database.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::Error;
using bpack::index::IngestOutcome;
using bpack::index::Writer;
using bpack::ingest::PackIngester;
using bpack::model::ActionStatus;
using bpack::model::SectionKind;
using bpack::test::FakePack;
using bpack::test::FakeParser;
using bpack::test::TempDir;

// Two packs of one board, two months apart; the later one updates action 1 and drops 2.
FakeParser board_packs() {
  FakeParser parser;
  FakePack march;
  march.pack.meetings = {bpack::test::agenda_meeting("Test Board", "2021-03-03")};
  march.pack.sections = {bpack::test::section(SectionKind::minutes, "Minutes", 1, 20),
                         bpack::test::section(SectionKind::action_log, "Action Log", 21, 40)};
  march.pack.actions = {bpack::test::action("1", ActionStatus::open, "Write the strategy", "2021-04", "Ann Lee"),
                        bpack::test::action("2", ActionStatus::open, "Share the data", "2021-03-31", "Bob Roe")};
  march.pack.decisions.push_back({std::string("4"), bpack::model::DecisionKind::agreed,
                                  std::string("The plan was agreed"), std::string("2021-03-03"), 12});
  march.blocks = {
      {SectionKind::minutes, "Minutes", "The board discussed the vaccination programme.\nUptake is high.", 3},
      {SectionKind::action_log, "Action Log", "Write the strategy", 22}};
  parser.add("march", march);

  FakePack may;
  may.pack.meetings = {bpack::test::agenda_meeting("Test Board", "2021-05-05")};
  may.pack.sections = {bpack::test::section(SectionKind::action_log, "Action Log", 1, 30)};
  may.pack.actions = {bpack::test::action("1", ActionStatus::closed, "Write the strategy", "2021-04", "Ann Lee")};
  may.blocks = {{SectionKind::action_log, "Action Log", "Strategy written and circulated", 2}};
  parser.add("may", may);

  FakePack march_revised = march;
  march_revised.blocks = {{SectionKind::minutes, "Minutes", "The board discussed flu immunisation instead.", 3}};
  march_revised.pack.decisions.clear();
  parser.add("march revised", march_revised);

  FakePack broken = march;
  broken.fail_after_blocks = true;
  parser.add("broken", broken);
  return parser;
}

TEST_CASE("ingest writes a pack's rows; the same bytes again change nothing") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());

  const auto first = ingester.ingest_bytes("march\nmore text\n", "march.txt", "/packs/march.txt");
  CHECK(first.outcome == IngestOutcome::added);
  CHECK(first.pack_id == 1);
  CHECK(first.blocks == 2);
  CHECK(first.actions == 2);
  CHECK(first.sha256.size() == 64);
  const auto counts = bpack::test::row_counts(*db);
  CHECK(counts.at("packs") == 1);
  CHECK(counts.at("meetings") == 1);
  CHECK(counts.at("sections") == 2);
  CHECK(counts.at("decisions") == 1);
  CHECK(counts.at("actions") == 2);
  CHECK(counts.at("action_history") == 2);
  CHECK(counts.at("blocks") == 2);
  CHECK(counts.at("passages") == 2);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'vaccinated'") == 1);  // stemmed
  CHECK(db->query_int("SELECT COUNT(*) FROM packs p JOIN boards b ON b.id = p.board_id WHERE p.board = 'Test Board' "
                      "AND b.name = 'Test Board' AND p.board_alias = 'test board' AND meeting_date = '2021-03-03' "
                      "AND has_action_log = 1 AND lines = 2 AND path = 'march.txt'") == 1);

  SUBCASE("same path") {
    const auto again = ingester.ingest_bytes("march\nmore text\n", "march.txt", "/packs/march.txt");
    CHECK(again.outcome == IngestOutcome::unchanged);
    CHECK(again.pack_id == first.pack_id);
    CHECK(bpack::test::row_counts(*db) == counts);
  }
  SUBCASE("another path, same bytes") {
    const auto copy = ingester.ingest_bytes("march\nmore text\n", "copy.txt", "/elsewhere/copy.txt");
    CHECK(copy.outcome == IngestOutcome::unchanged);
    CHECK(bpack::test::row_counts(*db) == counts);
  }
}

TEST_CASE("new bytes at an indexed path replace that pack's rows, full text included") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");
  ingester.ingest_bytes("may\n", "may.txt", "/packs/may.txt");
  const auto before = bpack::test::row_counts(*db);

  const auto result = ingester.ingest_bytes("march revised\n", "march.txt", "/packs/march.txt");
  CHECK(result.outcome == IngestOutcome::replaced);
  const auto after = bpack::test::row_counts(*db);
  CHECK(after.at("packs") == 2);
  CHECK(after.at("blocks") == before.at("blocks") - 1);  // two blocks out, one in
  CHECK(after.at("decisions") == 0);
  CHECK(after.at("action_history") == before.at("action_history"));
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'vaccination'") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'immunisation'") == 1);
  // "Write the strategy" is also in May's pack... no: May has its own text; March's action
  // log text went with March's old rows.
  CHECK(db->query_int("SELECT COUNT(*) FROM passages WHERE text = 'Write the strategy'") == 0);
  // The FTS index agrees with its content table (FTS5's own consistency check).
  CHECK_NOTHROW(db->exec("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("a paragraph repeated across packs is stored and indexed once, and kept while used") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake;
  const std::string standing = "The board noted the forward plan.";
  for (const std::string name : {"one", "two"}) {
    FakePack pack;
    pack.pack.meetings = {bpack::test::agenda_meeting("Board", name == "one" ? "2021-01-01" : "2021-02-01")};
    pack.blocks = {{SectionKind::minutes, "Minutes", standing, 5},
                   {SectionKind::minutes, "Minutes", "Only in pack " + name, 9},
                   {SectionKind::minutes, "Minutes", standing, 40}};  // repeated within a pack too
    fake.add(name, pack);
  }
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  const auto one = ingester.ingest_bytes("one\n", "one.txt", "/one.txt");
  CHECK(one.blocks == 3);
  CHECK(one.passages == 2);
  const auto two = ingester.ingest_bytes("two\n", "two.txt", "/two.txt");
  CHECK(two.blocks == 3);
  CHECK(two.passages == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM blocks") == 6);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 3);
  // One place per paragraph and pack, at its first line there, counting its repeats.
  CHECK(db->query_int("SELECT COUNT(*) FROM passage_packs") == 4);
  CHECK(db->query_int("SELECT COUNT(*) FROM passage_packs p JOIN passages t ON t.id = p.passage_id "
                      "WHERE t.text = 'The board noted the forward plan.' AND p.line = 5 AND p.occurrences = 2") == 2);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'forward'") == 1);

  // The same words under another heading are another passage (the heading ranks it).
  FakePack other;
  other.pack.meetings = {bpack::test::agenda_meeting("Board", "2021-03-01")};
  other.blocks = {{SectionKind::paper, "Forward plan paper", standing, 3}};
  fake.add("other", other);
  CHECK(ingester.ingest_bytes("other\n", "other.txt", "/other.txt").passages == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'forward'") == 2);
  ingester.ingest_bytes("one\n", "other.txt", "/other.txt");  // same bytes as one.txt: other's rows go
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 3);

  FakePack empty;
  empty.pack.meetings = {bpack::test::agenda_meeting("Board", "2021-01-01")};
  fake.add("emptied", empty);
  ingester.ingest_bytes("emptied\n", "one.txt", "/one.txt");   // pack one loses its text
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 2);  // the standing text stays for pack two
  CHECK(db->query_int("SELECT COUNT(*) FROM passage_packs") == 2);
  CHECK(db->query_int("SELECT COUNT(*) FROM passage_packs WHERE pack_id NOT IN (SELECT id FROM packs)") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'forward'") == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'one'") == 0);
  ingester.ingest_bytes("emptied\n", "two.txt", "/two.txt");  // the same bytes as one.txt now: two's rows go
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passage_packs") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'forward'") == 0);
  CHECK_NOTHROW(db->exec("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("a pack whose rows are all replaced takes its orphan actions with it") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake;
  FakePack one;
  one.pack.meetings = {bpack::test::agenda_meeting("Solo Board", "2021-01-01")};
  one.pack.actions = {bpack::test::action("7", ActionStatus::open, "Only here")};
  fake.add("one", one);
  FakePack none;
  none.pack.meetings = {bpack::test::agenda_meeting("Solo Board", "2021-01-01")};
  fake.add("none", none);
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  ingester.ingest_bytes("one\n", "p.txt", "/p.txt");
  CHECK(db->query_int("SELECT COUNT(*) FROM actions") == 1);
  ingester.ingest_bytes("none\n", "p.txt", "/p.txt");
  CHECK(db->query_int("SELECT COUNT(*) FROM actions") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM action_history") == 0);
}

TEST_CASE("a failure half-way through a pack leaves the index exactly as before") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");
  const auto before = bpack::test::row_counts(*db);

  SUBCASE("the parser throws after streaming blocks") {
    CHECK_THROWS_WITH_AS(ingester.ingest_bytes("broken\n", "broken.txt", "/packs/broken.txt"),
                         "fake parser: failed half-way", Error);
  }
  SUBCASE("the input is binary") {
    CHECK_THROWS_AS(ingester.ingest_bytes(std::string("march\n\x00\x01\x02 binary", 16), "bin.txt", "/packs/bin.txt"),
                    Error);
  }
  SUBCASE("a changed file fails: its old rows stay") {
    CHECK_THROWS_AS(ingester.ingest_bytes("broken\n", "march.txt", "/packs/march.txt"), Error);
    CHECK(db->query_int("SELECT COUNT(*) FROM packs WHERE path = 'march.txt'") == 1);
  }
  CHECK(bpack::test::row_counts(*db) == before);
  // The writer is still usable afterwards.
  CHECK(ingester.ingest_bytes("may\n", "may.txt", "/packs/may.txt").outcome == IngestOutcome::added);
}

TEST_CASE("standard input never replaces a pack") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  CHECK(ingester.ingest_bytes("march\n", "-", "").outcome == IngestOutcome::added);
  CHECK(ingester.ingest_bytes("may\n", "-", "").outcome == IngestOutcome::added);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs WHERE path = '-' AND source_key IS NULL") == 2);
}

TEST_CASE("the writer takes a parsed pack and its blocks; the same bytes again are skipped before parsing") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  Writer writer(*db);
  bpack::model::Pack pack;
  pack.meetings = {bpack::test::agenda_meeting("Test Board", "2021-03-03")};
  pack.source.lines = 3;
  bpack::index::BlockList blocks;
  blocks.add({SectionKind::minutes, "Minutes", "The board approved the estates strategy.", 2, 1});
  blocks.add({SectionKind::minutes, "Minutes", "", 3, 1});  // no text: not a paragraph
  const bpack::index::PackFile file{"p.txt", "/packs/p.txt", std::string(64, 'a'), 42};

  CHECK_FALSE(writer.skip_if_indexed(file).has_value());
  const auto result = writer.write(file, pack, blocks);
  CHECK(result.outcome == IngestOutcome::added);
  CHECK(result.blocks == 1);
  CHECK(result.passages == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs WHERE path = 'p.txt' AND bytes = 42 AND lines = 3 AND "
                      "board = 'Test Board'") == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'estates'") == 1);

  const auto again = writer.skip_if_indexed({"q.txt", "/packs/q.txt", std::string(64, 'a'), 42});
  REQUIRE(again.has_value());
  CHECK(again->outcome == IngestOutcome::unchanged);
  CHECK(again->pack_id == result.pack_id);
  // write() of indexed bytes is the same skip.
  CHECK(writer.write(file, pack, blocks).outcome == IngestOutcome::unchanged);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs") == 1);
}

TEST_CASE("one action per board and ref, whatever order the packs arrive in") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  // The later meeting first: "latest" is by meeting date, not by ingest order.
  ingester.ingest_bytes("may\n", "may.txt", "/packs/may.txt");
  ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");
  CHECK(db->query_int("SELECT COUNT(*) FROM actions") == 2);
  CHECK(db->query_int("SELECT COUNT(*) FROM action_history h JOIN actions a ON a.id = h.action_id WHERE a.ref = '1'") ==
        2);
  CHECK(db->query_int("SELECT COUNT(*) FROM action_state WHERE ref = '1' AND status = 'closed' AND "
                      "first_seen = '2021-03-03' AND last_seen = '2021-05-05' AND packs_seen = 2") == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM action_state WHERE ref = '2' AND status = 'open' AND "
                      "last_seen = '2021-03-03'") == 1);
}

TEST_CASE("the board a pack names") {
  bpack::model::Pack pack;
  CHECK_FALSE(bpack::index::pack_board(pack).has_value());
  pack.meetings.push_back(bpack::test::agenda_meeting("Partnership Board for Bedfordshire", "2021-04-07"));
  CHECK(bpack::index::pack_board(pack) == "Partnership Board for Bedfordshire");
  auto minutes = bpack::test::agenda_meeting("BLMK ICS Partnership Board", "2021-02-03");
  minutes.role = bpack::model::MeetingRole::minutes;
  pack.meetings.push_back(minutes);
  // The minutes header's name wins over the agenda's.
  CHECK(bpack::index::pack_board(pack) == "BLMK ICS Partnership Board");
}

}  // namespace

TEST_CASE("a paragraph stored by a pack that rolled back is stored again by the next pack") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  ingester.set_max_held_pack_bytes(0);  // streamed: the blocks are written before the parser fails
  CHECK_THROWS_AS(ingester.ingest_bytes("broken\n", "broken.txt", "/packs/broken.txt"), Error);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 0);

  // The same paragraphs again: the writer must not reuse the ids the rollback took away.
  const auto result = ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");
  CHECK(result.passages == 2);
  CHECK(db->query_int("SELECT COUNT(*) FROM blocks b JOIN passages t ON t.id = b.passage_id") == 2);
}

TEST_CASE("a writer sees passages another connection removed") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  FakePack again;
  again.blocks = {
      {SectionKind::minutes, "Minutes", "The board discussed the vaccination programme.\nUptake is high.", 3}};
  fake.add("march again", again);
  Writer first(*db);
  PackIngester first_ingest(first, fake.parser());
  first_ingest.ingest_bytes("march\n", "march.txt", "/packs/march.txt");

  // Another process replaces that pack: its paragraphs, used by no other pack, go.
  bpack::index::Database other_db(db->path(), bpack::index::OpenMode::existing);
  Writer other(other_db);
  PackIngester other_ingest(other, fake.parser());
  CHECK(other_ingest.ingest_bytes("march revised\n", "march.txt", "/packs/march.txt").outcome ==
        IngestOutcome::replaced);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages WHERE text LIKE 'The board discussed the vaccination%'") == 0);

  // The first writer stores the paragraph anew instead of pointing at the deleted row.
  const auto result = first_ingest.ingest_bytes("march again\n", "again.txt", "/packs/again.txt");
  CHECK(result.passages == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM blocks b LEFT JOIN passages t ON t.id = b.passage_id "
                      "WHERE t.id IS NULL") == 0);
}

TEST_CASE("optimize merges the full-text index and keeps every row searchable") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");
  ingester.ingest_bytes("may\n", "may.txt", "/packs/may.txt");
  const auto before = bpack::test::row_counts(*db);
  writer.optimize();
  CHECK(bpack::test::row_counts(*db) == before);
  // FTS5 checks its index against the content table; a mismatch is an error.
  db->exec("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)");
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'vaccination'") == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'circulated'") == 1);
  // Still a writer: the next pack goes in as before.
  CHECK(ingester.ingest_bytes("march revised\n", "march.txt", "/packs/march.txt").outcome == IngestOutcome::replaced);
}

namespace {

std::int64_t fts_count(bpack::index::Database& db, const std::string& query) {
  return db.query_int("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH '" + query + "'");
}

void check_fts_integrity(bpack::index::Database& db) {
  // FTS5 compares its index with the content table: an entry missing or left over is an error.
  CHECK_NOTHROW(db.exec("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)"));
}

}  // namespace

TEST_CASE("a batch indexes its packs' paragraphs when it commits, replaced packs included") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  {
    Writer::Batch batch(writer);
    CHECK_THROWS_AS(Writer::Batch{writer}, Error);  // one at a time
    ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");
    ingester.ingest_bytes("may\n", "may.txt", "/packs/may.txt");
    // Replacing a pack of this same batch deletes paragraphs not yet indexed at that point.
    CHECK(ingester.ingest_bytes("march revised\n", "march.txt", "/packs/march.txt").outcome == IngestOutcome::replaced);
    batch.commit();
  }
  check_fts_integrity(*db);
  CHECK(fts_count(*db, "vaccination") == 0);
  CHECK(fts_count(*db, "immunisation") == 1);
  CHECK(fts_count(*db, "circulated") == 1);
  // Pack by pack again, after the batch: indexed at once.
  ingester.ingest_bytes("march\n", "again.txt", "/packs/again.txt");
  CHECK(fts_count(*db, "vaccination") == 1);
  check_fts_integrity(*db);
}

TEST_CASE("a pack rolled back inside a batch takes only its own paragraphs with it") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  // Large enough that the streamed pack indexes its paragraphs while it is being written.
  FakePack huge;
  for (int i = 0; i < 6; ++i) {
    huge.blocks.push_back(
        {SectionKind::paper, "Paper", "hugeword" + std::to_string(i) + " " + std::string(1 << 20, 'x'), 10 + i});
  }
  huge.fail_after_blocks = true;
  fake.add("huge", huge);
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  {
    Writer::Batch batch(writer);
    ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt");  // pending in the batch
    ingester.set_max_held_pack_bytes(0);  // streamed: blocks are written before the parser fails
    CHECK_THROWS_AS(ingester.ingest_bytes("huge\n", "huge.txt", "/packs/huge.txt"), Error);
    CHECK_THROWS_AS(ingester.ingest_bytes("broken\n", "broken.txt", "/packs/broken.txt"), Error);
    ingester.ingest_bytes("may\n", "may.txt", "/packs/may.txt");
    batch.commit();
  }
  check_fts_integrity(*db);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs") == 2);
  CHECK(fts_count(*db, "vaccination") == 1);
  CHECK(fts_count(*db, "circulated") == 1);
  CHECK(fts_count(*db, "hugeword0") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages WHERE text LIKE 'hugeword%'") == 0);
}

TEST_CASE("a batch that rolls back leaves nothing, and the writer stores its paragraphs again") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  {
    Writer::Batch batch(writer);
    CHECK(ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt").passages == 2);
  }  // not committed
  CHECK(db->query_int("SELECT COUNT(*) FROM packs") == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 0);
  {
    Writer::Batch batch(writer);
    CHECK(ingester.ingest_bytes("march\n", "march.txt", "/packs/march.txt").passages == 2);
    batch.commit();
  }
  CHECK(fts_count(*db, "vaccination") == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM blocks b JOIN passages t ON t.id = b.passage_id") == 2);
  check_fts_integrity(*db);
}

TEST_CASE("a writer finds paragraphs another connection stored after it began") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  FakeParser fake = board_packs();
  FakePack repeat;
  repeat.blocks = {{SectionKind::action_log, "Action Log", "Strategy written and circulated", 7}};
  fake.add("repeat", repeat);
  Writer first(*db);
  PackIngester first_ingest(first, fake.parser());
  first_ingest.ingest_bytes("march\n", "march.txt", "/packs/march.txt");  // from an empty index

  bpack::index::Database other_db(db->path(), bpack::index::OpenMode::existing);
  Writer other(other_db);
  PackIngester other_ingest(other, fake.parser());
  CHECK(other_ingest.ingest_bytes("may\n", "may.txt", "/packs/may.txt").passages == 1);

  // May's paragraph again: stored by the other writer, so not new.
  CHECK(first_ingest.ingest_bytes("repeat\n", "repeat.txt", "/packs/repeat.txt").passages == 0);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages WHERE text = 'Strategy written and circulated'") == 1);
}
