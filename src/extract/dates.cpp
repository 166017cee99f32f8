#include "bpack/extract/dates.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

int to_int(std::string_view digits) {
  int value = 0;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return result.ec == std::errc() ? value : -1;
}

int month_of(std::string_view text) {
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
    return to_int(text);
  }
  return month_number(text);
}

int year_of(std::string_view text) {
  const int year = to_int(text);
  if (year < 0) {
    return -1;
  }
  return text.size() == 2 ? 2000 + year : year;
}

}  // namespace

int days_in(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return 0;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool is_calendar_date(int year, int month, int day) {
  return day >= 1 && day <= days_in(year, month);
}

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) {
    return 0;
  }
  const std::string lower = util::to_lower_ascii(name.substr(0, 3));
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::optional<FoundDate> find_date(const grammar::Grammar& grammar, std::string_view text,
                                   std::optional<int> default_year) {
  // One walk over the text rules most lines out before each alternative is searched.
  if (!grammar.may_match("date.any", text)) {
    return std::nullopt;
  }
  grammar::Captures captures;
  for (const grammar::Rule* rule : grammar.rules("date.any")) {
    std::size_t from = 0;
    while (rule->pattern.search(text, captures, from)) {
      from = captures.end() > from ? captures.end() : from + 1;
      const int day = to_int(captures.get("day").value_or(""));
      const int month = month_of(captures.get("month").value_or(""));
      int year = captures.get("year") ? year_of(*captures.get("year")) : default_year.value_or(-1);
      if (captures.get("year") && captures.get("year")->empty()) {
        year = default_year.value_or(-1);
      }
      if (year < 1900 || year > 2100 || !is_calendar_date(year, month, day)) {
        continue;
      }
      FoundDate found;
      found.iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
      found.text = std::string(util::trim_punctuation(captures.whole()));
      found.offset = static_cast<std::size_t>(captures.whole().data() - text.data());
      return found;
    }
  }
  return std::nullopt;
}

std::optional<FoundDate> find_date_or_month(const grammar::Grammar& grammar, std::string_view text) {
  if (auto full = find_date(grammar, text)) {
    return full;
  }
  grammar::Captures captures;
  if (grammar.match("date.month", text, captures)) {
    const int month = month_of(captures.get("month").value_or(""));
    const int year = year_of(captures.get("year").value_or(""));
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2100) {
      FoundDate found;
      found.iso = fmt::format("{:04}-{:02}", year, month);
      found.text = std::string(util::trim(captures.whole()));
      found.offset = static_cast<std::size_t>(captures.whole().data() - text.data());
      return found;
    }
  }
  return std::nullopt;
}

std::optional<std::string> find_time(const grammar::Grammar& grammar, std::string_view text) {
  grammar::Captures captures;
  if (!grammar.match("time.any", text, captures)) {
    return std::nullopt;
  }
  int hour = to_int(captures.get("hour").value_or(""));
  const int minute = captures.get("minute") ? to_int(*captures.get("minute")) : 0;
  if (const auto ampm = captures.get("ampm")) {
    const bool pm = !ampm->empty() && (ampm->front() == 'p' || ampm->front() == 'P');
    if (hour > 12 || hour < 1) {
      return std::nullopt;
    }
    if (pm && hour < 12) {
      hour += 12;
    } else if (!pm && hour == 12) {
      hour = 0;
    }
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return std::nullopt;
  }
  return fmt::format("{:02}:{:02}", hour, minute);
}

}  // namespace bpack::extract
