#include "bpack/text/markup.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using bpack::text::MarkupFilter;

namespace {

struct Filtered {
  std::string text;
  bool heading = false;
};

// Every line through one filter, as the parser feeds it a file.
std::vector<Filtered> filter_lines(const std::vector<std::string_view>& lines) {
  MarkupFilter filter;
  std::vector<Filtered> out;
  for (const auto line : lines) {
    const std::string_view text = filter.filter(line);
    out.push_back({std::string(text), filter.heading()});
  }
  return out;
}

std::string one(std::string_view line) {
  return filter_lines({"First line of the file", line}).back().text;
}

}  // namespace

TEST_CASE("markup: plain text passes through unchanged") {
  CHECK(one("The Board noted the report.") == "The Board noted the report.");
  CHECK(one("   3.1   Finance report      JS") == "   3.1   Finance report      JS");
  CHECK(one("") == "");
  CHECK(one("Costs rose 5* in the year") == "Costs rose 5* in the year");
}

TEST_CASE("markup: headings lose their marks and say they are headings") {
  const auto out = filter_lines({"## Apologies for absence ##", "### 4. Finance", "#hashtag", "Body text"});
  CHECK(out[0].text == "Apologies for absence");
  CHECK(out[0].heading);
  CHECK(out[1].text == "4. Finance");
  CHECK(out[1].heading);
  CHECK(out[2].text == "#hashtag");  // no space after the marks: not a heading
  CHECK_FALSE(out[2].heading);
  CHECK_FALSE(out[3].heading);
}

TEST_CASE("markup: emphasis, escapes, links and quotes") {
  CHECK(one("**RESOLVED** that the budget be __approved__") == "RESOLVED that the budget be approved");
  CHECK(one("Item 4\\. Minutes of the last meeting \\[draft\\]") == "Item 4. Minutes of the last meeting [draft]");
  CHECK(one("See the [full report](https://example.org/r.pdf) for detail") == "See the full report for detail");
  CHECK(one("> Apologies were received from Cllr Amos") == "Apologies were received from Cllr Amos");
  CHECK(one("a [bracket] alone stays") == "a [bracket] alone stays");
  CHECK(one("*James Barren, Neal Larkman, Jo Housley*") == "James Barren, Neal Larkman, Jo Housley");
  CHECK(one("The _draft_ plan and the *final* one") == "The draft plan and the final one");
  CHECK(one("the file_name and 2 * 3 stay") == "the file_name and 2 * 3 stay");
  CHECK(one("* a bullet keeps its mark") == "* a bullet keeps its mark");
}

TEST_CASE("markup: a table row becomes cells apart as in layout text; a rule row is blank") {
  CHECK(one("| Ref | Action | Owner |") == "Ref    Action    Owner");
  CHECK(one("|---|:---:|---|") == "");
  CHECK(one("| 12 | Send the **draft** | | ") == "12    Send the draft");
  CHECK(one("| A \\| B | C |") == "A | B    C");
}

TEST_CASE("markup: front matter keeps the title, labelled keys and text blocks") {
  const auto out = filter_lines({
      "---",                           // 0
      "title: \"Finance Committee\"",  // 1
      "date: 2024-02-01",              // 2 the page's own date
      "location: Council Chamber",     // 3
      "tags:",                         // 4
      "  - finance",                   // 5
      "minutes: >-",                   // 6
      "  ### Present",                 // 7
      "",                              // 8
      "  Cllr A Amos, Cllr B Bell",    // 9
      "start_time: '19:00'",           // 10
      "---",                           // 11
      "# After the front matter",      // 12
  });
  CHECK(out[0].text.empty());
  CHECK(out[1].text == "Finance Committee");
  CHECK(out[1].heading);
  CHECK(out[2].text.empty());
  CHECK(out[3].text == "Location: Council Chamber");
  CHECK_FALSE(out[3].heading);
  CHECK(out[4].text.empty());
  CHECK(out[5].text.empty());
  CHECK(out[6].text == "Minutes");
  CHECK(out[6].heading);
  CHECK(out[7].text == "Present");
  CHECK(out[7].heading);
  CHECK(out[8].text.empty());
  CHECK(out[9].text == "Cllr A Amos, Cllr B Bell");
  CHECK(out[10].text == "Start time: 19:00");
  CHECK(out[11].text.empty());
  CHECK(out[12].text == "After the front matter");
  CHECK(out[12].heading);
}

TEST_CASE("markup: a file that does not open with --- has no front matter") {
  const auto out = filter_lines({"Minutes of the Board", "title: not front matter", "---", "date: 2024"});
  CHECK(out[0].text == "Minutes of the Board");
  CHECK(out[1].text == "title: not front matter");
  CHECK(out[3].text == "date: 2024");
}
