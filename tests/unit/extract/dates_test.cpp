#include "bpack/extract/dates.hpp"

#include <doctest/doctest.h>

#include "bpack/grammar/grammar.hpp"

namespace bpack::extract {
namespace {

const grammar::Grammar& g() {
  return grammar::default_grammar();
}

std::string iso(std::string_view text, std::optional<int> year = std::nullopt) {
  const auto found = find_date(g(), text, year);
  return found ? found->iso : "<none>";
}

}  // namespace

TEST_SUITE("extract dates") {
  TEST_CASE("find_date: written dates, numeric dates, ordinals, with their text and offset") {
    const auto found = find_date(g(), "held on Tuesday, 14th March 2023 at 2.30 p.m.");
    REQUIRE(found);
    CHECK(found->iso == "2023-03-14");
    CHECK(found->text.find("14th March 2023") != std::string::npos);
    CHECK(found->offset <= 8);
    CHECK(iso("30/06/2024") == "2024-06-30");
    CHECK(iso("1 Sept 2022") == "2022-09-01");
    CHECK(iso("MINUTES - 9th February 2024") == "2024-02-09");
  }

  TEST_CASE("find_date: nothing without a date; a date without a year takes the year given") {
    CHECK(iso("") == "<none>");
    CHECK(iso("Item 3.2 of the plan") == "<none>");
    CHECK(iso("by 24th March") == "<none>");
    CHECK(iso("by 24th March", 2025) == "2025-03-24");
  }

  TEST_CASE("find_date_or_month: a month alone") {
    const auto month = find_date_or_month(g(), "Feb-21");
    REQUIRE(month);
    CHECK(month->iso == "2021-02");
    const auto full = find_date_or_month(g(), "3 March 2025");
    REQUIRE(full);
    CHECK(full->iso == "2025-03-03");
  }

  TEST_CASE("find_time: 12- and 24-hour times as HH:MM") {
    CHECK(find_time(g(), "at 7.15 pm").value_or("<none>") == "19:15");
    CHECK(find_time(g(), "10.00am - 12.30pm").value_or("<none>") == "10:00");
    CHECK(find_time(g(), "14:00-17:00").value_or("<none>") == "14:00");
    CHECK(find_time(g(), "at 7pm").value_or("<none>") == "19:00");
    CHECK(find_time(g(), "").value_or("<none>") == "<none>");
  }

  TEST_CASE("month_number: names and abbreviations, any case") {
    CHECK(month_number("january") == 1);
    CHECK(month_number("Sept") == 9);
    CHECK(month_number("DEC") == 12);
    CHECK(month_number("") == 0);
    CHECK(month_number("Monday") == 0);
  }
}

}  // namespace bpack::extract
