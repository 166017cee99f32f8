#include "cli/output_options.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "bpack/output/csv.hpp"
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

void print_list(const output::ListView& list, const OutputOptions& options, bool quiet) {
  if (options.json) {
    write_stdout(output::render_json_lines(list));
  } else if (options.csv) {
    write_stdout(output::render_csv(list));
  } else {
    write_stdout(output::render_list_text(list, text_style()));
  }
  if (!quiet) {
    for (const auto& note : list.notes) {
      std::fprintf(stderr, "(%s)\n", note.c_str());
    }
  }
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
