#include "bpack/util/strings.hpp"

#include <algorithm>

namespace bpack::util {
namespace {

// A-Z only: the result does not depend on the C library's locale.
char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equal_ci(char a, char b) {
  return lower_ascii(a) == lower_ascii(b);
}

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// U+00A0 (C2 A0) and U+2002..U+200B, U+202F: spaces that PDF extraction leaves behind.
std::size_t unicode_space_length(std::string_view text, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  if (c0 == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  if (c0 == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(text[i + 2]);
    if ((c2 >= 0x82 && c2 <= 0x8B) || c2 == 0xAF) {
      return 3;
    }
  }
  return 0;
}

}  // namespace

bool is_blank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (const std::size_t n = unicode_space_length(text, i); n > 0) {
      i += n;
    } else {
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view text) {
  std::size_t b = 0;
  while (b < text.size()) {
    if (is_space(static_cast<unsigned char>(text[b]))) {
      ++b;
    } else if (const std::size_t n = unicode_space_length(text, b); n > 0) {
      b += n;
    } else {
      break;
    }
  }
  std::size_t e = text.size();
  while (e > b && is_space(static_cast<unsigned char>(text[e - 1]))) {
    --e;
  }
  while (e >= b + 2 && static_cast<unsigned char>(text[e - 2]) == 0xC2 &&
         static_cast<unsigned char>(text[e - 1]) == 0xA0) {
    e -= 2;
    while (e > b && is_space(static_cast<unsigned char>(text[e - 1]))) {
      --e;
    }
  }
  return text.substr(b, e - b);
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = is_space(static_cast<unsigned char>(text[i])) ? 1 : unicode_space_length(text, i);
    if (n > 0) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) {
      out.push_back(' ');
    }
    space = false;
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string join_collapsed(const std::vector<std::string_view>& parts) {
  std::string joined;
  for (const auto part : parts) {
    joined.append(part);
    joined.push_back(' ');
  }
  return collapse_spaces(joined);
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = lower_ascii(c);
  }
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), equal_ci);
}

bool contains_ci(std::string_view text, std::string_view needle) {
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(), equal_ci) != text.end() || needle.empty();
}

std::string_view trim_punctuation(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == '.' || text.back() == ':' || text.back() == ';' || text.back() == ',')) {
    text.remove_suffix(1);
    text = trim(text);
  }
  return text;
}

void append_utf8(char32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

CodePoint decode_utf8(std::string_view text, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  if (c0 < 0x80) {
    return {c0, 1, true};
  }
  std::size_t size = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((c0 & 0xE0U) == 0xC0U) {
    size = 2;
    code = c0 & 0x1FU;
    minimum = 0x80;
  } else if ((c0 & 0xF0U) == 0xE0U) {
    size = 3;
    code = c0 & 0x0FU;
    minimum = 0x800;
  } else if ((c0 & 0xF8U) == 0xF0U) {
    size = 4;
    code = c0 & 0x07U;
    minimum = 0x10000;
  } else {
    return {c0, 1, false};
  }
  if (i + size > text.size()) {
    return {c0, 1, false};
  }
  for (std::size_t k = 1; k < size; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0U) != 0x80U) {
      return {c0, 1, false};
    }
    code = (code << 6U) | (c & 0x3FU);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return {c0, 1, false};
  }
  return {code, size, true};
}

}  // namespace bpack::util
