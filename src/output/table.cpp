#include "bpack/output/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <variant>

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

// Printable ASCII only: shown as it is, one column a byte.
bool is_plain(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
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
  // Two passes over the cells, one for the widths and one to write them, each cell shown
  // as it is when it is plain text that fits its column (a whole index's rows: no copy of
  // them is held), else made one line, safe and fitted in `scratch`.
  std::string scratch;
  const auto shown = [&](const std::vector<Cell>& row, std::size_t c) -> std::string_view {
    if (c >= row.size()) {
      return {};
    }
    const std::size_t max_width = table.columns[c].max_width;
    if (const auto* text = std::get_if<std::string>(&row[c]);
        text != nullptr && is_plain(*text) && (max_width == 0 || text->size() <= max_width)) {
      return *text;
    }
    scratch = one_line(cell_text(row[c]));
    if (max_width > 0) {
      scratch = fit(scratch, max_width);
    }
    return scratch;
  };
  std::vector<std::size_t> widths;
  for (const std::size_t c : visible) {
    widths.push_back(display_width(header_of(table.columns[c])));
  }
  for (const auto& row : table.rows) {
    for (std::size_t v = 0; v < visible.size(); ++v) {
      widths[v] = std::max(widths[v], display_width(shown(row, visible[v])));
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
  const auto write_line = [&](const auto& cell_of) {
    const std::size_t line_start = out.size();
    for (std::size_t v = 0; v < visible.size(); ++v) {
      std::string_view text = cell_of(v);
      std::string cut;
      if (display_width(text) > widths[v]) {
        cut = fit(std::string(text), widths[v]);
        text = cut;
      }
      const std::size_t fill = widths[v] - display_width(text);
      if (v > 0) {
        out += kGap;
      }
      const bool right = table.columns[visible[v]].align == Align::right;
      if (right) {
        pad(out, fill);
      }
      out += text;
      if (!right) {
        pad(out, fill);
      }
    }
    const std::size_t end = out.find_last_not_of(' ');
    out.resize(end == std::string::npos || end < line_start ? line_start : end + 1);
    out.push_back('\n');
  };
  std::vector<std::string> header;
  for (const std::size_t c : visible) {
    header.push_back(header_of(table.columns[c]));
  }
  write_line([&](std::size_t v) { return std::string_view(header[v]); });
  for (const auto& row : table.rows) {
    write_line([&](std::size_t v) { return shown(row, visible[v]); });
  }
  return out;
}

}  // namespace bpack::output
