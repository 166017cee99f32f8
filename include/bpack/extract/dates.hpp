#pragma once

// Dates and times as packs write them, normalised for the contract: ISO 8601 dates (a
// month-only date is YYYY-MM; two-digit years are 20YY) and 24-hour HH:MM times. Where a date
// is in the text is the grammar's business (date.any, date.month, time.any); this code turns
// what the patterns captured into values.

#include <optional>
#include <string>
#include <string_view>

#include "bpack/grammar/grammar.hpp"

namespace bpack::extract {

struct FoundDate {
  std::string iso;   // YYYY-MM-DD or YYYY-MM
  std::string text;  // as written
  std::size_t offset = 0;
};

// The first full date in `text` (day, month and year). A date without a year ("24th March")
// takes `default_year` when given.
std::optional<FoundDate> find_date(const grammar::Grammar& grammar, std::string_view text,
                                   std::optional<int> default_year = std::nullopt);
// A full date, else a month-only date ("Feb-21" -> 2021-02).
std::optional<FoundDate> find_date_or_month(const grammar::Grammar& grammar, std::string_view text);
// The first time of day, as HH:MM.
std::optional<std::string> find_time(const grammar::Grammar& grammar, std::string_view text);

// Days in the month (1-12) of the Gregorian calendar, leap years counted; 0 for no month.
int days_in(int year, int month);
// Whether day/month/year is a day of the calendar (2021-02-29 and 2021-04-31 are not).
bool is_calendar_date(int year, int month, int day);

// 1-12 for an English month name or abbreviation ("Sept", "february"), else 0.
int month_number(std::string_view name);

}  // namespace bpack::extract
