#include "bpack/grammar/prefilter.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>

namespace bpack::grammar {
namespace {

// The automaton is built in three steps: each RE2 source is parsed into a small syntax tree
// whose language contains the pattern's (parse), the trees become one byte NFA (compile),
// and the NFA is turned into a DFA lazily, one state at a time, as texts walk it.

using ByteSet = std::bitset<256>;

// Counted repeats up to this many copies are spelled out; larger ones are widened to
// "at least this many, then any number" (x{0,90} reads as x*).
constexpr int kMaxCopies = 4;
// DFA states kept per automaton; past it a new state counts as a possible match.
constexpr std::size_t kMaxStates = 2048;

enum class Assert : std::uint8_t { begin_text, begin_line, end_text, end_line, word_boundary, not_word_boundary };

// What precedes a position, for ^ and \b: nothing, a word byte, a line break, another byte;
// `any` when nothing reachable asks.
enum class Prev : std::uint8_t { text_start, word, newline, other, any };
constexpr std::size_t kPrevKinds = 4;

bool is_word_byte(int c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool is_ascii_letter(int c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

Prev prev_of(unsigned char c) {
  if (is_word_byte(c)) {
    return Prev::word;
  }
  return c == '\n' ? Prev::newline : Prev::other;
}

struct Ast {
  enum class Kind : std::uint8_t { empty, bytes, concat, alternate, repeat, assertion };
  Kind kind = Kind::empty;
  ByteSet bytes;
  Assert assertion = Assert::begin_text;
  int min = 0;
  int max = -1;  // no upper bound
  std::vector<Ast> children;
};

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

ByteSet byte_range(int lo, int hi) {
  ByteSet set;
  for (int c = lo; c <= hi; ++c) {
    set.set(static_cast<std::size_t>(c));
  }
  return set;
}

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
  const auto u = static_cast<unsigned>(code);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
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

  // "(?i)", "(?-m)": true when one was read (and applied).
  bool parse_flag_setting(Flags& flags) {
    if (s_.substr(pos_, 2) != "(?") {
      return false;
    }
    Flags set = flags;
    bool negate = false;
    for (std::size_t i = pos_ + 2; i < s_.size(); ++i) {
      switch (s_[i]) {
        case ')':
          flags = set;
          pos_ = i + 1;
          return true;
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
      } else {
        bool negate = false;
        for (bool done = false; !done;) {
          if (at_end()) {
            throw Unmodelled{};
          }
          switch (s_[pos_++]) {
            case ':':
              done = true;
              break;
            case '-':
              negate = true;
              break;
            case 'i':
              inner.fold = !negate;
              break;
            case 'm':
              inner.multi_line = !negate;
              break;
            case 's':
              inner.dot_nl = !negate;
              break;
            case 'U':
              break;
            default:
              throw Unmodelled{};
          }
        }
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

struct Node {
  enum class Kind : std::uint8_t { bytes, split, empty, assertion, match };
  Kind kind = Kind::empty;
  Assert assertion = Assert::begin_text;
  int out = -1;
  int out1 = -1;
  ByteSet bytes;
};

class NfaBuilder {
 public:
  explicit NfaBuilder(std::vector<Node>& nodes) : nodes_(nodes) {}

  int add(Node node) {
    nodes_.push_back(node);
    return static_cast<int>(nodes_.size()) - 1;
  }
  int split(int out, int out1) {
    Node node;
    node.kind = Node::Kind::split;
    node.out = out;
    node.out1 = out1;
    return add(node);
  }

  // The entry of `ast`, continuing at `next` (built back to front).
  int compile(const Ast& ast, int next) {
    switch (ast.kind) {
      case Ast::Kind::empty:
        return next;
      case Ast::Kind::bytes: {
        Node node;
        node.kind = Node::Kind::bytes;
        node.bytes = ast.bytes;
        node.out = next;
        return add(node);
      }
      case Ast::Kind::assertion: {
        Node node;
        node.kind = Node::Kind::assertion;
        node.assertion = ast.assertion;
        node.out = next;
        return add(node);
      }
      case Ast::Kind::concat:
        for (auto it = ast.children.rbegin(); it != ast.children.rend(); ++it) {
          next = compile(*it, next);
        }
        return next;
      case Ast::Kind::alternate: {
        int entry = compile(ast.children.back(), next);
        for (std::size_t i = ast.children.size() - 1; i-- > 0;) {
          const int branch = compile(ast.children[i], next);
          entry = split(branch, entry);
        }
        return entry;
      }
      case Ast::Kind::repeat: {
        const Ast& child = ast.children.front();
        int min = ast.min;
        int max = ast.max;
        if (min > kMaxCopies) {
          min = kMaxCopies;
          max = -1;
        }
        if (max > kMaxCopies) {
          max = -1;
        }
        int entry = next;
        if (max < 0) {
          const int loop = split(-1, next);
          const int body = compile(child, loop);
          nodes_[static_cast<std::size_t>(loop)].out = body;
          entry = loop;
        } else {
          for (int i = min; i < max; ++i) {
            const int body = compile(child, entry);
            entry = split(body, next);
          }
        }
        for (int i = 0; i < min; ++i) {
          entry = compile(child, entry);
        }
        return entry;
      }
    }
    return next;
  }

 private:
  std::vector<Node>& nodes_;
};

}  // namespace

// A DFA state is walked through its table of transitions, one slot per byte class: the slot
// holds the next state's table, or one of these.
using Slot = std::atomic<std::uintptr_t>;
constexpr std::uintptr_t kUnknown = 0;  // not built yet
constexpr std::uintptr_t kDead = 1;     // no pattern can match any more
constexpr std::uintptr_t kMatched = 2;  // a pattern may match

struct Prefilter::Impl {
  struct State {
    std::vector<int> kernel;  // NFA nodes reached, before their empty moves
    Prev prev = Prev::any;
    bool match_at_end = false;
    std::unique_ptr<Slot[]> table;  // a slot per byte class, then one holding this state
  };

  Mode mode = Mode::anchored;
  std::vector<std::string> sources;
  // Built on first use (build()), then only read.
  mutable std::atomic<bool> built{false};
  mutable bool modelled = true;
  mutable std::vector<Node> nodes;
  mutable int start = -1;
  mutable std::array<std::uint8_t, 256> byte_class{};
  mutable std::vector<unsigned char> class_byte;  // one byte of each class

  // The DFA, built as texts need it. Walkers read transitions without the lock; a state is
  // complete before the transition to it is published.
  mutable std::mutex mutex;
  mutable std::map<std::pair<Prev, std::vector<int>>, std::unique_ptr<State>> states;
  mutable std::array<Slot, kPrevKinds> starts{};
  mutable std::vector<unsigned> mark;
  mutable unsigned generation = 0;
  mutable std::vector<int> stack;
  mutable std::vector<int> reached;

  void build() const;

  void build_classes() const {
    // Bytes that every byte set, \b and (?m)$ treat alike share a class.
    std::unordered_set<ByteSet> sets;
    ByteSet word;
    for (int c = 0; c < 256; ++c) {
      word.set(static_cast<std::size_t>(c), is_word_byte(c));
    }
    sets.insert(word);
    sets.insert(byte_range('\n', '\n'));
    for (const Node& node : nodes) {
      if (node.kind == Node::Kind::bytes) {
        sets.insert(node.bytes);
      }
    }
    byte_class.fill(0);
    for (const ByteSet& set : sets) {
      // Splits every class into its bytes inside and outside `set`.
      std::array<int, 512> renumber;
      renumber.fill(-1);
      int classes = 0;
      for (std::size_t c = 0; c < 256; ++c) {
        int& id = renumber[byte_class[c] * 2U + (set[c] ? 1U : 0U)];
        if (id < 0) {
          id = classes++;
        }
        byte_class[c] = static_cast<std::uint8_t>(id);
      }
    }
    class_byte.clear();
    for (std::size_t c = 0; c < 256; ++c) {
      if (byte_class[c] >= class_byte.size()) {
        class_byte.resize(byte_class[c] + 1U);
        class_byte[byte_class[c]] = static_cast<unsigned char>(c);
      }
    }
  }

  static bool holds(Assert assertion, Prev prev, int next) {
    const bool word_before = prev == Prev::word;
    const bool word_after = next >= 0 && is_word_byte(next);
    switch (assertion) {
      case Assert::begin_text:
        return prev == Prev::text_start;
      case Assert::begin_line:
        return prev == Prev::text_start || prev == Prev::newline;
      case Assert::end_text:
        return next < 0;
      case Assert::end_line:
        return next < 0 || next == '\n';
      case Assert::word_boundary:
        return word_before != word_after;
      case Assert::not_word_boundary:
        return word_before == word_after;
    }
    return true;
  }

  // Follows the empty moves from `kernel` at a position where `prev` precedes and `next`
  // follows (-1: the end of the text); byte-consuming nodes go to `reached`. True when a
  // pattern matches there. With `any_assertion`, every assertion is taken to hold.
  bool closure(const std::vector<int>& kernel, Prev prev, int next, bool any_assertion, bool& asks_prev) const {
    if (++generation == 0) {
      std::fill(mark.begin(), mark.end(), 0U);
      generation = 1;
    }
    reached.clear();
    stack.assign(kernel.begin(), kernel.end());
    bool match = false;
    while (!stack.empty()) {
      const int id = stack.back();
      stack.pop_back();
      auto& seen = mark[static_cast<std::size_t>(id)];
      if (seen == generation) {
        continue;
      }
      seen = generation;
      const Node& node = nodes[static_cast<std::size_t>(id)];
      switch (node.kind) {
        case Node::Kind::bytes:
          reached.push_back(id);
          break;
        case Node::Kind::match:
          match = true;
          break;
        case Node::Kind::empty:
          stack.push_back(node.out);
          break;
        case Node::Kind::split:
          stack.push_back(node.out1);
          stack.push_back(node.out);
          break;
        case Node::Kind::assertion:
          if (node.assertion == Assert::begin_text || node.assertion == Assert::begin_line ||
              node.assertion == Assert::word_boundary || node.assertion == Assert::not_word_boundary) {
            asks_prev = true;
          }
          if (any_assertion || holds(node.assertion, prev, next)) {
            stack.push_back(node.out);
          }
          break;
      }
    }
    return match;
  }

  // Whether a match can still be reached from `kernel` over some text. \A never holds once
  // a byte has been read; every other assertion is taken to hold.
  bool can_match(const std::vector<int>& kernel, Prev prev) const {
    std::vector<bool> seen(nodes.size() * 2);
    std::vector<std::pair<int, bool>> todo;
    for (const int id : kernel) {
      todo.emplace_back(id, false);
    }
    while (!todo.empty()) {
      const auto [id, consumed] = todo.back();
      todo.pop_back();
      const std::size_t at = static_cast<std::size_t>(id) * 2 + (consumed ? 1U : 0U);
      if (seen[at]) {
        continue;
      }
      seen[at] = true;
      const Node& node = nodes[static_cast<std::size_t>(id)];
      switch (node.kind) {
        case Node::Kind::match:
          return true;
        case Node::Kind::bytes:
          todo.emplace_back(node.out, true);
          break;
        case Node::Kind::empty:
          todo.emplace_back(node.out, consumed);
          break;
        case Node::Kind::split:
          todo.emplace_back(node.out, consumed);
          todo.emplace_back(node.out1, consumed);
          break;
        case Node::Kind::assertion:
          if (node.assertion != Assert::begin_text || (!consumed && prev == Prev::text_start)) {
            todo.emplace_back(node.out, consumed);
          }
          break;
      }
    }
    return false;
  }

  // The table of the state for `kernel` after `prev`, made if new; or kDead, or kMatched when
  // there is no room for more states. Under the lock.
  std::uintptr_t intern(std::vector<int> kernel, Prev prev) const {
    bool asks_prev = false;
    closure(kernel, Prev::any, -1, true, asks_prev);
    if (!asks_prev) {
      prev = Prev::any;
    }
    auto key = std::pair{prev, std::move(kernel)};
    if (const auto found = states.find(key); found != states.end()) {
      return found->second ? reinterpret_cast<std::uintptr_t>(found->second->table.get()) : kDead;
    }
    if (!can_match(key.second, prev)) {
      states.emplace(std::move(key), nullptr);
      return kDead;
    }
    if (states.size() >= kMaxStates) {
      return kMatched;  // out of room: cannot rule a match out
    }
    auto state = std::make_unique<State>();
    state->kernel = key.second;
    state->prev = prev;
    bool unused = false;
    state->match_at_end = closure(state->kernel, prev, -1, false, unused);
    const std::size_t classes = class_byte.size();
    state->table = std::make_unique<Slot[]>(classes + 1);
    for (std::size_t c = 0; c < classes; ++c) {
      state->table[c].store(kUnknown, std::memory_order_relaxed);
    }
    state->table[classes].store(reinterpret_cast<std::uintptr_t>(state.get()), std::memory_order_relaxed);
    const auto table = reinterpret_cast<std::uintptr_t>(state->table.get());
    states.emplace(std::move(key), std::move(state));
    return table;
  }

  const State& state_of(const Slot* table) const {
    return *reinterpret_cast<const State*>(table[class_byte.size()].load(std::memory_order_relaxed));
  }

  std::uintptr_t start_table(Prev prev) const {
    Slot& slot = starts[static_cast<std::size_t>(prev)];
    if (const std::uintptr_t known = slot.load(std::memory_order_acquire); known != kUnknown) {
      return known;
    }
    const std::lock_guard lock(mutex);
    if (const std::uintptr_t known = slot.load(std::memory_order_relaxed); known != kUnknown) {
      return known;
    }
    const std::uintptr_t table = intern({start}, prev);
    slot.store(table, std::memory_order_release);
    return table;
  }

  std::uintptr_t step(Slot* table, std::size_t cls) const {
    const std::lock_guard lock(mutex);
    Slot& slot = table[cls];
    if (const std::uintptr_t known = slot.load(std::memory_order_relaxed); known != kUnknown) {
      return known;
    }
    const State& from = state_of(table);
    const unsigned char byte = class_byte[cls];
    bool unused = false;
    std::uintptr_t to = kMatched;
    if (!closure(from.kernel, from.prev, byte, false, unused)) {
      std::vector<int> kernel;
      for (const int id : reached) {
        const Node& node = nodes[static_cast<std::size_t>(id)];
        if (node.bytes[byte]) {
          kernel.push_back(node.out);
        }
      }
      if (mode == Mode::unanchored) {
        kernel.push_back(start);
      }
      std::sort(kernel.begin(), kernel.end());
      kernel.erase(std::unique(kernel.begin(), kernel.end()), kernel.end());
      to = kernel.empty() ? kDead : intern(std::move(kernel), prev_of(byte));
    }
    slot.store(to, std::memory_order_release);
    return to;
  }
};

void Prefilter::Impl::build() const {
  const std::lock_guard lock(mutex);
  if (built.load(std::memory_order_relaxed)) {
    return;
  }
  Node match;
  match.kind = Node::Kind::match;
  nodes.push_back(match);
  const int match_id = 0;
  NfaBuilder builder(nodes);
  std::vector<int> entries;
  for (const std::string& source : sources) {
    try {
      const Ast ast = Parser(source).parse();
      entries.push_back(builder.compile(ast, match_id));
    } catch (const Unmodelled&) {
      modelled = false;
      entries.push_back(match_id);  // matches at once: every text passes
    }
  }
  if (entries.empty()) {
    Node never;
    never.kind = Node::Kind::bytes;  // an empty byte set: nothing matches
    never.out = match_id;
    entries.push_back(builder.add(never));
  }
  int entry = entries.back();
  for (std::size_t i = entries.size() - 1; i-- > 0;) {
    entry = builder.split(entries[i], entry);
  }
  start = entry;
  mark.assign(nodes.size(), 0U);
  build_classes();
  built.store(true, std::memory_order_release);
}

Prefilter::Prefilter(const std::vector<std::string_view>& sources, Mode mode) : impl_(std::make_unique<Impl>()) {
  impl_->mode = mode;
  impl_->sources.assign(sources.begin(), sources.end());
}

Prefilter::~Prefilter() = default;

bool Prefilter::modelled() const {
  if (!impl_->built.load(std::memory_order_acquire)) {
    impl_->build();
  }
  return impl_->modelled;
}

bool Prefilter::may_match(std::string_view text, std::size_t from) const {
  const Impl& m = *impl_;
  if (!m.built.load(std::memory_order_acquire)) {
    m.build();  // on first use: many rules are never asked for
  }
  if (from > text.size()) {
    return true;
  }
  const Prev prev = from == 0 ? Prev::text_start : prev_of(static_cast<unsigned char>(text[from - 1]));
  std::uintptr_t next = m.start_table(prev);
  if (next <= kMatched) {
    return next == kMatched;
  }
  // One dependent load per byte: the slot for the byte's class holds the next table.
  Slot* table = reinterpret_cast<Slot*>(next);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = from; i < text.size(); ++i) {
    const std::size_t cls = m.byte_class[p[i]];
    next = table[cls].load(std::memory_order_acquire);
    if (next <= kMatched) {
      if (next == kUnknown) {
        next = m.step(table, cls);
      }
      if (next <= kMatched) {
        return next == kMatched;
      }
    }
    table = reinterpret_cast<Slot*>(next);
  }
  return m.state_of(table).match_at_end;
}

}  // namespace bpack::grammar
