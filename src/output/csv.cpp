#include "bpack/output/csv.hpp"

namespace bpack::output {
namespace {

constexpr std::string_view kRecordEnd = "\r\n";

bool needs_quotes(std::string_view field) {
  return field.find_first_of(",\"\r\n") != std::string_view::npos ||
         (!field.empty() && (field.front() == ' ' || field.back() == ' '));
}

}  // namespace

void append_csv_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out += field;
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') {
      out.push_back('"');
    }
    out.push_back(c);
  }
  out.push_back('"');
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    append_csv_field(out, fields[i]);
  }
  out += kRecordEnd;
}

void append_csv_row(std::string& out, const std::vector<Cell>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    // Full precision: CSV is for other programs, not for reading at a glance.
    append_csv_field(out, cell_text(row[i], 6));
  }
  out += kRecordEnd;
}

std::string render_csv(const ListView& table) {
  const ListView data = data_columns(table);
  std::string out;
  std::vector<std::string> names;
  for (const auto& column : data.columns) {
    names.push_back(column.name);
  }
  append_csv_record(out, names);
  for (const auto& row : data.rows) {
    append_csv_row(out, row);
  }
  return out;
}

}  // namespace bpack::output
