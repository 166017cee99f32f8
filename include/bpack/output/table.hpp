#pragma once

// Tabular results and their renderings: aligned columns for a terminal and JSON Lines
// (one object per row). CSV is in csv.hpp. Commands build a Table once and the output flags
// pick the rendering, so the three never disagree about what a row holds.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bpack::output {

// One value: null, a number, text or a flag. JSON keeps the type; text renderings print
// null as an empty cell.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

Cell cell(const std::optional<std::string>& text);
Cell cell(const std::optional<std::int64_t>& number);

enum class Align { left, right };

struct Column {
  std::string name;  // header and JSON key
  Align align = Align::left;
  bool flexible = false;      // may be shortened (ending in "…") to fit the terminal width
  bool in_table = true;       // false: only in JSON and CSV (long or technical fields)
  std::size_t max_width = 0;  // a table shows at most this many characters (0: no limit)
  bool in_data = true;        // false: only in the terminal table (a summary of other columns)
  std::string header = {};    // a terminal table's heading; empty: the name in capitals
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  // Appends a row; it must have one cell per column.
  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

// The cell as text: "" for null, numbers as written, true/false for flags. Real numbers get
// at most `decimals` digits after the point.
std::string cell_text(const Cell& value, int decimals = 3);

// Number of terminal columns the UTF-8 text takes (one per code point).
std::size_t display_width(std::string_view text);

// Aligned columns with a header line; line breaks inside cells become spaces, and what a
// terminal would act on is escaped (terminal_text.hpp). When `width` is not 0, flexible
// columns are shortened so that lines fit in it.
std::string render_table(const Table& table, std::size_t width = 0);

// One JSON object per row, keys in column order, each on its own line (columns with
// in_data false left out).
std::string render_json_lines(const Table& table);
void append_json_row(std::string& out, const std::vector<std::string>& names, const std::vector<Cell>& row);

// The table without its display-only columns (in_data false): what JSON and CSV carry.
Table data_columns(const Table& table);

}  // namespace bpack::output
