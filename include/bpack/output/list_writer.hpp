#pragma once

// A list written a row at a time, as its rows are read, in one format: JSON Lines and CSV
// write each row as it comes and pass the text on in pieces; a table keeps only the text its
// cells show, to align the columns at the end (TableText); records are written as they come.
// A list as long as a whole index's attendance is thus never held as cells. render_csv,
// render_json_lines and render_list_text are this writer fed a ListView's rows.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/output/table.hpp"
#include "bpack/output/text.hpp"
#include "bpack/output/view.hpp"

namespace bpack::output {

enum class ListFormat {
  text,  // the list's layout (table or records), as text.hpp writes it
  json,  // JSON Lines (json_view.hpp)
  csv,   // CSV with a header record (csv.hpp)
};

class ListWriter {
 public:
  using Sink = std::function<void(std::string_view)>;

  // Writes rows of `list`'s columns and layout (the rows it holds are not read). With a sink,
  // the text is passed to it in pieces of about 64 KB as it is written; without, it is kept
  // for finish() to return.
  ListWriter(const ListView& list, ListFormat format, TextStyle style = {}, Sink sink = {});

  void row(const std::vector<Cell>& cells);

  // Writes what is held (a table's rows), passes the rest to the sink, and returns what was
  // not passed to one.
  std::string finish();

 private:
  void spill(bool all);

  std::vector<Column> columns_;
  ListFormat format_;
  TextStyle style_;
  Sink sink_;
  std::string out_;
  std::optional<TableText> table_;  // text in the table layout; else records, written as they come
};

// The whole list in one format.
std::string render_list(const ListView& list, ListFormat format, const TextStyle& style = {});

}  // namespace bpack::output
