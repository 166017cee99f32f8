// End to end: `bpack explain`, and the warnings of `bpack parse`, `bpack ingest` and
// `bpack packs`, run as a user would.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bpack/extract/explain.hpp"
#include "cli/cli_support.hpp"

namespace {

using bpack::test::corpus_file;
using bpack::test::read_text;
using bpack::test::run_bpack;
using bpack::test::ScratchDir;
using bpack::test::split_lines;
namespace json = bpack::test::json;

// A pack whose action log uses a layout the readers do not know.
constexpr const char* kUnknownLog = R"(Minutes of the meeting of the Harbour Trust Board held on 12 March 2024

Present: Ann Lee (Chair), Bob Marsh, Carol Nye

1. Harbour dredging
RESOLVED that the contract be awarded to the lowest bidder.

Action Log

Task 1 raised in March by the harbour master, owed to the Board, expected soon
)";

std::string write_file(const ScratchDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("explain: every entity of the sample packs is on lines labelled with it") {
  for (const char* name : {"blmk-2021-04-07.txt", "blmk-2022-02-09.txt"}) {
    CAPTURE(name);
    const auto e = bpack::extract::explain_file(corpus_file(name));
    const auto& pack = e.pack;
    REQUIRE(e.lines.size() == static_cast<std::size_t>(pack.source.lines));
    const auto used = [&](bpack::model::LineNo line) {
      return line > 0 && e.lines[static_cast<std::size_t>(line - 1)].used();
    };
    for (const auto& a : pack.actions) {
      CHECK_MESSAGE(used(a.line), "action at line " << a.line);
      CHECK(a.line_end >= a.line);
    }
    for (const auto& d : pack.decisions) {
      CHECK_MESSAGE(used(d.line), "decision at line " << d.line);
    }
    for (const auto& a : pack.attendance) {
      CHECK_MESSAGE(used(a.line), "attendee at line " << a.line);
    }
    for (const auto& m : pack.minute_items) {
      CHECK_MESSAGE(used(m.line_start), "minute item at line " << m.line_start);
    }
    for (const auto& s : pack.sections) {
      if (s.heading_line != 0) {
        CHECK(e.lines[static_cast<std::size_t>(s.heading_line - 1)].heading);
      }
    }
    CHECK(e.coverage() > 0.9);
    CHECK(e.coverage() < 1.0);  // some lines (page furniture, notes) are in nothing
  }
}

TEST_CASE("explain: each rule shown points at the grammar line that defines it") {
  const auto e = bpack::extract::explain_file(corpus_file("blmk-2021-04-07.txt"));
  std::size_t hits = 0;
  for (const auto& line : e.lines) {
    for (const auto& rule : line.rules) {
      ++hits;
      const auto lines = split_lines(read_text(std::string(BPACK_SOURCE_DIR) + "/" + rule.file));
      REQUIRE(rule.line >= 1);
      REQUIRE(static_cast<std::size_t>(rule.line) <= lines.size());
      CHECK_MESSAGE(lines[static_cast<std::size_t>(rule.line - 1)].rfind(rule.name + " ", 0) == 0,
                    rule.file << ":" << rule.line << " for " << rule.name);
    }
  }
  CHECK(hits > 100);
}

TEST_CASE("explain: text, --lines and --json") {
  const std::string pack = corpus_file("blmk-2022-02-09.txt");
  const auto text = run_bpack({"explain", pack, "--lines", "271-275"});
  REQUIRE(text.status == 0);
  const auto rows = split_lines(text.out);
  REQUIRE(rows.size() > 6);
  CHECK(rows[0].rfind(" LINE  PAGE  SECTION", 0) == 0);
  CHECK(rows[1].find("  271  ") == 0);
  CHECK(text.out.find("action_log") != std::string::npos);
  CHECK(text.out.find("\ncoverage: ") != std::string::npos);
  CHECK(text.out.find("  276  ") == std::string::npos);

  const auto lines = run_bpack({"explain", pack, "--json", "--lines", "271-275"});
  REQUIRE(lines.status == 0);
  const auto objects = split_lines(lines.out);
  REQUIRE(objects.size() == 6);  // five lines and the summary
  for (std::size_t i = 0; i < 5; ++i) {
    const json::Value line = json::parse(objects[i]);
    CHECK(line["line"].number == static_cast<double>(271 + i));
    CHECK(line["rules"].type == json::Value::Type::array);
  }
  const json::Value summary = json::parse(objects[5])["summary"];
  CHECK(summary["coverage"].number > 0.9);
  CHECK(summary["sections"].array.size() >= 3);
  CHECK(summary["warnings"].array.empty());

  for (const char* bad : {"0-3", "9-2", "x", "3-y"}) {
    CAPTURE(bad);
    const auto run = run_bpack({"explain", pack, "--lines", bad});
    CHECK(run.status == 2);
    CHECK(run.err.find("--lines") != std::string::npos);
  }
  const auto missing = run_bpack({"explain", "/nonexistent/pack.txt"});
  CHECK(missing.status == 1);
  CHECK(missing.out.empty());
}

TEST_CASE("warnings reach the user: parse on stderr and in --json, ingest per pack, packs --warnings") {
  ScratchDir dir;
  const std::string pack = write_file(dir, "harbour.txt", kUnknownLog);

  const auto parsed = run_bpack({"parse", pack});
  CHECK(parsed.status == 0);
  CHECK(parsed.err == "bpack: " + pack + ":8: warning: action log with no rows read\n");
  const auto quiet = run_bpack({"--quiet", "parse", pack});
  CHECK(quiet.err.empty());
  const json::Value doc = json::parse(run_bpack({"parse", pack, "--json"}).out);
  REQUIRE(doc["warnings"].array.size() == 1);
  CHECK(doc["warnings"].array[0]["code"].string == "empty_action_log");
  CHECK(doc["warnings"].array[0]["line"].number == 8);

  const std::string db = dir.file("index.db");
  const auto ingest = run_bpack({"--db", db, "ingest", pack, corpus_file("blmk-2021-04-07.txt")});
  CHECK(ingest.status == 0);
  CHECK(ingest.err.find("bpack: " + pack + ": 1 warning (line 8: action log with no rows read); see: bpack explain " +
                        pack + "\n") != std::string::npos);
  CHECK(ingest.err.find("blmk-2021-04-07.txt: ") == std::string::npos);  // a pack without warnings is quiet
  CHECK(ingest.err.find("1 pack with warnings, see `bpack packs --warnings`") != std::string::npos);

  const auto listed = run_bpack({"--db", db, "packs", "--warnings", "--json"});
  REQUIRE(listed.status == 0);
  const auto rows = split_lines(listed.out);
  REQUIRE(rows.size() == 1);
  const json::Value row = json::parse(rows[0]);
  CHECK(row["path"].string == pack);
  CHECK(row["line"].number == 8);
  CHECK(row["code"].string == "empty_action_log");

  const auto all = split_lines(run_bpack({"--db", db, "packs", "--json"}).out);
  REQUIRE(all.size() == 2);
  double total = 0;
  for (const auto& line : all) {
    total += json::parse(line)["warnings"].number;
  }
  CHECK(total == 1);
}

TEST_CASE("a grammar that breaks the contract stops every command before it parses, exit 2") {
  ScratchDir dir;
  const std::string misspelt = write_file(
      dir, "house.grammar", "item.numberd += ^\\s*Minute\\s+(?P<number>\\d{2}/\\d{1,3})\\s+(?P<title>[A-Z].*)$\n");
  const std::string group = write_file(
      dir, "group.grammar", "item.numbered += ^\\s*Minute\\s+(?P<num>\\d{2}/\\d{1,3})\\s+(?P<title>[A-Z].*)$\n");
  const std::string pack = corpus_file("blmk-2021-04-07.txt");
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"parse", pack}, {"explain", pack}, {"ingest", pack, "--db", dir.file("x.db")}}) {
    CAPTURE(command[0]);
    std::vector<std::string> args{"--grammar", misspelt};
    args.insert(args.end(), command.begin(), command.end());
    const auto run = run_bpack(args);
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "bpack: " + misspelt + ":1: unknown rule 'item.numberd' (did you mean 'item.numbered'?)\n");
  }
  const auto run = run_bpack({"--grammar", group, "parse", pack});
  CHECK(run.status == 2);
  CHECK(run.err == "bpack: " + group +
                       ":1: rule 'item.numbered': unknown capture group 'num' (did you mean 'number'?); it needs "
                       "'number' and 'title' and may have 'letter' and 'sub'\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("x.db")));
}
