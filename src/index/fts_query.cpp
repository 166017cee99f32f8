#include "bpack/index/fts_query.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "bpack/util/error.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::index {
namespace {

using util::CodePoint;

CodePoint decode(std::string_view text, std::size_t i) {
  // An invalid byte is taken alone: it can only be a letter of some legacy encoding, which
  // the tokenizer treats as part of a word anyway.
  return util::decode_utf8(text, i);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Straight and typographic double quotes (what word processors and phones type).
bool is_quote(char32_t c) {
  return c == '"' || (c >= 0x201C && c <= 0x201F) || c == 0xAB || c == 0xBB;
}

// Letters and digits of any script count; punctuation and symbols do not.
bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  const bool latin1_symbol = c <= 0xBF || c == 0xD7 || c == 0xF7;
  const bool punctuation_block = c >= 0x2000 && c <= 0x206F;
  return !latin1_symbol && !punctuation_block;
}

// Runs of letters and digits: about the tokens FTS5 makes of the text.
std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode(text, i);
    const bool word = is_word_char(cp.value);
    words += word && !in_word ? 1 : 0;
    in_word = word;
    i += cp.size;
  }
  return words;
}

void check_word_count(std::size_t words) {
  if (words > kMaxQueryWords) {
    throw UsageError(
        fmt::format("search: the query has {} different words; at most {} are searched at once (drop some, or run "
                    "several searches)",
                    words, kMaxQueryWords));
  }
}

// The query's phrases as FTS5 strings, each once: FTS5's time grows with the square of the
// number of phrases, so a word typed twice is searched once and their number is capped.
class QueryBuilder {
 public:
  void add(std::string_view phrase, bool prefix) {
    const std::size_t words = word_count(phrase);
    if (words == 0) {
      return;
    }
    // The tokenizer folds case, so "Board" and "board" are one word.
    if (!seen_.insert(util::to_lower_ascii(phrase) + (prefix ? "*" : "")).second) {
      return;
    }
    words_ += words;
    if (!out_.empty()) {
      out_.push_back(' ');
    }
    out_.push_back('"');
    for (const char c : phrase) {
      if (c == '"') {
        out_.push_back('"');  // FTS5 escapes a quote inside a string by doubling it
      }
      out_.push_back(c);
    }
    out_.push_back('"');
    if (prefix) {
      out_.push_back('*');
    }
  }

  void add_word(std::string_view word) {
    std::size_t end = word.size();
    while (end > 0 && word[end - 1] == '*') {
      --end;
    }
    add(word.substr(0, end), end < word.size());
  }

  std::string finish() {
    check_word_count(words_);
    return std::move(out_);
  }

 private:
  std::string out_;
  std::unordered_set<std::string> seen_;
  std::size_t words_ = 0;
};

}  // namespace

std::string plain_fts_query(std::string_view typed) {
  // Control characters separate words, in phrases too: FTS5 reads a query only up to a NUL
  // byte, so one left inside a quoted string would leave it unterminated.
  std::string spaced(typed);
  for (char& c : spaced) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      c = ' ';
    }
  }
  const std::string_view text = spaced;
  QueryBuilder out;
  std::size_t i = 0;
  std::size_t word_start = std::string_view::npos;
  const auto end_word = [&](std::size_t at) {
    if (word_start != std::string_view::npos) {
      out.add_word(text.substr(word_start, at - word_start));
      word_start = std::string_view::npos;
    }
  };
  while (i < text.size()) {
    const CodePoint cp = decode(text, i);
    if (is_quote(cp.value)) {
      end_word(i);
      // The phrase runs to the next quote of any style (people mix “ and "), or to the end.
      std::size_t j = i + cp.size;
      std::size_t close = text.size();
      std::size_t after = text.size();
      while (j < text.size()) {
        const CodePoint inner = decode(text, j);
        if (is_quote(inner.value)) {
          close = j;
          after = j + inner.size;
          break;
        }
        j += inner.size;
      }
      const std::string_view phrase = text.substr(i + cp.size, close - (i + cp.size));
      const bool prefix = after < text.size() && text[after] == '*';
      out.add(phrase, prefix);
      i = prefix ? after + 1 : after;
      continue;
    }
    if (is_space(cp.value)) {
      end_word(i);
    } else if (word_start == std::string_view::npos) {
      word_start = i;
    }
    i += cp.size;
  }
  end_word(text.size());
  return out.finish();
}

void check_raw_fts_query(std::string_view query) {
  // Words as the plain mode counts them, less FTS5's operators (upper case, as FTS5 wants
  // them), each repeat counted: FTS5 works on every phrase as written.
  std::size_t words = word_count(query);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= query.size(); ++i) {
    const bool letter = i < query.size() && query[i] >= 'A' && query[i] <= 'Z';
    if (letter) {
      continue;
    }
    const std::string_view run = query.substr(start, i - start);
    const bool alone = (start == 0 || !is_word_char(static_cast<unsigned char>(query[start - 1]))) &&
                       (i == query.size() || !is_word_char(static_cast<unsigned char>(query[i])));
    if (alone && (run == "AND" || run == "OR" || run == "NOT" || run == "NEAR")) {
      --words;
    }
    start = i + 1;
  }
  check_word_count(words);
}

}  // namespace bpack::index
