// `bpack changes`: what changed in each board's actions from one meeting's pack to the next.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <map>
#include <set>

#include "bpack/index/change_queries.hpp"
#include "bpack/index/pack_queries.hpp"
#include "bpack/output/action_views.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct ChangesOptions {
  std::optional<std::string> board;
  std::optional<std::string> since;
  std::vector<std::string> between;
  std::vector<std::string> kinds;
  int at_least = 1;
  bool fail_if_any = false;
  OutputOptions output;
};

const std::vector<std::string> kKinds = {"new",     "closed",      "reopened", "status",
                                         "slipped", "due_earlier", "owner",    "vanished"};

int run_changes(const ChangesOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  index::ChangeFilter filter;
  filter.board = options.board;
  filter.since = options.since;
  if (options.between.size() == 2) {
    filter.between = {index::find_pack(*db, options.between[0]).id, index::find_pack(*db, options.between[1]).id};
  }
  std::vector<index::ChangeRow> rows = index::list_changes(*db, filter);
  // --kind, then --at-least: actions with that many of the changes left.
  if (!options.kinds.empty()) {
    const std::set<std::string> kinds(options.kinds.begin(), options.kinds.end());
    std::erase_if(rows, [&](const index::ChangeRow& r) { return !kinds.count(r.kind); });
  }
  if (options.at_least > 1) {
    std::map<std::int64_t, int> per_action;
    for (const auto& r : rows) {
      ++per_action[r.action_id];
    }
    std::erase_if(rows, [&](const index::ChangeRow& r) { return per_action[r.action_id] < options.at_least; });
  }
  print_list(output::changes_list(rows), options.output, context.quiet);
  return options.fail_if_any && !rows.empty() ? kConditionMet : kOk;
}

}  // namespace

void add_changes_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ChangesOptions>();
  CLI::App* sub = app.add_subcommand("changes", "What changed in the actions from one meeting's pack to the next");
  sub->add_option("--board", options->board, "Only the board with this name or alias (any part, any case)")
      ->type_name("TEXT");
  CLI::Option* since = add_date_option(*sub, "--since", options->since, "Every pack of meeting date DATE or later");
  sub->add_option("--between", options->between, "The packs after PACK1 up to PACK2 (id, path or end of a path)")
      ->expected(2)
      ->type_name("PACK1 PACK2")
      ->excludes(since);
  sub->add_option("--kind", options->kinds, "Only changes of this kind (repeatable)")
      ->check(CLI::IsMember(kKinds))
      ->type_name("KIND");
  sub->add_option("--at-least", options->at_least, "Only actions with at least N of the changes listed")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  sub->add_flag("--fail-if-any", options->fail_if_any, "Exit with status 3 when the list is not empty (a CI gate)");
  add_output_options(*sub, options->output);
  sub->footer(
      "Each pack is compared with the one before it for every action it carries: new, closed,\n"
      "reopened, status (another stated status), slipped / due_earlier (DETAIL: by how many days),\n"
      "owner, and vanished (in the last action log, never closed, missing from this one). By\n"
      "default each board's latest pack with actions: what changed since the last meeting.\n"
      "Exit status: 0 listed (even none), 3 --fail-if-any and the list is not empty.\n"
      "\n"
      "Examples:\n"
      "  bpack changes\n"
      "  bpack changes --board planning --since 2024-01-01 --csv > changes.csv\n"
      "  bpack changes --between planning-2024-05-14.txt planning-2024-07-09.txt\n"
      "  bpack changes --since 2024-01-01 --kind slipped --at-least 2 --fail-if-any   # slipped twice");
  sub->callback([options, &context] { context.status = run_changes(*options, context); });
}

}  // namespace bpack::cli
