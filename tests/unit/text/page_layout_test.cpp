#include "bpack/text/page_layout.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

using bpack::text::lay_out_page;
using bpack::text::WordBox;

// A word of upright text on the baseline `base`, each character half the font size wide
// unless `width` says otherwise; its box runs from the font's ascent to its descent, as
// poppler reports it.
WordBox word(const std::string& text, double x, double base, double size = 10, double width = 0) {
  WordBox w;
  w.text = text;
  w.x_min = x;
  w.x_max = x + (width > 0 ? width : 0.5 * size * static_cast<double>(text.size()));
  w.y_min = base - 0.9 * size;
  w.y_max = base + 0.2 * size;
  w.font_size = size;
  w.space_after = true;
  return w;
}

// Words of one line of running text from x, a normal word space (a quarter of the font
// size) apart, in reading order.
std::vector<WordBox> run(const std::vector<std::string>& texts, double x, double base, double size = 10) {
  std::vector<WordBox> words;
  for (const auto& text : texts) {
    words.push_back(word(text, x, base, size));
    x = words.back().x_max + 0.25 * size;
  }
  words.back().space_after = false;
  return words;
}

std::vector<std::string> lay_out(const std::vector<WordBox>& words) {
  std::vector<std::string> lines;
  lay_out_page(words, lines);
  return lines;
}

std::string spaces(std::size_t n) {
  return std::string(n, ' ');
}

void append(std::vector<WordBox>& to, const std::vector<WordBox>& words) {
  to.insert(to.end(), words.begin(), words.end());
}

}  // namespace

TEST_CASE("page_layout: a line of running text reads left to right with single spaces") {
  const auto words = run({"The", "minutes", "were", "agreed."}, 72, 100);
  CHECK(lay_out(words) == std::vector<std::string>{"The minutes were agreed."});
  std::vector<WordBox> reversed(words.rbegin(), words.rend());
  CHECK(lay_out(reversed) == std::vector<std::string>{"The minutes were agreed."});
}

TEST_CASE("page_layout: table cells start at columns proportional to x, whatever order they were drawn in") {
  // Every character is 5 points wide, so one column is 5 points: x 50, 150, 300 are
  // columns 0, 20 and 50.
  const std::vector<WordBox> by_rows{
      word("0012", 50, 100), word("Jane", 150, 100),  word("Open", 300, 100),
      word("0013", 50, 112), word("Tomas", 150, 112), word("Closed", 300, 112),
  };
  const std::vector<std::string> expected{
      "0012" + spaces(16) + "Jane" + spaces(26) + "Open",
      "0013" + spaces(16) + "Tomas" + spaces(25) + "Closed",
  };
  CHECK(lay_out(by_rows) == expected);
  // Drawn column by column (as some producers draw tables): the same rows.
  const std::vector<WordBox> by_columns{by_rows[0], by_rows[3], by_rows[1], by_rows[4], by_rows[2], by_rows[5]};
  CHECK(lay_out(by_columns) == expected);
}

TEST_CASE("page_layout: a cell wider in characters than on the page pushes the next one two spaces on") {
  std::vector<WordBox> words = run({"Running", "text", "sets", "the", "width", "of", "a", "column", "here."}, 50, 100);
  // Eight narrow characters over 16 points: columns 0-7, where the next cell (x 75, column
  // 5) would overlap them.
  words.push_back(word("iiiiiiii", 50, 112, 10, 16));
  words.back().space_after = false;  // the end of its cell
  words.push_back(word("Next", 75, 112));
  const auto lines = lay_out(words);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "iiiiiiii  Next");
}

TEST_CASE("page_layout: a raised 'th' stays with its number, on its line") {
  std::vector<WordBox> words;
  words.push_back(word("26", 100, 200));
  words.back().space_after = false;
  WordBox th = word("th", 110, 196.5, 6);
  words.push_back(th);
  append(words, run({"May", "2016"}, 117.5, 200));
  CHECK(lay_out(words) == std::vector<std::string>{"26th May 2016"});
}

TEST_CASE("page_layout: initials set off the baseline of the line beside them stay on its row") {
  // A column of initials in a smaller font, its cell top-aligned: "ST" sits 6.3 points above
  // the baseline of the line it stands beside (further than half a font size: not one line
  // by baseline), but most of its height lies within that line's.
  std::vector<WordBox> words = run({"expected", "soon"}, 100, 529);
  append(words, run({"and", "he", "will", "send", "them."}, 100, 541));
  append(words, run({"ST"}, 500, 535.4, 8));
  // Columns of 100 / 22 points for "and he will send them.": x 500 is column 88.
  CHECK(lay_out(words) == std::vector<std::string>{"expected soon", "and he will send them." + spaces(66) + "ST"});
  // Where it would stand on the text of the line, it keeps a line of its own.
  std::vector<WordBox> crowded = run({"expected", "soon"}, 100, 529);
  append(crowded, run({"and", "he", "will", "send", "them."}, 100, 541));
  append(crowded, run({"ST"}, 150, 535.4, 8));
  CHECK(lay_out(crowded).size() == 3);
}

TEST_CASE("page_layout: vertical space becomes blank lines, one per font size, at most four") {
  std::vector<WordBox> words;
  append(words, run({"one"}, 50, 100));
  append(words, run({"two"}, 50, 112));    // 1.2 font sizes below: the next line
  append(words, run({"three"}, 50, 136));  // 2.4 below: one blank line
  append(words, run({"four"}, 50, 400));   // far below: four
  CHECK(lay_out(words) == std::vector<std::string>{"one", "two", "", "three", "", "", "", "", "four"});
}

TEST_CASE("page_layout: words one line of the extractor's holds stay one run across wide justified spaces") {
  // 9 points apart (0.9 of the font size): wider than between cells, but poppler put them
  // one after the other in its line, with a space between.
  std::vector<WordBox> justified;
  double x = 50;
  for (const std::string text : {"Nikki", "Sturmey", "(Governance", "Manager),"}) {
    justified.push_back(word(text, x, 100));
    x = justified.back().x_max + 9;
  }
  CHECK(lay_out(justified) == std::vector<std::string>{"Nikki Sturmey (Governance Manager),"});
  // The same positions, not one after the other in the extractor's order: cells.
  const std::vector<WordBox> apart{justified[0], justified[2], justified[1], justified[3]};
  const auto lines = lay_out(apart);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("Nikki  ") == 0);
  CHECK(lines[0].find("Sturmey (") == std::string::npos);
}

TEST_CASE("page_layout: text turned on the page reads in its own direction; the rest follows it") {
  // Reading upwards (a landscape table on a portrait page): lines advance to the right.
  const auto upwards = [](const std::string& text, double x, double bottom) {
    WordBox w;
    w.text = text;
    w.rotation = 3;
    w.x_min = x - 9;
    w.x_max = x + 2;
    w.y_max = bottom;
    w.y_min = bottom - 5.0 * static_cast<double>(text.size());
    w.font_size = 10;
    w.space_after = true;
    return w;
  };
  std::vector<WordBox> words{upwards("Action", 100, 500), upwards("log", 100, 467.5), upwards("Ref", 112, 500)};
  append(words, run({"Page", "1"}, 280, 820));  // an upright footer
  CHECK(lay_out(words) == std::vector<std::string>{"Action log", "Ref", "", "Page 1"});
}

TEST_CASE("page_layout: broken coordinates neither crash nor make endless lines") {
  std::vector<WordBox> words = run({"Agenda"}, 50, 100);
  words.push_back(word("far", 1e12, 100));
  WordBox nowhere = word("nan", 0, 100);
  nowhere.x_min = std::numeric_limits<double>::quiet_NaN();
  words.push_back(nowhere);
  const auto lines = lay_out(words);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("Agenda") == 0);
  CHECK(lines[0].size() <= 1010);
  CHECK(lines[0].substr(lines[0].size() - 3) == "far");
  CHECK(lay_out({}).empty());
}
