#include "bpack/output/json_view.hpp"

#include <cmath>
#include <type_traits>

#include "bpack/output/json.hpp"
#include "bpack/output/list_writer.hpp"

namespace bpack::output {
namespace {

void write_cell(JsonWriter& json, const Cell& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          json.null();
        } else if constexpr (std::is_same_v<T, double>) {
          // JSON has no NaN or infinity.
          if (std::isfinite(v)) {
            json.value(v);
          } else {
            json.null();
          }
        } else if constexpr (std::is_same_v<T, std::string>) {
          json.value(std::string_view(v));
        } else {
          json.value(v);
        }
      },
      value);
}

// The row's data columns (in_data), read in place: a list of many rows is not copied.
void write_row(JsonWriter& json, const std::vector<Column>& columns, const std::vector<Cell>& row) {
  json.begin_object();
  for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) {
    if (columns[c].in_data) {
      json.key(columns[c].name);
      write_cell(json, row[c]);
    }
  }
  json.end_object();
}

}  // namespace

void append_json_row(std::string& out, const std::vector<std::string>& names, const std::vector<Cell>& row) {
  JsonWriter json(out);
  json.begin_object();
  for (std::size_t c = 0; c < names.size() && c < row.size(); ++c) {
    json.key(names[c]);
    write_cell(json, row[c]);
  }
  json.end_object();
  out.push_back('\n');
}

void append_json_row(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& row) {
  JsonWriter json(out);
  write_row(json, columns, row);
  out.push_back('\n');
}

std::string render_json_lines(const ListView& list) {
  return render_list(list, ListFormat::json);
}

std::string render_detail_json(const DetailView& detail) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  for (const auto& field : detail.fields) {
    json.key(field.name);
    write_cell(json, field.value);
  }
  for (const auto& [name, fields] : detail.groups) {
    json.key(name).begin_object();
    for (const auto& field : fields) {
      json.key(field.name);
      write_cell(json, field.value);
    }
    json.end_object();
  }
  for (const auto& [name, list] : detail.lists) {
    json.key(name).begin_array();
    for (const auto& row : list.rows) {
      write_row(json, list.columns, row);
    }
    json.end_array();
  }
  json.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace bpack::output
