// `bpack decisions`: what the minutes record as agreed, resolved, noted, approved or endorsed.

#include <CLI/CLI.hpp>

#include "bpack/index/record_queries.hpp"
#include "bpack/output/record_views.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct DecisionsOptions {
  RecordFilterOptions filter;
  std::optional<std::string> text;
  OutputOptions output;
};

int run_decisions(const DecisionsOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  ListPrinter printer(output::decisions_list(), options.output);
  index::for_each_decision(*db, {options.filter.board, options.filter.since, options.filter.until}, options.text,
                           [&](index::DecisionRow& row) { printer.row(output::decision_cells(std::move(row))); });
  printer.finish({}, context.quiet);
  return kOk;
}

}  // namespace

void add_decisions_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<DecisionsOptions>();
  CLI::App* sub = app.add_subcommand("decisions", "Decisions recorded in minutes, by meeting date");
  add_record_filter_options(*sub, options->filter);
  sub->add_option("--search", options->text, "Only decisions whose text contains TEXT (any case)")->type_name("TEXT");
  add_output_options(*sub, options->output);
  sub->footer(
      "Examples:\n"
      "  bpack decisions\n"
      "  bpack decisions --since 2021-01-01 --search \"mental health\"\n"
      "  bpack decisions --json | jq -r .text");
  sub->callback([options, &context] { context.status = run_decisions(*options, context); });
}

}  // namespace bpack::cli
