// `bpack boards`: the boards of the index and the names packs give them; `merge`, `split` and
// `rename` correct what ingest decided, and later ingests keep the correction.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "bpack/index/boards.hpp"
#include "bpack/output/board_views.hpp"
#include "cli/context.hpp"
#include "cli/index_access.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct BoardsOptions {
  OutputOptions output;
};
struct MergeOptions {
  std::string into;
  std::vector<std::string> from;
};
struct SplitOptions {
  std::string alias;
};
struct RenameOptions {
  std::string board;
  std::string name;
};

std::string board_label(const index::BoardRow& board) {
  return fmt::format("board {} ({})", board.id, board.name.value_or("no name"));
}

void note(const Context& context, const std::string& text) {
  if (!context.quiet) {
    std::fprintf(stderr, "boards: %s\n", text.c_str());
  }
}

int run_merge(const MergeOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const index::BoardRow into = index::find_board(*db, options.into);
  for (const auto& which : options.from) {
    const index::BoardRow from = index::find_board(*db, which);
    index::merge_boards(*db, into.id, from.id);
    note(context, fmt::format("{} merged into {}", board_label(from), board_label(into)));
  }
  return kOk;
}

int run_split(const SplitOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const std::int64_t id = index::split_board(*db, options.alias);
  note(context, fmt::format("'{}' is now {}", options.alias, board_label(index::find_board(*db, std::to_string(id)))));
  return kOk;
}

int run_rename(const RenameOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  const index::BoardRow board = index::find_board(*db, options.board);
  index::rename_board(*db, board.id, options.name);
  note(context, fmt::format("board {} is now named '{}'", board.id, options.name));
  return kOk;
}

}  // namespace

void add_boards_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<BoardsOptions>();
  CLI::App* sub = app.add_subcommand("boards", "Boards and the names packs give them; merge, split, rename");
  add_output_options(*sub, options->output);
  sub->footer(
      "A board is named in many ways (\"Planning Committee\", \"WESTSHIRE DISTRICT COUNCIL PLANNING\n"
      "COMMITTEE\"): ingest reads each name, drops venue and date tails, and joins it to the board\n"
      "of the one name it matches. Each name is kept as an alias; --board in every command matches\n"
      "any alias. Correct what ingest decided with merge, split and rename: later ingests keep it.\n"
      "A BOARD is its id, its name or an alias (any part of one, any case).\n"
      "\n"
      "Examples:\n"
      "  bpack boards\n"
      "  bpack boards merge 'Planning Committee' 'Development Control Committee'\n"
      "  bpack boards split 'Development Control Committee'\n"
      "  bpack boards rename 3 'Westshire Planning Committee'");
  sub->require_subcommand(0, 1);

  auto merge = std::make_shared<MergeOptions>();
  CLI::App* merge_sub = sub->add_subcommand("merge", "Join boards into one (the first keeps its id)");
  merge_sub->add_option("board", merge->into, "The board that stays")->required()->type_name("BOARD");
  merge_sub->add_option("others", merge->from, "Boards that join it")->required()->type_name("BOARD");
  merge_sub->footer(
      "Names, packs, meetings and actions of the others move to BOARD; actions with the same ref\n"
      "become one. Example: bpack boards merge 'Planning Committee' 'Development Control Committee'");
  merge_sub->callback([merge, &context] { context.status = run_merge(*merge, context); });

  auto split = std::make_shared<SplitOptions>();
  CLI::App* split_sub = sub->add_subcommand("split", "Give one name a board of its own again");
  split_sub->add_option("name", split->alias, "The name (an alias) to move out")->required()->type_name("NAME");
  split_sub->footer("Example: bpack boards split 'Development Control Committee'");
  split_sub->callback([split, &context] { context.status = run_split(*split, context); });

  auto rename = std::make_shared<RenameOptions>();
  CLI::App* rename_sub = sub->add_subcommand("rename", "Set the name a board is shown by");
  rename_sub->add_option("board", rename->board, "The board")->required()->type_name("BOARD");
  rename_sub->add_option("name", rename->name, "Its name from now on")->required()->type_name("NAME");
  rename_sub->footer("Example: bpack boards rename 3 'Westshire Planning Committee'");
  rename_sub->callback([rename, &context] { context.status = run_rename(*rename, context); });

  sub->callback([options, sub, &context] {
    // A subcommand ran instead (CLI11 calls the parent's callback after the child's).
    if (!sub->get_subcommands().empty()) {
      return;
    }
    auto db = open_index_for_query(context);
    print_list(output::boards_list(index::list_boards(*db)), options->output, context.quiet);
    context.status = kOk;
  });
}

}  // namespace bpack::cli
