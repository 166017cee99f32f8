#pragma once

// Views as JSON: a list as JSON Lines (one object per row, keys in column order), a detail
// view as one object (its fields, then each group as an object and each list as an array).
// Columns for people only (in_data false) are left out.

#include <string>
#include <vector>

#include "bpack/output/view.hpp"

namespace bpack::output {

std::string render_json_lines(const ListView& list);
std::string render_detail_json(const DetailView& detail);

// One row as a JSON object on its own line: `names` are the keys of the cells in order.
void append_json_row(std::string& out, const std::vector<std::string>& names, const std::vector<Cell>& row);
// One row of a list as a JSON object on its own line: its data columns (Column::in_data).
void append_json_row(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& row);

}  // namespace bpack::output
