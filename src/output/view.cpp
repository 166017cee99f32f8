#include "bpack/output/view.hpp"

#include <fmt/format.h>

namespace bpack::output {

Cell cell(const std::optional<std::string>& text) {
  return text ? Cell(*text) : Cell(std::monostate{});
}

Cell cell(std::optional<std::string>&& text) {
  return text ? Cell(std::move(*text)) : Cell(std::monostate{});
}

Cell cell(const std::optional<std::int64_t>& number) {
  return number ? Cell(*number) : Cell(std::monostate{});
}

void set_cell(Cell& cell, std::string_view text) {
  if (auto* held = std::get_if<std::string>(&cell)) {
    held->assign(text);
  } else {
    cell = std::string(text);
  }
}

void set_cell(Cell& cell, const std::optional<std::string>& text) {
  if (text) {
    set_cell(cell, std::string_view(*text));
  } else {
    cell = std::monostate{};
  }
}

std::string cell_text(const Cell& value, int decimals) {
  struct Visitor {
    int decimals;
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(double d) const {
      std::string text = fmt::format("{:.{}f}", d, decimals);
      // 0.500 -> 0.5, 2.000 -> 2: fixed decimals read as noise in a table.
      if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') {
          text.pop_back();
        }
      }
      return text;
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
  };
  return std::visit(Visitor{decimals}, value);
}

void ListView::add(std::vector<Cell> row, std::optional<Place> place) {
  rows.push_back(std::move(row));
  if (place || !places.empty()) {
    places.resize(rows.size() - 1);
    places.push_back(std::move(place));
  }
}

}  // namespace bpack::output
