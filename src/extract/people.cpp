#include "bpack/extract/people.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "bpack/extract/layout.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::extract {
namespace {

using Words = std::vector<std::string_view>;

Words words_of(std::string_view text) {
  Words words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
      ++i;
    }
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') {
      ++i;
    }
    if (i > b) {
      words.push_back(text.substr(b, i - b));
    }
  }
  return words;
}

bool upper(char c) {
  return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool lower(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0;
}

bool all_caps(std::string_view word) {
  bool letters = false;
  for (const char c : word) {
    if (lower(c)) {
      return false;
    }
    letters = letters || upper(c);
  }
  return letters;
}

enum class WordKind { title, plural_title, honour, initial, name, particle, other };

// "R", "R." and "J.P." are initials standing in for given names.
bool is_initial(std::string_view word) {
  if (word.size() == 1) {
    return upper(word[0]);
  }
  if (word.size() == 2 && word[1] == '.') {
    return upper(word[0]);
  }
  return word.size() == 4 && upper(word[0]) && word[1] == '.' && upper(word[2]) && word[3] == '.';
}

// A capitalised word of letters, apostrophes and hyphens: "McKay", "O’Neill", "Lewis-Lavender".
// Non-ASCII leading bytes are accepted as letters.
bool is_name_word(std::string_view word) {
  if (word.size() < 2) {
    return false;
  }
  // "Chair’s": a possessive is no name.
  for (const std::string_view s : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (word.size() > s.size() && word.substr(word.size() - s.size()) == s) {
      return false;
    }
  }
  const auto first = static_cast<unsigned char>(word[0]);
  if (!(upper(word[0]) || first >= 0xC0)) {
    return false;
  }
  bool has_lower = false;
  for (std::size_t i = 1; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) {
      has_lower = true;  // accented letters and typographic apostrophes
      continue;
    }
    if (std::isalpha(c) != 0) {
      has_lower = has_lower || std::islower(c) != 0;
      continue;
    }
    if (c != '\'' && c != '-') {
      return false;
    }
  }
  // All-capital words are organisations, initials or headings ("SCC", "UNRESTRICTED").
  return has_lower;
}

WordKind kind_of(const grammar::Grammar& grammar, std::string_view word) {
  if (grammar.matches("attendance.not_name", word)) {
    return WordKind::other;
  }
  if (grammar.matches("attendance.title", word)) {
    return WordKind::title;
  }
  if (grammar.matches("attendance.plural_title", word)) {
    return WordKind::plural_title;
  }
  if (grammar.matches("attendance.honour", word)) {
    return WordKind::honour;
  }
  if (is_initial(word)) {
    return WordKind::initial;
  }
  if (is_name_word(word)) {
    return WordKind::name;
  }
  if (grammar.matches("attendance.particle", word)) {
    return WordKind::particle;
  }
  return WordKind::other;
}

std::string strip_dots(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if (c != '.') {
      out.push_back(c);
    }
  }
  return out;
}

// The name at the start of `words` from `from`: titles, then given names or initials and a
// surname (particles between), then honours. Returns the index after it, or `from` when no
// name starts there.
struct NameSpan {
  std::size_t begin = 0;  // first word of the name as printed (a title, or a given name)
  std::size_t end = 0;    // after its last word (honours included)
  std::size_t names = 0;  // name words and initials
  bool titled = false;
  bool plural_title = false;
};

NameSpan name_at(const grammar::Grammar& grammar, const Words& words, std::size_t from) {
  NameSpan span;
  span.begin = from;
  std::size_t i = from;
  while (i < words.size()) {
    const WordKind kind = kind_of(grammar, words[i]);
    if (kind == WordKind::plural_title) {
      span.plural_title = true;
      span.begin = i + 1;  // "Councillors" is not part of any one name
    } else if (kind == WordKind::title) {
      span.titled = true;
    } else {
      break;
    }
    ++i;
  }
  std::size_t last_name = i;
  std::size_t names = 0;
  bool surname = false;  // the last word read is a full name word
  while (i < words.size()) {
    const WordKind kind = kind_of(grammar, words[i]);
    if (kind == WordKind::name) {
      ++names;
      surname = true;
      last_name = ++i;
      continue;
    }
    if (kind == WordKind::initial) {
      ++names;
      surname = false;
      ++i;
      continue;
    }
    if (kind == WordKind::particle && names > 0 && i + 1 < words.size() &&
        kind_of(grammar, words[i + 1]) == WordKind::name) {
      ++i;
      continue;
    }
    break;
  }
  if (!surname) {
    return {from, from, 0, false, false};
  }
  span.end = last_name;
  span.names = names;
  while (span.end < words.size() && kind_of(grammar, words[span.end]) == WordKind::honour) {
    ++span.end;
  }
  return span;
}

std::string join_words(const Words& words, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out.append(words[i]);
  }
  return out;
}

// Parts of a list: split at commas, semicolons and "and" / "&" outside brackets, and after a
// closing bracket that a new name follows ("D Richardson (Chair) N Cresswell").
struct Part {
  std::string_view text;
  bool after_and = false;
  bool after_bracket = false;  // split off after a closing bracket ("... (Chair) RM")
};

std::vector<Part> split_parts(std::string_view text) {
  std::vector<Part> parts;
  int depth = 0;
  std::size_t start = 0;
  bool after_and = false;
  bool after_bracket = false;
  const auto push = [&](std::size_t end, std::size_t next, bool and_next, bool bracket_next) {
    const std::string_view part = util::trim(text.substr(start, end - start));
    if (!part.empty()) {
      parts.push_back({part, after_and, after_bracket});
    }
    start = next;
    after_and = and_next;
    after_bracket = bracket_next;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
      if (depth == 0 && i + 2 < text.size() && text[i + 1] == ' ' && upper(text[i + 2])) {
        push(i + 1, i + 2, false, true);
      }
    } else if (depth == 0 && (c == ',' || c == ';')) {
      push(i, i + 1, false, false);
    } else if (depth == 0 && c == ' ') {
      for (const std::string_view joiner : {std::string_view(" and "), std::string_view(" & ")}) {
        if (text.substr(i, joiner.size()) == joiner) {
          push(i, i + joiner.size(), true, false);
          i += joiner.size() - 2;
          break;
        }
      }
    }
  }
  push(text.size(), text.size(), false, false);
  return parts;
}

struct ReadPart {
  std::optional<model::Attendee> person;
  std::string before;  // words before the name that are not a name: a role of the person before
  bool role_from_bracket = false;
};

bool initials_match(const grammar::Grammar& grammar, std::string_view initials, std::string_view name) {
  const std::string all = initials_of(grammar, name);
  if (all == initials) {
    return true;
  }
  // First and last only ("Mary Jane Smith" -> "MS").
  if (all.size() > 2 && initials.size() == 2 && initials[0] == all.front() && initials[1] == all.back()) {
    return true;
  }
  // One letter more, to tell two people apart ("Jon Payne" -> "JPE" beside "John Parry", "JP").
  if (all.empty() || initials.size() != all.size() + 1 || initials[0] != all[0]) {
    return false;
  }
  std::size_t k = 0;
  for (const char c : initials) {
    if (k < all.size() && c == all[k]) {
      ++k;
    }
  }
  return k == all.size();
}

ReadPart read_part(const grammar::Grammar& grammar, std::string_view text) {
  ReadPart out;
  text = util::trim(text);
  // A table row: the name, then across a gutter the person's role or organisation.
  std::string_view gutter_role;
  if (const auto gutter = text.find("   "); gutter != std::string_view::npos) {
    gutter_role = util::trim(text.substr(gutter));
    text = util::trim(text.substr(0, gutter));
  }
  while (!text.empty() && (text.front() == '-' || text.front() == ':' || text.front() == '.')) {
    text = util::trim(text.substr(1));
  }
  // "–" and "—" (UTF-8) before the name.
  while (text.size() >= 3 && (text.substr(0, 3) == "\xE2\x80\x93" || text.substr(0, 3) == "\xE2\x80\x94")) {
    text = util::trim(text.substr(3));
  }
  text = util::trim_punctuation(text);
  if (text.empty() || grammar.matches("attendance.not_person", text)) {
    return out;
  }
  model::Attendee person;
  std::vector<std::string_view> groups;
  std::optional<std::string_view> trailing_initials;
  // Initials printed last: "Dr Rima Makarem (BLMK ICS Chair)  RM".
  if (const auto space = text.find_last_of(' '); space != std::string_view::npos) {
    const std::string_view tail = text.substr(space + 1);
    if (grammar.matches("attendance.initials", tail) && !grammar.matches("attendance.honour", tail) &&
        util::trim(text.substr(0, space)).back() == ')') {
      trailing_initials = tail;
      text = util::trim(text.substr(0, space));
    }
  }
  // Bracketed notes at the end: initials or a role.
  while (!text.empty() && text.back() == ')') {
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = text.size(); i-- > 0;) {
      if (text[i] == ')') {
        ++depth;
      } else if (text[i] == '(' && --depth == 0) {
        open = i;
        break;
      }
    }
    if (open == std::string_view::npos) {
      break;
    }
    groups.insert(groups.begin(), util::trim(text.substr(open + 1, text.size() - open - 2)));
    text = util::trim(text.substr(0, open));
  }
  // A role after a dash: "Claire Cann (CC) – Chair".
  std::string_view dash_role;
  for (const std::string_view dash :
       {std::string_view(" \xE2\x80\x93 "), std::string_view(" \xE2\x80\x94 "), std::string_view(" - ")}) {
    if (const auto at = text.find(dash); at != std::string_view::npos) {
      dash_role = util::trim(text.substr(at + dash.size()));
      text = util::trim(text.substr(0, at));
      // The bracket may stand before the dash.
      while (!text.empty() && text.back() == ')') {
        const auto open = text.rfind('(');
        if (open == std::string_view::npos) {
          break;
        }
        groups.insert(groups.begin(), util::trim(text.substr(open + 1, text.size() - open - 2)));
        text = util::trim(text.substr(0, open));
      }
      break;
    }
  }
  // "Chief Superintendent (Mr. G. Roche)": a role, and the person in brackets with a title.
  if (groups.size() == 1 && dash_role.empty() && !trailing_initials && grammar.matches("attendance.role", text)) {
    const Words inner = words_of(groups.front());
    const NameSpan in = name_at(grammar, inner, 0);
    const Words outer = words_of(text);
    if (in.titled && in.names >= 1 && in.begin == 0 && in.end == inner.size() && !outer.empty() &&
        !grammar.matches("attendance.title", outer.front())) {
      person.name = join_words(inner, 0, inner.size());
      person.role = util::collapse_spaces(util::trim_punctuation(text));
      out.role_from_bracket = true;
      out.person = std::move(person);
      return out;
    }
  }
  const Words words = words_of(text);
  // Where the name starts: after any words that are not a name (a role of the person before,
  // or a role printed before this one, "Clerk J Connelly").
  std::string role_prefix;
  NameSpan span;
  std::size_t start = 0;
  for (; start < words.size(); ++start) {
    const std::string rest = join_words(words, start, words.size());
    grammar::Captures captures;
    if (grammar.match("attendance.role_prefix", rest, captures) && captures.whole().data() == rest.data()) {
      const Words prefix = words_of(captures.whole());
      const NameSpan after = name_at(grammar, words, start + prefix.size());
      if (after.end > after.begin) {
        role_prefix = std::string(util::trim_punctuation(util::trim(captures.whole())));
        span = after;
        break;
      }
    }
    span = name_at(grammar, words, start);
    if (span.end > span.begin) {
      break;
    }
  }
  if (span.end <= span.begin) {
    return out;
  }
  out.before = join_words(words, 0, start);
  const bool has_role_note = !groups.empty() || !dash_role.empty() || !role_prefix.empty();
  if (span.names < 2 && !(span.names == 1 && (span.titled || span.plural_title || has_role_note))) {
    return out;
  }
  std::size_t end = span.end;
  // "Diane Neil mills": a last word printed in lower case still ends the name.
  if (end + 1 == words.size() && span.names >= 2 && lower(words[end][0]) &&
      words[end].find_first_of("0123456789:;") == std::string_view::npos && words[end].size() > 2) {
    ++end;
  } else if (end < words.size() && !grammar.matches("attendance.not_person", join_words(words, end, words.size()))) {
    return out;  // more words after the name: a sentence, not a list entry
  }
  person.name = join_words(words, span.begin, std::min(end, words.size()));
  for (const auto group : groups) {
    if (group.empty()) {
      continue;
    }
    if (!person.initials && grammar.matches("attendance.initials", group) &&
        initials_match(grammar, group, person.name)) {
      person.initials = std::string(group);
      continue;
    }
    if (!person.role) {
      person.role = util::collapse_spaces(group);
      out.role_from_bracket = true;
    }
  }
  if (!dash_role.empty() && !person.role) {
    person.role = util::collapse_spaces(util::trim_punctuation(dash_role));
  }
  if (!role_prefix.empty() && !person.role) {
    person.role = role_prefix;
  }
  if (!gutter_role.empty() && !person.role) {
    person.role = util::collapse_spaces(gutter_role);
  }
  if (trailing_initials) {
    person.initials = std::string(*trailing_initials);
  }
  out.person = std::move(person);
  return out;
}

bool role_like(const grammar::Grammar& grammar, std::string_view part) {
  if (grammar.matches("attendance.role", part)) {
    return true;
  }
  // An organisation's initials ("EDC", "SCC"), or words that are not names.
  const Words words = words_of(part);
  if (words.size() == 1 && all_caps(words[0]) && words[0].size() >= 2) {
    return true;
  }
  return std::any_of(words.begin(), words.end(),
                     [](std::string_view w) { return w.size() > 1 && lower(w[0]) && w != "and" && w != "&"; });
}

}  // namespace

PeopleList read_people(const grammar::Grammar& grammar, std::string_view text) {
  // A table row: a person in a cell, then cells of their initials or their organisation or
  // role; a grid holds several people a row ("Margaret Carey   MC   Catherine Chisholm   CC").
  if (text.find("   ") != std::string_view::npos) {
    const auto cells = layout_cells(text);
    PeopleList row;
    for (const Cell& cell : cells) {
      model::Attendee* last = row.people.empty() ? nullptr : &row.people.back();
      if (last != nullptr && !last->initials && grammar.matches("attendance.initials", cell.text)) {
        last->initials = std::string(cell.text);
        continue;
      }
      // Two cells are a person and their organisation; a second person needs a grid.
      const PeopleList one = read_people(grammar, cell.text);
      if (one.people.size() == 1 && one.rejected == 0 && (last == nullptr || cells.size() > 2) &&
          (last == nullptr || !grammar.matches("attendance.role", one.people.front().name))) {
        row.people.push_back(one.people.front());
        continue;
      }
      if (last != nullptr) {
        last->role =
            last->role ? *last->role + ", " + util::collapse_spaces(cell.text) : util::collapse_spaces(cell.text);
        continue;
      }
      row = {};
      break;
    }
    if (!row.people.empty()) {
      row.parts = cells.size();
      return row;
    }
  }
  PeopleList list;
  std::vector<bool> bracket_role;
  bool last_after_and = false;
  bool last_was_role = false;  // the part before was read as the previous person's role
  // "Councillors Costelloe, Hartigan and Keary": a plural title makes each surname a person.
  const Words all_words = words_of(text);
  const bool plural_titled = !all_words.empty() && kind_of(grammar, all_words.front()) == WordKind::plural_title;
  for (const Part& part : split_parts(text)) {
    ++list.parts;
    model::Attendee* previous = list.people.empty() ? nullptr : &list.people.back();
    const Words words = words_of(part.text);
    // "Mr R C Love, OBE": letters after the name.
    if (previous != nullptr && words.size() == 1 && grammar.matches("attendance.honour", words[0])) {
      previous->name += " " + std::string(words[0]);
      continue;
    }
    // Initials standing after a bracketed role: "... (Chair) RM".
    if (previous != nullptr && !previous->initials && words.size() == 1 &&
        grammar.matches("attendance.initials", words[0]) &&
        (part.after_bracket || initials_match(grammar, words[0], previous->name))) {
      previous->initials = std::string(words[0]);
      continue;
    }
    ReadPart read = read_part(grammar, part.text);
    if (!read.person && plural_titled && words.size() == 1 && kind_of(grammar, words[0]) == WordKind::name) {
      read.person = model::Attendee{};
      read.person->name = std::string(words[0]);
    }
    // "Dr Ravi Patel, Medical Director": role words after a person without a role read like a
    // name; a part whose "name" is role words is that person's role ("EDC Clerk J Connelly"
    // is a role and then a person).
    if (previous != nullptr && !previous->role && !part.after_and && words.size() <= 8 &&
        grammar.matches("attendance.role", part.text) && kind_of(grammar, words.front()) != WordKind::title &&
        part.text.find('(') == std::string_view::npos &&
        (!read.person || grammar.matches("attendance.role", read.person->name))) {
      previous->role = util::collapse_spaces(util::trim_punctuation(part.text));
      last_was_role = true;
      continue;
    }
    if (read.person) {
      if (!read.before.empty() && previous != nullptr && !previous->role && role_like(grammar, read.before)) {
        previous->role = read.before;
      }
      list.people.push_back(std::move(*read.person));
      bracket_role.push_back(read.role_from_bracket);
      last_after_and = part.after_and;
      last_was_role = false;
      continue;
    }
    if (previous != nullptr && role_like(grammar, part.text)) {
      const std::string role = util::collapse_spaces(util::trim_punctuation(part.text));
      if (!previous->role) {
        previous->role = role;
        last_was_role = true;
        continue;
      }
      if (last_was_role) {
        // "Head of Finance and Audit", "HSCIC, C4H interop community board member": the role
        // goes on after "and" or a comma.
        *previous->role += (part.after_and ? " and " : ", ") + role;
        continue;
      }
    }
    ++list.rejected;
  }
  // "Suresh Patel, Lindsay Mallors and Sandra Lofthouse (Audit Commission)": the bracket after
  // the last name of a list where nobody else has a role is the group's affiliation.
  if (list.people.size() >= 2 && last_after_and && bracket_role.back() && list.people.back().role) {
    const bool others_bare =
        std::all_of(list.people.begin(), list.people.end() - 1, [](const model::Attendee& p) { return !p.role; });
    if (others_bare) {
      for (auto& person : list.people) {
        person.role = list.people.back().role;
      }
    }
  }
  return list;
}

bool looks_like_name(const grammar::Grammar& grammar, std::string_view text) {
  const Words words = words_of(util::trim(text));
  if (words.empty()) {
    return false;
  }
  const NameSpan span = name_at(grammar, words, 0);
  return span.end == words.size() && (span.names >= 2 || (span.names == 1 && span.titled));
}

std::string_view leading_name(const grammar::Grammar& grammar, std::string_view text) {
  const Words words = words_of(text);
  const NameSpan span = name_at(grammar, words, 0);
  if (span.end == 0 || span.names == 0) {
    return {};
  }
  const std::string_view last = words[span.end - 1];
  return text.substr(0, static_cast<std::size_t>(last.data() + last.size() - text.data()));
}

std::string initials_of(const grammar::Grammar& grammar, std::string_view name) {
  std::string out;
  for (const auto word : words_of(name)) {
    const WordKind kind = kind_of(grammar, word);
    if (kind == WordKind::title || kind == WordKind::plural_title || kind == WordKind::honour ||
        kind == WordKind::particle || word.empty()) {
      continue;
    }
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(word[0]))));
    // Double-barrelled names give both initials ("Evans-Riches" -> "ER").
    for (std::size_t i = 1; i + 1 < word.size(); ++i) {
      if (word[i] == '-' && upper(word[i + 1])) {
        out.push_back(word[i + 1]);
      }
    }
  }
  return strip_dots(out);
}

bool is_initials_list(const grammar::Grammar& grammar, std::string_view text) {
  text = util::trim(text);
  if (text.empty()) {
    return false;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    // Up to the next "/", "&" or ",": a part is checked before the rest of the line is read.
    std::size_t end = start;
    while (end < text.size() && text[end] != '/' && text[end] != '&' && text[end] != ',') {
      ++end;
    }
    if (!grammar.matches("attendance.initials", util::trim(text.substr(start, end - start)))) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace bpack::extract
