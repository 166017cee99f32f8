#include "action_match.hpp"

#include <algorithm>
#include <array>

#include "bpack/util/strings.hpp"

namespace bpack::index {
namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80U) != 0;
}
bool is_alnum(char c) {
  return is_letter(c) || (c >= '0' && c <= '9');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Words of `text` (letters and digits; apostrophes dropped), as written.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  const auto finish = [&] {
    if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const bool punctuation = text.substr(i, 2) == "\xE2\x80";  // dashes, quotes, ellipsis
    if (text[i] == '\'' || (punctuation && text.substr(i, 3) == "\xE2\x80\x99")) {
      i += text[i] == '\'' ? 1U : 3U;  // "Chair's" is one word
      continue;
    }
    if (punctuation) {
      finish();
      i += 3;
    } else if (is_alnum(text[i])) {
      word.push_back(text[i++]);
    } else {
      finish();
      ++i;
    }
  }
  finish();
  return words;
}

// Titles before a name: not initials of it.
constexpr std::array<std::string_view, 13> kTitles{"dr",   "cllr", "councillor", "mr",  "mrs",  "ms",  "miss",
                                                   "prof", "sir",  "dame",       "rev", "revd", "lord"};

// Words too common in action texts to tell two actions apart.
constexpr std::array<std::string_view, 40> kCommonWords{
    "the",   "and",    "for",   "with",  "from",  "that", "this",  "these", "those", "will",
    "would", "should", "shall", "been",  "being", "are",  "was",   "were",  "has",   "have",
    "had",   "into",   "onto",  "about", "all",   "any",  "its",   "their", "them",  "they",
    "our",   "out",    "next",  "can",   "could", "also", "which", "who",   "via",   "per"};

std::string stem(std::string word) {
  const auto ends = [&](std::string_view suffix) {
    return word.size() > suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("ies") && word.size() > 4) {
    word.replace(word.size() - 3, 3, "y");
  } else if (ends("ing") && word.size() > 5) {
    word.resize(word.size() - 3);
  } else if (ends("ed") && word.size() > 4) {
    word.resize(word.size() - 2);
  } else if (ends("s") && !ends("ss") && word.size() > 3) {
    word.pop_back();
  }
  if (ends("e") && word.size() > 4) {
    word.pop_back();
  }
  return word;
}

std::vector<std::string_view> split_spaces(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    parts.push_back(text.substr(0, space));
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  }
  return parts;
}

}  // namespace

std::vector<std::string> split_owners(std::string_view owner) {
  std::vector<std::string> names;
  std::string current;
  const auto finish = [&] {
    const std::string_view name = util::trim_punctuation(current);
    if (!name.empty()) {
      names.emplace_back(name);
    }
    current.clear();
  };
  for (std::size_t i = 0; i < owner.size(); ++i) {
    const char c = owner[i];
    if (c == '/' || c == ',' || c == ';' || c == '&' || c == '+') {
      finish();
    } else if ((owner.substr(i, 5) == " and " || owner.substr(i, 5) == " AND ")) {
      finish();
      i += 4;
    } else {
      current.push_back(c);
    }
  }
  finish();
  return names;
}

std::string owner_key(const std::optional<std::string>& owner) {
  if (!owner) {
    return {};
  }
  std::vector<std::string> keys;
  for (const std::string& name : split_owners(*owner)) {
    std::string initials;
    const std::vector<std::string> words = words_of(name);
    const bool written_as_initials =
        words.size() == 1 && words[0].size() >= 2 && words[0].size() <= 4 &&
        std::all_of(words[0].begin(), words[0].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (written_as_initials) {
      initials = util::to_lower_ascii(words[0]);
    } else {
      for (const std::string& word : words) {
        const std::string lowered = util::to_lower_ascii(word);
        if (!std::count(kTitles.begin(), kTitles.end(), lowered) && is_letter(word.front())) {
          initials.push_back(lower(word.front()));
        }
      }
    }
    if (!initials.empty()) {
      keys.push_back(std::move(initials));
    }
  }
  std::sort(keys.begin(), keys.end());
  std::string key;
  for (const auto& k : keys) {
    key += (key.empty() ? "" : "+") + k;
  }
  return key;
}

std::string content_words(const std::optional<std::string>& text) {
  if (!text) {
    return {};
  }
  std::vector<std::string> words;
  for (const std::string& word : words_of(*text)) {
    std::string lowered = util::to_lower_ascii(word);
    if (lowered.size() < 3 || std::count(kCommonWords.begin(), kCommonWords.end(), lowered)) {
      continue;
    }
    words.push_back(stem(std::move(lowered)));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string joined;
  for (const auto& w : words) {
    joined += (joined.empty() ? "" : " ") + w;
  }
  return joined;
}

double word_similarity(std::string_view a, std::string_view b) {
  const std::vector<std::string_view> wa = split_spaces(a);
  const std::vector<std::string_view> wb = split_spaces(b);
  if (wa.empty() || wb.empty()) {
    return 0.0;
  }
  // Both lists are sorted: count the shared words in one pass.
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < wa.size() && j < wb.size();) {
    if (wa[i] == wb[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (wa[i] < wb[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(wa.size() + wb.size());
}

std::optional<double> link_similarity(const LinkSide& action, const LinkSide& row) {
  if (action.owner_key.empty() || action.owner_key != row.owner_key) {
    return std::nullopt;
  }
  if (action.raised && row.raised) {
    const std::string& x = action.raised->size() <= row.raised->size() ? *action.raised : *row.raised;
    const std::string& y = action.raised->size() <= row.raised->size() ? *row.raised : *action.raised;
    if (y.compare(0, x.size(), x) != 0) {
      return std::nullopt;
    }
  }
  const double similarity = word_similarity(action.words, row.words);
  if (similarity < kLinkSimilarity) {
    return std::nullopt;
  }
  return similarity;
}

}  // namespace bpack::index
