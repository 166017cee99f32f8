// `bpack attendance`: who was at which meeting, and attendance rates.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bpack/index/record_queries.hpp"
#include "bpack/output/record_views.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct AttendanceOptions {
  RecordFilterOptions filter;
  std::optional<std::string> person;
  bool summary = false;
  OutputOptions output;
};

int run_attendance(const AttendanceOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const index::RecordFilter filter{options.filter.board, options.filter.since, options.filter.until};
  if (options.summary) {
    ListPrinter printer(output::attendance_summary_list(), options.output);
    index::for_each_attendance_summary(*db, filter, options.person, [&](index::AttendanceSummaryRow& row) {
      printer.row(output::attendance_summary_cells(std::move(row)));
    });
    printer.finish({}, context.quiet);
  } else {
    // Row by row: an index's whole attendance is too long to hold as cells.
    ListPrinter printer(output::attendance_list(), options.output);
    std::vector<output::Cell> cells;
    index::for_each_attendance(*db, filter, options.person, [&](const index::AttendanceRow& row) {
      output::attendance_cells(row, cells);
      printer.row(cells);
    });
    printer.finish({}, context.quiet);
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
