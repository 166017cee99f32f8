#include "cli/output_options.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "bpack/output/json_view.hpp"
#include "bpack/output/terminal_text.hpp"

namespace bpack::cli {

void add_output_options(CLI::App& command, OutputOptions& options, bool tabular) {
  CLI::Option* json =
      command.add_flag("--json", options.json, tabular ? "JSON Lines: one object per row" : "One JSON object");
  if (tabular) {
    CLI::Option* csv = command.add_flag("--csv", options.csv, "CSV (RFC 4180) with a header row");
    json->excludes(csv);
  }
}

ListPrinter::ListPrinter(const output::ListView& list, const OutputOptions& options)
    : writer_(list,
              options.json  ? output::ListFormat::json
              : options.csv ? output::ListFormat::csv
                            : output::ListFormat::text,
              text_style(), [](std::string_view text) { write_stdout(text); }) {}

void ListPrinter::finish(const std::vector<std::string>& notes, bool quiet) {
  writer_.finish();
  if (!quiet) {
    for (const auto& note : notes) {
      std::fprintf(stderr, "(%s)\n", note.c_str());
    }
  }
}

void print_list(const output::ListView& list, const OutputOptions& options, bool quiet) {
  ListPrinter printer(list, options);
  for (const auto& row : list.rows) {
    printer.row(row);
  }
  printer.finish(list.notes, quiet);
}

void print_detail(const output::DetailView& view, const OutputOptions& options) {
  write_stdout(options.json ? output::render_detail_json(view) : output::render_detail_text(view, text_style()));
}

output::TextStyle text_style() {
  return {terminal_width(), bold_start(), bold_end()};
}

void write_stdout(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

void print_message(std::string_view message, bool prefix) {
  std::string line = prefix ? "bpack: " : "";
  output::append_terminal_safe(line, message);
  line.push_back('\n');
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

bool stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

std::size_t terminal_width() {
  if (!stdout_is_terminal()) {
    return 0;
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}

namespace {
bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return stdout_is_terminal() && (no_color == nullptr || *no_color == '\0');
}
}  // namespace

std::string_view bold_start() {
  return use_color() ? "\x1b[1m" : "";
}
std::string_view bold_end() {
  return use_color() ? "\x1b[0m" : "";
}

}  // namespace bpack::cli
