#include "bpack/ingest/pack_ingester.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "bpack/index/writer.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::Error;
using bpack::index::IngestOutcome;
using bpack::index::Writer;
using bpack::ingest::PackIngester;
using bpack::test::TempDir;

bpack::test::FakeParser one_pack() {
  bpack::test::FakeParser fake;
  bpack::test::FakePack march;
  march.pack.meetings = {bpack::test::agenda_meeting("Test Board", "2021-03-03")};
  march.pack.sections = {bpack::test::section(bpack::model::SectionKind::minutes, "Minutes", 1, 2)};
  march.blocks = {{bpack::model::SectionKind::minutes, "Minutes", "The board discussed the budget.", 2}};
  fake.add("march", march);
  fake.add("", {});  // an empty or blank file: nothing found in it
  fake.add(" ", {});
  return fake;
}

TEST_CASE("ingest_file reads the file and names it in errors") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  auto fake = one_pack();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  const std::string path = dir.file("march.txt");
  std::ofstream(path) << "march\nbody\n";
  const auto result = ingester.ingest_file(path);
  CHECK(result.outcome == IngestOutcome::added);
  CHECK(result.bytes == 11);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs WHERE source_key IS NOT NULL AND source_key LIKE '/%march.txt'") ==
        1);
  CHECK_THROWS_WITH_AS(ingester.ingest_file(dir.file("nope.txt")), doctest::Contains("nope.txt: cannot open"), Error);
}

TEST_CASE("an input in which nothing is found does not replace an indexed pack with content") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  auto fake = one_pack();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  REQUIRE(ingester.ingest_bytes("march\nbody\n", "a.txt", "/a.txt").outcome == IngestOutcome::added);
  const auto kept = writer.pack_from("/a.txt");
  REQUIRE(kept);
  CHECK(kept->sections == 1);
  const std::string message = "a.txt: empty; kept the indexed version from " + kept->ingested_at;
  const auto rows = bpack::test::all_rows(*db);

  SUBCASE("empty, blank, or bytes indexed already as an empty pack elsewhere") {
    CHECK_THROWS_WITH_AS(ingester.ingest_bytes("", "a.txt", "/a.txt"), message.c_str(), Error);
    CHECK_THROWS_WITH_AS(ingester.ingest_bytes(" \n\t\n\n", "a.txt", "/a.txt"), message.c_str(), Error);
    CHECK(bpack::test::all_rows(*db) == rows);
    CHECK(ingester.ingest_bytes("\n", "empty.txt", "/empty.txt").outcome == IngestOutcome::added);
    CHECK_THROWS_WITH_AS(ingester.ingest_bytes("\n", "a.txt", "/a.txt"), message.c_str(), Error);
    CHECK(writer.pack_from("/a.txt")->sha256 == kept->sha256);
  }
  SUBCASE("too large to hold: parsed inside the pack's transaction, which rolls back") {
    ingester.set_max_held_pack_bytes(4);
    CHECK_THROWS_WITH_AS(ingester.ingest_bytes("\n\n\n\n\n\n", "a.txt", "/a.txt"), message.c_str(), Error);
    CHECK(bpack::test::all_rows(*db) == rows);
  }
  SUBCASE("with --allow-empty it replaces the pack") {
    ingester.set_policy({bpack::text::kDefaultMaxLine, true});
    const auto result = ingester.ingest_bytes("\n", "a.txt", "/a.txt");
    CHECK(result.outcome == IngestOutcome::replaced);
    CHECK(result.replaced_bytes == 11);
  }
  SUBCASE("standard input, and a new path, replace nothing and go in") {
    CHECK(ingester.ingest_bytes("\n", "-", "").outcome == IngestOutcome::added);
    CHECK(ingester.ingest_bytes(" \n", "b.txt", "/b.txt").outcome == IngestOutcome::added);
  }
}

TEST_CASE("a replaced pack's size is reported, for the warning about a pack cut short") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  auto fake = one_pack();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  CHECK(ingester.ingest_bytes("march\n" + std::string(100, 'x') + "\n", "a.txt", "/a.txt").replaced_bytes == 0);
  const auto result = ingester.ingest_bytes("march\nshort\n", "a.txt", "/a.txt");
  CHECK(result.outcome == IngestOutcome::replaced);
  CHECK(result.replaced_bytes == 107);
  CHECK(result.bytes == 12);
}

TEST_CASE("a file too large to hold is read twice, and must be the same bytes the second time") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  auto fake = one_pack();
  Writer writer(*db);
  PackIngester ingester(writer, fake.parser());
  ingester.set_max_held_pack_bytes(8);
  const std::string path = dir.file("march.txt");
  std::ofstream(path) << "march\nthe first version\n";
  bpack::ingest::PreparedPack prepared = ingester.prepare(ingester.read(path), path, path);
  CHECK_FALSE(prepared.input.held());
  const auto rows = bpack::test::all_rows(*db);
  // Changed in place between the reading and the writing.
  std::ofstream(path, std::ios::in | std::ios::out) << "march\nTHE FIRST VERSION\n";
  CHECK_THROWS_WITH_AS(
      ingester.write(std::move(prepared)),
      (path + ": changed while it was read; not ingested (run bpack ingest again once it is written)").c_str(), Error);
  CHECK(bpack::test::all_rows(*db) == rows);
  CHECK(ingester.ingest_file(path).outcome == IngestOutcome::added);
}

TEST_CASE("bytes already indexed are not parsed again") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  auto fake = one_pack();
  int parses = 0;
  const auto counting = [&, parser = fake.parser()](bpack::text::LineSource& source,
                                                    const bpack::extract::ParseOptions& options) {
    ++parses;
    return parser(source, options);
  };
  Writer writer(*db);
  PackIngester ingester(writer, counting);
  CHECK(ingester.ingest_bytes("march\n", "a.txt", "/a.txt").outcome == IngestOutcome::added);
  CHECK(parses == 1);
  CHECK(ingester.ingest_bytes("march\n", "b.txt", "/b.txt").outcome == IngestOutcome::unchanged);
  CHECK(parses == 1);
}

}  // namespace
