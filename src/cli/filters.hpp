#pragma once

// Options several query commands share: dates (ISO, checked when parsed so a typo is a
// usage error) and the board / since / until filters.

#include <optional>
#include <string>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace bpack::cli {

// Adds an option taking an ISO date (YYYY-MM-DD; YYYY-MM is accepted and means its 1st).
CLI::Option* add_date_option(CLI::App& command, const std::string& name, std::optional<std::string>& value,
                             const std::string& description);

struct RecordFilterOptions {
  std::optional<std::string> board;
  std::optional<std::string> since;
  std::optional<std::string> until;
};

// --board TEXT, --since DATE, --until DATE (the meeting date, inclusive).
void add_record_filter_options(CLI::App& command, RecordFilterOptions& options);

// Today's local date as YYYY-MM-DD.
std::string today();

// "2021-02" -> "2021-02-01"; full dates unchanged.
std::string full_date(const std::string& date);

}  // namespace bpack::cli
