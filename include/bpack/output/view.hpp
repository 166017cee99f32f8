#pragma once

// What a command shows, described once and rendered in any format: a ListView (rows of
// named, typed cells: actions, meetings, search hits) or a DetailView (one record: a pack's
// outline, an action's history). The renderers (text.hpp for a terminal, json_view.hpp,
// csv.hpp, html.hpp) only read these, so the formats never disagree about what a row holds,
// and another format is one more renderer.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bpack::output {

// One value: null, a number, text or a flag. JSON keeps the type; text renderings print
// null as an empty cell.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

Cell cell(const std::optional<std::string>& text);
Cell cell(std::optional<std::string>&& text);
Cell cell(const std::optional<std::int64_t>& number);

// Sets a cell to text, or null, in the room of the text it held: for lists printed row by
// row, a row's cells used again for the next.
void set_cell(Cell& cell, std::string_view text);
inline void set_cell(Cell& cell, const std::string& text) {
  set_cell(cell, std::string_view(text));
}
void set_cell(Cell& cell, const std::optional<std::string>& text);

// The cell as text: "" for null, numbers as written, true/false for flags. Real numbers get
// at most `decimals` digits after the point.
std::string cell_text(const Cell& value, int decimals = 3);

enum class Align { left, right };

// Where a column goes in the records layout (ListView::Layout::records).
enum class RecordPart {
  none,    // not in that layout
  head,    // the first line, first: the place a record is found (bold on a terminal)
  detail,  // the first line, after the head, two spaces apart
  body,    // a line of its own, indented
};

struct Column {
  std::string name;  // header and JSON key
  Align align = Align::left;
  bool flexible = false;      // may be shortened (ending in "…") to fit the terminal width
  bool in_table = true;       // false: only in JSON and CSV (long or technical fields)
  std::size_t max_width = 0;  // a table shows at most this many characters (0: no limit)
  bool in_data = true;        // false: only where people read it (a summary of other columns)
  std::string header = {};    // a table's heading; empty: the name in capitals
  RecordPart record = RecordPart::none;
};

// Where a row comes from, so that a page can link to it: its pack and the line there.
struct Place {
  std::int64_t pack_id = 0;
  std::string pack;  // the pack's path
  std::int64_t line = 0;
};

struct ListView {
  enum class Layout {
    table,    // aligned columns under a header
    records,  // one record after another, as grep shows matches (RecordPart)
  };

  std::string name;  // what the rows are, in the plural ("actions"): a page's caption
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::optional<Place>> places;  // per row, where it comes from (or none)
  Layout layout = Layout::table;
  // Said about the list as a whole (what it leaves out, how to see more): after it on a page,
  // on stderr from the command line.
  std::vector<std::string> notes;

  // Appends a row; it must have one cell per column.
  void add(std::vector<Cell> row, std::optional<Place> place = std::nullopt);
};

struct Field {
  std::string name;  // JSON key
  Cell value;
};

struct DetailView {
  std::string name;                // what the record is ("action", "pack")
  std::string title;               // what it is, in bold on a terminal
  std::string subtitle;            // the rest of its first line
  std::vector<std::string> lines;  // what a reader needs first, one statement a line
  std::vector<Field> fields;       // the record as data (JSON)
  // Named groups of counts or other fields: one JSON object each.
  std::vector<std::pair<std::string, std::vector<Field>>> groups;
  // Named sub-lists (a history, the sections of a pack): under their name as text, JSON
  // arrays of row objects under their name.
  std::vector<std::pair<std::string, ListView>> lists;
  std::optional<Place> place;
};

}  // namespace bpack::output
