// `bpack show [PACK]`: the ingested packs, or the outline of one.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bpack/index/pack_queries.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/pack_views.hpp"
#include "bpack/output/terminal_text.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct ShowOptions {
  std::optional<std::string> pack;
  OutputOptions output;
};

int run_show(const ShowOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  if (!options.pack) {
    print_list(output::packs_list(index::list_packs(*db)), options.output, context.quiet);
    return kOk;
  }
  print_detail(output::pack_outline_view(index::pack_outline(*db, index::find_pack(*db, *options.pack).id)),
               options.output);
  return kOk;
}

}  // namespace

void add_show_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "The ingested packs, or the outline of one");
  sub->add_option("pack", options->pack, "A pack: its id, path, a unique end of its path, or a SHA-256 prefix")
      ->type_name("PACK");
  add_output_options(*sub, options->output);
  sub->footer(
      "Without PACK, lists the packs (--csv for the list; with PACK, --json gives one object).\n"
      "\n"
      "Examples:\n"
      "  bpack show\n"
      "  bpack show blmk-2022-02-09.txt\n"
      "  bpack show 50f12dc3 --json");
  sub->callback([options, &context] { context.status = run_show(*options, context); });
}

}  // namespace bpack::cli
