// Papers: title and ref from the cover sheet (or, in resolve(), from the agenda when
// extraction lost the cover's title), and the cover's purpose / ask / recommendation.

#include <cctype>
#include <charconv>

#include "bpack/extract/paper.hpp"
#include "bpack/grammar/line_classifier.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

// Cover-sheet fields (purpose, ask) are read near the top of a paper only; a recommendation
// heading counts anywhere (many reports end with theirs).
constexpr std::size_t kCoverLines = 80;
constexpr std::size_t kValueLines = 16;

enum class Field { purpose, ask, recommendation };

struct Label {
  Field field;
  std::string_view rest;
  int number = -1;
};

std::optional<Label> label_of(const grammar::Grammar& grammar, std::string_view text) {
  static constexpr std::pair<const char*, Field> kLabels[] = {
      {"paper.label.recommendation", Field::recommendation},
      {"paper.label.ask", Field::ask},
      {"paper.label.purpose", Field::purpose},
  };
  grammar::Captures captures;
  for (const auto& [rule, field] : kLabels) {
    if (!grammar.match(rule, text, captures)) {
      continue;
    }
    Label label{field, util::trim(captures.get("rest").value_or("")), -1};
    // "Recommendations from the review were ..." is a sentence, not a label.
    if (!label.rest.empty() && std::islower(static_cast<unsigned char>(label.rest[0])) != 0 &&
        text.find(':') == std::string_view::npos) {
      return std::nullopt;
    }
    if (field == Field::purpose && util::contains_ci(text, "tick")) {
      return std::nullopt;  // a tick-box list: the choice is not in the text
    }
    if (const auto number = captures.get("number")) {
      std::from_chars(number->data(), number->data() + number->size(), label.number);
    }
    return label;
  }
  return std::nullopt;
}

bool ends_value(const grammar::Grammar& grammar, std::string_view text, int label_number) {
  if (label_of(grammar, text) || grammar.matches("paper.label.other", text) ||
      grammar.matches("line.paper.appendix", text)) {
    return true;
  }
  // The next numbered section: "3.0 Progress Report", or "11." after "10. Recommendations".
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
    ++digits;
  }
  if (digits == 0 || digits >= text.size()) {
    return false;
  }
  int number = -1;
  std::from_chars(text.data(), text.data() + digits, number);
  const std::string_view after = text.substr(digits);
  if (after.substr(0, 3) == ".0 " || (after.size() > 3 && after.substr(0, 2) == ".0" && after[2] == ' ')) {
    return true;
  }
  return label_number >= 0 && number == label_number + 1 && (after[0] == '.' || after[0] == ' ');
}

}  // namespace

std::size_t read_paper(ExtractContext& ctx, segment::SectionChunk& chunk) {
  const auto& grammar = ctx.grammar;
  model::Paper paper;
  paper.line_start = chunk.section.line_start;
  paper.line_end = chunk.section.line_end;
  std::string sample;
  std::vector<std::string_view> title;
  bool title_done = false;
  std::size_t seen = 0;
  const auto& lines = chunk.lines;
  // -1 when a user's grammar has no such rule: then every line is tried.
  const int label_rule = grammar.line_classifier().id("line.paper.label");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) {
      continue;
    }
    ++seen;
    const std::string_view text = util::trim(lines[i].text);
    if (seen <= kCoverLines) {
      sample.append(util::to_lower_ascii(text)).push_back(' ');
    }
    grammar::Captures captures;
    if (seen <= 30 && !paper.ref && grammar.match("paper.ref", text, captures)) {
      if (const auto ref = captures.get("ref")) {
        paper.ref = std::string(*ref);
      }
      continue;
    }
    if (seen <= 30 && !paper.title && grammar.match("paper.title_field", text, captures)) {
      if (const auto field = captures.get("title")) {
        paper.title = std::string(util::trim(*field));
      }
      title_done = true;
      continue;
    }
    // A title is the first lines that are neither banner nor cover fragment; a line ending
    // in ':' or a dash continues onto the next.
    if (!title_done && seen <= 6) {
      if (title.empty() && grammar.matches("paper.not_title", text)) {
        if (seen == 1 && !grammar.matches("line.paper.appendix", text)) {
          // The paper opens on a cover fragment: its title was lost in extraction.
          title_done = grammar.matches("head.paper.strong", text) || grammar.matches("head.paper.weak", text) ||
                       grammar.matches("head.paper.appendices", text);
        }
        continue;
      }
      if (title.empty() && (text.size() > 100 || text.back() == '.')) {
        title_done = true;
      } else {
        title.push_back(text);
        const char last = text.back();
        title_done =
            !(last == ':' || last == '-' || text.size() < 12 || text.substr(text.size() - 3) == "\xE2\x80\x93");
        if (title.size() >= 2) {
          title_done = true;
        }
        continue;
      }
    }
    if (label_rule >= 0 && (lines[i].line_hits >> label_rule & 1U) == 0) {
      continue;  // the classifier saw no label on this line
    }
    std::optional<Label> label = label_of(grammar, text);
    if (!label) {
      continue;
    }
    model::Text* target = label->field == Field::purpose ? &paper.purpose
                          : label->field == Field::ask   ? &paper.ask
                                                         : &paper.recommendation;
    if (target->has_value() || (label->field != Field::recommendation && seen > kCoverLines)) {
      continue;
    }
    std::vector<std::string> value;
    if (!label->rest.empty()) {
      value.emplace_back(label->rest);
    }
    std::size_t j = i + 1;
    int blanks = 0;
    bool label_wrap = label->rest.empty() && label->field == Field::ask;
    for (; j < lines.size() && value.size() < kValueLines; ++j) {
      if (lines[j].blank) {
        if (++blanks >= 2 && !value.empty()) {
          break;
        }
        continue;
      }
      blanks = 0;
      std::string_view next = util::trim(lines[j].text);
      // The rest of a label wrapped over lines ("Ask of the" / "Partnership" / "Board").
      if (label_wrap && value.empty() && next.size() <= 20 && next.find(' ') == std::string_view::npos &&
          std::isupper(static_cast<unsigned char>(next[0])) != 0) {
        continue;
      }
      label_wrap = false;
      if (ends_value(grammar, next, label->number)) {
        break;
      }
      if (grammar.matches("paper.bare_number", next)) {
        continue;
      }
      grammar::Captures para;
      if (grammar.match("paper.para_number", next, para)) {
        next.remove_prefix(para.whole().size());
      }
      value.emplace_back(next);
    }
    if (!value.empty()) {
      std::vector<std::string_view> views(value.begin(), value.end());
      *target = util::join_collapsed(views);
    }
  }
  if (!paper.title && !title.empty()) {
    paper.title = util::join_collapsed(title);
  }
  if (paper.title) {
    chunk.section.title = *paper.title;
  }
  ctx.pack.papers.push_back(std::move(paper));
  ctx.clues.paper_samples.push_back(std::move(sample));
  return chunk.lines.size();
}

}  // namespace bpack::extract
