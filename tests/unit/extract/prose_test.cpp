#include "bpack/extract/prose.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "unit/extract/extract_support.hpp"

namespace bpack::extract {
namespace {

std::string sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text)) {
    out.emplace_back(s.text);
  }
  return test::joined(out);
}

using test::section_lines;

}  // namespace

TEST_SUITE("extract prose") {
  TEST_CASE("split_sentences: none in an empty text, one without a full stop") {
    CHECK(split_sentences("").empty());
    CHECK(sentences("The meeting closed at 8pm") == "The meeting closed at 8pm");
  }

  TEST_CASE("split_sentences: cut where the next word starts a sentence, with offsets") {
    const std::string text = "The Board met. It agreed the plan! Was it costed? (Yes.)";
    const auto found = split_sentences(text);
    REQUIRE(found.size() == 4);
    CHECK(found[0].text == "The Board met.");
    CHECK(found[1].text == "It agreed the plan!");
    CHECK(found[1].offset == 15);
    CHECK(found[2].text == "Was it costed?");
    CHECK(found[3].text == "(Yes.)");
  }

  TEST_CASE("split_sentences: no cut after titles, initials, or before a lower-case word") {
    CHECK(sentences("Dr. Hale and J. R. Okoye presented the report.") ==
          "Dr. Hale and J. R. Okoye presented the report.");
    CHECK(sentences("The total was approx. three thousand pounds.") == "The total was approx. three thousand pounds.");
  }

  TEST_CASE("page_furniture: page numbers and a running header, not the text nor the header's first line") {
    auto s = section_lines({
        "Westmere Housing Board",          // 1 heads the section
        "1. Budget",                       // 2
        "The Board reviewed the budget.",  // 3
        "2",                               // 4 page number
        "\fWestmere Housing Board",        // 5 running header
        "The plan was agreed.",            // 6
        "3",                               // 7 page number
        "\fWestmere Housing Board",        // 8 running header
        "2. Close",                        // 9
    });
    const std::vector<bool> furniture = page_furniture(grammar::default_grammar(), s.lines);
    REQUIRE(furniture.size() == s.lines.size());
    CHECK(test::flags(furniture) == "000110110");
  }

  // Reader bug: a running footer is furniture on every page but the first, where it is read
  // as text (0001001100) although the footer's first page is meant to be furniture too.
  TEST_CASE("page_furniture: a running footer on its first page" * doctest::skip()) {
    auto s = section_lines({
        "1. Budget",                           // 1
        "The Board reviewed the budget.",      // 2
        "Westmere Housing Board 14 May 2024",  // 3 footer
        "Page 1 of 3",                         // 4
        "\fThe plan was agreed.",              // 5
        "2. Close",                            // 6
        "Westmere Housing Board 14 May 2024",  // 7 footer
        "Page 2 of 3",                         // 8
        "\f3. Next",                           // 9
        "The meeting closed.",                 // 10
    });
    CHECK(test::flags(page_furniture(grammar::default_grammar(), s.lines)) == "0011001100");
  }

  TEST_CASE("page_furniture: a single line, and a section without page breaks") {
    auto one = section_lines({"The Board met."});
    CHECK(test::flags(page_furniture(grammar::default_grammar(), one.lines)) == "0");
    auto none = section_lines({});
    CHECK(page_furniture(grammar::default_grammar(), none.lines).empty());
  }

  TEST_CASE("Paragraph::line_at: the line holding an offset") {
    Paragraph p;
    p.text = "The Board reviewed the budget and agreed it.";
    p.starts = {{0, 4}, {23, 5}};
    CHECK(p.line_at(0) == 4);
    CHECK(p.line_at(22) == 4);
    CHECK(p.line_at(23) == 5);
    CHECK(p.line_at(40) == 5);
  }
}

}  // namespace bpack::extract
