// `bpack report --html DIR`: a static site of the index to circulate.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "bpack/report/report.hpp"
#include "cli/context.hpp"
#include "cli/filters.hpp"
#include "cli/index_access.hpp"

namespace bpack::cli {
namespace {

struct ReportOptions {
  std::string dir;
  std::optional<std::string> as_of;
  std::optional<std::string> board;
};

int run_report(const ReportOptions& options, Context& context) {
  auto db = open_index_for_query(context);
  report::ReportOptions report;
  report.dir = options.dir;
  report.as_of = options.as_of.value_or(today());
  report.board = options.board;
  const report::ReportSummary summary = report::write_report(*db, report);
  if (!context.quiet) {
    std::fprintf(stderr, "report: %lld written, %lld unchanged, %lld removed (%s)\n",
                 static_cast<long long>(summary.written), static_cast<long long>(summary.unchanged),
                 static_cast<long long>(summary.removed),
                 (std::filesystem::path(options.dir) / "index.html").string().c_str());
  }
  return kOk;
}

}  // namespace

void add_report_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* sub = app.add_subcommand("report", "A static HTML site of the index to circulate");
  sub->add_option("--html", options->dir, "The folder to write the site into (created when missing)")
      ->required()
      ->type_name("DIR");
  add_date_option(*sub, "--as-of", options->as_of, "Date for overdue and days open (default: today)");
  sub->add_option("--board", options->board, "Only the board with this name or alias (any part, any case)")
      ->type_name("TEXT");
  sub->footer(
      "DIR/index.html lists boards and meetings; each meeting has a page (attendance, decisions,\n"
      "actions raised, changes since the last pack); actions.html lists open and overdue actions\n"
      "by owner; search.html searches decisions, actions and items; packs/ID.html is a pack's text,\n"
      "which every row links to (pack, page and line). Nothing is fetched from the network. A file\n"
      "is written only when its content changed, and pages of packs or meetings no longer in the\n"
      "index are removed, so DIR can be published as it is.\n"
      "\n"
      "Examples:\n"
      "  bpack report --html site\n"
      "  bpack report --html site --board planning --as-of 2024-07-31");
  sub->callback([options, &context] { context.status = run_report(*options, context); });
}

}  // namespace bpack::cli
