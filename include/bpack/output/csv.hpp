#pragma once

// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a
// comma, a quote, a line break, another control character or bidirectional override, or
// leading/trailing space; quotes inside doubled. A header
// row names the columns. Every column is written, including those a terminal table hides.

#include <string>
#include <string_view>
#include <vector>

#include "bpack/output/view.hpp"

namespace bpack::output {

void append_csv_field(std::string& out, std::string_view field);
void append_csv_record(std::string& out, const std::vector<std::string>& fields);
void append_csv_row(std::string& out, const std::vector<Cell>& row);
// A list's header record and rows: its data columns only (Column::in_data).
void append_csv_header(std::string& out, const std::vector<Column>& columns);
void append_csv_row(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& row);

std::string render_csv(const ListView& table);

}  // namespace bpack::output
