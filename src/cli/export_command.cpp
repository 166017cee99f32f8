// `bpack export --table NAME`: a whole table as CSV or JSON Lines, streamed.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bpack/index/pack_queries.hpp"
#include "bpack/output/csv.hpp"
#include "bpack/output/json_view.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct ExportOptions {
  std::string table;
  std::string format = "csv";
  bool json = false;
  bool csv = false;
};

output::Cell to_cell(const index::Value& value) {
  return std::visit([](const auto& v) -> output::Cell { return v; }, value);
}

int run_export(const ExportOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const bool json = options.json || (!options.csv && options.format == "json");
  std::vector<std::string> names;
  std::vector<output::Cell> cells;
  std::string buffer;
  // Rows are written in batches, so a large table (blocks) never sits in memory whole.
  const auto flush = [&](bool force) {
    if (force || buffer.size() > (1U << 16U)) {
      write_stdout(buffer);
      buffer.clear();
    }
  };
  index::export_table(
      *db, options.table,
      [&](const std::vector<std::string>& header) {
        names = header;
        if (!json) {
          output::append_csv_record(buffer, header);
        }
      },
      [&](const std::vector<index::Value>& row) {
        cells.clear();
        for (const auto& value : row) {
          cells.push_back(to_cell(value));
        }
        if (json) {
          output::append_json_row(buffer, names, cells);
        } else {
          output::append_csv_row(buffer, cells);
        }
        flush(false);
      });
  flush(true);
  return kOk;
}

}  // namespace

void add_export_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "A whole table as CSV or JSON Lines");
  sub->add_option("--table", options->table, "The table to export")
      ->required()
      ->check(CLI::IsMember(index::exportable_tables()))
      ->type_name("NAME");
  CLI::Option* format = sub->add_option("--format", options->format, "csv (default) or json (JSON Lines)")
                            ->check(CLI::IsMember({"csv", "json"}))
                            ->type_name("FORMAT");
  CLI::Option* json = sub->add_flag("--json", options->json, "Same as --format json");
  CLI::Option* csv = sub->add_flag("--csv", options->csv, "Same as --format csv");
  json->excludes(csv)->excludes(format);
  csv->excludes(format);
  sub->footer(
      fmt::format("Tables: {}.\n"
                  "'actions' is the latest state of each action (the action_state view); action_history has\n"
                  "one row per action per pack; blocks are the paragraphs with their text and place,\n"
                  "passages the distinct texts.\n"
                  "\n"
                  "Examples:\n"
                  "  bpack export --table actions > actions.csv\n"
                  "  bpack export --table decisions --format json | jq -r .text",
                  fmt::join(index::exportable_tables(), ", ")));
  sub->callback([options, &context] { context.status = run_export(*options, context); });
}

}  // namespace bpack::cli
