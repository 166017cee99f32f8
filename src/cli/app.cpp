#include "cli/app.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {

int run(int argc, char** argv) {
  Context context;
  CLI::App app{"bpack: turn board packs (agenda, minutes, action logs, papers) into a queryable index", "bpack"};
  app.footer(
      "Examples:\n"
      "  bpack parse pack.pdf              outline of one pack, PDF or text (no database)\n"
      "  bpack parse pack.pdf --json       its structure as JSON (schema bpack.parse/1)\n"
      "  bpack text pack.pdf               the lines bpack reads from it\n"
      "  bpack ingest packs/               index every PDF and *.txt under packs/ into ./bpack.db\n"
      "  bpack actions --open              open actions, latest state across packs\n"
      "  bpack search vaccination uptake   ranked paragraphs, with file:line\n"
      "  bpack explain pack.txt            how each line of a pack was read\n"
      "\n"
      "Run `bpack COMMAND --help` for a command's options and an example.");
  app.set_version_flag("-V,--version", std::string("bpack ") + BPACK_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", context.db, "Index database (default: $BPACK_DB, else ./bpack.db)")->type_name("PATH");
  app.add_option("--grammar", context.grammars,
                 "Grammar file layered over the built-in one (repeatable); see grammars/README.md")
      ->type_name("FILE");
  app.add_flag("-q,--quiet", context.quiet, "No progress or notes on stderr");

  add_parse_command(app, context);
  add_ingest_command(app, context);
  add_actions_command(app, context);
  add_search_command(app, context);
  add_meetings_command(app, context);
  add_decisions_command(app, context);
  add_attendance_command(app, context);
  add_show_command(app, context);
  add_export_command(app, context);
  add_boards_command(app, context);
  add_changes_command(app, context);
  add_report_command(app, context);
  add_text_command(app, context);
  add_explain_command(app, context);
  add_packs_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  } catch (const UsageError& e) {
    print_message(e.what());
    return kUsage;
  } catch (const Error& e) {
    print_message(e.what());
    return kFailure;
  } catch (const std::exception& e) {
    print_message(std::string("internal error: ") + e.what());
    return kFailure;
  }
  return context.status;
}

}  // namespace bpack::cli
