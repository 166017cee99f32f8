#include "bpack/output/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <string_view>
#include <variant>

#include "bpack/output/terminal_text.hpp"

namespace bpack::output {
namespace {

constexpr std::string_view kGap = "  ";
constexpr std::size_t kMinFlexibleWidth = 12;
// Pieces of table text: 4 KB first (most tables are a few rows: a report writes thousands),
// then 64 KB, then huge blocks of 2 MB (a whole index's attendance is some 8 MB).
constexpr std::size_t kFirstPiece = std::size_t{1} << 12U;
constexpr std::size_t kSecondPiece = std::size_t{1} << 16U;
constexpr std::size_t kLargePiece = util::PageBlock::kHugePage;

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

TableText::TableText(const ListView& list) : columns_(list.columns) {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].in_table) {
      visible_.push_back(c);
      header_.push_back(header_of(columns_[c]));
      widths_.push_back(display_width(header_.back()));
    }
  }
  above_.resize(visible_.size());
}

void TableText::add(const std::vector<Cell>& row) {
  // Each cell as it is shown: nothing for null, as it is when it is plain text that fits its
  // column (one column a byte), else made one line, safe and fitted.
  std::string scratch;
  for (std::size_t v = 0; v < visible_.size(); ++v) {
    const std::size_t c = visible_[v];
    std::string_view shown;
    std::size_t width = 0;
    if (c < row.size() && !std::holds_alternative<std::monostate>(row[c])) {
      const std::size_t max_width = columns_[c].max_width;
      if (const auto* text = std::get_if<std::string>(&row[c]);
          text != nullptr && is_plain(*text) && (max_width == 0 || text->size() <= max_width)) {
        shown = *text;
        width = text->size();
      } else {
        scratch = one_line(cell_text(row[c]));
        if (max_width > 0) {
          scratch = fit(scratch, max_width);
        }
        shown = scratch;
        width = display_width(shown);
      }
    }
    keep(v, shown);
    widths_[v] = std::max(widths_[v], width);
  }
  ++rows_;
}

// A cell is kept as its length plus one (7 bits a byte, low bits first, the high bit set on
// all bytes but the last: one byte for most cells) and its bytes, or as one 0 byte when it is
// the cell above it again (a date, a status: lists come sorted), in pieces that are never
// moved: a long table's text is neither copied as it grows nor held twice.
void TableText::keep(std::size_t column, std::string_view cell) {
  const bool again = rows_ > 0 && cell == above_[column];
  if (again) {
    cell = {};
  }
  char length[10];
  std::size_t length_size = 0;
  for (std::size_t n = again ? 0 : cell.size() + 1;; n >>= 7U) {
    length[length_size++] = static_cast<char>((n & 0x7FU) | (n > 0x7FU ? 0x80U : 0U));
    if (n <= 0x7FU) {
      break;
    }
  }
  const std::size_t need = length_size + cell.size();
  if (pieces_.empty() || pieces_.back().capacity() - pieces_.back().size() < need) {
    const std::size_t size = pieces_.empty() ? kFirstPiece : pieces_.size() == 1 ? kSecondPiece : kLargePiece;
    pieces_.emplace_back(std::max(size, need));
  }
  util::PageBlock& piece = pieces_.back();
  piece.append(std::string_view(length, length_size));
  piece.append(cell);
  if (!again) {
    above_[column] = piece.view().substr(piece.size() - cell.size());
  }
}

void TableText::write(std::size_t width, std::string& out, const std::function<void()>& spill) const {
  if (visible_.empty()) {
    return;
  }
  std::vector<std::size_t> widths = widths_;
  // Too wide for the terminal: cap the flexible columns at one common width, the largest
  // that fits (never below a readable minimum), so no one column is cut to nothing while
  // another keeps its full width.
  if (width > 0) {
    const auto total_at = [&](std::size_t cap) {
      std::size_t total = kGap.size() * (visible_.size() - 1);
      for (std::size_t v = 0; v < visible_.size(); ++v) {
        const bool flexible = columns_[visible_[v]].flexible;
        total += flexible ? std::min(widths[v], std::max(cap, kMinFlexibleWidth)) : widths[v];
      }
      return total;
    };
    const std::size_t widest = *std::max_element(widths.begin(), widths.end());
    if (total_at(widest) > width) {
      std::size_t cap = kMinFlexibleWidth;
      while (cap < widest && total_at(cap + 1) <= width) {
        ++cap;
      }
      for (std::size_t v = 0; v < visible_.size(); ++v) {
        if (columns_[visible_[v]].flexible) {
          widths[v] = std::min(widths[v], cap);
        }
      }
    }
  }

  const auto write_line = [&](const auto& cell_of) {
    const std::size_t line_start = out.size();
    for (std::size_t v = 0; v < visible_.size(); ++v) {
      std::string_view text = cell_of(v);
      std::size_t shown_width = display_width(text);
      std::string cut;
      if (shown_width > widths[v]) {
        cut = fit(std::string(text), widths[v]);
        text = cut;
        shown_width = display_width(text);
      }
      const std::size_t fill = widths[v] - shown_width;
      if (v > 0) {
        out += kGap;
      }
      const bool right = columns_[visible_[v]].align == Align::right;
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
    if (spill) {
      spill();
    }
  };
  write_line([&](std::size_t v) { return std::string_view(header_[v]); });
  // The cells in the order add() kept them.
  std::size_t piece = 0;
  std::size_t at = 0;
  // The next cell in `cell`, left as it is when it is the cell above again.
  const auto next_cell = [&](std::string_view& cell) {
    if (at == pieces_[piece].size()) {
      ++piece;
      at = 0;
    }
    const std::string_view text = pieces_[piece].view();
    std::size_t length = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(text[at++]);
      length |= static_cast<std::size_t>(byte & 0x7FU) << shift;
      if ((byte & 0x80U) == 0) {
        break;
      }
    }
    if (length > 0) {
      at += length - 1;
      cell = text.substr(at - (length - 1), length - 1);
    }
  };
  std::vector<std::string_view> line(visible_.size());
  for (std::size_t r = 0; r < rows_; ++r) {
    for (auto& cell : line) {
      next_cell(cell);
    }
    write_line([&](std::size_t v) { return line[v]; });
  }
}

std::string render_table(const ListView& list, std::size_t width) {
  TableText table(list);
  for (const auto& row : list.rows) {
    table.add(row);
  }
  std::string out;
  table.write(width, out, {});
  return out;
}

}  // namespace bpack::output
