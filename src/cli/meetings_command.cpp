// `bpack meetings`: every meeting the packs mention, one row per board and date.

#include <CLI/CLI.hpp>

#include <filesystem>

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

struct MeetingsOptions {
  RecordFilterOptions filter;
  OutputOptions output;
};

int run_meetings(const MeetingsOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const auto rows = index::list_meetings(*db, {options.filter.board, options.filter.since, options.filter.until});
  output::Table table;
  // A terminal shows the packs' file names; JSON and CSV keep the paths.
  table.columns = {{"date"},
                   {"time", Align::left, false, false},
                   {"board", Align::left, true},
                   {"venue", Align::left, false, false},
                   {"agenda_pack", Align::left, false, false},
                   {"minutes_pack", Align::left, false, false},
                   {"agenda_in", Align::left, false, true, 0, false},
                   {"minutes_in", Align::left, false, true, 0, false},
                   {"present", Align::right},
                   {"apologies", Align::right},
                   {"decisions", Align::right},
                   {"actions_raised", Align::right, false, true, 0, true, "ACTIONS"}};
  const auto file_name = [](const std::optional<std::string>& path) -> Cell {
    return path ? Cell(std::filesystem::path(*path).filename().string()) : Cell(std::monostate{});
  };
  for (const auto& m : rows) {
    table.add({cell(m.date), cell(m.time), cell(m.board), cell(m.venue), cell(m.agenda_pack), cell(m.minutes_pack),
               file_name(m.agenda_pack), file_name(m.minutes_pack), Cell(m.present), Cell(m.apologies),
               Cell(m.decisions), Cell(m.actions_raised)});
  }
  print_table(table, options.output);
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
