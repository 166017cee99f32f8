// `bpack explain FILE [--lines A-B] [--json]`: each line of a pack with the section it fell
// in, the grammar rules that labelled it and the entity it became part of; then a summary.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <charconv>
#include <string>

#include "bpack/extract/explain.hpp"
#include "bpack/output/explain.hpp"
#include "bpack/util/error.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/output_options.hpp"
#include "cli/pager.hpp"

namespace bpack::cli {
namespace {

struct ExplainOptions {
  std::string file;
  std::string lines;
  bool json = false;
};

// "40-80", "40-" (to the end), "40" (that line alone).
output::LineRange parse_range(const std::string& text) {
  const auto number = [&](std::string_view part, model::LineNo& out) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), out);
    return error == std::errc() && end == part.data() + part.size() && out > 0;
  };
  output::LineRange range;
  const auto dash = text.find('-');
  const std::string_view first = std::string_view(text).substr(0, dash);
  bool ok = number(first, range.first);
  if (dash == std::string::npos) {
    range.last = range.first;
  } else if (dash + 1 < text.size()) {
    ok = ok && number(std::string_view(text).substr(dash + 1), range.last) && range.last >= range.first;
  }
  if (!ok) {
    throw UsageError(fmt::format("--lines {}: expected a range of line numbers such as 40-80, 40- or 40", text));
  }
  return range;
}

int run_explain(const ExplainOptions& options, Context& context) {
  const output::LineRange range = options.lines.empty() ? output::LineRange{} : parse_range(options.lines);
  DiagnosticsPrinter printer(context.quiet);
  extract::ParseOptions parse_options;
  parse_options.grammar = &context.grammar();
  parse_options.diagnostics = &printer;
  try {
    const model::Explanation explanation = extract::explain_file(options.file, parse_options);
    if (options.json) {
      write_stdout(output::render_explanation_json(explanation, range));
    } else {
      page(output::render_explanation(explanation, range));
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "bpack: %s\n", e.what());
    return kFailure;
  }
  return kOk;
}

}  // namespace

void add_explain_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* sub = app.add_subcommand(
      "explain", "Show how a pack was read: each line's section, rules and entity, and the share of lines used");
  sub->add_option("file", options->file, "Pack: a PDF or text file, - for standard input")
      ->required()
      ->type_name("FILE");
  sub->add_option("--lines", options->lines, "Only these lines (40-80, 40-, 40); the summary covers the pack")
      ->type_name("A-B");
  sub->add_flag("--json", options->json,
                "One JSON object per line (line, page, section, heading, entity, rules, used, text), then one "
                "{\"summary\": ...} object");
  sub->footer(
      "Each line shows its number, page, section and the entity it became part of (\"unused\" when\n"
      "nothing used it); under it, the grammar rules that labelled it, with the file:line of each.\n"
      "The summary gives the sections with their lines, the entity counts, the warnings and the\n"
      "coverage: the share of lines with text that are in an entity or a section heading.\n"
      "\n"
      "Examples:\n"
      "  bpack explain corpus/blmk-2021-04-07.txt --lines 160-200\n"
      "  bpack explain pack.txt --grammar mine.grammar       see what a house-style rule changes\n"
      "  bpack explain pack.txt --json | jq -r 'select(.used == false) | \"\\(.line): \\(.text)\"'");
  sub->callback([options, &context] { context.status = run_explain(*options, context); });
}

}  // namespace bpack::cli
