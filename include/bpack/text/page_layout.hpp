#pragma once

// Lays out the words of one PDF page as lines of text, as `pdftotext -layout` does: words on
// one baseline make one line, read left to right, and text that stands apart on the page
// (a table cell, a right-hand column of initials) stays apart on the line, starting at a
// character column proportional to where it starts on the page, after a gutter of at least
// two spaces. So a table row becomes one line with its cells in order, whatever order the
// PDF drew them in, and readers can split it at its gutters. Blank lines stand for vertical
// space, as pdftotext leaves them. Pure geometry, no PDF library: the PDF source hands in
// what poppler reports for each word.

#include <string>
#include <vector>

namespace bpack::text {

// One word as the PDF text extractor reports it.
struct WordBox {
  std::string text;  // UTF-8, no control characters
  // The bounding box in page space: points, y growing down the page. Its height is the
  // font's (ascent to descent), not the glyphs' own.
  double x_min = 0;
  double y_min = 0;
  double x_max = 0;
  double y_max = 0;
  double font_size = 0;      // points; 0 when unknown (then guessed from the box's height)
  int rotation = 0;          // quarter turns clockwise: 0 reads left to right
  bool space_after = false;  // the PDF puts a space after the word
};

// Appends the page's lines to `lines`, without line breaks: no blank line before the first
// or after the last. Text turned another way than most of the page's (a rotated table on a
// page with an upright footer) follows, laid out in its own reading direction.
void lay_out_page(const std::vector<WordBox>& words, std::vector<std::string>& lines);

}  // namespace bpack::text
