#include "cli/output_options.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "bpack/output/csv.hpp"
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

void print_table(const output::Table& table, const OutputOptions& options) {
  if (options.json) {
    write_stdout(output::render_json_lines(table));
  } else if (options.csv) {
    write_stdout(output::render_csv(table));
  } else {
    write_stdout(output::render_table(table, terminal_width()));
  }
}

std::string indented_table(const output::Table& table) {
  const std::size_t width = terminal_width();
  const std::string rendered = output::render_table(table, width > 2 ? width - 2 : 0);
  std::string out;
  for (std::size_t start = 0; start < rendered.size();) {
    const std::size_t end = rendered.find('\n', start);
    out += "  " + rendered.substr(start, end - start + 1);
    start = end + 1;
  }
  return out;
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
