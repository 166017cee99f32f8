// End to end: `bpack report --html DIR` on the Westshire fixtures. The pages stand alone (no
// network), every link lands on a file and an id, tables are real tables, and a page is
// written again only when its content changed.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "cli/site_check.hpp"

namespace {

namespace fs = std::filesystem;
using bpack::test::read_text;
using bpack::test::run_bpack;
using bpack::test::ScratchDir;

std::vector<std::string> pages_of(const std::string& dir) {
  std::vector<std::string> pages;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".html") {
      pages.push_back(entry.path().string());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("report: a site of the Westshire packs whose every link resolves, written only where it changed") {
  ScratchDir dir;
  const std::string db = dir.file("index.db");
  const std::string packs = dir.file("packs");
  const std::string site = dir.file("site");
  fs::copy(std::string(BPACK_SOURCE_DIR) + "/tests/fixtures/westshire", packs);
  REQUIRE(run_bpack({"--db", db, "ingest", packs}).status == 0);
  const auto report = run_bpack({"--db", db, "report", "--html", site, "--as-of", "2024-07-31"});
  REQUIRE_MESSAGE(report.status == 0, report.err);
  CHECK(report.out.empty());
  CHECK(report.err == "report: 16 written, 0 unchanged, 0 removed (" + site + "/index.html)\n");

  const auto pages = pages_of(site);
  CHECK(pages.size() == 13);  // index, actions and search; five meetings; five packs
  for (const auto& page : pages) {
    CAPTURE(page);
    const std::string html = read_text(page);
    CHECK(bpack::test::broken_links(page, html).empty());
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(count_of(html, "<h1>") == 1);
    // Real tables: each with a caption and column headers.
    CHECK(count_of(html, "<table>") == count_of(html, "<caption>"));
    CHECK(count_of(html, "<thead><tr><th scope=\"col\"") == count_of(html, "<table>"));
    // Nothing from elsewhere: no remote scripts, styles or fonts.
    CHECK(bpack::test::remote_references(html).empty());
  }
  CHECK(read_text(site + "/search.js").find("http") == std::string::npos);

  // The March minutes' actions, carried by later logs, are the open actions of their owners.
  const std::string actions = read_text(site + "/actions.html");
  CHECK(bpack::test::table_column(actions, "Open actions of Tom Reilly", 0) == std::vector<std::string>{"42"});
  CHECK(bpack::test::table_column(actions, "Owners", 0) ==
        std::vector<std::string>{"Aisha Begum", "Jane Brown", "Peter Smith", "Tom Reilly"});
  // A meeting's page: attendance, decisions, actions raised and what changed in its pack.
  const std::string march = read_text(site + "/meetings/1-2024-03-12.html");
  CHECK(bpack::test::table_column(march, "Attendance", 1) ==
        std::vector<std::string>{"Cllr Jane Brown", "Cllr Tom Reilly", "Cllr Aisha Begum", "Cllr Peter Smith"});
  CHECK(bpack::test::table_column(march, "Attendance", 3) ==
        std::vector<std::string>{"member", "member", "member", "apologies"});
  CHECK(bpack::test::table_column(march, "Actions raised", 0) == std::vector<std::string>{"41", "42"});
  const std::string june = read_text(site + "/meetings/1-2024-06-11.html");
  CHECK(bpack::test::table_column(june, "Changes", 2) ==
        std::vector<std::string>{"closed", "slipped", "vanished", "new"});

  // Again: nothing changed, nothing written.
  const auto again = run_bpack({"--db", db, "report", "--html", site, "--as-of", "2024-07-31"});
  CHECK(again.err == "report: 0 written, 16 unchanged, 0 removed (" + site + "/index.html)\n");
  const auto before = fs::last_write_time(site + "/packs/1.html");

  // A pack changes: its page goes (the pack has a new id) and the pages showing it change.
  std::ofstream(packs + "/planning-2024-05-14.txt", std::ios::app) << "\nAny other business\n";
  REQUIRE(run_bpack({"--db", db, "ingest", packs}).status == 0);
  const auto changed = run_bpack({"--db", db, "report", "--html", site, "--as-of", "2024-07-31", "-q"});
  CHECK(changed.err.empty());
  CHECK(fs::last_write_time(site + "/packs/1.html") == before);
  CHECK(changed.status == 0);
  CHECK_FALSE(fs::exists(site + "/packs/3.html"));
  CHECK(fs::exists(site + "/packs/6.html"));
  for (const auto& page : pages_of(site)) {
    CAPTURE(page);
    CHECK(bpack::test::broken_links(page, read_text(page)).empty());
  }
}
