#pragma once

// Tables of actions in layout text (cells side by side, apart by gutters), wherever they
// stand: an action log's table, or an "Action items / Person responsible / Deadline" table
// under an item of the minutes. A table is found by its header row, whose words name the
// columns in any order (grammars/actions.grammar, actions.header.*); every later fragment
// goes to the column it stands under. Rows are anchored on the ref column when there is one;
// without one, each entry of the action column is a row and the other columns' entries are
// paired with rows in order when their counts agree, else by the nearest line.

#include <optional>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

enum class TableColumn { ref, raised, item, text, owner, due, status, comments };

struct TableHeader {
  std::vector<std::pair<std::size_t, TableColumn>> columns;  // start column, field; in line order
  bool has(TableColumn column) const;
};

// A header row: two or more cells that name columns, an action column among them and a ref,
// owner, due or status column.
std::optional<TableHeader> action_table_header(const grammar::Grammar& grammar, std::string_view line);

// What the table's rows take when they do not say: the meeting that raised them, the item.
struct TableContext {
  model::Text raised;
  model::Text raised_text;
  model::Text item;
  model::Text meeting_date;
};

// How a table's lines fitted its header, for the pack's warnings.
struct TableReport {
  std::size_t rows = 0;
  // Lines with more than one cell under one column: the row has more cells than the header
  // has columns, or its cells do not line up with them.
  std::size_t misaligned = 0;
  model::LineNo first_misaligned = 0;
};

// Reads the table whose header row is lines[header]; its rows go to `out`. Returns the index
// of the first line after the table (it ends at the section's end, three blank lines, or a line
// that starts left of its first column and is no row).
std::size_t read_action_table(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines,
                              std::size_t header, std::size_t end, const TableContext& context,
                              std::vector<model::Action>& out, TableReport* report = nullptr);

// Plain text: a table's header cells one to a line ("Action items" / "Person responsible" /
// "Deadline"), the action column's name first. `body` is the line after the header.
struct StackedHeader {
  TableHeader header;
  std::size_t body = 0;
};
std::optional<StackedHeader> stacked_table_header(const grammar::Grammar& grammar,
                                                  const std::vector<segment::SegLine>& lines, std::size_t first,
                                                  std::size_t end);

// Reads a table printed cell by cell (see TableReader::collect_stacked); returns the index of the
// first line after it.
std::size_t read_stacked_action_table(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines,
                                      const StackedHeader& header, std::size_t end, const TableContext& context,
                                      std::vector<model::Action>& out, TableReport* report = nullptr);

}  // namespace bpack::extract
