// `bpack attendance`: who was at which meeting, and attendance rates.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bpack/index/record_queries.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

using output::Align;
using output::cell;
using output::Cell;

struct AttendanceOptions {
  RecordFilterOptions filter;
  std::optional<std::string> person;
  bool summary = false;
  OutputOptions output;
};

output::Table summary_table(const std::vector<index::AttendanceSummaryRow>& rows) {
  output::Table table;
  table.columns = {{"name"},
                   {"meetings", Align::right},
                   {"present", Align::right},
                   {"apologies", Align::right},
                   {"absent", Align::right},
                   {"rate", Align::right, false, false},
                   {"attended", Align::right, false, true, 0, false}};  // the rate as a terminal shows it
  for (const auto& r : rows) {
    table.add({Cell(r.name), Cell(r.meetings), Cell(r.present), Cell(r.apologies), Cell(r.absent), Cell(r.rate),
               Cell(fmt::format("{:.0f}%", r.rate * 100.0))});
  }
  return table;
}

output::Table rows_table(const std::vector<index::AttendanceRow>& rows) {
  output::Table table;
  table.columns = {{"meeting_date"},
                   {"board", Align::left, false, false},
                   {"name"},
                   {"initials"},
                   {"status"},
                   {"role", Align::left, true},
                   {"pack", Align::left, false, false},
                   {"line", Align::right, false, false}};
  for (const auto& r : rows) {
    table.add({cell(r.meeting_date), cell(r.board), Cell(r.name), cell(r.initials), Cell(r.status), cell(r.role),
               Cell(r.pack), Cell(r.line)});
  }
  return table;
}

int run_attendance(const AttendanceOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const index::RecordFilter filter{options.filter.board, options.filter.since, options.filter.until};
  if (options.summary) {
    print_table(summary_table(index::attendance_summary(*db, filter, options.person)), options.output);
  } else {
    print_table(rows_table(index::list_attendance(*db, filter, options.person)), options.output);
  }
  return kOk;
}

}  // namespace

void add_attendance_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<AttendanceOptions>();
  CLI::App* sub = app.add_subcommand("attendance", "Attendance recorded in minutes; --summary for rates per person");
  add_record_filter_options(*sub, options->filter);
  sub->add_option("--person", options->person, "Only names containing TEXT (any case)")->type_name("TEXT");
  sub->add_flag("--summary", options->summary,
                "One row per person: meetings listed, present, apologies, absent, rate = present / meetings");
  add_output_options(*sub, options->output);
  sub->footer(
      "Status is member (present), attendee (in attendance, not a member), apologies or absent.\n"
      "\n"
      "Examples:\n"
      "  bpack attendance --person cox\n"
      "  bpack attendance --summary --since 2021-01-01");
  sub->callback([options, &context] { context.status = run_attendance(*options, context); });
}

}  // namespace bpack::cli
