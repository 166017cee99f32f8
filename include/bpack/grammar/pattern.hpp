#pragma once

// One named RE2 pattern with named capture groups: compiled once, matched many times.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace re2 {
class RE2;
}

namespace bpack::grammar {

class Prefilter;
struct RuleSpec;

// The groups a match captured, by name; a group that did not take part is absent.
class Captures {
 public:
  // Absent when the group did not take part in the match. Asking a rule's match for a group
  // the grammar contract does not declare for that rule is a bug in the reader (see
  // rule_specs.hpp, set_strict_contract).
  std::optional<std::string_view> get(std::string_view name) const;
  std::string_view whole() const { return whole_; }
  // Offset of the match's end in the subject, for patterns matched in a loop.
  std::size_t end() const { return end_; }

 private:
  friend class Pattern;
  friend class Grammar;
  const RuleSpec* spec_ = nullptr;  // the contract of the rule matched, when a Grammar matched it
  std::string_view whole_;
  std::size_t end_ = 0;
  std::vector<std::pair<std::string_view, std::string_view>> groups_;
};

class Pattern {
 public:
  // Throws bpack::Error with RE2's message (callers add file and line).
  explicit Pattern(std::string_view source);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern& operator=(Pattern&&) noexcept;

  const std::string& source() const { return source_; }
  // The names of the pattern's named capture groups, in order.
  std::vector<std::string_view> group_names() const;
  // False when the pattern cannot match in `text` at or after `from`, found without RE2.
  bool may_match(std::string_view text, std::size_t from = 0) const;
  // Anywhere in `text` (use ^ and $ in the pattern to anchor).
  bool search(std::string_view text) const;
  bool search(std::string_view text, Captures& captures, std::size_t from = 0) const;
  const re2::RE2& re2() const { return *re_; }

 private:
  std::string source_;
  std::unique_ptr<re2::RE2> re_;
  // Rules out most texts the pattern cannot match before RE2 is asked.
  std::unique_ptr<Prefilter> filter_;
  std::vector<std::string> group_names_;  // index = capture group number; "" when unnamed
};

}  // namespace bpack::grammar
