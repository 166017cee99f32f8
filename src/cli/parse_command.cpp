// `bpack parse FILE... [--json]`: the structure of packs, without a database.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/ingest/input_list.hpp"
#include "bpack/model/section_kind.hpp"
#include "bpack/output/pack_json.hpp"
#include "bpack/output/terminal_text.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> files;
  bool json = false;
  std::size_t max_line = text::kDefaultMaxLine;
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
  // Pack text and the file name, shown escaped (terminal_text.hpp).
  return output::terminal_safe(out);
}

int run_parse(const ParseOptions& options, Context& context) {
  DiagnosticsPrinter printer(context.quiet);
  extract::ParseOptions parse_options;
  parse_options.grammar = &context.grammar();
  parse_options.diagnostics = &printer;
  int status = kOk;
  bool first = true;
  const ingest::InputList inputs = ingest::list_inputs(options.files);
  for (const auto& input : inputs.packs) {
    const std::string& file = input.path;
    try {
      if (!input.error.empty()) {
        throw Error(input.error);
      }
      const auto source = text::open_source(text::open_file(file), file, parse_options.diagnostics, options.max_line);
      const model::Pack pack = extract::parse_pack(*source, parse_options);
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
      print_message(e.what());
      status = kFailure;
    }
  }
  if (!inputs.skipped.empty() && !context.quiet) {
    print_message("parse: " + ingest::skipped_summary(inputs.skipped));
  }
  return status;
}

}  // namespace

void add_parse_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* sub = app.add_subcommand("parse", "Parse packs and print their structure (no database)");
  sub->add_option("files", options->files,
                  "Packs: PDF or text files, directories (every PDF and *.txt below), - for standard input")
      ->required()
      ->type_name("FILE");
  sub->add_flag("--json", options->json,
                "One JSON object per file (JSON Lines), schema bpack.parse/1: meetings, sections, "
                "agenda items, attendance, minute items, decisions, actions, papers");
  add_max_line_option(*sub, options->max_line);
  sub->footer(
      "A PDF is read directly: line numbers count the lines of `bpack text FILE`, pages are the\n"
      "PDF's pages. A PDF that cannot be read (password-protected, damaged, a scan without text)\n"
      "is one line on stderr and exit status 1.\n"
      "\n"
      "Examples:\n"
      "  bpack parse pack.pdf\n"
      "  bpack parse corpus/blmk-2021-04-07.txt\n"
      "  bpack parse corpus/*.txt --json | jq '.actions[] | select(.status == \"open\")'\n"
      "  pdftotext -layout pack.pdf - | bpack parse - --json");
  sub->callback([options, &context] { context.status = run_parse(*options, context); });
}

}  // namespace bpack::cli
