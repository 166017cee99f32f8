// End to end: `bpack ingest` on the corpus, run as a user would.

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>

#include "bpack/index/database.hpp"
#include "cli/cli_support.hpp"
#include "cli/corpus_index.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::test::corpus_file;
using bpack::test::CorpusIndex;
using bpack::test::run_bpack;
using bpack::test::ScratchDir;

std::map<std::string, std::int64_t> counts_of(const std::string& path) {
  bpack::index::Database db(path, bpack::index::OpenMode::existing);
  return bpack::test::row_counts(db);
}

void write_binary(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < 4096; ++i) {
    out.put(static_cast<char>(i % 256));  // NUL and every other control byte
  }
}

TEST_CASE("ingest of the corpus: counts on stderr, nothing on stdout") {
  CorpusIndex index;
  CHECK(index.ingest.out.empty());
  CHECK(index.ingest.err.find("ingest: 2 added, 0 replaced, 0 unchanged, 0 failed") != std::string::npos);
  const auto counts = counts_of(index.db);
  CHECK(counts.at("packs") == 2);
  CHECK(counts.at("blocks") > 500);
  CHECK(counts.at("sections") >= 4);
}

TEST_CASE("re-ingesting both packs changes no row") {
  CorpusIndex index;
  const auto before = counts_of(index.db);
  const auto again = index.bpack({"ingest", corpus_file("blmk-2021-04-07.txt"), corpus_file("blmk-2022-02-09.txt")});
  CHECK(again.status == 0);
  CHECK(again.err.find("ingest: 0 added, 0 replaced, 2 unchanged, 0 failed") != std::string::npos);
  CHECK(counts_of(index.db) == before);
  // The same bytes through standard input are recognised too.
  const auto piped = bpack::test::run_bpack({"--db", index.db, "ingest", "-"}, corpus_file("blmk-2021-04-07.txt"));
  CHECK(piped.status == 0);
  CHECK(piped.err.find("0 added, 0 replaced, 1 unchanged, 0 failed") != std::string::npos);
  CHECK(counts_of(index.db) == before);
}

TEST_CASE("a corrupt file after a good pack: the pack's rows stay, exit status 1") {
  ScratchDir dir;
  const std::string db = dir.file("index.db");
  const std::string corrupt = dir.file("corrupt.txt");
  write_binary(corrupt);
  REQUIRE(run_bpack({"--db", db, "ingest", corpus_file("blmk-2021-04-07.txt")}).status == 0);
  const auto before = counts_of(db);

  SUBCASE("on its own") {
    const auto run = run_bpack({"--db", db, "ingest", corrupt});
    CHECK(run.status == 1);
    CHECK(run.err.find("bpack: " + corrupt) != std::string::npos);
    CHECK(run.err.find("0 added, 0 replaced, 0 unchanged, 1 failed") != std::string::npos);
    CHECK(counts_of(db) == before);
  }
  SUBCASE("among good files: the others go in") {
    const auto run = run_bpack({"--db", db, "ingest", corrupt, corpus_file("blmk-2022-02-09.txt")});
    CHECK(run.status == 1);
    CHECK(run.err.find("1 added, 0 replaced, 0 unchanged, 1 failed") != std::string::npos);
    CHECK(counts_of(db).at("packs") == 2);
  }
  SUBCASE("--strict stops at the first failure") {
    const auto run = run_bpack({"--db", db, "ingest", "--strict", corrupt, corpus_file("blmk-2022-02-09.txt")});
    CHECK(run.status == 1);
    CHECK(run.err.find("0 added, 0 replaced, 0 unchanged, 1 failed") != std::string::npos);
    CHECK(counts_of(db) == before);
  }
  SUBCASE("--strict after a good pack: that one stays, nothing after the failure goes in") {
    const std::string later = dir.file("later.txt");  // new bytes: would be added without --strict
    std::filesystem::copy_file(corpus_file("blmk-2021-04-07.txt"), later);
    std::ofstream(later, std::ios::app) << "\nA paragraph added later.\n";
    const auto run = run_bpack({"--db", db, "ingest", "--strict", "--json", corpus_file("blmk-2022-02-09.txt"), corrupt,
                                later, dir.file("missing.txt")});
    CHECK(run.status == 1);
    CHECK(run.err.find("1 added, 0 replaced, 0 unchanged, 1 failed") != std::string::npos);
    const auto lines = bpack::test::json::parse_lines(run.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["outcome"].string == "added");
    CHECK(lines[1]["outcome"].string == "failed");
    CHECK(lines[1]["path"].string == corrupt);
    CHECK(counts_of(db).at("packs") == 2);
  }
  SUBCASE("a file that does not exist") {
    const auto run = run_bpack({"--db", db, "ingest", dir.file("missing.txt")});
    CHECK(run.status == 1);
    CHECK(run.err.find("missing.txt: cannot open") != std::string::npos);
    CHECK(counts_of(db) == before);
  }
}

TEST_CASE("a changed file at the same path replaces its pack") {
  ScratchDir dir;
  const std::string db = dir.file("index.db");
  const std::string pack = dir.file("pack.txt");
  std::filesystem::copy_file(corpus_file("blmk-2021-04-07.txt"), pack);
  REQUIRE(run_bpack({"--db", db, "ingest", pack}).status == 0);
  const auto before = counts_of(db);
  std::ofstream(pack, std::ios::app) << "\nA closing paragraph about zymurgy added later.\n";
  const auto run = run_bpack({"--db", db, "ingest", pack});
  CHECK(run.status == 0);
  CHECK(run.err.find("0 added, 1 replaced, 0 unchanged, 0 failed") != std::string::npos);
  const auto after = counts_of(db);
  CHECK(after.at("packs") == 1);
  CHECK(after.at("actions") == before.at("actions"));
  CHECK(after.at("blocks") >= before.at("blocks"));
  const auto search = run_bpack({"--db", db, "search", "zymurgy", "--json"});
  CHECK(search.status == 0);
  CHECK(bpack::test::json::parse_lines(search.out).size() == 1);
}

TEST_CASE("directories are searched for *.txt; --json reports each file, skipped ones first") {
  ScratchDir dir;
  std::filesystem::create_directories(dir.file("packs/2021"));
  std::filesystem::copy_file(corpus_file("blmk-2021-04-07.txt"), dir.file("packs/2021/a.txt"));
  std::filesystem::copy_file(corpus_file("blmk-2022-02-09.txt"), dir.file("packs/b.TXT"));
  std::ofstream(dir.file("packs/notes.md")) << "not a pack\n";
  const auto run = run_bpack({"--db", dir.file("index.db"), "ingest", dir.file("packs"), "--json"});
  CHECK(run.status == 0);
  CHECK(run.err.find("2 added, 0 replaced, 0 unchanged, 0 failed") != std::string::npos);
  CHECK(run.err.find("; 1 skipped (not text or PDF: 1 .md)") != std::string::npos);
  const auto lines = bpack::test::json::parse_lines(run.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["path"].string == dir.file("packs/notes.md"));
  CHECK(lines[0]["outcome"].string == "skipped");
  CHECK(lines[0]["error"].string == "not text or PDF");
  CHECK(lines[1]["path"].string == dir.file("packs/2021/a.txt"));
  CHECK(lines[1]["outcome"].string == "added");
  CHECK(lines[1]["sha256"].string == "e5e4701b6c982efddb44b7ebce75ab0629fd8ff8e046ae97402094afb45d0dcb");
  CHECK(lines[2]["path"].string == dir.file("packs/b.TXT"));
}

TEST_CASE("--db goes before or after the subcommand; queries never create a database") {
  CorpusIndex index;
  const auto before = run_bpack({"--db", index.db, "actions", "--open"});
  const auto after = run_bpack({"actions", "--open", "--db", index.db});
  CHECK(before.status == 0);
  CHECK(before.out == after.out);
  CHECK_FALSE(before.out.empty());

  ScratchDir dir;
  const std::string missing = dir.file("nothing-here.db");
  for (const std::vector<std::string>& command : {std::vector<std::string>{"actions"},
                                                  {"search", "x"},
                                                  {"meetings"},
                                                  {"decisions"},
                                                  {"attendance"},
                                                  {"show"},
                                                  {"export", "--table", "packs"},
                                                  {"actions", "show", "1"}}) {
    std::vector<std::string> args = command;
    args.push_back("--db");
    args.push_back(missing);
    const auto run = run_bpack(args);
    CAPTURE(command[0]);
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find("no index at " + missing + ": create one with `bpack ingest PACK...`") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(missing));
  }
}

TEST_CASE("an index from a newer bpack is refused, not changed") {
  CorpusIndex index;
  {
    bpack::index::Database db(index.db, bpack::index::OpenMode::existing);
    db.exec("PRAGMA user_version = 42");
  }
  for (const std::vector<std::string>& command : {std::vector<std::string>{"actions"}, {"ingest", "-"}}) {
    const auto run = index.bpack(command);
    CHECK(run.status == 1);
    CHECK(run.err.find("written by a newer bpack (schema version 42; this bpack reads up to 8)") != std::string::npos);
  }
  bpack::index::Database db(index.db, bpack::index::OpenMode::existing);
  CHECK(db.query_int("PRAGMA user_version") == 42);
}

}  // namespace
