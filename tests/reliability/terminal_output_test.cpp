// Escape sequences in a pack (a window title, a screen clear, a C1 CSI, a bidirectional
// override) and in its file name never reach the terminal raw through bpack's tables,
// outlines and messages; --json keeps them as \u escapes and --csv keeps them exact.

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "cli/cli_support.hpp"

namespace {

using bpack::test::run_bpack;

// Bytes a terminal would act on: ESC, C1 CSI (U+009B as UTF-8), RIGHT-TO-LEFT OVERRIDE.
bool has_raw_controls(const std::string& text) {
  return text.find('\x1b') != std::string::npos || text.find("\xC2\x9B") != std::string::npos ||
         text.find("\xE2\x80\xAE") != std::string::npos;
}

TEST_CASE("reliability: control characters in packs and file names are shown escaped") {
  bpack::test::ScratchDir dir;
  const std::string db = dir.file("index.db");
  const std::string pack = dir.file("evil\x1b[2J.txt");
  std::ofstream(pack, std::ios::binary)
      << "Minutes of the Board held on 5 April 2023\n\n1. Finance \x1b]0;PWNED\x1b\\\n"
         "The board noted \x1b]0;PWNED\x1b\\ and \x1b[2J and \xC2\x9B here, \xE2\x80\xAEreversed.\n";
  const auto ingest = run_bpack({"--db", db, "ingest", pack});
  REQUIRE_MESSAGE(ingest.status == 0, ingest.err);
  CHECK_FALSE(has_raw_controls(ingest.err));

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"search", "noted"}, {"show"}, {"show", "1"}, {"meetings"}, {"parse", pack}}) {
    std::vector<std::string> with_db = {"--db", db};
    with_db.insert(with_db.end(), args.begin(), args.end());
    const auto run = run_bpack(with_db);
    INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(run.status == 0);
    CHECK_FALSE(has_raw_controls(run.out));
    CHECK_FALSE(has_raw_controls(run.err));
  }
  const auto table = run_bpack({"--db", db, "search", "noted"});
  CHECK(table.out.find("\\x1b]0;PWNED\\x1b\\ and \\x1b[2J and \\u009b here, \\u202ereversed.") != std::string::npos);

  const auto json = run_bpack({"--db", db, "search", "noted", "--json"});
  CHECK_FALSE(has_raw_controls(json.out));
  CHECK(json.out.find(R"(\u001b]0;PWNED\u001b\\ and \u001b[2J and \u009b here, \u202ereversed.)") != std::string::npos);

  const auto csv = run_bpack({"--db", db, "search", "noted", "--csv"});
  CHECK(csv.out.find("The board [noted] \x1b]0;PWNED\x1b\\ and \x1b[2J and \xC2\x9B here, "
                     "\xE2\x80\xAEreversed.\"") != std::string::npos);
}

}  // namespace
