// The report of the corpus in a real browser: Debian's chromium, headless, opens the pages
// from disk (nothing from the network), and the DOM it builds is checked: the open actions
// are the gold's, the search page's script finds an action, every link lands on a file and
// an id, and a screenshot is taken. Skipped, in one line, where chromium is not installed
// (scripts/install-deps.sh installs it).

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "cli/corpus_index.hpp"
#include "cli/site_check.hpp"

namespace {

namespace fs = std::filesystem;
using bpack::test::Run;

std::optional<std::string> find_chromium() {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "chromium";
    std::error_code error;
    if (fs::is_regular_file(candidate, error)) {
      return candidate.string();
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("report in a browser: open actions, search, links and a screenshot of the corpus report") {
  const std::optional<std::string> chromium = find_chromium();
  if (!chromium) {
    MESSAGE("skipped: chromium is not installed (scripts/install-deps.sh installs it)");
    return;
  }
  bpack::test::CorpusIndex index;
  const std::string site = index.dir.file("site");
  const Run report = index.bpack({"report", "--html", site, "--as-of", "2022-03-01"});
  REQUIRE_MESSAGE(report.status == 0, report.err);

  // One headless browser per page; no network, no first-run work, a profile of its own.
  const auto browse = [&](const std::string& page, const std::vector<std::string>& what) {
    std::vector<std::string> args = {"30",
                                     *chromium,
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--disable-quic",
                                     "--no-first-run",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--user-data-dir=" + index.dir.file("profile")};
    args.insert(args.end(), what.begin(), what.end());
    args.push_back("file://" + site + "/" + page);
    const Run run = bpack::test::run_program("timeout", args);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    return run;
  };

  // The open actions tables, as the browser laid them out, hold the gold's open actions.
  const std::string actions = browse("actions.html", {"--dump-dom"}).out;
  const auto refs = bpack::test::table_column(actions, "Open actions of", 0);
  const std::set<std::string> shown(refs.begin(), refs.end());
  const auto gold = bpack::test::gold_open_refs();
  CHECK(shown == std::set<std::string>(gold.begin(), gold.end()));
  CHECK(bpack::test::broken_links(site + "/actions.html", actions).empty());

  // The search page's script ran on the page from disk and linked its match to the pack.
  const std::string search = browse("search.html?q=ciruclate%20vaccine", {"--dump-dom"}).out;
  CHECK(search.find("1 match.") != std::string::npos);
  const auto links = bpack::test::hrefs_of(search);
  CHECK(std::count_if(links.begin(), links.end(), [](const std::string& l) { return l.rfind("packs/", 0) == 0; }) == 1);
  CHECK(bpack::test::broken_links(site + "/search.html", search).empty());

  const std::string home = browse("index.html", {"--dump-dom"}).out;
  CHECK(home.find("BLMK ICS Partnership Board") != std::string::npos);
  CHECK(bpack::test::broken_links(site + "/index.html", home).empty());

  const std::string shot = index.dir.file("actions.png");
  browse("actions.html", {"--screenshot=" + shot, "--window-size=1280,900", "--hide-scrollbars"});
  REQUIRE(fs::exists(shot));
  CHECK(bpack::test::read_text(shot).rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(fs::file_size(shot) > 10000);
}
