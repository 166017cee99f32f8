#include "bpack/extract/decisions.hpp"

#include <cctype>

#include "bpack/extract/people.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

struct Enumerator {
  enum class Style { number, lower, upper, roman } style = Style::number;
  int value = 0;
  int roman = 0;         // its value read as a roman numeral ("i", "iv", "xii"), else 0
  std::size_t size = 0;  // characters the enumerator takes, with its brackets and space
};

int roman_value(std::string_view letters) {
  int total = 0;
  int previous = 0;
  for (auto it = letters.rbegin(); it != letters.rend(); ++it) {
    int v = 0;
    switch (std::tolower(static_cast<unsigned char>(*it))) {
      case 'i':
        v = 1;
        break;
      case 'v':
        v = 5;
        break;
      case 'x':
        v = 10;
        break;
      case 'l':
        v = 50;
        break;
      default:
        return 0;
    }
    total += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  return total;
}

// "1)", "(1)", "1.", "(A)", "a)", "(ii)" at the start of `text`.
std::optional<Enumerator> enumerator_at(std::string_view text) {
  std::size_t i = 0;
  const bool open = i < text.size() && text[i] == '(';
  if (open) {
    ++i;
  }
  Enumerator e;
  const std::size_t start = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0 && i - start < 2) {
    e.value = e.value * 10 + (text[i] - '0');
    ++i;
  }
  if (i == start) {
    std::size_t end = i;
    while (end < text.size() && end - i < 6 && std::isalpha(static_cast<unsigned char>(text[end])) != 0) {
      ++end;
    }
    if (end == i) {
      return std::nullopt;
    }
    const char c = text[i];
    e.roman = roman_value(text.substr(i, end - i));
    if (end - i == 1) {
      e.style = std::islower(static_cast<unsigned char>(c)) != 0 ? Enumerator::Style::lower : Enumerator::Style::upper;
      e.value = std::tolower(static_cast<unsigned char>(c)) - 'a' + 1;
    } else if (e.roman != 0) {
      e.style = Enumerator::Style::roman;
      e.value = e.roman;
    } else {
      return std::nullopt;
    }
    i = end;
  }
  if (i >= text.size()) {
    return std::nullopt;
  }
  if (text[i] == ')') {
    ++i;
  } else if (!open && text[i] == '.' && e.style == Enumerator::Style::number) {
    ++i;
  } else {
    return std::nullopt;
  }
  if (i < text.size() && text[i] != ' ') {
    return std::nullopt;
  }
  while (i < text.size() && text[i] == ' ') {
    ++i;
  }
  e.size = i;
  return e;
}

bool same_style(const Enumerator& a, const Enumerator& b) {
  const auto letter = [](Enumerator::Style s) {
    return s == Enumerator::Style::lower || s == Enumerator::Style::upper;
  };
  return a.style == b.style || (letter(a.style) && letter(b.style)) || (a.roman != 0 && b.roman != 0);
}

// `b` is the point after `a`: "b)" after "a)", "ii)" after "i)", "3." after "2.".
bool follows(const Enumerator& a, const Enumerator& b) {
  return (a.roman != 0 && b.roman == a.roman + 1) || (same_style(a, b) && b.value == a.value + 1);
}

// The decision verb in `text` that no modal or "to be" comes before.
std::optional<std::pair<model::DecisionKind, std::size_t>> first_verb(const grammar::Grammar& grammar,
                                                                      std::string_view text) {
  grammar::Captures captures;
  for (const grammar::Rule* rule : grammar.rules("minutes.decision_verb")) {
    std::size_t from = 0;
    while (rule->pattern.search(text, captures, from)) {
      const auto at = static_cast<std::size_t>(captures.whole().data() - text.data());
      from = captures.end();
      const std::string_view before = text.substr(0, at);
      if (grammar.matches("minutes.decision_blocked", before)) {
        continue;
      }
      // "it was noted:" introduces a list of discussion points, not a decision; "agreed at the
      // committee meeting" reports a decision taken elsewhere.
      const std::string_view after = util::trim(text.substr(captures.end()));
      if ((!after.empty() && after.front() == ':') || grammar.matches("minutes.decided_elsewhere", after)) {
        return std::nullopt;
      }
      // "..., approved by Tech Leaders": a participle, unless "was approved by".
      if (util::starts_with_ci(after, "by ") && !grammar.matches("minutes.decision_passive_before", before)) {
        continue;
      }
      const model::DecisionKind kind = decision_kind(captures.get("kind").value_or(""));
      // "Kent was noted for its accurate forecasting": known for, not decided.
      if (kind == model::DecisionKind::noted && util::starts_with_ci(after, "for ")) {
        return std::nullopt;
      }
      return std::pair(kind, at);
    }
  }
  return std::nullopt;
}

}  // namespace

model::DecisionKind decision_kind(std::string_view verb) {
  const std::string lower = util::to_lower_ascii(verb);
  const auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
  if (has("approve")) {
    return model::DecisionKind::approved;
  }
  if (has("resolve")) {
    return model::DecisionKind::resolved;
  }
  if (has("note")) {
    return model::DecisionKind::noted;
  }
  if (has("endorse") || has("ratif")) {
    return model::DecisionKind::endorsed;
  }
  return model::DecisionKind::agreed;
}

std::optional<DecisionMarker> decision_marker(const grammar::Grammar& grammar, std::string_view line) {
  grammar::Captures captures;
  if (!grammar.match("minutes.decision", line, captures)) {
    return std::nullopt;
  }
  DecisionMarker marker;
  marker.word = captures.get("kind").value_or("");
  marker.kind = decision_kind(marker.word);
  marker.text = util::trim(captures.get("text").value_or(""));
  return marker;
}

std::vector<std::string_view> resolution_points(std::string_view text) {
  text = util::trim(text);
  const auto first = enumerator_at(text);
  if (!first) {
    return {text};
  }
  std::vector<std::string_view> points;
  Enumerator last = *first;
  std::size_t start = first->size;
  for (std::size_t i = start; i + 1 < text.size(); ++i) {
    if (text[i] != ' ') {
      continue;
    }
    const auto next = enumerator_at(text.substr(i + 1));
    if (!next || !(follows(last, *next) || (same_style(*next, last) && next->value == last.value))) {
      continue;
    }
    // A point starts after the end of the one before: "... approved. 2) Clerk to ...".
    const char before = text[i - 1];
    if (before != '.' && before != ';' && before != ',' && before != ':' &&
        !(before == 'd' && i >= 4 && text.substr(i - 4, 4) == " and")) {
      continue;
    }
    points.push_back(util::trim(text.substr(start, i - start)));
    start = i + 1 + next->size;
    last = *next;
  }
  points.push_back(util::trim(text.substr(start)));
  return points;
}

std::size_t point_label_size(std::string_view text) {
  const auto e = enumerator_at(text);
  return e ? e->size : 0;
}

bool next_point(std::string_view earlier, std::string_view later) {
  const auto a = enumerator_at(util::trim(earlier));
  const auto b = enumerator_at(util::trim(later));
  return a && b && follows(*a, *b);
}

bool individual_subject(const grammar::Grammar& grammar, std::string_view sentence) {
  sentence = util::trim(sentence);
  if (!leading_name(grammar, sentence).empty()) {
    // "Professor Sir Nigel Shadbolt welcomed ..." -- but "Members noted ..." is the meeting.
    return !grammar.matches("minutes.decision_subject", sentence);
  }
  const auto space = sentence.find_first_of(" ,");
  const std::string_view first = sentence.substr(0, space);
  if (is_initials_list(grammar, first)) {
    return true;
  }
  return grammar.matches("minutes.officer", sentence) && !grammar.matches("minutes.decision_subject", sentence);
}

std::optional<SentenceDecision> decision_in_sentence(const grammar::Grammar& grammar, std::string_view sentence) {
  std::string_view text = util::trim(sentence);
  if (text.empty() || !grammar.may_match("minutes.decision_verb", text)) {
    return std::nullopt;
  }
  const auto verb = first_verb(grammar, text);
  if (!verb) {
    return std::nullopt;
  }
  // A run-in label ("b) Action Plan 2017/18 – ", "OCDS V1.1 A new version: ") is no part of it.
  if (const auto e = enumerator_at(text)) {
    text = util::trim(text.substr(e->size));
  }
  grammar::Captures captures;
  if (grammar.match("minutes.run_in_label", text, captures) && captures.whole().size() < verb->second) {
    text = util::trim(text.substr(captures.whole().size()));
  }
  if (grammar.matches("minutes.decision_elsewhere", text)) {
    return std::nullopt;
  }
  std::string_view body = text;
  if (grammar.match("minutes.decision_opener", body, captures)) {
    body = util::trim(body.substr(captures.whole().size()));
  }
  const bool impersonal = grammar.matches("minutes.decision_impersonal", text);
  const bool collective = grammar.matches("minutes.decision_subject", body);
  if (!impersonal && (!collective || individual_subject(grammar, body))) {
    return std::nullopt;
  }
  const auto kind = first_verb(grammar, text);
  if (!kind) {
    return std::nullopt;
  }
  return SentenceDecision{kind->first, text};
}

}  // namespace bpack::extract
