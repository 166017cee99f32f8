// `bpack meetings`: every meeting the packs mention, one row per board and date.

#include <CLI/CLI.hpp>

#include "bpack/index/record_queries.hpp"
#include "bpack/output/record_views.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct MeetingsOptions {
  RecordFilterOptions filter;
  OutputOptions output;
};

int run_meetings(const MeetingsOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const auto rows = index::list_meetings(*db, {options.filter.board, options.filter.since, options.filter.until});
  print_list(output::meetings_list(rows), options.output, context.quiet);
  return kOk;
}

}  // namespace

void add_meetings_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<MeetingsOptions>();
  CLI::App* sub = app.add_subcommand("meetings", "Meetings across packs: agenda and minutes, attendance, decisions");
  add_record_filter_options(*sub, options->filter);
  add_output_options(*sub, options->output);
  sub->footer(
      "A meeting is a board and a date: its agenda usually arrives in one pack and its minutes in\n"
      "the next, so one row names both packs. Counts come from the minutes.\n"
      "\n"
      "Examples:\n"
      "  bpack meetings\n"
      "  bpack meetings --since 2022-01-01 --csv > meetings.csv");
  sub->callback([options, &context] { context.status = run_meetings(*options, context); });
}

}  // namespace bpack::cli
