#pragma once

// RE2 pattern syntax read into a small tree over bytes whose language contains the
// pattern's: what the prefilter's automaton is built from. Private to the grammar module.
// The tree follows literals, classes, groups, alternation, repeats and the empty-width
// assertions exactly, except where it widens: a non-ASCII character that a negated class,
// `.`, \W and the like may match is any run of one to four bytes of 0x80-0xFF, and under
// (?i) a non-ASCII character, or an ASCII letter that folds with one (k, s), may be any.

#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bpack::grammar {

using ByteSet = std::bitset<256>;

enum class Assert : std::uint8_t { begin_text, begin_line, end_text, end_line, word_boundary, not_word_boundary };

// RE2's \w, ASCII only (it also decides \b).
inline bool is_word_byte(int c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

ByteSet byte_range(int lo, int hi);

struct Ast {
  enum class Kind : std::uint8_t { empty, bytes, concat, alternate, repeat, assertion };
  Kind kind = Kind::empty;
  ByteSet bytes;  // bytes: one byte from this set
  Assert assertion = Assert::begin_text;
  int min = 0;   // repeat: of children.front()
  int max = -1;  // no upper bound
  std::vector<Ast> children;
};

// The tree for a pattern RE2 accepted, or nothing when it uses syntax the tree does not
// model (\p classes, \Q...\E, \x escapes, POSIX classes, ...).
std::optional<Ast> read_pattern_syntax(std::string_view source);

}  // namespace bpack::grammar
