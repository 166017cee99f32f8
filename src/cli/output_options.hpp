#pragma once

// How a command prints its data on stdout: an aligned table (the default), JSON Lines with
// --json, CSV with --csv. Messages never go to stdout.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/output/list_writer.hpp"
#include "bpack/output/text.hpp"
#include "bpack/output/view.hpp"

namespace CLI {
class App;
}

namespace bpack::cli {

struct OutputOptions {
  bool json = false;
  bool csv = false;
};

// Adds --json, and --csv when the command's output is a table; the two exclude each other.
void add_output_options(CLI::App& command, OutputOptions& options, bool tabular = true);

// Prints a list row by row as its rows are read, in the chosen format (on a terminal, fitted
// to the window's width): for lists too long to build whole (a whole index's attendance).
class ListPrinter {
 public:
  // `list`: the columns and layout; its rows are not printed (print_list does that).
  ListPrinter(const output::ListView& list, const OutputOptions& options);

  void row(const std::vector<output::Cell>& cells) { writer_.row(cells); }

  // Prints what is held (a table's rows), then `notes` on stderr unless `quiet`.
  void finish(const std::vector<std::string>& notes, bool quiet);

 private:
  output::ListWriter writer_;
};

// Prints a list in the chosen format (on a terminal, fitted to the window's width), and its
// notes on stderr unless `quiet`.
void print_list(const output::ListView& list, const OutputOptions& options, bool quiet);

// Prints a detail view as text, or as one JSON object with --json.
void print_detail(const output::DetailView& view, const OutputOptions& options);

// Text for stdout: its terminal's width, bold when it is a terminal.
output::TextStyle text_style();

void write_stdout(std::string_view text);
// A message on stderr: "bpack: " (unless `prefix` is false), the message with what a terminal
// would act on escaped (terminal_text.hpp: file names and pack text may hold it), a line break.
void print_message(std::string_view message, bool prefix = true);
bool stdout_is_terminal();
bool stderr_is_terminal();
// Columns of the terminal on stdout; 0 when stdout is not a terminal.
std::size_t terminal_width();
// Bold on a terminal (unless $NO_COLOR is set); empty strings otherwise.
std::string_view bold_start();
std::string_view bold_end();

}  // namespace bpack::cli
