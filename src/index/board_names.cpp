#include "bpack/index/board_names.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "bpack/util/strings.hpp"

namespace bpack::index {
namespace {

// The words these rules need are few and stable across house styles, and they decide which
// names join one board in the index, not what the parser reads: they live here, not in a
// grammar.
constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
// Where a meeting is held, when it trails the name after a comma or "at".
constexpr std::array<std::string_view, 21> kVenueWords{
    "chamber", "chambers", "centre",    "center",   "hall",    "room",   "rooms",
    "house",   "offices",  "office",    "building", "library", "teams",  "zoom",
    "online",  "suite",    "boardroom", "theatre",  "webex",   "street", "road"};
// Kinds of organisation: they tell an organisation's name from its body's.
constexpr std::array<std::string_view, 17> kOrganisationTypes{
    "council", "county", "borough", "district",  "city",       "trust",   "nhs",      "foundation", "ics",
    "icb",     "icp",    "ccg",     "authority", "university", "college", "hospital", "hospitals"};
// What a board is: the last word of most names.
constexpr std::array<std::string_view, 17> kBodies{
    "board",     "committee", "subcommittee", "cabinet",  "council",    "forum", "group",  "panel",      "assembly",
    "executive", "governors", "directors",    "trustees", "commission", "court", "senate", "partnership"};

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

struct Token {
  std::string lower;
  std::size_t begin = 0;  // bytes of the original name
  std::size_t end = 0;
  bool upper = false;  // two or more letters, all capitals
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// Bytes of a UTF-8 punctuation mark at `i` that separates words (dashes, quotes, ellipsis,
// no-break space), else 0. Other non-ASCII bytes are letters.
std::size_t unicode_separator(std::string_view text, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  if (c0 == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  if (c0 == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    return 3;
  }
  return 0;
}

bool is_apostrophe(std::string_view text, std::size_t i) {
  return text[i] == '\'' || text.substr(i, 3) == "\xE2\x80\x99";
}

// Words of `text` with their places; '&' is the word "and"; "Chair's" is one word.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Token current;
  bool in_word = false;
  std::size_t letters = 0;
  std::size_t capitals = 0;
  const auto finish = [&](std::size_t at) {
    if (in_word) {
      current.end = at;
      current.upper = letters >= 2 && capitals == letters;
      tokens.push_back(std::move(current));
    }
    current = Token{};
    in_word = false;
    letters = capitals = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (is_apostrophe(text, i) && in_word) {
      i += c == '\'' ? 1 : 3;
      continue;
    }
    const std::size_t separator = unicode_separator(text, i);
    const bool word_byte = separator == 0 && (is_digit(c) || is_upper(c) || is_lower(c) || (c & 0x80) != 0);
    if (!word_byte) {
      finish(i);
      if (c == '&') {
        tokens.push_back({"and", i, i + 1, false});
      }
      i += separator > 0 ? separator : 1;
      continue;
    }
    if (!in_word) {
      current.begin = i;
      in_word = true;
    }
    letters += is_upper(c) || is_lower(c) ? 1U : 0U;
    capitals += is_upper(c) ? 1U : 0U;
    current.lower.push_back(is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    ++i;
  }
  finish(text.size());
  return tokens;
}

bool all_digits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), is_digit);
}

bool is_month(std::string_view word) {
  for (const std::string_view month : kMonths) {
    if (word == month || (word.size() == 3 && month.substr(0, 3) == word) || word == "sept") {
      return true;
    }
  }
  return false;
}

bool is_day_number(std::string_view word) {
  std::string_view digits = word;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (digits.size() > 2 && digits.substr(digits.size() - 2) == suffix) {
      digits.remove_suffix(2);
    }
  }
  return all_digits(digits) && digits.size() <= 2;
}

bool is_year(std::string_view word) {
  return all_digits(word) && word.size() == 4 && (word.substr(0, 2) == "19" || word.substr(0, 2) == "20");
}

// Whether a date starts at token i: "Wednesday", "3rd February", "March 2024", "12/03/2024",
// a year.
bool date_starts(const std::vector<Token>& t, std::size_t i) {
  const auto at = [&](std::size_t k) -> std::string_view { return k < t.size() ? t[k].lower : std::string_view(); };
  return is_one_of(kWeekdays, at(i)) || (is_day_number(at(i)) && is_month(at(i + 1))) ||
         (is_month(at(i)) && (is_day_number(at(i + 1)) || is_year(at(i + 1)))) ||
         (all_digits(at(i)) && all_digits(at(i + 1)) && all_digits(at(i + 2))) || is_year(at(i));
}

bool has_venue_word(const std::vector<Token>& t, std::size_t from) {
  for (std::size_t k = from; k < t.size(); ++k) {
    if (is_one_of(kVenueWords, t[k].lower)) {
      return true;
    }
  }
  return false;
}

// The byte where the name proper ends: before a date, or before a venue that follows a comma,
// a dash or "at"/"via"/"in". The first word always stays.
std::size_t name_end(std::string_view text, const std::vector<Token>& t) {
  std::size_t cut = t.size();
  for (std::size_t i = 1; i < t.size() && cut == t.size(); ++i) {
    if (date_starts(t, i)) {
      cut = i;
      while (cut > 1 && (t[cut - 1].lower == "on" || t[cut - 1].lower == "held" || t[cut - 1].lower == "dated" ||
                         t[cut - 1].lower == "meeting")) {
        --cut;
      }
    } else if ((t[i].lower == "at" || t[i].lower == "via" || t[i].lower == "in") && has_venue_word(t, i + 1)) {
      cut = i;
    } else {
      // A separator between the previous word and this one, with a venue after it.
      const std::string_view gap = text.substr(t[i - 1].end, t[i].begin - t[i - 1].end);
      const bool separated = gap.find(',') != std::string_view::npos || gap.find(" - ") != std::string_view::npos ||
                             gap.find('|') != std::string_view::npos ||
                             gap.find("\xE2\x80\x93") != std::string_view::npos ||
                             gap.find("\xE2\x80\x94") != std::string_view::npos;
      if (separated && has_venue_word(t, i)) {
        cut = i;
      }
    }
  }
  return cut == t.size() ? text.size() : t[cut].begin;
}

// Drops trailing separators and spaces left where a tail was cut.
std::string_view trim_separators(std::string_view text) {
  for (;;) {
    text = util::trim(text);
    if (!text.empty() && (text.back() == ',' || text.back() == '-' || text.back() == '|' || text.back() == ':')) {
      text.remove_suffix(1);
    } else if (text.size() >= 3 && unicode_separator(text, text.size() - 3) == 3) {
      text.remove_suffix(3);
    } else {
      return text;
    }
  }
}

bool is_stopword(std::string_view word) {
  return word == "and" || word == "of" || word == "for" || word == "the";
}

// Words less organisation types, with the index in `words` of each.
std::vector<std::size_t> key_positions(const BoardName& name) {
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < name.words.size(); ++i) {
    if (!is_one_of(kOrganisationTypes, name.words[i])) {
      positions.push_back(i);
    }
  }
  if (positions.empty()) {
    for (std::size_t i = 0; i < name.words.size(); ++i) {
      positions.push_back(i);
    }
  }
  return positions;
}

std::string acronym(const std::vector<std::string>& words) {
  std::string letters;
  for (const auto& word : words) {
    letters.push_back(word.front());
  }
  return letters;
}

}  // namespace

BoardName parse_board_name(std::string_view name) {
  BoardName out;
  const std::string_view text = util::trim(name);
  const std::vector<Token> all = tokenize(text);
  if (all.empty()) {
    out.display = std::string(text);
    return out;
  }
  out.display = std::string(trim_separators(text.substr(0, name_end(text, all))));
  // An acronym is told by its capitals only where the rest of the name is not in capitals.
  const bool mixed_case = std::any_of(text.begin(), text.end(), is_lower);
  std::vector<Token> tokens = tokenize(out.display);
  std::vector<std::string> words;
  std::vector<bool> organisation;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    const std::string_view next = i + 1 < tokens.size() ? std::string_view(tokens[i + 1].lower) : std::string_view();
    const std::string_view before = i > 0 ? std::string_view(tokens[i - 1].lower) : std::string_view();
    const bool sitting = (w == "public" || w == "private") &&
                         (next == "board" || next == "meeting" || next == "session" || before == "in");
    if (tokens.size() > 1 &&
        (w == "the" || w == "meeting" || sitting || (w == "in" && (next == "public" || next == "private")))) {
      continue;
    }
    words.push_back(w);
    organisation.push_back(is_one_of(kOrganisationTypes, w) || (mixed_case && tokens[i].upper));
  }
  // "Partnership Board for Bedfordshire, Luton and Milton Keynes": the organisation first, as
  // in "BLMK Partnership Board".
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i] == "for" && is_one_of(kBodies, words[i - 1])) {
      std::vector<std::string> moved(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
      moved.insert(moved.end(), words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i));
      std::vector<bool> flags(words.size() - i - 1, true);
      flags.insert(flags.end(), organisation.begin(), organisation.begin() + static_cast<std::ptrdiff_t>(i));
      words = std::move(moved);
      organisation = std::move(flags);
      break;
    }
  }
  out.words = std::move(words);
  out.organisation = std::move(organisation);
  for (const std::size_t i : key_positions(out)) {
    out.key += (out.key.empty() ? "" : " ") + out.words[i];
  }
  return out;
}

BoardMatch match_board_names(const BoardName& a, const BoardName& b) {
  if (a.key.empty() || b.key.empty()) {
    return BoardMatch::none;
  }
  if (a.key == b.key) {
    return BoardMatch::strong;
  }
  const std::vector<std::size_t> ka = key_positions(a);
  const std::vector<std::size_t> kb = key_positions(b);
  // The body both names end with ("planning committee", "partnership board").
  std::size_t common = 0;
  while (common < ka.size() && common < kb.size() &&
         a.words[ka[ka.size() - 1 - common]] == b.words[kb[kb.size() - 1 - common]]) {
    ++common;
  }
  bool has_body = false;
  for (std::size_t k = 0; k < common; ++k) {
    has_body = has_body || is_one_of(kBodies, a.words[ka[ka.size() - 1 - k]]);
  }
  if (!has_body) {
    return BoardMatch::none;
  }
  // What each name puts before that body.
  const auto prefix = [](const BoardName& n, const std::vector<std::size_t>& keys, std::size_t body) {
    std::vector<std::string> words;
    for (std::size_t k = 0; k + body < keys.size(); ++k) {
      if (!is_stopword(n.words[keys[k]])) {
        words.push_back(n.words[keys[k]]);
      }
    }
    return words;
  };
  const std::vector<std::string> pa = prefix(a, ka, common);
  const std::vector<std::string> pb = prefix(b, kb, common);
  if (pa == pb) {
    return BoardMatch::strong;
  }
  if (pa.empty() || pb.empty()) {
    // The longer name must add an organisation, not another body ("Partnership Board" is
    // not "Board").
    const BoardName& longer = pa.empty() ? b : a;
    const std::size_t body_start = (pa.empty() ? kb : ka)[(pa.empty() ? kb : ka).size() - common];
    for (std::size_t i = 0; i < body_start; ++i) {
      if (longer.organisation[i]) {
        return BoardMatch::weak;
      }
    }
    return BoardMatch::none;
  }
  if ((pa.size() == 1 && pa.front() == acronym(pb)) || (pb.size() == 1 && pb.front() == acronym(pa))) {
    return BoardMatch::strong;
  }
  return BoardMatch::none;
}

}  // namespace bpack::index
