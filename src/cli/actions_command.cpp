// `bpack actions`: the latest state of every action across packs, and `bpack actions show
// REF`: one action's history.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bpack/index/action_queries.hpp"
#include "bpack/output/action_views.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/terminal_text.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct ActionsOptions {
  bool open = false;
  bool closed = false;
  std::optional<std::string> status;
  bool overdue = false;
  std::optional<std::string> as_of;
  std::optional<std::string> owner;
  std::optional<std::string> board;
  std::optional<std::string> since;
  bool by_owner = false;
  bool fail_if_any = false;
  OutputOptions output;
};

struct ShowOptions {
  std::optional<std::string> ref;
  std::optional<std::int64_t> id;
  std::optional<std::string> board;
  std::optional<std::string> as_of;
  OutputOptions output;
};

int run_actions(const ActionsOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  index::ActionFilter filter;
  filter.state = options.open     ? index::ActionFilter::State::open
                 : options.closed ? index::ActionFilter::State::closed
                                  : index::ActionFilter::State::any;
  if (options.status) {
    filter.status = model::action_status_from(*options.status);
  }
  filter.overdue_only = options.overdue;
  filter.as_of = options.as_of.value_or(today());
  filter.owner = options.owner;
  filter.board = options.board;
  filter.since = options.since;
  std::int64_t listed = 0;
  output::ListView list;
  if (options.by_owner) {
    const auto rows = index::actions_by_owner(*db, filter);
    filter.state = index::ActionFilter::State::open;  // what the counts are of
    listed = static_cast<std::int64_t>(rows.size());
    list = output::owners_list(rows);
  } else {
    const auto rows = index::list_actions(*db, filter);
    listed = static_cast<std::int64_t>(rows.size());
    list = output::actions_list(rows);
  }
  if (const std::int64_t unknown = index::count_unknown_left_out(*db, filter); unknown > 0) {
    list.notes.push_back(
        fmt::format("{} action{} with unknown status not shown: --status unknown", unknown, unknown == 1 ? "" : "s"));
  }
  print_list(list, options.output, context.quiet);
  return options.fail_if_any && listed > 0 ? kConditionMet : kOk;
}

int run_show(const ShowOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const std::string as_of = options.as_of.value_or(today());
  if (!options.ref && !options.id) {
    throw UsageError("actions show: name the action by its REF, or by --id N (the id in `bpack actions --json`)");
  }
  const auto histories = options.id ? index::action_history_by_id(*db, *options.id, as_of)
                                    : index::action_history(*db, *options.ref, options.board, as_of);
  if (histories.empty()) {
    throw Error(options.id
                    ? fmt::format("no action with id {}", *options.id)
                    : fmt::format("no action with ref {}{}", *options.ref,
                                  options.board ? fmt::format(" on a board matching '{}'", *options.board) : ""));
  }
  for (std::size_t i = 0; i < histories.size(); ++i) {
    if (i > 0 && !options.output.json) {
      write_stdout("\n");
    }
    print_detail(output::action_detail(histories[i]), options.output);
  }
  return kOk;
}

void add_show_subcommand(CLI::App& actions, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = actions.add_subcommand("show", "One action's history across packs");
  CLI::Option* ref =
      sub->add_option("ref", options->ref, "The action's reference as the packs write it")->type_name("REF");
  sub->add_option("--id", options->id, "The action with this id (actions without a ref have one too)")
      ->type_name("N")
      ->excludes(ref);
  sub->add_option("--board", options->board, "Only the board with this name or alias (any part, any case)")
      ->type_name("TEXT");
  add_date_option(*sub, "--as-of", options->as_of, "Date for 'overdue' (default: today)");
  add_output_options(*sub, options->output, false);
  sub->footer(
      "Each pack that carries the action is one history row; * marks a status or due date that\n"
      "changed. An action missing from a later pack's action log without ever being closed is\n"
      "flagged as vanished. A row that joined the action without its ref (an action in the\n"
      "minutes, carried by a later log under a new ref) says so: LINKED shows 'owner, text N%'.\n"
      "\n"
      "Examples:\n"
      "  bpack actions show 46\n"
      "  bpack actions show 46 --json | jq '.history[] | {meeting_date, status, due}'\n"
      "  bpack actions show --id 12");
  sub->callback([options, &context] { context.status = run_show(*options, context); });
}

}  // namespace

void add_actions_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ActionsOptions>();
  CLI::App* sub = app.add_subcommand("actions", "Actions across packs: the latest state of each");
  CLI::Option* open = sub->add_flag("--open", options->open, "Only open or in-progress actions");
  CLI::Option* closed = sub->add_flag("--closed", options->closed, "Only closed actions");
  CLI::Option* status =
      sub->add_option("--status", options->status, "Only actions with this status")
          ->check(CLI::IsMember({"open", "in_progress", "proposed_closed", "closed", "deferred", "unknown"}))
          ->type_name("STATUS");
  open->excludes(closed)->excludes(status);
  closed->excludes(status);
  sub->add_flag("--overdue", options->overdue, "Only open or in-progress actions due before --as-of");
  add_date_option(*sub, "--as-of", options->as_of, "Date for --overdue and days open (default: today)");
  sub->add_option("--owner", options->owner, "Only owners containing TEXT (any case)")->type_name("TEXT");
  sub->add_option("--board", options->board, "Only boards with this name or alias (any part, any case)")
      ->type_name("TEXT");
  add_date_option(*sub, "--since", options->since, "Only actions raised on or after DATE");
  sub->add_flag("--by-owner", options->by_owner,
                "Per owner: open actions, how many overdue, and the oldest (open or in progress)")
      ->excludes(closed)
      ->excludes(status);
  sub->add_flag("--fail-if-any", options->fail_if_any, "Exit with status 3 when the list is not empty (a CI gate)");
  add_output_options(*sub, options->output);
  sub->footer(
      "The pack with the latest meeting date decides an action's status, due date and comments.\n"
      "FLAGS: overdue; vanished = missing from a later pack's action log, never closed.\n"
      "A list asking for a status says on stderr how many actions of unknown status it left out.\n"
      "Exit status: 0 listed (even none), 3 --fail-if-any and the list is not empty.\n"
      "\n"
      "Examples:\n"
      "  bpack actions --open\n"
      "  bpack actions --overdue --as-of 2021-06-30 --owner calaminus\n"
      "  bpack actions --open --fail-if-any --json > open-actions.jsonl\n"
      "  bpack actions --by-owner --as-of 2022-03-01\n"
      "  bpack actions show 46");
  add_show_subcommand(*sub, context);
  sub->callback([options, sub, &context] {
    // The show subcommand ran instead (CLI11 calls the parent's callback after the child's).
    if (sub->get_subcommand("show")->parsed()) {
      return;
    }
    context.status = run_actions(*options, context);
  });
}

}  // namespace bpack::cli
