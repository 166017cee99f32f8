#include "bpack/text/markup.hpp"

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

// Emphasis, links and escapes inside a line.
void inline_markup(std::string_view line, std::string& out) {
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

bool may_have_markup(std::string_view line) {
  for (const char c : line) {
    if (c == '*' || c == '_' || c == '[' || c == '\\' || c == '|' || c == '#' || c == '>') {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view MarkupFilter::filter(std::string_view line) {
  heading_ = false;
  if (front_matter_ != FrontMatter::done) {
    const std::string_view trimmed = util::trim(line);
    if (front_matter_ == FrontMatter::unknown) {
      front_matter_ = trimmed == "---" ? FrontMatter::inside : FrontMatter::done;
      if (front_matter_ == FrontMatter::inside) {
        return {};
      }
    } else {
      if (trimmed == "---" || trimmed == "...") {
        front_matter_ = FrontMatter::done;
        return {};
      }
      // "title: 2017-6-20 Open Standards Board Meeting" names the meeting; other keys don't.
      if (util::starts_with_ci(trimmed, "title:")) {
        out_.assign(util::trim(trimmed.substr(6)));
        if (out_.size() >= 2 && (out_.front() == '"' || out_.front() == '\'') && out_.back() == out_.front()) {
          out_ = out_.substr(1, out_.size() - 2);
        }
        heading_ = true;
        return out_;
      }
      return {};
    }
  }
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
