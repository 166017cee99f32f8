#include "cli/filters.hpp"

#include <CLI/CLI.hpp>

#include <ctime>

#include "bpack/extract/dates.hpp"

namespace bpack::cli {

std::string full_date(const std::string& date) {
  return date.size() == 7 ? date + "-01" : date;
}

namespace {

bool digits(const std::string& text, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

// Checks the shape and the ranges (dates are compared as text in SQL, so the shape
// matters) and completes a month to its 1st.
std::string check_date(std::string& text) {
  const bool month = text.size() == 7 && digits(text, 0, 4) && text[4] == '-' && digits(text, 5, 2);
  const bool day = text.size() == 10 && digits(text, 0, 4) && text[4] == '-' && digits(text, 5, 2) && text[7] == '-' &&
                   digits(text, 8, 2);
  if (!month && !day) {
    return "expected a date as YYYY-MM-DD, got '" + text + "'";
  }
  const int yyyy = std::stoi(text.substr(0, 4));
  const int mm = std::stoi(text.substr(5, 2));
  const int dd = day ? std::stoi(text.substr(8, 2)) : 1;
  if (!extract::is_calendar_date(yyyy, mm, dd)) {
    return "no such date: '" + text + "'";
  }
  text = full_date(text);
  return {};
}

}  // namespace

CLI::Option* add_date_option(CLI::App& command, const std::string& name, std::optional<std::string>& value,
                             const std::string& description) {
  return command.add_option(name, value, description)
      ->type_name("DATE")
      ->transform(CLI::Validator(check_date, "", "ISO date"));
}

void add_record_filter_options(CLI::App& command, RecordFilterOptions& options) {
  command.add_option("--board", options.board, "Only boards whose name contains TEXT (any case)")->type_name("TEXT");
  add_date_option(command, "--since", options.since, "Only meetings on or after DATE");
  add_date_option(command, "--until", options.until, "Only meetings on or before DATE");
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
  return buffer;
}

}  // namespace bpack::cli
