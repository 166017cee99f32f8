#include "pattern_syntax.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "bpack/util/strings.hpp"

namespace bpack::grammar {
namespace {

bool is_ascii_letter(int c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

Ast bytes_of(const ByteSet& set) {
  Ast ast;
  ast.kind = Ast::Kind::bytes;
  ast.bytes = set;
  return ast;
}

Ast sequence(std::vector<Ast> parts) {
  if (parts.size() == 1) {
    return std::move(parts.front());
  }
  Ast ast;
  ast.kind = Ast::Kind::concat;
  ast.children = std::move(parts);
  return ast;
}

Ast either(std::vector<Ast> alternatives) {
  if (alternatives.size() == 1) {
    return std::move(alternatives.front());
  }
  Ast ast;
  ast.kind = Ast::Kind::alternate;
  ast.children = std::move(alternatives);
  return ast;
}

Ast repeated(Ast child, int min, int max) {
  Ast ast;
  ast.kind = Ast::Kind::repeat;
  ast.min = min;
  ast.max = max;
  ast.children.push_back(std::move(child));
  return ast;
}

Ast assertion_of(Assert assertion) {
  Ast ast;
  ast.kind = Ast::Kind::assertion;
  ast.assertion = assertion;
  return ast;
}

}  // namespace

ByteSet byte_range(int lo, int hi) {
  ByteSet set;
  for (int c = lo; c <= hi; ++c) {
    set.set(static_cast<std::size_t>(c));
  }
  return set;
}

namespace {

// Any one non-ASCII character, widened to one to four bytes of 0x80-0xFF.
Ast any_wide_char() {
  const ByteSet high = byte_range(0x80, 0xFF);
  return sequence({bytes_of(high), repeated(bytes_of(high), 0, 3)});
}

Ast any_char() {
  return either({bytes_of(byte_range(0, 0x7F)), any_wide_char()});
}

Ast utf8_bytes(std::string_view seq) {
  std::vector<Ast> parts;
  for (const char c : seq) {
    ByteSet set;
    set.set(static_cast<unsigned char>(c));
    parts.push_back(bytes_of(set));
  }
  return sequence(std::move(parts));
}

std::string utf8_of(int code) {
  std::string out;
  util::append_utf8(static_cast<char32_t>(code), out);
  return out;
}

struct Unmodelled {};  // syntax the automaton does not model

struct Flags {
  bool fold = false;        // (?i)
  bool multi_line = false;  // (?m)
  bool dot_nl = false;      // (?s)
};

// The members of a bracketed class (or of \d, \s, \w and their negations).
struct ClassSet {
  ByteSet ascii;
  std::vector<int> wide;  // non-ASCII members
  bool any_wide = false;  // every non-ASCII character may be a member

  void add_range(int lo, int hi) {
    if (lo < 0x80) {
      ascii |= byte_range(lo, std::min(hi, 0x7F));
    }
    if (hi >= 0x80) {
      if (lo == hi) {
        wide.push_back(lo);
      } else {
        any_wide = true;
      }
    }
  }
  void add_negated(const ByteSet& set) {
    ascii |= ~set & byte_range(0, 0x7F);
    any_wide = true;
  }

  Ast build(const Flags& flags, bool negated) const {
    ByteSet set = ascii;
    bool every_wide = any_wide;
    if (negated) {
      // RE2 folds before negating: the negation of the folded class is inside this one.
      set = ~set & byte_range(0, 0x7F);
      every_wide = true;
    } else if (flags.fold) {
      for (int c = 'a'; c <= 'z'; ++c) {
        const auto lower = static_cast<std::size_t>(c);
        const auto upper = static_cast<std::size_t>(c - 'a' + 'A');
        if (set[lower] || set[upper]) {
          set.set(lower);
          set.set(upper);
        }
      }
      // k and s fold with KELVIN SIGN and LATIN SMALL LETTER LONG S; other non-ASCII
      // members' partners are not worked out.
      if (set['k'] || set['s'] || !wide.empty()) {
        every_wide = true;
      }
      if (!wide.empty()) {
        for (const char c : std::string_view("kKsS")) {
          set.set(static_cast<unsigned char>(c));
        }
      }
    }
    std::vector<Ast> alternatives;
    if (set.any()) {
      alternatives.push_back(bytes_of(set));
    }
    if (every_wide) {
      alternatives.push_back(any_wide_char());
    } else {
      for (const int code : wide) {
        alternatives.push_back(utf8_bytes(utf8_of(code)));
      }
    }
    if (alternatives.empty()) {
      return bytes_of(ByteSet{});  // matches nothing
    }
    return either(std::move(alternatives));
  }
};

// \d \s \w \D \S \W, as RE2 defines them (ASCII only).
bool perl_class(char e, ClassSet& cls) {
  ByteSet set;
  switch (e) {
    case 'd':
    case 'D':
      set = byte_range('0', '9');
      break;
    case 's':
    case 'S':
      for (const char c : std::string_view("\t\n\f\r ")) {
        set.set(static_cast<unsigned char>(c));
      }
      break;
    case 'w':
    case 'W':
      for (int c = 0; c < 0x80; ++c) {
        set.set(static_cast<std::size_t>(c), is_word_byte(c));
      }
      break;
    default:
      return false;
  }
  if (e >= 'a') {
    cls.ascii |= set;
  } else {
    cls.add_negated(set);
  }
  return true;
}

// The character an escape like \n or \. stands for, or -1.
int escaped_char(char e) {
  switch (e) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    case 'a':
      return '\a';
    default:
      break;
  }
  const auto c = static_cast<unsigned char>(e);
  if (c < 0x80 && !is_word_byte(c)) {
    return c;  // escaped punctuation stands for itself (RE2 refuses \_ and letters it does not know)
  }
  return -1;
}

class Parser {
 public:
  explicit Parser(std::string_view source) : s_(source) {}

  Ast parse() {
    Flags flags;
    Ast ast = parse_alternation(flags);
    if (pos_ != s_.size()) {
      throw Unmodelled{};
    }
    return ast;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }

  // Flags set by "(?i)" last to the end of the enclosing group, across '|'.
  Ast parse_alternation(Flags& flags) {
    std::vector<Ast> alternatives;
    alternatives.push_back(parse_concat(flags));
    while (!at_end() && peek() == '|') {
      ++pos_;
      alternatives.push_back(parse_concat(flags));
    }
    return either(std::move(alternatives));
  }

  Ast parse_concat(Flags& flags) {
    std::vector<Ast> parts;
    while (!at_end() && peek() != '|' && peek() != ')') {
      if (parse_flag_setting(flags)) {
        continue;
      }
      Ast atom = parse_atom(flags);
      parts.push_back(parse_repeats(std::move(atom)));
    }
    if (parts.empty()) {
      return Ast{};
    }
    return sequence(std::move(parts));
  }

  // Flag letters ("i", "-m", "is-U") from `at` up to `end`, applied to `flags`, with `at`
  // left after `end`. False, with both untouched, at any other character or the end.
  bool read_flags(std::size_t& at, char end, Flags& flags) const {
    Flags set = flags;
    bool negate = false;
    for (std::size_t i = at; i < s_.size(); ++i) {
      const char c = s_[i];
      if (c == end) {
        flags = set;
        at = i + 1;
        return true;
      }
      switch (c) {
        case '-':
          negate = true;
          break;
        case 'i':
          set.fold = !negate;
          break;
        case 'm':
          set.multi_line = !negate;
          break;
        case 's':
          set.dot_nl = !negate;
          break;
        case 'U':
          break;  // greediness does not change which texts match
        default:
          return false;
      }
    }
    return false;
  }

  // "(?i)", "(?-m)": true when one was read (and applied).
  bool parse_flag_setting(Flags& flags) {
    if (s_.substr(pos_, 2) != "(?") {
      return false;
    }
    std::size_t at = pos_ + 2;
    if (!read_flags(at, ')', flags)) {
      return false;
    }
    pos_ = at;
    return true;
  }

  Ast parse_atom(const Flags& flags) {
    const char c = peek();
    switch (c) {
      case '(':
        return parse_group(flags);
      case '[':
        return parse_class(flags);
      case '.': {
        ++pos_;
        ByteSet set = byte_range(0, 0x7F);
        if (!flags.dot_nl) {
          set.reset('\n');
        }
        return either({bytes_of(set), any_wide_char()});
      }
      case '^':
        ++pos_;
        return assertion_of(flags.multi_line ? Assert::begin_line : Assert::begin_text);
      case '$':
        ++pos_;
        return assertion_of(flags.multi_line ? Assert::end_line : Assert::end_text);
      case '\\':
        return parse_escape(flags);
      case '*':
      case '+':
      case '?':
        throw Unmodelled{};
      default:
        break;
    }
    int min = 0;
    int max = 0;
    if (c == '{' && counted_repeat(pos_, min, max) != 0) {
      throw Unmodelled{};  // a repeat of nothing
    }
    const int code = read_char();
    return literal(code, flags);
  }

  Ast parse_group(const Flags& flags) {
    ++pos_;  // '('
    Flags inner = flags;
    if (!at_end() && peek() == '?') {
      ++pos_;
      if (s_.substr(pos_, 2) == "P<" || s_.substr(pos_, 1) == "<") {
        const auto close = s_.find('>', pos_);
        if (close == std::string_view::npos) {
          throw Unmodelled{};
        }
        pos_ = close + 1;
      } else if (!read_flags(pos_, ':', inner)) {  // "(?i:...)"
        throw Unmodelled{};
      }
    }
    Ast body = parse_alternation(inner);
    if (at_end() || peek() != ')') {
      throw Unmodelled{};
    }
    ++pos_;
    return body;
  }

  Ast parse_escape(const Flags& flags) {
    if (pos_ + 1 >= s_.size()) {
      throw Unmodelled{};
    }
    const char e = s_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case 'A':
        return assertion_of(Assert::begin_text);
      case 'z':
        return assertion_of(Assert::end_text);
      case 'b':
        return assertion_of(Assert::word_boundary);
      case 'B':
        return assertion_of(Assert::not_word_boundary);
      default:
        break;
    }
    ClassSet cls;
    if (perl_class(e, cls)) {
      return cls.build(flags, false);
    }
    const int code = escaped_char(e);
    if (code < 0) {
      throw Unmodelled{};
    }
    return literal(code, flags);
  }

  Ast literal(int code, const Flags& flags) const {
    if (code >= 0x80) {
      if (flags.fold) {
        return any_char();  // its case partners are not worked out
      }
      return utf8_bytes(utf8_of(code));
    }
    ByteSet set;
    set.set(static_cast<std::size_t>(code));
    if (!flags.fold || !is_ascii_letter(code)) {
      return bytes_of(set);
    }
    set.set(static_cast<std::size_t>(code ^ 0x20));
    const int lower = code | 0x20;
    if (lower == 'k' || lower == 's') {
      return either({bytes_of(set), any_wide_char()});  // KELVIN SIGN, LONG S
    }
    return bytes_of(set);
  }

  // One UTF-8 character of the pattern, as a code point.
  int read_char() {
    const auto lead = static_cast<unsigned char>(s_[pos_]);
    std::size_t length = 1;
    int code = lead;
    if (lead >= 0xF0) {
      length = 4;
      code = lead & 0x07;
    } else if (lead >= 0xE0) {
      length = 3;
      code = lead & 0x0F;
    } else if (lead >= 0xC0) {
      length = 2;
      code = lead & 0x1F;
    } else if (lead >= 0x80) {
      throw Unmodelled{};
    }
    if (pos_ + length > s_.size()) {
      throw Unmodelled{};
    }
    for (std::size_t i = 1; i < length; ++i) {
      const auto next = static_cast<unsigned char>(s_[pos_ + i]);
      if ((next & 0xC0) != 0x80) {
        throw Unmodelled{};
      }
      code = (code << 6) | (next & 0x3F);
    }
    pos_ += length;
    return code;
  }

  // A character inside brackets: a literal or an escape that stands for one character.
  int class_char() {
    if (at_end()) {
      throw Unmodelled{};
    }
    if (peek() != '\\') {
      return read_char();
    }
    if (pos_ + 1 >= s_.size()) {
      throw Unmodelled{};
    }
    const int code = escaped_char(s_[pos_ + 1]);
    if (code < 0) {
      throw Unmodelled{};
    }
    pos_ += 2;
    return code;
  }

  Ast parse_class(const Flags& flags) {
    ++pos_;  // '['
    bool negated = false;
    if (!at_end() && peek() == '^') {
      negated = true;
      ++pos_;
    }
    ClassSet cls;
    for (bool first = true;; first = false) {
      if (at_end()) {
        throw Unmodelled{};
      }
      if (peek() == ']' && !first) {
        ++pos_;
        break;
      }
      if (s_.substr(pos_, 2) == "[:") {
        throw Unmodelled{};  // POSIX classes
      }
      if (peek() == '\\' && pos_ + 1 < s_.size() && perl_class(s_[pos_ + 1], cls)) {
        pos_ += 2;
        continue;
      }
      const int lo = class_char();
      int hi = lo;
      if (s_.substr(pos_, 1) == "-" && pos_ + 1 < s_.size() && s_[pos_ + 1] != ']') {
        ++pos_;
        hi = class_char();
      }
      if (hi < lo) {
        throw Unmodelled{};
      }
      cls.add_range(lo, hi);
    }
    return cls.build(flags, negated);
  }

  // "{n}", "{n,}", "{n,m}" at `at`: its length, or 0 when '{' is a literal there.
  std::size_t counted_repeat(std::size_t at, int& min, int& max) const {
    std::size_t i = at + 1;
    const auto number = [&](int& value) {
      const std::size_t begin = i;
      value = 0;
      while (i < s_.size() && s_[i] >= '0' && s_[i] <= '9' && i - begin < 5) {
        value = value * 10 + (s_[i] - '0');
        ++i;
      }
      return i > begin;
    };
    if (!number(min)) {
      return 0;
    }
    max = min;
    if (i < s_.size() && s_[i] == ',') {
      ++i;
      if (!number(max)) {
        max = -1;
      }
    }
    if (i >= s_.size() || s_[i] != '}') {
      return 0;
    }
    return i + 1 - at;
  }

  Ast parse_repeats(Ast atom) {
    while (!at_end()) {
      int min = 0;
      int max = -1;
      const char c = peek();
      if (c == '*') {
        ++pos_;
      } else if (c == '+') {
        min = 1;
        ++pos_;
      } else if (c == '?') {
        max = 1;
        ++pos_;
      } else if (const std::size_t length = c == '{' ? counted_repeat(pos_, min, max) : 0; length != 0) {
        pos_ += length;
      } else {
        break;
      }
      if (!at_end() && peek() == '?') {
        ++pos_;  // non-greedy: the same texts match
      }
      atom = repeated(std::move(atom), min, max);
    }
    return atom;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<Ast> read_pattern_syntax(std::string_view source) {
  try {
    return Parser(source).parse();
  } catch (const Unmodelled&) {
    return std::nullopt;
  }
}

}  // namespace bpack::grammar
