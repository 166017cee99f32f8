#include "bpack/index/fts_query.hpp"

#include <cstdint>
#include <vector>

namespace bpack::index {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t size = 1;
};

// Decodes one UTF-8 sequence; an invalid byte is taken alone (it can only be a letter of
// some legacy encoding, which the tokenizer treats as part of a word anyway).
CodePoint decode(std::string_view text, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  const auto continuation = [&](std::size_t k) {
    return i + k < text.size() && (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
  };
  const auto bits = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]) & 0x3FU);
  };
  if (c0 < 0x80) {
    return {c0, 1};
  }
  if ((c0 & 0xE0U) == 0xC0U && continuation(1)) {
    return {(static_cast<char32_t>(c0 & 0x1FU) << 6U) | bits(1), 2};
  }
  if ((c0 & 0xF0U) == 0xE0U && continuation(1) && continuation(2)) {
    return {(static_cast<char32_t>(c0 & 0x0FU) << 12U) | (bits(1) << 6U) | bits(2), 3};
  }
  if ((c0 & 0xF8U) == 0xF0U && continuation(1) && continuation(2) && continuation(3)) {
    return {(static_cast<char32_t>(c0 & 0x07U) << 18U) | (bits(1) << 12U) | (bits(2) << 6U) | bits(3), 4};
  }
  return {c0, 1};
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

bool has_word_char(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode(text, i);
    if (is_word_char(cp.value)) {
      return true;
    }
    i += cp.size;
  }
  return false;
}

void append_phrase(std::string& out, std::string_view phrase, bool prefix) {
  if (!has_word_char(phrase)) {
    return;
  }
  if (!out.empty()) {
    out.push_back(' ');
  }
  out.push_back('"');
  for (const char c : phrase) {
    if (c == '"') {
      out.push_back('"');  // FTS5 escapes a quote inside a string by doubling it
    }
    out.push_back(c);
  }
  out.push_back('"');
  if (prefix) {
    out.push_back('*');
  }
}

void append_word(std::string& out, std::string_view word) {
  std::size_t end = word.size();
  while (end > 0 && word[end - 1] == '*') {
    --end;
  }
  append_phrase(out, word.substr(0, end), end < word.size());
}

}  // namespace

std::string plain_fts_query(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  std::size_t word_start = std::string_view::npos;
  const auto end_word = [&](std::size_t at) {
    if (word_start != std::string_view::npos) {
      append_word(out, text.substr(word_start, at - word_start));
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
      append_phrase(out, phrase, prefix);
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
  return out;
}

}  // namespace bpack::index
