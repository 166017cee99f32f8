#include "bpack/extract/meeting_header.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"

namespace bpack::extract {
namespace {

const grammar::Grammar& g() {
  return grammar::default_grammar();
}

// Header lines from strings, numbered from 1 on page 1; blank where empty.
std::vector<HeaderLine> header_of(const std::vector<std::string>& texts) {
  std::vector<HeaderLine> lines;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    HeaderLine line;
    line.text = texts[i];
    line.number = static_cast<model::LineNo>(i + 1);
    line.blank = texts[i].find_first_not_of(' ') == std::string::npos;
    line.page_start = i == 0;
    lines.push_back(line);
  }
  return lines;
}

std::string row(const model::Meeting& m) {
  return m.body.value_or("<null>") + " | " + m.date.value_or("<null>") + " | " + m.time.value_or("<null>") + " | " +
         m.venue.value_or("<null>") + " | " + std::to_string(m.line);
}

}  // namespace

TEST_SUITE("extract meeting header") {
  TEST_CASE("find_meeting_header: no lines, or no date, no header") {
    CHECK_FALSE(find_meeting_header(g(), {}, model::MeetingRole::minutes));
    const std::vector<std::string> texts{"Harbour Estates Committee", "Minutes"};
    const auto lines = header_of(texts);
    CHECK_FALSE(find_meeting_header(g(), lines, model::MeetingRole::minutes));
  }

  TEST_CASE("find_meeting_header: one heading line with venue, time and date") {
    const std::vector<std::string> texts{
        "Minutes of the meeting of the Harbour Estates Committee held in the Guildhall at 6pm on 5 June 2024"};
    const auto lines = header_of(texts);
    const auto header = find_meeting_header(g(), lines, model::MeetingRole::minutes);
    REQUIRE(header);
    CHECK(row(header->meeting) == "Harbour Estates Committee | 2024-06-05 | 18:00 | Guildhall | 1");
    CHECK(header->meeting.role == model::MeetingRole::minutes);
    CHECK_FALSE(header->forthcoming);
  }

  TEST_CASE("find_meeting_header: a block of body, date with a time range, venue") {
    const std::vector<std::string> texts{"Northmoor Digital Standards Panel", "Wednesday 8 November 2023, 14:00-17:00",
                                         "Room 4.12, Exchange Building", "", "1. Welcome"};
    const auto lines = header_of(texts);
    const auto header = find_meeting_header(g(), lines, model::MeetingRole::minutes);
    REQUIRE(header);
    CHECK(row(header->meeting) ==
          "Northmoor Digital Standards Panel | 2023-11-08 | 14:00 | Room 4.12, Exchange "
          "Building | 1");
    CHECK(header->first == 0);
    CHECK(header->end <= 4);
  }

  TEST_CASE("find_meeting_header: a front sheet of a meeting still to come") {
    const std::vector<std::string> texts{"A meeting of the Standards Committee will be held:", "",
                                         "Date:     Monday 20 November 2023", "Time:     7.15 pm",
                                         "Venue:    Council Chamber, Civic Centre"};
    const auto lines = header_of(texts);
    const auto header = find_meeting_header(g(), lines, model::MeetingRole::agenda);
    REQUIRE(header);
    CHECK(header->forthcoming);
    CHECK(row(header->meeting) == "Standards Committee | 2023-11-20 | 19:15 | Council Chamber, Civic Centre | 1");
  }

  TEST_CASE("board_from_heading: the board without the words around it") {
    CHECK(board_from_heading(g(), "Minutes of the meeting of the Harbour Estates Committee") ==
          "Harbour Estates Committee");
    CHECK(board_from_heading(g(), "Harbour Estates Committee Minutes") == "Harbour Estates Committee");
    CHECK(board_from_heading(g(), "Harbour Estates Committee held on 5 June 2024") == "Harbour Estates Committee");
    CHECK(board_from_heading(g(), "").empty());
  }
}

}  // namespace bpack::extract
