// Action refs of any length are rows of their own: a ref of five digits or more once failed
// the row pattern, so every row from 10000 on folded into action 9999 (in a 100,000-row log,
// 90,001 rows made one action with 10 MB of comments).

#include <doctest/doctest.h>

#include <string>

#include "fixtures/fixture_support.hpp"

namespace {

using bpack::fixture::parse_text;
using bpack::fixture::str;

TEST_CASE("reliability: action log rows with refs of 10000 and up are rows of their own") {
  std::string log = "Quality Committee Action Log\n\nRef Date Item Action Owner Due Status Comments\n\n";
  const long refs[] = {9998, 9999, 10000, 10001, 99999, 100000, 1234567};
  for (const long ref : refs) {
    log += std::to_string(ref) + " 04-Mar-20 Infection control\nTo review audit " + std::to_string(ref) +
           ".\nSarah Lloyd Jun-20 Closed Presented.\n\n";
  }
  const auto pack = parse_text(log);
  REQUIRE(pack.actions.size() == std::size(refs));
  for (std::size_t i = 0; i < std::size(refs); ++i) {
    CAPTURE(i);
    CHECK(str(pack.actions[i].ref) == std::to_string(refs[i]));
    CHECK(str(pack.actions[i].text) == "To review audit " + std::to_string(refs[i]) + ".");
  }
}

TEST_CASE("reliability: refs alone on a line (one cell per line) and in minutes' action markers, of any length") {
  const auto columns = parse_text(R"(Audit Committee Action Log

Ref
Date
Item
Action
Owner
Due
Status
12345
04-Mar-20
Audit
To close the audit.
Peter Okafor
Apr-20
Open
12346
05-Mar-20
Risk
To review the register.
Sarah Lloyd
May-20
Closed
)");
  REQUIRE(columns.actions.size() == 2);
  CHECK(str(columns.actions[0].ref) == "12345");
  CHECK(str(columns.actions[1].ref) == "12346");

  const auto minutes = parse_text(R"(Minutes of the Partnership Board held on Wednesday 5th April 2023

1. Communications plan
Action 10000: Circulate the engagement summary to partners.
Action 123456: Publish the revised plan on the website.
)");
  REQUIRE(minutes.actions.size() == 2);
  CHECK(str(minutes.actions[0].ref) == "10000");
  CHECK(str(minutes.actions[1].ref) == "123456");
}

}  // namespace
