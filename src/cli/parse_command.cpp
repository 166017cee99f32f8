// `bpack parse FILE... [--json]`: the structure of packs, without a database.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/ingest/input_list.hpp"
#include "bpack/output/pack_json.hpp"
#include "bpack/output/pack_views.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> files;
  bool json = false;
};

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
      const model::Pack pack = extract::parse_file(file, parse_options);
      std::string out;
      if (options.json) {
        output::append_pack_json(pack, out);
        out.push_back('\n');
      } else {
        out = (first ? "" : "\n") + output::render_detail_text(output::parsed_pack_view(pack), text_style());
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fflush(stdout);
      first = false;
    } catch (const Error& e) {
      std::fprintf(stderr, "bpack: %s\n", e.what());
      status = kFailure;
    }
  }
  if (!inputs.skipped.empty() && !context.quiet) {
    fmt::print(stderr, "bpack: parse: {}\n", ingest::skipped_summary(inputs.skipped));
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
