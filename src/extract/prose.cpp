#include "bpack/extract/prose.hpp"

#include <cctype>
#include <map>

#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

// Lines this near a page break may be a running header or footer.
constexpr std::size_t kEdgeLines = 4;

bool starts_sentence(std::string_view rest) {
  if (rest.empty()) {
    return false;
  }
  const auto c = static_cast<unsigned char>(rest[0]);
  return std::isupper(c) != 0 || std::isdigit(c) != 0 || c == '(' || c == '"' || c == '\'' || c >= 0xE2;
}

// "Dr." "Mr." "J." "No." "e.g." "i.e." "St." end no sentence.
bool abbreviation_before(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1])) != 0) {
    --start;
  }
  const std::string_view word = text.substr(start, dot - start);
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])) != 0) {
    return true;
  }
  static constexpr std::string_view kShort[] = {"Dr",   "Mr",  "Mrs",  "Ms", "Cllr",   "No", "St",
                                                "Prof", "Rev", "Revd", "Mt", "approx", "eg", "ie",
                                                "vs",   "Nos", "Ref",  "Sr", "Jr"};
  for (const auto abbreviation : kShort) {
    if (word == abbreviation) {
      return true;
    }
  }
  // "e.g." and "i.e.": a letter, a dot, a letter.
  return dot >= 2 && text[dot - 2] == '.';
}

std::string furniture_key(std::string_view text) {
  std::string key;
  for (const char c : util::trim(text)) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      if (key.empty() || key.back() != '#') {
        key.push_back('#');
      }
    } else if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') {
        key.push_back(' ');
      }
    } else {
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return key;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  std::size_t start = 0;
  const auto push = [&](std::size_t end) {
    const std::string_view sentence = util::trim(text.substr(start, end - start));
    if (!sentence.empty()) {
      out.push_back({sentence, static_cast<std::size_t>(sentence.data() - text.data())});
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') {
      continue;
    }
    std::size_t end = i + 1;
    // Closing quotes and brackets stay with the sentence.
    while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')')) {
      ++end;
    }
    if (end < text.size() && text.substr(end, 3) == "\xE2\x80\x9D") {
      end += 3;
    }
    if (end >= text.size() || text[end] != ' ') {
      continue;
    }
    if (c == '.' && abbreviation_before(text, i)) {
      continue;
    }
    if (!starts_sentence(util::trim(text.substr(end)))) {
      continue;
    }
    push(end);
    start = end;
  }
  push(text.size());
  return out;
}

std::vector<bool> page_furniture(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines) {
  std::vector<bool> furniture(lines.size(), false);
  // Lines near each page break, by page.
  std::vector<std::size_t> edges;
  std::vector<bool> top(lines.size(), false);  // near the top of its page (not the bottom)
  std::size_t i = 0;
  while (i < lines.size()) {
    const model::LineNo page = lines[i].page;
    std::size_t j = i;
    while (j < lines.size() && lines[j].page == page) {
      ++j;
    }
    std::size_t taken = 0;
    for (std::size_t k = i; k < j && taken < kEdgeLines; ++k) {
      if (!lines[k].blank) {
        edges.push_back(k);
        top[k] = true;
        ++taken;
      }
    }
    taken = 0;
    for (std::size_t k = j; k-- > i && taken < kEdgeLines;) {
      if (!lines[k].blank) {
        edges.push_back(k);
        ++taken;
      }
    }
    i = j;
  }
  if (lines.empty() || lines.front().page == lines.back().page) {
    return furniture;
  }
  std::map<std::string, std::vector<std::size_t>> by_key;
  for (const std::size_t k : edges) {
    by_key[furniture_key(lines[k].text)].push_back(k);
  }
  for (const auto& [key, where] : by_key) {
    const std::string_view text = util::trim(lines[where.front()].text);
    const bool page_number = grammar.matches("page.number", text);
    model::LineNo pages = 0;
    model::LineNo last_page = 0;
    for (const std::size_t k : where) {
      if (lines[k].page != last_page) {
        ++pages;
        last_page = lines[k].page;
      }
    }
    if (!page_number && pages < 2) {
      continue;
    }
    for (const std::size_t k : where) {
      // A running header's first occurrence, at the top of its page, is a heading.
      if (!page_number && top[k] && k == where.front()) {
        continue;
      }
      furniture[k] = true;
    }
  }
  return furniture;
}

std::size_t Paragraph::line_at(std::size_t offset) const {
  std::size_t line = first;
  for (const auto& [at, index] : starts) {
    if (at <= offset) {
      line = index;
    }
  }
  return line;
}

}  // namespace bpack::extract
