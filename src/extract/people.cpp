#include "bpack/extract/people.hpp"

#include <cctype>
#include <optional>
#include <utility>

#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') {
      ++i;
    }
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') {
      ++i;
    }
    if (i > b) {
      words.push_back(text.substr(b, i - b));
    }
  }
  return words;
}

bool capitalised(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])) != 0;
}

// Splits "a, b, c" at commas outside brackets.
std::vector<std::string_view> split_top_level(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')') {
      --depth;
    } else if (text[i] == separator && depth <= 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// One entry: "Name (Role) XX", "Name, Role" (when the whole line is one person), "Name".
std::optional<model::Attendee> read_person(const grammar::Grammar& grammar, std::string_view text,
                                           bool allow_comma_role) {
  text = util::trim_punctuation(text);
  if (text.empty() || grammar.matches("attendance.not_person", text)) {
    return std::nullopt;
  }
  model::Attendee person;
  // Initials printed last, after the role.
  const auto last_space = text.find_last_of(' ');
  if (last_space != std::string_view::npos) {
    grammar::Captures captures;
    const std::string_view tail = text.substr(last_space + 1);
    if (grammar.match("attendance.initials", tail, captures) && text.find('(') != std::string_view::npos &&
        text.find('(') < last_space) {
      person.initials = std::string(tail);
      text = util::trim(text.substr(0, last_space));
    }
  }
  std::string_view name = text;
  const auto open = text.find('(');
  if (open != std::string_view::npos) {
    name = util::trim(text.substr(0, open));
    const auto close = text.rfind(')');
    const std::string_view role = util::trim(text.substr(
        open + 1, close == std::string_view::npos || close < open ? std::string_view::npos : close - open - 1));
    if (!role.empty()) {
      person.role = util::collapse_spaces(role);
    }
  } else if (allow_comma_role) {
    const auto comma = text.find(',');
    const auto dash = text.find(" - ");
    const auto cut = std::min(comma, dash);
    if (cut != std::string_view::npos) {
      name = util::trim(text.substr(0, cut));
      const std::string_view role = util::trim(text.substr(cut + (cut == comma ? 1 : 3)));
      if (!role.empty()) {
        person.role = util::collapse_spaces(role);
      }
    }
  }
  if (!looks_like_name(grammar, name)) {
    return std::nullopt;
  }
  person.name = util::collapse_spaces(name);
  return person;
}

// A comma-separated part that is a role rather than a second person: "Medical Director"
// (text in brackets aside; a titled name is always a person).
bool is_role(const grammar::Grammar& grammar, std::string_view part) {
  part = util::trim(part.substr(0, part.find('(')));
  const auto words = words_of(part);
  if (words.empty() || grammar.matches("attendance.title", words.front())) {
    return false;
  }
  return grammar.matches("attendance.role", part);
}

// "A and B" split at its last top-level " and " (or " & ").
std::optional<std::pair<std::string_view, std::string_view>> split_at_and(std::string_view text) {
  int depth = 0;
  std::optional<std::pair<std::string_view, std::string_view>> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')') {
      --depth;
    } else if (depth <= 0 && text[i] == ' ') {
      for (const std::string_view joiner : {std::string_view(" and "), std::string_view(" & ")}) {
        if (text.substr(i, joiner.size()) == joiner) {
          found = std::pair{text.substr(0, i), text.substr(i + joiner.size())};
        }
      }
    }
  }
  return found;
}

}  // namespace

bool looks_like_name(const grammar::Grammar& grammar, std::string_view text) {
  const auto words = words_of(util::trim(text));
  std::size_t names = 0;
  for (const auto word : words) {
    if (grammar.matches("attendance.title", word)) {
      continue;
    }
    if (!capitalised(word) || word.find_first_of(".:;0123456789") != std::string_view::npos) {
      return false;
    }
    ++names;
  }
  return names >= 2 && names <= 5;
}

std::vector<model::Attendee> split_people(const grammar::Grammar& grammar, std::string_view text) {
  std::vector<model::Attendee> people;
  const auto parts = split_top_level(text, ',');
  // Several comma-separated people on a line only when each part reads as a person;
  // otherwise the line is one person whose role follows a comma.
  if (parts.size() > 1 && !is_role(grammar, parts[1])) {
    std::vector<model::Attendee> each;
    bool all = true;
    for (const auto part : parts) {
      auto person = read_person(grammar, part, false);
      if (person) {
        each.push_back(std::move(*person));
        continue;
      }
      // The last of a list is often joined by "and": "Cllr Owen Price and Cllr Rachel Green".
      const auto pair = split_at_and(part);
      auto first = pair ? read_person(grammar, pair->first, false) : std::nullopt;
      auto second = pair ? read_person(grammar, pair->second, false) : std::nullopt;
      if (!first || !second) {
        all = false;
        break;
      }
      each.push_back(std::move(*first));
      each.push_back(std::move(*second));
    }
    if (all) {
      return each;
    }
  }
  if (auto person = read_person(grammar, text, true)) {
    people.push_back(std::move(*person));
  }
  return people;
}

std::string initials_of(const grammar::Grammar& grammar, std::string_view name) {
  std::string out;
  for (const auto word : words_of(name)) {
    if (grammar.matches("attendance.title", word) || word.empty()) {
      continue;
    }
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(word[0]))));
    // Double-barrelled names give both initials ("Evans-Riches" -> "ER").
    for (std::size_t i = 1; i + 1 < word.size(); ++i) {
      if (word[i] == '-' && std::isupper(static_cast<unsigned char>(word[i + 1])) != 0) {
        out.push_back(word[i + 1]);
      }
    }
  }
  return out;
}

}  // namespace bpack::extract
