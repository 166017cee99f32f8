#include "bpack/extract/layout.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/extract/extract_support.hpp"

namespace bpack::extract {
namespace {

// text@column-end for each cell.
std::string cells(std::string_view line) {
  std::vector<std::string> out;
  for (const Cell& c : layout_cells(line)) {
    out.push_back(std::string(c.text) + "@" + std::to_string(c.column) + "-" + std::to_string(c.end));
  }
  return test::joined(out);
}

}  // namespace

TEST_SUITE("extract layout") {
  TEST_CASE("layout_cells: an empty or blank line has no cell") {
    CHECK(layout_cells("").empty());
    CHECK(layout_cells("      ").empty());
  }

  TEST_CASE("layout_cells: one space joins words, two or more part cells") {
    CHECK(cells("Owner name") == "Owner name@0-10");
    CHECK(cells("Owner  name") == "Owner@0-5 / name@7-11");
    CHECK(cells("Owner   name") == "Owner@0-5 / name@8-12");
  }

  TEST_CASE("layout_cells: a tab parts cells; leading spaces set the first cell's column") {
    CHECK(cells("Ref\tAction") == "Ref@0-3 / Action@4-10");
    CHECK(cells("    JW      Publish the plan  ") == "JW@4-6 / Publish the plan@12-28");
  }

  TEST_CASE("layout_cells: columns count characters, not bytes") {
    // "£40,000" is 7 characters and 8 bytes.
    CHECK(cells("£40,000   Open") == "£40,000@0-7 / Open@10-14");
  }

  TEST_CASE("char_count: UTF-8 code points") {
    CHECK(char_count("") == 0);
    CHECK(char_count("abc") == 3);
    CHECK(char_count("£–é") == 3);
  }
}

}  // namespace bpack::extract
