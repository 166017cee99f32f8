#include "bpack/output/csv.hpp"

#include "bpack/output/list_writer.hpp"
#include "bpack/output/terminal_text.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::output {
namespace {

constexpr std::string_view kRecordEnd = "\r\n";

// A field is quoted when it holds what ends a field or a record, or a control character or
// bidirectional override (terminal_text.hpp): CSV has no escapes, so those are kept as they
// are, inside quotes, where a reader takes them as part of the field.
bool needs_quotes(std::string_view field) {
  if (!field.empty() && (field.front() == ' ' || field.back() == ' ')) {
    return true;
  }
  for (std::size_t i = 0; i < field.size(); ++i) {
    const auto c = static_cast<unsigned char>(field[i]);
    if (c == ',' || c == '"' || c < 0x20 || c == 0x7F) {
      return true;
    }
    if (c == 0xC2 || c == 0xE2) {
      const util::CodePoint cp = util::decode_utf8(field, i);
      if (cp.valid && is_unsafe_code_point(cp.value)) {
        return true;
      }
    }
  }
  return false;
}

// The cells of row whose column keep(c) accepts, as one record.
template <typename Keep>
void append_csv_cells(std::string& out, const std::vector<Cell>& row, const Keep& keep) {
  bool first = true;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (keep(c)) {
      if (!first) {
        out.push_back(',');
      }
      // Full precision: CSV is for other programs, not for reading at a glance.
      append_csv_field(out, cell_text(row[c], 6));
      first = false;
    }
  }
  out += kRecordEnd;
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
  append_csv_cells(out, row, [](std::size_t) { return true; });
}

void append_csv_header(std::string& out, const std::vector<Column>& columns) {
  std::vector<std::string> names;
  for (const auto& column : columns) {
    if (column.in_data) {
      names.push_back(column.name);
    }
  }
  append_csv_record(out, names);
}

void append_csv_row(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& row) {
  append_csv_cells(out, row, [&columns](std::size_t c) { return c < columns.size() && columns[c].in_data; });
}

std::string render_csv(const ListView& list) {
  return render_list(list, ListFormat::csv);
}

}  // namespace bpack::output
