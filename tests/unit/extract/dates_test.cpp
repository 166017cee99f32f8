#include "bpack/extract/dates.hpp"

#include <doctest/doctest.h>

using bpack::extract::days_in;
using bpack::extract::is_calendar_date;

TEST_CASE("dates: the calendar decides which days exist") {
  CHECK(days_in(2021, 2) == 28);
  CHECK(days_in(2024, 2) == 29);
  CHECK(days_in(1900, 2) == 28);  // a century is a leap year only every 400 years
  CHECK(days_in(2000, 2) == 29);
  CHECK(days_in(2021, 4) == 30);
  CHECK(days_in(2021, 12) == 31);
  CHECK(days_in(2021, 0) == 0);
  CHECK(days_in(2021, 13) == 0);

  CHECK(is_calendar_date(2021, 2, 28));
  CHECK_FALSE(is_calendar_date(2021, 2, 29));
  CHECK_FALSE(is_calendar_date(2021, 2, 30));
  CHECK(is_calendar_date(2024, 2, 29));
  CHECK_FALSE(is_calendar_date(2021, 4, 31));
  CHECK_FALSE(is_calendar_date(2021, 1, 0));
  CHECK_FALSE(is_calendar_date(2021, 13, 1));
}

TEST_CASE("dates: a date the calendar lacks is not found in text") {
  const auto& grammar = bpack::grammar::default_grammar();
  CHECK_FALSE(bpack::extract::find_date(grammar, "Meeting held on 30 February 2021"));
  const auto found = bpack::extract::find_date(grammar, "Meeting held on 29 February 2024");
  REQUIRE(found);
  CHECK(found->iso == "2024-02-29");
}
