#pragma once

// A grammar is the vocabulary of house styles: named RE2 patterns loaded from
// grammars/*.grammar (embedded at build time) or from files given with --grammar. Code asks
// for rules by name. Rules whose names begin with "line." classify every line in one pass
// (an RE2::Set); rules beginning with "head." do the same for a line joined (by line
// breaks) with the next two non-blank lines, so headings that extraction wrapped ("Document" / "summary") are
// seen whole. That is how the segmenter sees a pack.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bpack/grammar/pattern.hpp"

namespace bpack::grammar {

struct Rule {
  std::string name;
  std::string file;  // where the rule was defined, for messages
  int line = 0;
  Pattern pattern;
};

class LineClassifier;
class Prefilter;
struct RuleSpec;

class Grammar {
 public:
  // Limits on what a grammar may hold (the built-in grammar uses a few percent of each). A
  // file past one is an error naming the file and line.
  static constexpr std::size_t kMaxFileBytes = 1024 * 1024;
  static constexpr std::size_t kMaxPatternBytes = 4096;
  static constexpr std::size_t kMaxAlternatives = 256;  // rules of one name (`+=`)
  static constexpr std::size_t kMaxRules = 4096;        // every rule loaded, defaults included

  Grammar();
  ~Grammar();
  Grammar(Grammar&&) noexcept;
  Grammar& operator=(Grammar&&) noexcept;

  // From now on, load() accepts only the rules and capture groups the grammar contract
  // declares (rule_specs.hpp), and asking for an undeclared rule is a contract violation.
  // load_grammar() grammars keep the contract; a bare Grammar takes any name.
  void keep_contract() { keep_contract_ = true; }

  // Adds the rules of one grammar file. A name defined with `=` replaces every rule of that
  // name loaded before (so a user's file overrides the defaults); `+=` adds an alternative.
  // Throws bpack::UsageError naming file:line for a bad rule or pattern, or one that breaks
  // the contract (unknown rule name, unknown or missing capture group).
  void load(std::string_view text, const std::string& file);
  // Compiles the line classifier. Called once after the last load().
  void finish();

  // The alternatives defined for `name`, in order; empty when there are none.
  const std::vector<const Rule*>& rules(std::string_view name) const;
  // False when no alternative of `name` can match in `text`, found without RE2 (true only
  // says one might: use matches() or match() to know).
  bool may_match(std::string_view name, std::string_view text) const;
  // True when any alternative of `name` matches somewhere in `text`.
  bool matches(std::string_view name, std::string_view text) const;
  // The first alternative of `name` that matches, with its captures.
  bool match(std::string_view name, std::string_view text, Captures& captures) const;

  // The rules in force (not replaced by a later file) whose names start with `prefix`, in
  // load order.
  std::vector<const Rule*> live_rules(std::string_view prefix = {}) const;

  const LineClassifier& line_classifier() const { return *line_classifier_; }
  const LineClassifier& head_classifier() const { return *head_classifier_; }
  std::size_t size() const { return rules_.size(); }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
  // Looked up by string_view without building a std::string: rules are asked for per line.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  struct Alternatives {
    std::vector<const Rule*> rules;
    // All of them in one automaton, when there are several: one walk rules most texts out.
    std::unique_ptr<const Prefilter> filter;
    const RuleSpec* spec = nullptr;  // when the grammar keeps the contract
  };
  const Alternatives* find(std::string_view name) const;
  std::unordered_map<std::string, Alternatives, NameHash, std::equal_to<>> by_name_;
  std::unique_ptr<LineClassifier> line_classifier_;
  std::unique_ptr<LineClassifier> head_classifier_;
  bool keep_contract_ = false;
};

// The grammar compiled from the embedded grammars/*.grammar files.
const Grammar& default_grammar();

// Defaults plus the given files layered on top in order; `with_defaults` false starts empty.
// Throws bpack::Error naming the file (and line) that is wrong.
Grammar load_grammar(const std::vector<std::string>& files, bool with_defaults = true);

}  // namespace bpack::grammar
