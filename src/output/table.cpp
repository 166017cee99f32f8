#include "bpack/output/table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bpack/output/terminal_text.hpp"

namespace bpack::output {
namespace {

constexpr std::string_view kGap = "  ";
constexpr std::size_t kMinFlexibleWidth = 12;

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// Cells are one line on a terminal, and show what a terminal would act on as escapes.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return terminal_safe(text);
}

// The first `width` columns of `text`, ending in "…" when something was cut.
std::string fit(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) {
    return text;
  }
  if (width == 0) {
    return {};
  }
  std::size_t kept = 0;
  std::size_t i = 0;
  while (i < text.size() && kept < width - 1) {
    ++i;
    while (i < text.size() && is_continuation(text[i])) {
      ++i;
    }
    ++kept;
  }
  return text.substr(0, i) + "…";
}

std::string upper_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    } else if (c == '_') {
      c = ' ';
    }
  }
  return text;
}

void pad(std::string& out, std::size_t count) {
  out.append(count, ' ');
}

std::string header_of(const Column& column) {
  return terminal_safe(column.header.empty() ? upper_ascii(column.name) : column.header);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

std::string render_table(const ListView& table, std::size_t width) {
  std::vector<std::size_t> visible;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].in_table) {
      visible.push_back(c);
    }
  }
  if (visible.empty()) {
    return {};
  }
  std::vector<std::vector<std::string>> text(table.rows.size());
  std::vector<std::size_t> widths;
  for (const std::size_t c : visible) {
    widths.push_back(display_width(header_of(table.columns[c])));
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t v = 0; v < visible.size(); ++v) {
      const std::size_t c = visible[v];
      std::string value = c < table.rows[r].size() ? one_line(cell_text(table.rows[r][c])) : std::string();
      if (table.columns[c].max_width > 0) {
        value = fit(value, table.columns[c].max_width);
      }
      text[r].push_back(std::move(value));
      widths[v] = std::max(widths[v], display_width(text[r].back()));
    }
  }

  // Too wide for the terminal: cap the flexible columns at one common width, the largest
  // that fits (never below a readable minimum), so no one column is cut to nothing while
  // another keeps its full width.
  if (width > 0) {
    const auto total_at = [&](std::size_t cap) {
      std::size_t total = kGap.size() * (visible.size() - 1);
      for (std::size_t v = 0; v < visible.size(); ++v) {
        const bool flexible = table.columns[visible[v]].flexible;
        total += flexible ? std::min(widths[v], std::max(cap, kMinFlexibleWidth)) : widths[v];
      }
      return total;
    };
    std::size_t widest = 0;
    for (const std::size_t w : widths) {
      widest = std::max(widest, w);
    }
    if (total_at(widest) > width) {
      std::size_t cap = kMinFlexibleWidth;
      while (cap < widest && total_at(cap + 1) <= width) {
        ++cap;
      }
      for (std::size_t v = 0; v < visible.size(); ++v) {
        if (table.columns[visible[v]].flexible) {
          widths[v] = std::min(widths[v], cap);
        }
      }
    }
  }

  std::string out;
  const auto write_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t v = 0; v < visible.size(); ++v) {
      const std::string value = fit(cells[v], widths[v]);
      const std::size_t fill = widths[v] - display_width(value);
      if (v > 0) {
        line += kGap;
      }
      if (table.columns[visible[v]].align == Align::right) {
        pad(line, fill);
        line += value;
      } else {
        line += value;
        pad(line, fill);
      }
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line;
    out.push_back('\n');
  };
  std::vector<std::string> header;
  for (const std::size_t c : visible) {
    header.push_back(header_of(table.columns[c]));
  }
  write_line(header);
  for (const auto& row : text) {
    write_line(row);
  }
  return out;
}

}  // namespace bpack::output
