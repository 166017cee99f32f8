// `bpack actions`: the latest state of every action across packs, and `bpack actions show
// REF`: one action's history.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <set>

#include "bpack/index/action_queries.hpp"
#include "bpack/output/json.hpp"
#include "bpack/output/terminal_text.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

using output::Align;
using output::cell;
using output::Cell;

struct ActionsOptions {
  bool open = false;
  bool closed = false;
  std::optional<std::string> status;
  bool overdue = false;
  std::optional<std::string> as_of;
  std::optional<std::string> owner;
  std::optional<std::string> board;
  std::optional<std::string> since;
  bool fail_if_any = false;
  OutputOptions output;
};

struct ShowOptions {
  std::string ref;
  std::optional<std::string> board;
  std::optional<std::string> as_of;
  OutputOptions output;
};

// What a reader should notice first: overdue, or dropped from the log without closing
// (where and when: the JSON's vanished_in and vanished_date, or `actions show REF`).
std::string flags_of(const index::ActionRow& a) {
  if (a.overdue && a.vanished_in) {
    return "overdue vanished";
  }
  return a.overdue ? "overdue" : a.vanished_in ? "vanished" : "";
}

output::Table actions_table(const std::vector<index::ActionRow>& rows) {
  std::set<std::string> boards;
  for (const auto& a : rows) {
    boards.insert(a.board.value_or(""));
  }
  output::Table table;
  table.columns = {
      {"board", Align::left, true, boards.size() > 1},
      {"ref", Align::right},
      {"status"},
      {"status_text", Align::left, false, false},
      {"owner", Align::left, true},
      {"raised", Align::left, false, false},
      {"due"},
      {"due_text", Align::left, false, false},
      {"days_open", Align::right},
      {"overdue", Align::left, false, false},
      {"first_seen", Align::left, false, false},
      {"last_seen"},
      {"packs_seen", Align::left, false, false},
      {"flags", Align::left, false, true, 0, false},
      {"vanished_in", Align::left, false, false},
      {"vanished_date", Align::left, false, false},
      {"item", Align::left, false, false},
      {"text", Align::left, true},
      {"comments", Align::left, false, false},
      {"last_pack", Align::left, false, false},
      {"last_line", Align::right, false, false},
  };
  for (const auto& a : rows) {
    table.add({cell(a.board),         cell(a.ref),       Cell(a.status),     cell(a.status_text), cell(a.owner),
               cell(a.raised),        cell(a.due),       cell(a.due_text),   cell(a.days_open),   Cell(a.overdue),
               cell(a.first_seen),    cell(a.last_seen), Cell(a.packs_seen), Cell(flags_of(a)),   cell(a.vanished_in),
               cell(a.vanished_date), cell(a.item),      cell(a.text),       cell(a.comments),    Cell(a.last_pack),
               Cell(a.last_line)});
  }
  return table;
}

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
  const auto rows = index::list_actions(*db, filter);
  print_table(actions_table(rows), options.output);
  return options.fail_if_any && !rows.empty() ? kConditionMet : kOk;
}

void write_history_json(const index::ActionHistory& h, std::string& out) {
  const index::ActionRow& a = h.action;
  output::JsonWriter json(out);
  json.begin_object();
  json.field("board", a.board).field("ref", a.ref).field("status", std::string_view(a.status));
  json.field("status_text", a.status_text).field("owner", a.owner).field("raised", a.raised);
  json.field("due", a.due).field("due_text", a.due_text).field("item", a.item).field("text", a.text);
  json.field("comments", a.comments).field("first_seen", a.first_seen).field("last_seen", a.last_seen);
  json.key("days_open");
  a.days_open ? json.value(*a.days_open) : json.null();
  json.field("overdue", a.overdue).field("vanished", a.vanished_in.has_value());
  json.field("vanished_in", a.vanished_in).field("vanished_date", a.vanished_date);
  json.key("history").begin_array();
  for (const auto& e : h.entries) {
    json.begin_object();
    json.field("pack", std::string_view(e.pack)).field("meeting_date", e.meeting_date);
    json.field("status", std::string_view(e.status)).field("status_text", e.status_text);
    json.field("due", e.due).field("due_text", e.due_text).field("owner", e.owner).field("text", e.text);
    json.field("comments", e.comments).field("source", std::string_view(e.source)).field("line", e.line);
    json.field("status_changed", e.status_changed).field("due_changed", e.due_changed);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out.push_back('\n');
}

std::string history_text(const index::ActionHistory& h) {
  const index::ActionRow& a = h.action;
  // Pack text and paths are shown escaped (terminal_text.hpp); only the bold is bpack's own.
  const std::string head =
      fmt::format("{}Action {}{}  ", bold_start(), output::terminal_safe(a.ref.value_or("(no ref)")), bold_end());
  std::string out = fmt::format("{}\n", a.board.value_or("(board not stated)"));
  if (a.text) {
    out += fmt::format("  {}\n", *a.text);
  }
  out += fmt::format("  status {}{}, owner {}, raised {}, due {}\n", a.status, a.overdue ? " (overdue)" : "",
                     a.owner.value_or("-"), a.raised.value_or("-"), a.due_text.value_or(a.due.value_or("-")));
  out += fmt::format("  latest: {}:{} ({})\n", a.last_pack, a.last_line, a.last_seen.value_or("undated"));
  if (a.vanished_in) {
    out += fmt::format("  vanished: not in the action log of {} ({}), never recorded as closed\n", *a.vanished_in,
                       a.vanished_date.value_or("undated"));
  }
  output::Table table;
  table.columns = {{"meeting"}, {"status"}, {"due"}, {"owner", Align::left, true}, {"comments", Align::left, true},
                   {"source"}};
  for (const auto& e : h.entries) {
    std::string status = e.status;
    if (e.status_changed) {
      status += " *";
    }
    std::string due = e.due_text.value_or(e.due.value_or(""));
    if (e.due_changed) {
      due += " *";
    }
    table.add({cell(e.meeting_date), Cell(status), Cell(due), cell(e.owner), cell(e.comments),
               Cell(fmt::format("{}:{}", e.pack, e.line))});
  }
  return head + output::terminal_safe(out + "\n" + indented_table(table));
}

int run_show(const ShowOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const auto histories = index::action_history(*db, options.ref, options.board, options.as_of.value_or(today()));
  if (histories.empty()) {
    throw Error(fmt::format("no action with ref {}{}", options.ref,
                            options.board ? fmt::format(" on a board matching '{}'", *options.board) : ""));
  }
  std::string out;
  for (std::size_t i = 0; i < histories.size(); ++i) {
    if (options.output.json) {
      write_history_json(histories[i], out);
    } else {
      out += (i > 0 ? "\n" : "") + history_text(histories[i]);
    }
  }
  write_stdout(out);
  return kOk;
}

void add_show_subcommand(CLI::App& actions, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = actions.add_subcommand("show", "One action's history across packs");
  sub->add_option("ref", options->ref, "The action's reference as the packs write it")->required()->type_name("REF");
  sub->add_option("--board", options->board, "Only the board whose name contains TEXT")->type_name("TEXT");
  add_date_option(*sub, "--as-of", options->as_of, "Date for 'overdue' (default: today)");
  add_output_options(*sub, options->output, false);
  sub->footer(
      "Each pack that carries the action is one history row; * marks a status or due date that\n"
      "changed. An action missing from a later pack's action log without ever being closed is\n"
      "flagged as vanished.\n"
      "\n"
      "Examples:\n"
      "  bpack actions show 46\n"
      "  bpack actions show 46 --json | jq '.history[] | {meeting_date, status, due}'");
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
  sub->add_option("--board", options->board, "Only boards whose name contains TEXT (any case)")->type_name("TEXT");
  add_date_option(*sub, "--since", options->since, "Only actions raised on or after DATE");
  sub->add_flag("--fail-if-any", options->fail_if_any, "Exit with status 3 when the list is not empty (a CI gate)");
  add_output_options(*sub, options->output);
  sub->footer(
      "The pack with the latest meeting date decides an action's status, due date and comments.\n"
      "FLAGS: overdue; vanished = missing from a later pack's action log, never closed.\n"
      "Exit status: 0 listed (even none), 3 --fail-if-any and the list is not empty.\n"
      "\n"
      "Examples:\n"
      "  bpack actions --open\n"
      "  bpack actions --overdue --as-of 2021-06-30 --owner calaminus\n"
      "  bpack actions --open --fail-if-any --json > open-actions.jsonl\n"
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
