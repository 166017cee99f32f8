#include "bpack/index/board_names.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using bpack::index::BoardMatch;
using bpack::index::match_board_names;
using bpack::index::parse_board_name;

BoardMatch match(const std::string& a, const std::string& b) {
  return match_board_names(parse_board_name(a), parse_board_name(b));
}

}  // namespace

TEST_CASE("board names: venue and date tails are cut from the name shown") {
  CHECK(parse_board_name("WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE, Council Chamber, Civic Centre, Westbury")
            .display == "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE");
  CHECK(parse_board_name("Planning Committee – 12 March 2024").display == "Planning Committee");
  CHECK(parse_board_name("Planning Committee held on Wednesday 3rd February").display == "Planning Committee");
  CHECK(parse_board_name("Planning Committee 12/03/2024").display == "Planning Committee");
  CHECK(parse_board_name("Health and Wellbeing Board at the Town Hall").display == "Health and Wellbeing Board");
  CHECK(parse_board_name("Cabinet 2024").display == "Cabinet");
  // A comma inside the name stays: no venue follows it.
  CHECK(parse_board_name("Partnership Board for Bedfordshire, Luton and Milton Keynes").display ==
        "Partnership Board for Bedfordshire, Luton and Milton Keynes");
  CHECK(parse_board_name("  ").display.empty());
}

TEST_CASE("board names: the key ignores case, 'the', organisation types and a sitting in public") {
  CHECK(parse_board_name("The Planning Committee").key == "planning committee");
  CHECK(parse_board_name("PLANNING COMMITTEE").key == "planning committee");
  CHECK(parse_board_name("Westshire District Council Planning Committee").key == "westshire planning committee");
  CHECK(parse_board_name("BLMK ICS Partnership Board").key == "blmk partnership board");
  CHECK(parse_board_name("Westfield Community Health NHS Trust Public Board").key ==
        parse_board_name("Westfield Community Health NHS Trust Board").key);
  CHECK(parse_board_name("Health & Wellbeing Board").key == "health and wellbeing board");
  CHECK(parse_board_name("Chair’s Group").key == "chairs group");
  // "X for Y" reads as "Y X".
  CHECK(parse_board_name("Partnership Board for Bedfordshire, Luton and Milton Keynes").key ==
        "bedfordshire luton and milton keynes partnership board");
  CHECK(parse_board_name("").key.empty());
}

TEST_CASE("board names: one board under many names") {
  // The sample packs' board: written out, and as its acronym.
  CHECK(match("BLMK ICS Partnership Board", "Partnership Board for Bedfordshire, Luton and Milton Keynes") ==
        BoardMatch::strong);
  CHECK(match("BLMK Partnership Board", "BLMK ICS Partnership Board") == BoardMatch::strong);
  // A council committee with and without its council's name, and with a venue tail.
  CHECK(match("Planning Committee", "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE") == BoardMatch::weak);
  CHECK(match("WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE",
              "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE, Council Chamber, Civic Centre, Westbury") ==
        BoardMatch::strong);
  CHECK(match("Westshire Council Planning Committee", "Westshire District Council Planning Committee") ==
        BoardMatch::strong);
}

TEST_CASE("board names: different boards stay apart") {
  CHECK(match("Westshire Council Planning Committee", "Eastshire Council Planning Committee") == BoardMatch::none);
  CHECK(match("Partnership Board", "Board") == BoardMatch::none);
  CHECK(match("Planning Committee", "Planning and Licensing Committee") == BoardMatch::none);
  CHECK(match("Audit Committee", "Planning Committee") == BoardMatch::none);
  CHECK(match("BLMK Partnership Board", "Partnership Board for Hertfordshire and West Essex") == BoardMatch::none);
  CHECK(match("", "Planning Committee") == BoardMatch::none);
}
