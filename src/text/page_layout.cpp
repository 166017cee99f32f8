#include "bpack/text/page_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

namespace bpack::text {
namespace {

// A word's box is as tall as its font's ascent plus descent: about 0.9 to 1.2 times the font
// size for the fonts packs use (the guess when the size is not known), with the baseline
// about a fifth of the height above the bottom.
constexpr double kHeightPerFontSize = 1.1;
constexpr double kDescentShare = 0.2;
// The thresholds below are pdftotext's, in font sizes. Words whose baselines are closer than
// this share a line (so a raised "th" stays with its "26").
constexpr double kSameLine = 0.5;
// A raised or lowered character (a superscript "th", a footnote mark) is set in a font at
// most kSmallerFont the size of the word before it, and sits no further than
// kAttachedBaselines from that word's baseline.
constexpr double kAttachedBaselines = 0.6;
constexpr double kSmallerFont = 0.9;
// A row whose height lies more than this share within the line beside it joins that line
// (see join_stray_rows).
constexpr double kStrayOverlap = 0.5;
// Words farther apart than this along a line stand apart: separate cells, not words of one
// run of text...
constexpr double kCellGap = 0.7;
// ...unless the PDF's text extractor put them one after the other in one line of its own,
// with a space between (a justified line, two spaces after a full stop), up to this far.
constexpr double kWordGap = 1.5;
// A gap wider than this is a space between words even where the PDF draws none.
constexpr double kSpaceGap = 0.1;
// Cells on one line are kept at least this many spaces apart, so that readers can split a
// line at runs of two or more spaces.
constexpr std::size_t kGutter = 2;
// Vertical space becomes at most this many blank lines, as in pdftotext.
constexpr double kMaxBlankLines = 4;
// A bound on a line's indentation: a word placed far off the page by a broken PDF must not
// make a line of millions of spaces.
constexpr double kMaxColumn = 1000;
// The character width a column stands for is this quantile of the widths of the page's
// runs of text (weighted by their length): a narrow one, so that a run nearly always fits
// in the columns its width on the page gives it and the cells after it stay in their
// columns, row after row.
constexpr double kColumnWidthQuantile = 0.2;

// A word in its own reading frame: along the line from left to right, across lines from
// one line to the next, whichever way the text is turned on the page.
struct FramedWord {
  const WordBox* word;
  std::size_t order;  // in the extractor's reading order
  double left;
  double right;
  double top;
  double bottom;
  double base;
  double size;
  // The line the word is on: the baseline and font size of the largest word of its run in
  // the extractor's line (a superscript "th" is on the line of its "26").
  double line_base = 0;
  double line_size = 0;
};

FramedWord frame(const WordBox& word, std::size_t order) {
  double left = word.x_min;
  double right = word.x_max;
  double top = word.y_min;
  double bottom = word.y_max;
  switch (word.rotation & 3) {
    case 1:  // reads downwards; the next line is to its left
      left = word.y_min;
      right = word.y_max;
      top = -word.x_max;
      bottom = -word.x_min;
      break;
    case 2:  // upside down
      left = -word.x_max;
      right = -word.x_min;
      top = -word.y_max;
      bottom = -word.y_min;
      break;
    case 3:  // reads upwards; the next line is to its right
      left = -word.y_max;
      right = -word.y_min;
      top = word.x_min;
      bottom = word.x_max;
      break;
    default:
      break;
  }
  const double height = std::max(bottom - top, 0.0);
  const double size = word.font_size > 0 ? word.font_size : height / kHeightPerFontSize;
  const double base = bottom - kDescentShare * height;
  return {&word, order, left, right, top, bottom, base, std::max(size, 0.5), base, std::max(size, 0.5)};
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

struct Cell {
  std::string text;
  std::size_t chars = 0;
  double left = 0;
  double right = 0;
};

struct Row {
  double base = 0;
  double size = 0;  // of its largest word, whose baseline `base` is
  std::vector<FramedWord> words;
  std::vector<Cell> cells;
};

// Whether `next` follows `word` in the extractor's line: next in its reading order, to the
// right, overlapping it in height, baselines no further apart than on one line, or than a
// raised or lowered character's in a smaller font.
bool attached(const FramedWord& word, const FramedWord& next) {
  const double size = std::max(word.size, next.size);
  const double gap = next.left - word.right;
  const bool smaller = std::min(word.size, next.size) < kSmallerFont * size;
  const double baselines = (smaller ? kAttachedBaselines : kSameLine) * size;
  return next.order == word.order + 1 && gap > -kCellGap * size && gap < kWordGap * size && next.top < word.bottom &&
         next.bottom > word.top && std::abs(next.base - word.base) < baselines;
}

// Runs of attached words share the line of their largest word.
void settle_lines(std::vector<FramedWord>& words) {
  for (std::size_t begin = 0; begin < words.size();) {
    std::size_t end = begin + 1;
    std::size_t largest = begin;
    while (end < words.size() && attached(words[end - 1], words[end])) {
      largest = words[end].size > words[largest].size ? end : largest;
      ++end;
    }
    for (std::size_t i = begin; i < end; ++i) {
      words[i].line_base = words[largest].base;
      words[i].line_size = words[largest].size;
    }
    begin = end;
  }
}

// Words into rows by baseline. Sorted by baseline, a word joins the row before it when the
// baselines are close for the larger of the two fonts.
std::vector<Row> rows_of(std::vector<FramedWord> words) {
  settle_lines(words);
  std::stable_sort(words.begin(), words.end(),
                   [](const FramedWord& a, const FramedWord& b) { return a.line_base < b.line_base; });
  std::vector<Row> rows;
  for (const FramedWord& word : words) {
    const double size = std::max(word.line_size, rows.empty() ? 0 : rows.back().size);
    if (rows.empty() || std::abs(word.line_base - rows.back().base) >= kSameLine * size) {
      rows.push_back({word.line_base, word.line_size, {}, {}});
    } else if (word.line_size > rows.back().size) {
      rows.back().base = word.line_base;
      rows.back().size = word.line_size;
    }
    rows.back().words.push_back(word);
  }
  return rows;
}

// Whether `next`, right of `word` on its row, carries on the same run of text.
bool same_run(const FramedWord& word, const FramedWord& next) {
  const double gap = next.left - word.right;
  const double size = std::max(word.size, next.size);
  const bool extractor_line = next.order == word.order + 1 && word.word->space_after;
  return gap < kCellGap * size || (extractor_line && gap < kWordGap * size);
}

// A row's words, left to right, into cells: runs of words a word space apart.
void split_cells(Row& row) {
  std::stable_sort(row.words.begin(), row.words.end(),
                   [](const FramedWord& a, const FramedWord& b) { return a.left < b.left; });
  const FramedWord* previous = nullptr;
  for (const FramedWord& word : row.words) {
    if (previous == nullptr || !same_run(*previous, word)) {
      row.cells.push_back({{}, 0, word.left, word.right});
    } else if (previous->word->space_after || word.left - previous->right > kSpaceGap * word.size) {
      row.cells.back().text.push_back(' ');
      ++row.cells.back().chars;
    }
    Cell& cell = row.cells.back();
    cell.text += word.word->text;
    cell.chars += code_points(word.word->text);
    cell.right = std::max(cell.right, word.right);
    previous = &word;
  }
}

// How far a row's words reach across lines.
std::pair<double, double> extent(const Row& row) {
  double top = row.words.front().top;
  double bottom = row.words.front().bottom;
  for (const FramedWord& word : row.words) {
    top = std::min(top, word.top);
    bottom = std::max(bottom, word.bottom);
  }
  return {top, bottom};
}

// Whether no cell of `a` stands where, or within a gutter of where, a cell of `b` stands.
bool side_by_side(const Row& a, const Row& b) {
  const double gutter = kCellGap * std::max(a.size, b.size);
  for (const Cell& x : a.cells) {
    for (const Cell& y : b.cells) {
      if (x.left < y.right + gutter && y.left < x.right + gutter) {
        return false;
      }
    }
  }
  return true;
}

// A row set a little lower or higher than the line beside it (a column of initials centred
// on a two-line cell, a figure in a smaller font) joins that line when most of its height
// lies within the line's and their cells stand apart: the initials stay on the row they
// belong to, where pdftotext gives them a line of their own.
void join_stray_rows(std::vector<Row>& rows) {
  for (std::size_t i = 0; i < rows.size();) {
    const auto [top, bottom] = extent(rows[i]);
    std::size_t best = i;
    double best_overlap = kStrayOverlap * (bottom - top);
    for (const std::size_t j : {i - 1, i + 1}) {
      if (j >= rows.size() || !side_by_side(rows[i], rows[j])) {  // i - 1 wraps round when i is 0
        continue;
      }
      const auto [other_top, other_bottom] = extent(rows[j]);
      const double overlap = std::min(bottom, other_bottom) - std::max(top, other_top);
      if (overlap > best_overlap && other_bottom - other_top >= bottom - top) {
        best = j;
        best_overlap = overlap;
      }
    }
    if (best == i) {
      ++i;
      continue;
    }
    Row& line = rows[best];
    line.words.insert(line.words.end(), rows[i].words.begin(), rows[i].words.end());
    line.cells.insert(line.cells.end(), rows[i].cells.begin(), rows[i].cells.end());
    std::sort(line.cells.begin(), line.cells.end(), [](const Cell& a, const Cell& b) { return a.left < b.left; });
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

// The width on the page that one character column stands for (see kColumnWidthQuantile).
double column_width(const std::vector<Row>& rows) {
  std::vector<std::pair<double, std::size_t>> widths;  // points per character, characters
  std::size_t total = 0;
  for (const Row& row : rows) {
    for (const Cell& cell : row.cells) {
      if (cell.chars >= 4 && cell.right > cell.left) {
        widths.emplace_back((cell.right - cell.left) / static_cast<double>(cell.chars), cell.chars);
        total += cell.chars;
      }
    }
  }
  if (widths.empty()) {
    // Only short words: half the font size is a typical character width.
    double size = 0;
    for (const Row& row : rows) {
      size = std::max(size, row.size);
    }
    return std::max(size / 2, 0.1);
  }
  std::sort(widths.begin(), widths.end());
  const auto wanted = static_cast<std::size_t>(kColumnWidthQuantile * static_cast<double>(total));
  std::size_t seen = 0;
  for (const auto& [width, chars] : widths) {
    seen += chars;
    if (seen > wanted) {
      return std::max(width, 0.1);
    }
  }
  return std::max(widths.back().first, 0.1);
}

void lay_out_rows(std::vector<Row>& rows, std::vector<std::string>& lines) {
  double origin = rows.front().words.front().left;
  for (Row& row : rows) {
    split_cells(row);
    origin = std::min(origin, row.cells.front().left);
  }
  join_stray_rows(rows);
  const double width = column_width(rows);
  const Row* previous = nullptr;
  for (const Row& row : rows) {
    if (previous != nullptr) {
      // As pdftotext: one line break per font size of vertical distance, at most five.
      const double breaks = std::floor((row.base - previous->base) / previous->size);
      const double blank = std::clamp(breaks - 1, 0.0, kMaxBlankLines);
      lines.insert(lines.end(), static_cast<std::size_t>(blank), std::string());
    }
    std::string line;
    std::size_t column = 0;
    for (const Cell& cell : row.cells) {
      const double at = std::clamp(std::round((cell.left - origin) / width), 0.0, kMaxColumn);
      std::size_t start = static_cast<std::size_t>(at);
      if (&cell != &row.cells.front()) {
        start = std::max(start, column + kGutter);
      }
      line.append(start - column, ' ');
      line += cell.text;
      column = start + cell.chars;
    }
    lines.push_back(std::move(line));
    previous = &row;
  }
}

}  // namespace

void lay_out_page(const std::vector<WordBox>& words, std::vector<std::string>& lines) {
  // The page's text by the way it is turned, the direction most of its characters read in
  // first.
  std::array<std::vector<FramedWord>, 4> turned;
  std::array<std::size_t, 4> chars{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const WordBox& word = words[i];
    const bool finite = std::isfinite(word.x_min) && std::isfinite(word.x_max) && std::isfinite(word.y_min) &&
                        std::isfinite(word.y_max);
    if (word.text.empty() || !finite) {
      continue;
    }
    const auto rotation = static_cast<std::size_t>(word.rotation & 3);
    turned[rotation].push_back(frame(word, i));
    chars[rotation] += word.text.size();
  }
  std::array<std::size_t, 4> order{0, 1, 2, 3};
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return chars[a] > chars[b]; });
  bool first = true;
  for (const std::size_t rotation : order) {
    if (turned[rotation].empty()) {
      continue;
    }
    if (!first) {
      lines.emplace_back();
    }
    first = false;
    std::vector<Row> rows = rows_of(std::move(turned[rotation]));
    lay_out_rows(rows, lines);
  }
}

}  // namespace bpack::text
