#include "bpack/index/pack_queries.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/index/writer.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::Error;
using bpack::UsageError;
using bpack::model::ActionStatus;
using bpack::model::SectionKind;
using bpack::test::FakePack;

struct PacksFixture {
  bpack::test::TempDir dir;
  std::unique_ptr<bpack::index::Database> db = bpack::test::new_index(dir);
  std::vector<bpack::index::IngestResult> results;

  PacksFixture() {
    bpack::test::FakeParser fake;
    FakePack a;
    a.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-03-03")};
    a.pack.sections = {bpack::test::section(SectionKind::agenda, "Agenda", 1, 9),
                       bpack::test::section(SectionKind::action_log, "Action Log", 10, 20)};
    a.pack.actions = {bpack::test::action("5", ActionStatus::open, "Do it, \"now\"", "2021-04", "Ann")};
    a.blocks = {{SectionKind::agenda, "Agenda", "Item one", 2}, {SectionKind::action_log, "Action Log", "Do it", 11}};
    fake.add("a", a);
    FakePack b;
    b.pack.meetings = {bpack::test::agenda_meeting("Alpha Board", "2021-05-05")};
    fake.add("b", b);
    bpack::index::Writer writer(*db);
    bpack::ingest::PackIngester ingester(writer, fake.parser());
    results.push_back(ingester.ingest_bytes("a\n", "packs/2021/a.txt", "/data/packs/2021/a.txt"));
    results.push_back(ingester.ingest_bytes("b\n", "packs/2021/b.txt", "/data/packs/2021/b.txt"));
  }
};

TEST_CASE_FIXTURE(PacksFixture, "packs are listed by meeting date and found by id, path, suffix or hash") {
  const auto packs = bpack::index::list_packs(*db);
  REQUIRE(packs.size() == 2);
  CHECK(packs[0].path == "packs/2021/a.txt");
  CHECK(packs[0].meeting_date == "2021-03-03");
  CHECK(packs[0].board == "Alpha Board");
  CHECK(packs[0].sha256 == results[0].sha256);
  CHECK(packs[0].ingested_at.size() == 20);  // 2021-01-01T00:00:00Z

  CHECK(bpack::index::find_pack(*db, "2").path == "packs/2021/b.txt");
  CHECK(bpack::index::find_pack(*db, "packs/2021/a.txt").id == 1);
  CHECK(bpack::index::find_pack(*db, "a.txt").id == 1);
  CHECK(bpack::index::find_pack(*db, results[1].sha256.substr(0, 8)).id == 2);
  CHECK_THROWS_WITH_AS(bpack::index::find_pack(*db, ".txt"), doctest::Contains("'.txt' matches 2 packs"), UsageError);
  CHECK_THROWS_WITH_AS(bpack::index::find_pack(*db, "zzz.txt"), doctest::Contains("no ingested pack matches 'zzz.txt'"),
                       Error);
}

TEST_CASE_FIXTURE(PacksFixture, "the outline of one pack") {
  const auto outline = bpack::index::pack_outline(*db, 1);
  CHECK(outline.pack.path == "packs/2021/a.txt");
  REQUIRE(outline.sections.size() == 2);
  CHECK(outline.sections[1].kind == "action_log");
  CHECK(outline.sections[1].line_start == 10);
  REQUIRE(outline.actions.size() == 1);
  CHECK(outline.actions[0].ref == "5");
  CHECK(outline.actions[0].status == "open");
  REQUIRE(outline.counts.size() == 6);
  CHECK(outline.counts.back() == std::pair<std::string, std::int64_t>("blocks", 2));
}

TEST_CASE_FIXTURE(PacksFixture, "export streams a whitelisted table with its columns and types") {
  std::vector<std::string> header;
  std::vector<std::vector<bpack::index::Value>> rows;
  bpack::index::export_table(
      *db, "actions", [&](const std::vector<std::string>& names) { header = names; },
      [&](const std::vector<bpack::index::Value>& row) { rows.push_back(row); });
  REQUIRE(rows.size() == 1);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  REQUIRE(column("ref") < header.size());
  CHECK(std::get<std::string>(rows[0][column("ref")]) == "5");
  CHECK(std::get<std::string>(rows[0][column("text")]) == "Do it, \"now\"");
  CHECK(std::get<std::int64_t>(rows[0][column("packs_seen")]) == 1);
  CHECK(std::holds_alternative<std::monostate>(rows[0][column("comments")]));

  for (const auto& table : bpack::index::exportable_tables()) {
    CAPTURE(table);
    CHECK_NOTHROW(bpack::index::export_table(
        *db, table, [](const auto&) {}, [](const auto&) {}));
  }
  CHECK_THROWS_WITH_AS(
      bpack::index::export_table(
          *db, "sqlite_schema", [](const auto&) {}, [](const auto&) {}),
      doctest::Contains("export: no table 'sqlite_schema'; choose one of: packs, boards, board_aliases, meetings"),
      UsageError);
  CHECK_THROWS_AS(bpack::index::export_table(
                      *db, "packs; DROP TABLE packs", [](const auto&) {}, [](const auto&) {}),
                  UsageError);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs") == 2);
}

}  // namespace
