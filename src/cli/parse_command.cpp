// `bpack parse FILE... [--json]`: the structure of packs, without a database.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/model/section_kind.hpp"
#include "bpack/output/pack_json.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics_printer.hpp"

namespace bpack::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> files;
  bool json = false;
};

std::string outline(const model::Pack& pack) {
  std::string out = fmt::format("{}  {} lines, {} page{}, {} bytes, sha256 {}\n", pack.source.path, pack.source.lines,
                                pack.source.pages, pack.source.pages == 1 ? "" : "s", pack.source.bytes,
                                pack.source.sha256.substr(0, 12));
  if (!pack.meetings.empty()) {
    out += "meetings\n";
    for (const auto& m : pack.meetings) {
      out += fmt::format("  {:<8} {:<10} {:<5}  {}{}  (line {})\n", model::to_string(m.role), m.date.value_or("?"),
                         m.time.value_or(""), m.body.value_or("(board not stated)"), m.venue ? ", " + *m.venue : "",
                         m.line);
    }
  }
  out += "sections\n";
  out += fmt::format("  {:<13} {:>13} {:>9}  {}\n", "KIND", "LINES", "PAGES", "TITLE");
  for (const auto& s : pack.sections) {
    out += fmt::format("  {:<13} {:>13} {:>9}  {}\n", model::section_name(s.kind),
                       fmt::format("{}-{}", s.line_start, s.line_end), fmt::format("{}-{}", s.page_start, s.page_end),
                       s.title);
  }
  out += fmt::format("entities: {} agenda items, {} attendance, {} minute items, {} decisions, {} actions, {} papers\n",
                     pack.agenda_items.size(), pack.attendance.size(), pack.minute_items.size(), pack.decisions.size(),
                     pack.actions.size(), pack.papers.size());
  if (!pack.warnings.empty()) {
    out += fmt::format("warnings: {} (on stderr; `bpack explain {}` shows each line)\n", pack.warnings.size(),
                       pack.source.path);
  }
  return out;
}

// "bpack: pack.txt:178: warning: action log with no rows read", as the parser's other
// diagnostics, so that editors and terminals open the place.
void print_warnings(const model::Pack& pack) {
  for (const auto& w : pack.warnings) {
    const std::string where = w.line > 0 ? fmt::format("{}:{}", pack.source.path, w.line) : pack.source.path;
    fmt::print(stderr, "bpack: {}: warning: {}\n", where, w.message);
  }
}

int run_parse(const ParseOptions& options, Context& context) {
  DiagnosticsPrinter printer(context.quiet);
  extract::ParseOptions parse_options;
  parse_options.grammar = &context.grammar();
  parse_options.diagnostics = &printer;
  int status = kOk;
  bool first = true;
  for (const auto& file : options.files) {
    try {
      const model::Pack pack = extract::parse_file(file, parse_options);
      if (!context.quiet) {
        print_warnings(pack);
      }
      std::string out;
      if (options.json) {
        output::append_pack_json(pack, out);
        out.push_back('\n');
      } else {
        out = (first ? "" : "\n") + outline(pack);
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fflush(stdout);
      first = false;
    } catch (const Error& e) {
      std::fprintf(stderr, "bpack: %s\n", e.what());
      status = kFailure;
    }
  }
  return status;
}

}  // namespace

void add_parse_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* sub = app.add_subcommand("parse", "Parse packs and print their structure (no database)");
  sub->add_option("files", options->files, "Pack text files (- for standard input)")->required()->type_name("FILE");
  sub->add_flag("--json", options->json,
                "One JSON object per file (JSON Lines), schema bpack.parse/1: meetings, sections, "
                "agenda items, attendance, minute items, decisions, actions, papers, warnings");
  sub->footer(
      "Examples:\n"
      "  bpack parse corpus/blmk-2021-04-07.txt\n"
      "  bpack parse corpus/*.txt --json | jq '.actions[] | select(.status == \"open\")'\n"
      "  pdftotext -layout pack.pdf - | bpack parse - --json");
  sub->callback([options, &context] { context.status = run_parse(*options, context); });
}

}  // namespace bpack::cli
