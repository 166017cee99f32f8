#include "cli/input_options.hpp"

#include <CLI/CLI.hpp>

namespace bpack::cli {

void add_max_line_option(CLI::App& command, std::size_t& max_line) {
  command
      .add_option("--max-line", max_line,
                  "Longest line read, in bytes (K, M, G: binary multiples; default 1M); a longer line is an error "
                  "naming the file and line")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40U))
      ->type_name("SIZE");
}

}  // namespace bpack::cli
