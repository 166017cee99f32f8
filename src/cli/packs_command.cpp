// `bpack packs [--warnings]`: the ingested packs with how many warnings the parser gave
// each, or every warning of the packs that have any: after a large ingest, the packs to
// look at with `bpack explain`.

#include <CLI/CLI.hpp>

#include "bpack/index/warning_queries.hpp"
#include "bpack/output/view.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

using output::Align;
using output::cell;
using output::Cell;

struct PacksOptions {
  bool warnings = false;
  OutputOptions output;
};

int run_packs(const PacksOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  output::ListView table;
  table.name = options.warnings ? "warnings" : "packs";
  if (options.warnings) {
    table.columns = {{"pack_id", Align::right, false, false},
                     {"path", Align::left, true},
                     {"line", Align::right},
                     {"code", Align::left, false, false},
                     {"message", Align::left, true}};
    for (const auto& w : index::pack_warnings(*db)) {
      table.add({Cell(w.pack_id), Cell(w.path), Cell(w.line), Cell(w.code), Cell(w.message)});
    }
  } else {
    table.columns = {{"id", Align::right},
                     {"meeting_date"},
                     {"board", Align::left, true},
                     {"path", Align::left, true},
                     {"warnings", Align::right}};
    for (const auto& p : index::pack_warning_counts(*db)) {
      table.add({Cell(p.id), cell(p.meeting_date), cell(p.board), Cell(p.path), Cell(p.warnings)});
    }
  }
  print_list(table, options.output, context.quiet);
  return kOk;
}

}  // namespace

void add_packs_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<PacksOptions>();
  CLI::App* sub =
      app.add_subcommand("packs", "The ingested packs and their warnings (where a pack was not understood)");
  sub->add_flag("--warnings", options->warnings,
                "Every warning of the packs that have any, one a row (pack, line, code, message)");
  add_output_options(*sub, options->output);
  sub->footer(
      "A warning says the parser probably misread a pack there: an action log with no rows read,\n"
      "minutes with no date, a list of attendance with nobody in it (docs/parse-json.md lists\n"
      "them). `bpack explain FILE` shows how each line of the pack was read.\n"
      "\n"
      "Examples:\n"
      "  bpack packs\n"
      "  bpack packs --warnings\n"
      "  bpack packs --json | jq -r 'select(.warnings > 0) | .path'");
  sub->callback([options, &context] { context.status = run_packs(*options, context); });
}

}  // namespace bpack::cli
