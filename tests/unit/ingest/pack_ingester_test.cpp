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
  march.blocks = {{bpack::model::SectionKind::minutes, "Minutes", "The board discussed the budget.", 2}};
  fake.add("march", march);
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
