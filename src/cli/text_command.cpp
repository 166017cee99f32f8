// `bpack text FILE`: the lines bpack reads from a pack, the ones its line numbers count. For
// a PDF that is bpack's own layout of its text (tables row by row, cells apart); for a text
// file, its decoded lines.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iterator>

#include "bpack/output/json.hpp"
#include "bpack/text/open_source.hpp"
#include "cli/context.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {
namespace {

struct TextOptions {
  std::string file;
  bool number = false;
  OutputOptions output;
};

// Output goes out in pieces of about this size: a large pack is never held twice.
constexpr std::size_t kFlushBytes = 64 * 1024;

int run_text(const TextOptions& options, Context& context) {
  DiagnosticsPrinter printer(context.quiet);
  const auto source = text::open_source(text::open_file(options.file), options.file, &printer);
  std::string out;
  text::Line line;
  text::LineNo page = 1;
  while (source->next(line)) {
    if (options.output.json) {
      output::JsonWriter json(out);
      json.begin_object().field("line", line.number).field("page", line.page).field("text", line.text).end_object();
    } else {
      // Pages are separated by form feeds, as pdftotext separates them: piped back into
      // bpack, the text has the same line and page numbers.
      out.append(static_cast<std::size_t>(line.page - page), '\f');
      if (options.number) {
        fmt::format_to(std::back_inserter(out), "{:>6}\t", line.number);
      }
      out += line.text;
    }
    out.push_back('\n');
    page = line.page;
    if (out.size() >= kFlushBytes) {
      write_stdout(out);
      out.clear();
    }
  }
  if (!options.output.json) {
    // Each page ends with a form feed, as in pdftotext's output (pages without text at the
    // end of a PDF included); a final one starts no page when read back.
    out.append(static_cast<std::size_t>(std::max<text::LineNo>(source->pages() - page, 0) + 1), '\f');
  }
  write_stdout(out);
  return kOk;
}

}  // namespace

void add_text_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<TextOptions>();
  CLI::App* sub =
      app.add_subcommand("text", "Print the text of a pack as bpack reads it (a PDF's as bpack lays it out)");
  sub->add_option("file", options->file, "A pack: PDF or text file (- for standard input)")
      ->required()
      ->type_name("FILE");
  sub->add_flag("-n,--number", options->number, "Put each line's number before it (as cat -n does)");
  add_output_options(*sub, options->output, false);
  sub->footer(
      "These are the lines that line numbers in bpack's output refer to (parse, search, show,\n"
      "actions). A PDF is laid out page by page: words on one baseline make one line, and\n"
      "text that stands apart (table cells, a column of initials) stays apart, two or more\n"
      "spaces between, so a table row is one line. Each page ends with a form feed, as in\n"
      "pdftotext's output. --json prints one object per line: line, page, text.\n"
      "\n"
      "Examples:\n"
      "  bpack text pack.pdf | less\n"
      "  bpack text -n pack.pdf | sed -n '630,640p'\n"
      "  bpack text pack.pdf --json | jq -r 'select(.page == 3) | .text'");
  sub->callback([options, &context] { context.status = run_text(*options, context); });
}

}  // namespace bpack::cli
