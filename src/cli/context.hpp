#pragma once

// What every subcommand shares: the global options and the exit status it reports.

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"

namespace CLI {
class App;
}

namespace bpack::cli {

enum ExitStatus : int { kOk = 0, kFailure = 1, kUsage = 2, kConditionMet = 3 };

struct Context {
  std::string db;                     // --db, else $BPACK_DB, else ./bpack.db
  std::vector<std::string> grammars;  // --grammar FILE (repeatable)
  bool quiet = false;
  int status = kOk;  // set by the subcommand that ran

  // The grammar to parse with: the defaults, with --grammar files layered on top.
  const grammar::Grammar& grammar();
  // The database path after --db / $BPACK_DB / default resolution.
  std::string db_path() const;

 private:
  grammar::Grammar loaded_;
  bool have_loaded_ = false;
};

// Registers one subcommand on `app`. Each lives in its own file with its options struct.
void add_parse_command(CLI::App& app, Context& context);
void add_ingest_command(CLI::App& app, Context& context);
void add_actions_command(CLI::App& app, Context& context);
void add_search_command(CLI::App& app, Context& context);
void add_meetings_command(CLI::App& app, Context& context);
void add_decisions_command(CLI::App& app, Context& context);
void add_attendance_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_export_command(CLI::App& app, Context& context);
void add_boards_command(CLI::App& app, Context& context);
void add_changes_command(CLI::App& app, Context& context);
void add_report_command(CLI::App& app, Context& context);
void add_text_command(CLI::App& app, Context& context);
void add_explain_command(CLI::App& app, Context& context);
void add_packs_command(CLI::App& app, Context& context);

}  // namespace bpack::cli
