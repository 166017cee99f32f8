#include "bpack/segment/segmenter.hpp"
#include "bpack/extract/section_registry.hpp"
#include "bpack/model/section_kind.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"

namespace bpack::segment {
namespace {

struct Cut {
  std::string kind;
  model::LineNo start;
  model::LineNo end;
};

std::vector<Cut> segment(const std::string& text) {
  std::vector<Cut> cuts;
  Segmenter segmenter(grammar::default_grammar(), extract::segmenter_rules(), [&](SectionChunk& chunk) {
    cuts.push_back(
        {std::string(model::section_name(chunk.section.kind)), chunk.section.line_start, chunk.section.line_end});
  });
  text::TextSource source(text::from_string(text), "test.txt");
  text::Line line;
  while (source.next(line)) {
    segmenter.push(line);
  }
  segmenter.finish();
  return cuts;
}

}  // namespace

TEST_CASE("segmenter: front matter, action log with its title after the table, papers, forward plan") {
  const std::string pack =
      "\n"                                                           // 1
      "Board of Directors\n"                                         // 2
      "12 May 2023\n"                                                // 3
      "Item Lead Timings\n"                                          // 4
      "1. Apologies for absence Chair 10.00am\n"                     // 5
      "MEMBERS\n"                                                    // 6
      "Dr Jane Smith (Chair) JS\n"                                   // 7
      "Tom Brown (Director of Finance) TB\n"                         // 8
      "\n"                                                           // 9
      "Board of Directors Minutes\n"                                 // 10
      "Wednesday 5 April 2023\n"                                     // 11
      "1. Apologies for absence\n"                                   // 12
      "Apologies for absence\n"                                      // 13
      "were received from the Chief Nurse.\n"                        // 14
      "Ref Date Item Action Responsible Deadline Status\n"           // 15
      "12 05-Apr-23 Finance To report back Tom Brown May-23 Open\n"  // 16
      "Board Action Log\n"                                           // 17
      "\n"                                                           // 18
      "Quality report\n"                                             // 19
      "The quality of care improved.\n";                             // 20
  // A paper's cover sheet may run 60 lines: make this paper longer than that (21-80).
  std::string text = pack;
  for (int i = 0; i < 60; ++i) {
    text += "More about the quality of care.\n";
  }
  text +=
      " Document\n"                      // 81
      "summary\n"                        // 82
      "This paper sets out the plan.\n"  // 83
      "Appendices None\n"                // 84
      "More text of the paper.\n"        // 85
      "Board Forward Plan 2023\n"        // 86
      "June 2023 July 2023\n";           // 87
  const auto cuts = segment(text);
  REQUIRE(cuts.size() == 7);
  CHECK(cuts[0].kind == "agenda");
  CHECK(cuts[0].start == 1);
  CHECK(cuts[0].end == 5);
  CHECK(cuts[1].kind == "attendance");
  CHECK(cuts[1].start == 6);
  CHECK(cuts[1].end == 8);
  // "Apologies for absence" inside the minutes is an item, not an attendance list: the next
  // line is not a person.
  CHECK(cuts[2].kind == "minutes");
  CHECK(cuts[2].start == 10);
  CHECK(cuts[2].end == 14);
  CHECK(cuts[3].kind == "action_log");
  CHECK(cuts[3].start == 15);
  CHECK(cuts[3].end == 17);
  // After the log's trailing title, the next text opens a paper.
  CHECK(cuts[4].kind == "paper");
  CHECK(cuts[4].start == 19);
  CHECK(cuts[4].end == 80);
  // A cover sheet wrapped over two lines opens a paper; its Appendices row stays in it.
  CHECK(cuts[5].kind == "paper");
  CHECK(cuts[5].start == 81);
  CHECK(cuts[5].end == 85);
  CHECK(cuts[6].kind == "forward_plan");
  CHECK(cuts[6].start == 86);
  CHECK(cuts[6].end == 87);
}

TEST_CASE("segmenter: a pack that starts mid-way, numbered appendices and empty input") {
  SUBCASE("starts with apologies") {
    const auto cuts = segment(" APOLOGIES\nJane Smith (Council)\n Item\nDiscussion\nNo.\n1.\nWelcome\n");
    REQUIRE(cuts.size() == 2);
    CHECK(cuts[0].kind == "attendance");
    CHECK(cuts[0].end == 2);
    CHECK(cuts[1].kind == "minutes");
    CHECK(cuts[1].start == 3);
  }
  SUBCASE("a numbered appendix inside a report does not open a paper; a lettered one does") {
    std::string text = " Executive Summary\n";
    for (int i = 0; i < 70; ++i) {
      text += "Body text of the report line.\n";
    }
    text += "Appendix 1 - Plan on a page\nMore.\nAppendix B\nA separate document.\n";
    const auto cuts = segment(text);
    REQUIRE(cuts.size() == 2);
    CHECK(cuts[0].kind == "paper");
    CHECK(cuts[0].end == 73);
    CHECK(cuts[1].kind == "paper");
    CHECK(cuts[1].start == 74);
  }
  SUBCASE("empty") {
    CHECK(segment("").empty());
    CHECK(segment("\n  \n\n").empty());
  }
}

}  // namespace bpack::segment
