// `bpack parse FILE... [--json]`: the structure of packs, without a database.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <new>
#include <thread>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/ingest/input_list.hpp"
#include "bpack/output/pack_json.hpp"
#include "bpack/output/pack_views.hpp"
#include "bpack/output/terminal_text.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"
#include "bpack/util/ordered_parallel.hpp"
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
  unsigned jobs = 0;  // 0: one per core
};

// What parsing one file gives: the text to print, or the error, and what the parser noticed.
struct ParsedFile {
  std::string out;
  std::string error;
  std::string warnings;  // the pack's warnings, as lines for stderr
  std::vector<Diagnostic> diagnostics;
};

// "bpack: pack.txt:178: warning: action log with no rows read", as the parser's other
// diagnostics, so that editors and terminals open the place (escaped, as pack text is).
std::string warnings_text(const model::Pack& pack) {
  std::string out;
  for (const auto& w : pack.warnings) {
    const std::string where = w.line > 0 ? fmt::format("{}:{}", pack.source.path, w.line) : pack.source.path;
    out += output::terminal_safe(fmt::format("bpack: {}: warning: {}", where, w.message)) + "\n";
  }
  return out;
}

ParsedFile parse_one(const ingest::Input& input, const ParseOptions& options, const grammar::Grammar& grammar,
                     const output::TextStyle& style) {
  ParsedFile parsed;
  CollectingSink diagnostics;
  try {
    if (!input.error.empty()) {
      throw Error(input.error);
    }
    extract::ParseOptions parse_options;
    parse_options.grammar = &grammar;
    parse_options.diagnostics = &diagnostics;
    const auto source =
        text::open_source(text::open_file(input.path), input.path, parse_options.diagnostics, options.max_line);
    const model::Pack pack = extract::parse_pack(*source, parse_options);
    parsed.warnings = warnings_text(pack);
    if (options.json) {
      output::append_pack_json(pack, parsed.out);
      parsed.out.push_back('\n');
    } else {
      parsed.out = output::render_detail_text(output::parsed_pack_view(pack), style);
    }
  } catch (const Error& e) {
    parsed.error = e.what();
  } catch (const std::bad_alloc&) {
    parsed.error = fmt::format("{}: out of memory", input.path);
  }
  parsed.diagnostics = std::move(diagnostics.items);
  return parsed;
}

int run_parse(const ParseOptions& options, Context& context) {
  DiagnosticsPrinter printer(context.quiet);
  const grammar::Grammar& grammar = context.grammar();  // loaded once, before the workers start
  const output::TextStyle style = text_style();
  int status = kOk;
  bool first = true;
  const ingest::InputList inputs = ingest::list_inputs(options.files);
  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  // Files are parsed on `jobs` threads and printed in the order given, each as soon as it
  // and every file before it are done.
  ordered_parallel<ParsedFile>(
      inputs.packs.size(), jobs, [&](std::size_t i) { return parse_one(inputs.packs[i], options, grammar, style); },
      [&](std::size_t, ParsedFile&& parsed) {
        for (auto& diagnostic : parsed.diagnostics) {
          printer.report(std::move(diagnostic));
        }
        if (!context.quiet) {
          std::fputs(parsed.warnings.c_str(), stderr);
        }
        if (!parsed.error.empty()) {
          print_message(parsed.error);
          status = kFailure;
          return;
        }
        if (!options.json && !first) {
          std::fputc('\n', stdout);
        }
        std::fwrite(parsed.out.data(), 1, parsed.out.size(), stdout);
        std::fflush(stdout);
        first = false;
      });
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
                "agenda items, attendance, minute items, decisions, actions, papers, warnings");
  add_max_line_option(*sub, options->max_line);
  sub->add_option("-j,--jobs", options->jobs,
                  "Files parsed at once (default: one per core); output is in the order given either way")
      ->check(CLI::Range(1U, 256U));
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
