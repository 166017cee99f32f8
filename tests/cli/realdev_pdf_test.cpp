// The development PDFs beside the project (../shared/realdev/pdf, not part of it): bpack's
// layout of each against pdftotext -layout's text of the same PDF (../shared/realdev/
// *.layout.txt). Skipped, with one line, where they are not there.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "bpack/text/pdf_source.hpp"
#include "cli/cli_support.hpp"

namespace {

namespace fs = std::filesystem;

// Lines with text, runs of spaces made one: what stays of a line when columns are placed
// differently.
std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> out;
  for (std::string line : bpack::test::split_lines(text)) {
    line.erase(std::remove(line.begin(), line.end(), '\f'), line.end());
    std::string collapsed;
    for (const char c : line) {
      if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' ')) {
        collapsed.push_back(c);
      }
    }
    while (!collapsed.empty() && collapsed.back() == ' ') {
      collapsed.pop_back();
    }
    if (!collapsed.empty()) {
      out.push_back(collapsed);
    }
  }
  return out;
}

// Length of the longest common subsequence, in two rows of memory.
std::size_t common_lines(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::size_t> previous(b.size() + 1, 0);
  std::vector<std::size_t> current(b.size() + 1, 0);
  for (const auto& line : a) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      current[j + 1] = line == b[j] ? previous[j] + 1 : std::max(previous[j + 1], current[j]);
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

TEST_CASE("realdev PDFs: bpack's layout has pdftotext -layout's lines and pages") {
  const fs::path realdev = fs::path(BPACK_SOURCE_DIR) / ".." / "shared" / "realdev";
  if (!fs::is_directory(realdev / "pdf") || !bpack::text::pdf_supported()) {
    MESSAGE("skipped: no ../shared/realdev/pdf beside the project, or no PDF support in this build");
    return;
  }
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(realdev / "pdf")) {
    const fs::path layout = realdev / (entry.path().stem().string() + ".layout.txt");
    if (entry.path().extension() != ".pdf" || !fs::exists(layout)) {
      continue;
    }
    CAPTURE(entry.path().string());
    const auto run = bpack::test::run_bpack({"text", entry.path().string()});
    REQUIRE(run.status == 0);
    for (const auto& line : bpack::test::split_lines(run.err)) {
      CHECK(line.rfind("bpack: ", 0) == 0);  // poppler's own messages never come through
    }
    const std::string expected = bpack::test::read_text(layout.string());
    // The same pages...
    CHECK(std::count(run.out.begin(), run.out.end(), '\f') == std::count(expected.begin(), expected.end(), '\f'));
    // ...and the same lines, but for a few that pdftotext splits or spaces differently.
    const auto ours = text_lines(run.out);
    const auto theirs = text_lines(expected);
    const std::size_t common = common_lines(ours, theirs);
    CHECK(common >= theirs.size() * 99 / 100);
    CHECK(common >= ours.size() * 99 / 100);
    ++checked;
  }
  CHECK(checked >= 5);
}
