#include "bpack/ingest/pipelined_ingest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/util/error.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::Error;
using bpack::index::IngestOutcome;
using bpack::index::IngestResult;
using bpack::index::Writer;
using bpack::ingest::PackIngester;
using bpack::ingest::PipelinedIngest;
using bpack::test::TempDir;

std::string corpus_pack(const std::string& name) {
  return std::string(BPACK_SOURCE_DIR) + "/corpus/" + name;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every row of every table, every column as text but the ingest time; each table's rows in
// sorted order (not every table has an id).
std::vector<std::string> all_rows(bpack::index::Database& db) {
  std::vector<std::string> rows;
  for (const auto& table : bpack::test::data_tables()) {
    bpack::index::Statement select(db, "SELECT * FROM " + table);
    const auto first = rows.size();
    const auto sort_table = [&] { std::sort(rows.begin() + static_cast<std::ptrdiff_t>(first), rows.end()); };
    while (select.step()) {
      std::string row = table;
      for (int c = 0; c < select.column_count(); ++c) {
        if (select.column_name(c) != "ingested_at") {
          row += '|';
          row += select.is_null(c) ? "NULL" : select.column_text(c);
        }
      }
      rows.push_back(row);
    }
    sort_table();
  }
  bpack::index::Statement fts(db,
                              "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'board OR the' ORDER BY rowid");
  while (fts.step()) {
    rows.push_back("fts|" + fts.column_text(0));
  }
  return rows;
}

// What ingesting `path` gave: the result's fields, or the error's message.
std::string outcome_of(const IngestResult& r) {
  return std::string(bpack::index::to_string(r.outcome)) + " " + r.path + " " + r.sha256 + " " +
         std::to_string(r.pack_id) + " " + std::to_string(r.bytes) + " " + std::to_string(r.blocks) + " " +
         std::to_string(r.passages) + " " + std::to_string(r.actions);
}

struct Run {
  std::vector<std::string> outcomes;
  std::vector<std::string> rows;
  std::size_t warnings = 0;
  std::size_t blocks_seen = 0;
};

template <typename Ingest>
Run run(const TempDir& dir, const std::string& db_name, const std::vector<std::string>& paths, Ingest ingest,
        std::uint64_t max_held_pack_bytes = 16 * 1024 * 1024) {
  auto db = bpack::test::new_index(dir, db_name);
  Writer writer(*db);
  PackIngester ingester(writer);
  ingester.set_max_held_pack_bytes(max_held_pack_bytes);
  bpack::CollectingSink sink;
  Run result;
  bpack::extract::ParseOptions options;
  options.diagnostics = &sink;
  options.on_block = [&](const bpack::model::Block&) { ++result.blocks_seen; };
  ingest(ingester, paths, options, result.outcomes);
  result.rows = all_rows(*db);
  result.warnings = sink.items.size();
  return result;
}

TEST_CASE("a pipelined ingest writes exactly what ingesting the files one by one writes") {
  TempDir dir;
  const std::string a = dir.file("a.txt");
  const std::string b = dir.file("b.txt");
  const std::string copy = dir.file("copy-of-a.txt");
  const std::string binary = dir.file("binary.txt");
  const std::string changed = dir.file("b-changed.txt");
  std::filesystem::copy_file(corpus_pack("blmk-2021-04-07.txt"), a);
  std::filesystem::copy_file(corpus_pack("blmk-2022-02-09.txt"), b);
  std::filesystem::copy_file(a, copy);
  write_file(binary, std::string("Board pack\n\x00\x01\x02\x03", 15));
  write_file(changed, read_file(b) + "\nA closing paragraph about zymurgy.\n");
  const std::vector<std::string> paths = {a, binary, b, copy, dir.file("missing.txt"), a, changed, b};

  const auto one_by_one = [](PackIngester& ingester, const auto& files, const auto& options,
                             std::vector<std::string>& outcomes) {
    for (const auto& path : files) {
      try {
        outcomes.push_back(outcome_of(ingester.ingest_file(path, options)));
      } catch (const Error& e) {
        outcomes.push_back(std::string("error ") + e.what());
      }
    }
  };
  const Run sequential = run(dir, "sequential.db", paths, one_by_one);
  // Packs too large to hold are parsed while their blocks go into the database: the same rows.
  const Run streamed = run(dir, "streamed.db", paths, one_by_one, 0);
  CHECK(streamed.outcomes == sequential.outcomes);
  CHECK(streamed.rows == sequential.rows);
  CHECK(streamed.warnings == sequential.warnings);
  CHECK(streamed.blocks_seen == sequential.blocks_seen);
  for (const std::uint64_t ahead : {std::uint64_t{1}, PipelinedIngest::kDefaultBytesAhead}) {
    CAPTURE(ahead);
    const Run pipelined =
        run(dir, "pipelined-" + std::to_string(ahead) + ".db", paths,
            [&](PackIngester& ingester, const auto& files, const auto& options, std::vector<std::string>& outcomes) {
              PipelinedIngest pipeline(ingester, files, options, ahead);
              while (!pipeline.done()) {
                try {
                  outcomes.push_back(outcome_of(pipeline.next()));
                } catch (const Error& e) {
                  outcomes.push_back(std::string("error ") + e.what());
                }
              }
            });
    CHECK(pipelined.outcomes == sequential.outcomes);
    CHECK(pipelined.rows == sequential.rows);
    CHECK(pipelined.warnings == sequential.warnings);
    CHECK(pipelined.blocks_seen == sequential.blocks_seen);
  }
  REQUIRE(sequential.outcomes.size() == paths.size());
  CHECK(sequential.outcomes[1].starts_with("error "));
  CHECK(sequential.outcomes[3].starts_with("unchanged "));
  CHECK(sequential.outcomes[4].find("missing.txt: cannot open") != std::string::npos);
  CHECK(sequential.outcomes[7].starts_with("unchanged "));
  CHECK(sequential.blocks_seen > 500);
}

TEST_CASE("a pipelined ingest stopped after a failure writes nothing after it") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  bpack::test::FakeParser fake;
  for (const std::string name : {"one", "two", "three", "four"}) {
    bpack::test::FakePack pack;
    pack.pack.meetings = {bpack::test::agenda_meeting("Board", "2021-01-01")};
    pack.blocks = {{bpack::model::SectionKind::minutes, "Minutes", "Text of pack " + name, 2}};
    pack.fail_after_blocks = name == "two";
    fake.add(name, pack);
  }
  std::vector<std::string> paths;
  for (const std::string name : {"one", "two", "three", "four"}) {
    paths.push_back(dir.file(name + ".txt"));
    write_file(paths.back(), name + "\n");
  }
  Writer writer(*db);
  bpack::ingest::PackIngester ingester(writer, fake.parser());
  {
    PipelinedIngest pipeline(ingester, paths, {});
    CHECK(pipeline.next().outcome == IngestOutcome::added);
    CHECK_THROWS_WITH_AS(pipeline.next(), "fake parser: failed half-way", Error);
    // The caller stops here (--strict): the reader may have parsed three and four already.
  }
  CHECK(db->query_int("SELECT COUNT(*) FROM packs") == 1);
  CHECK(db->query_int("SELECT COUNT(*) FROM passages") == 1);
  // The writer goes on as before.
  CHECK(ingester.ingest_file(paths[2]).outcome == IngestOutcome::added);
}

TEST_CASE("prepare parses without the database; write leaves unchanged bytes alone, parsed or not") {
  TempDir dir;
  auto db = bpack::test::new_index(dir);
  Writer writer(*db);
  PackIngester ingester(writer);
  const std::string bytes = read_file(corpus_pack("blmk-2021-04-07.txt"));
  auto parsed = ingester.prepare(bytes, "a.txt", "/a.txt");
  CHECK_FALSE(parsed.parsed);
  ingester.parse(parsed);
  CHECK(parsed.parsed);
  CHECK(parsed.bytes.empty());
  CHECK(parsed.blocks.size() > 100);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs") == 0);
  const auto hashed = ingester.prepare(bytes, "a.txt", "/a.txt");
  CHECK_FALSE(hashed.parsed);
  CHECK(hashed.file.sha256 == parsed.file.sha256);
  CHECK(ingester.write(std::move(parsed)).outcome == IngestOutcome::added);
  const auto rows = all_rows(*db);
  CHECK(db->query_int("SELECT COUNT(*) FROM packs WHERE sha256 = '" + hashed.file.sha256 + "'") == 1);
  auto again = ingester.prepare(bytes, "b.txt", "/b.txt");
  ingester.parse(again);
  CHECK(ingester.write(std::move(again)).outcome == IngestOutcome::unchanged);
  CHECK(ingester.write(hashed).outcome == IngestOutcome::unchanged);
  CHECK(all_rows(*db) == rows);
  CHECK(writer.pack_hashes() == std::vector<std::string>{hashed.file.sha256});
}

}  // namespace
