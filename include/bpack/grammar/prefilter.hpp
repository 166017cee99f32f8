#pragma once

// A cheap proof that a text cannot match a pattern, so RE2 need not be asked. Built at run
// time from the same RE2 sources the grammar compiles (so a user's --grammar gets one too):
// the patterns become one byte automaton that accepts every text one of them could match
// and perhaps some that none does (counted repeats it does not spell out, and the case
// folding of non-ASCII letters, are widened). Walking a line is a table lookup per byte,
// without RE2's per-call set-up, and stops as soon as no pattern can go on. A pattern using
// syntax the automaton does not model makes it accept everything, which is always safe.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace bpack::grammar {

class Prefilter {
 public:
  enum class Mode {
    anchored,    // a match must start at the start of the text (RE2::ANCHOR_START)
    unanchored,  // a match may start anywhere (RE2::UNANCHORED)
  };

  // `sources` are valid RE2 patterns (UTF-8), already accepted by RE2.
  Prefilter(const std::vector<std::string_view>& sources, Mode mode);
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // False only when none of the patterns can match in `text` at or after `from`; the text
  // before `from` is context for ^, \b and the like, as in RE2::Match's startpos.
  // Safe to call from several threads at once.
  bool may_match(std::string_view text, std::size_t from = 0) const;

  // False when some pattern used syntax the automaton does not model: it then accepts
  // every text (for tests and diagnostics).
  bool modelled() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bpack::grammar
