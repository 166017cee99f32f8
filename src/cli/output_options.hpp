#pragma once

// How a command prints its data on stdout: an aligned table (the default), JSON Lines with
// --json, CSV with --csv. Messages never go to stdout.

#include <cstddef>
#include <string>
#include <string_view>

#include "bpack/output/table.hpp"

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

// Prints `table` in the chosen format. On a terminal, the table fits the window width.
void print_table(const output::Table& table, const OutputOptions& options);

// A table nested under a heading: indented by two, fitted to the rest of the width.
std::string indented_table(const output::Table& table);

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
