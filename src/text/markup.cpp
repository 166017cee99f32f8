#include "bpack/text/markup.hpp"

#include <cctype>
#include <cstring>

#include "bpack/util/strings.hpp"

namespace bpack::text {
namespace {

// Cells of a table row are set apart as layout text sets apart table cells.
constexpr std::string_view kCellGutter = "    ";

bool is_table_rule(std::string_view line) {
  // "|---|:---:|" and "---|---": pipes, dashes, colons and spaces only, some dashes.
  return line.find("--") != std::string_view::npos && line.find_first_not_of("|-: \t") == std::string_view::npos;
}

bool ascii_punct(char c) {
  return std::strchr("\\`*_{}[]()#+-.!|<>~\"'", c) != nullptr && c != '\0';
}

bool emphasis_edge(char c) {
  return c == ' ' || c == '\t' || std::ispunct(static_cast<unsigned char>(c)) != 0;
}

// A single "*" or "_" at `i` with a word right after it and none right before.
bool opens_emphasis(std::string_view line, std::size_t i) {
  return (i == 0 || emphasis_edge(line[i - 1])) && i + 1 < line.size() && !emphasis_edge(line[i + 1]);
}

// The twin that closes the emphasis opened at `open`: a word right before it, none after.
std::size_t closing_emphasis(std::string_view line, std::size_t open) {
  for (std::size_t k = line.find(line[open], open + 2); k != std::string_view::npos; k = line.find(line[open], k + 1)) {
    if (!emphasis_edge(line[k - 1]) && (k + 1 == line.size() || emphasis_edge(line[k + 1]))) {
      return k;
    }
  }
  return std::string_view::npos;
}

// Emphasis, links and escapes inside a line.
void inline_markup(std::string_view line, std::string& out) {
  std::size_t close_at = std::string_view::npos;  // where an emphasis opened earlier closes
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && ascii_punct(line[i + 1])) {
      out.push_back(line[++i]);
      continue;
    }
    if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
      ++i;  // "**" or "__": emphasis, never words
      continue;
    }
    if ((c == '*' || c == '_') && close_at == std::string_view::npos && opens_emphasis(line, i)) {
      // "*James Barren, Neal Larkman*": a mark that opens a run of words its twin closes
      // later in the line is emphasis; one alone ("5* in the year", "snake_case") is text.
      if (const std::size_t close = closing_emphasis(line, i); close != std::string_view::npos) {
        close_at = close;
        continue;
      }
    }
    if (i == close_at) {
      close_at = std::string_view::npos;
      continue;
    }
    if (c == '[') {
      // "[text](target)" keeps its text.
      const std::size_t close = line.find(']', i + 1);
      if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == '(') {
        const std::size_t end = line.find(')', close + 2);
        if (end != std::string_view::npos) {
          inline_markup(line.substr(i + 1, close - i - 1), out);
          i = end;
          continue;
        }
      }
    }
    out.push_back(c);
  }
}

// Bytes that may open a line's markup, looked up at the line's first text byte.
struct MarkupBytes {
  bool lead[256] = {};
  constexpr MarkupBytes() {
    for (const char c : std::string_view("*_[\\|#>")) {
      lead[static_cast<unsigned char>(c)] = true;
    }
  }
};
constexpr MarkupBytes kMarkupBytes;

// A front-matter key as words: "meeting_date" -> "Meeting date".
void append_key(std::string_view key, std::string& out) {
  for (const char c : key) {
    out.push_back(c == '_' || c == '-' ? ' ' : c);
  }
  if (!out.empty() && out.size() == key.size() && out.front() >= 'a' && out.front() <= 'z') {
    out.front() = static_cast<char>(out.front() - 'a' + 'A');
  }
}

// Most lines have no markup: the line's first text byte, then a vectorised search (memchr)
// for each byte that may be markup inside a line, tell.
bool may_have_markup(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
    ++i;
  }
  if (i == line.size()) {
    return false;
  }
  if (kMarkupBytes.lead[static_cast<unsigned char>(line[i])]) {
    return true;
  }
  for (const char c : std::string_view("*_[\\|")) {
    if (std::memchr(line.data() + i, c, line.size() - i) != nullptr) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view MarkupFilter::filter(std::string_view line) {
  heading_ = false;
  if (front_matter_ == FrontMatter::unknown) {
    front_matter_ = util::trim(line) == "---" ? FrontMatter::inside : FrontMatter::done;
    return front_matter_ == FrontMatter::inside ? std::string_view() : markdown(line);
  }
  return front_matter_ == FrontMatter::done ? markdown(line) : front_matter(line);
}

std::string_view MarkupFilter::front_matter(std::string_view line) {
  const std::string_view trimmed = util::trim(line);
  const std::size_t indent = line.find_first_not_of(' ');
  if (front_matter_ == FrontMatter::block) {
    if (trimmed.empty()) {
      return {};
    }
    if (block_indent_ == std::string_view::npos && indent > 0) {
      block_indent_ = indent;  // the block's first line sets its indentation
    }
    if (block_indent_ != std::string_view::npos && indent >= block_indent_) {
      return markdown(line.substr(block_indent_));
    }
    front_matter_ = FrontMatter::inside;  // a line back at the keys' indentation ends the block
  }
  if (trimmed == "---" || trimmed == "...") {
    front_matter_ = FrontMatter::done;
    return {};
  }
  // Top-level "key: value" only: nested mappings and lists are the site's, not the meeting's.
  const std::size_t colon = trimmed.find(':');
  if (indent != 0 || colon == std::string_view::npos || colon == 0 ||
      trimmed.substr(0, colon).find_first_of(" \t\"'") != std::string_view::npos) {
    return {};
  }
  const std::string_view key = trimmed.substr(0, colon);
  std::string_view value = util::trim(trimmed.substr(colon + 1));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  out_.clear();
  // "minutes: >-" opens a block of text (often Markdown) under the key: the key becomes its
  // heading ("Minutes").
  if (!value.empty() && (value.front() == '|' || value.front() == '>') &&
      value.find_first_not_of("|>-+0123456789", 1) == std::string_view::npos) {
    front_matter_ = FrontMatter::block;
    block_indent_ = std::string_view::npos;
    append_key(key, out_);
    heading_ = true;
    return out_;
  }
  // "date:" is the page's own date in static-site front matter (the day a post went up), not
  // the meeting's: it is left out, as are nested mappings and lists.
  if (value.empty() || (util::starts_with_ci(key, "date") && key.size() == 4)) {
    return {};
  }
  // "title: 2017-6-20 Open Standards Board Meeting" names the meeting: a heading. Other keys
  // read as labelled lines ("Location: MS Teams"), for the readers' labels to take or leave.
  if (util::starts_with_ci(key, "title") && key.size() == 5) {
    heading_ = true;
  } else {
    append_key(key, out_);
    out_.append(": ");
  }
  out_.append(value);
  return out_;
}

std::string_view MarkupFilter::markdown(std::string_view line) {
  if (!may_have_markup(line)) {
    return line;
  }
  std::string_view body = line;
  const std::size_t lead = body.find_first_not_of(" \t");
  if (lead == std::string_view::npos) {
    return line;
  }
  std::string_view rest = body.substr(lead);
  out_.clear();
  if (rest.front() == '#') {
    const std::size_t hashes = rest.find_first_not_of('#');
    if (hashes != std::string_view::npos && hashes <= 6 && (rest[hashes] == ' ' || rest[hashes] == '\t')) {
      heading_ = true;
      rest = util::trim(rest.substr(hashes));
      // A closing run of hashes ("## Apologies ##") is markup too.
      while (!rest.empty() && rest.back() == '#') {
        rest.remove_suffix(1);
      }
      inline_markup(util::trim(rest), out_);
      return out_;
    }
  }
  if (rest.front() == '>' && (rest.size() == 1 || rest[1] == ' ')) {
    rest = util::trim(rest.substr(1));
  }
  if (rest.front() == '|' || (rest.find(" | ") != std::string_view::npos && rest.back() == '|')) {
    if (is_table_rule(rest)) {
      return {};
    }
    // Cells, each without its markup, apart as in layout text.
    std::size_t start = rest.front() == '|' ? 1 : 0;
    bool first = true;
    while (start < rest.size()) {
      std::size_t bar = rest.find('|', start);
      while (bar != std::string_view::npos && bar > 0 && rest[bar - 1] == '\\') {
        bar = rest.find('|', bar + 1);
      }
      const std::string_view cell =
          util::trim(rest.substr(start, bar == std::string_view::npos ? rest.npos : bar - start));
      if (bar == std::string_view::npos && cell.empty()) {
        break;
      }
      if (!first) {
        out_.append(kCellGutter);
      }
      first = false;
      inline_markup(cell.empty() ? std::string_view("") : cell, out_);
      if (bar == std::string_view::npos) {
        break;
      }
      start = bar + 1;
    }
    // Empty cells keep their gutters so that columns stay apart; trailing ones go.
    while (!out_.empty() && out_.back() == ' ') {
      out_.pop_back();
    }
    return out_;
  }
  out_.append(body.substr(0, lead));
  inline_markup(rest, out_);
  return out_;
}

}  // namespace bpack::text
