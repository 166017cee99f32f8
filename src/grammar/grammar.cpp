#include "bpack/grammar/grammar.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "bpack/grammar/embedded.hpp"
#include "bpack/grammar/line_classifier.hpp"
#include "bpack/grammar/prefilter.hpp"
#include "bpack/grammar/rule_specs.hpp"
#include "bpack/util/error.hpp"

namespace bpack::grammar {
namespace {

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) {
    return {};
  }
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool valid_name(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

const std::vector<const Rule*> kNoRules;

// Reads a grammar file: a regular file of at most Grammar::kMaxFileBytes (a directory, a device such
// as /dev/zero or a FIFO is not a grammar, and none is read into memory).
std::string read_grammar_file(const std::string& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    throw Error(fmt::format("{}: cannot open grammar file: {}", file, std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    throw Error(fmt::format("{}: is a directory; --grammar takes a grammar file", file));
  }
  if (!S_ISREG(info.st_mode)) {
    throw Error(fmt::format("{}: not a regular file; --grammar takes a grammar file", file));
  }
  if (static_cast<std::uint64_t>(info.st_size) > Grammar::kMaxFileBytes) {
    throw Error(
        fmt::format("{}: grammar file of {} bytes; the limit is {} bytes", file, info.st_size, Grammar::kMaxFileBytes));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("{}: cannot open grammar file", file));
  }
  // Read at most one byte past the limit: the file may have grown since it was looked at.
  std::string text(Grammar::kMaxFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > Grammar::kMaxFileBytes) {
    throw Error(fmt::format("{}: grammar file larger than {} bytes", file, Grammar::kMaxFileBytes));
  }
  return text;
}

}  // namespace

Grammar::Grammar()
    : line_classifier_(std::make_unique<LineClassifier>(std::vector<const Rule*>{})),
      head_classifier_(std::make_unique<LineClassifier>(std::vector<const Rule*>{})) {}
Grammar::~Grammar() = default;
Grammar::Grammar(Grammar&&) noexcept = default;
Grammar& Grammar::operator=(Grammar&&) noexcept = default;

void Grammar::load(std::string_view text, const std::string& file) {
  int number = 0;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view raw = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      throw UsageError(fmt::format("{}:{}: expected 'name = pattern' or 'name += pattern'", file, number));
    }
    const bool append = eq > 0 && line[eq - 1] == '+';
    const std::string name(trim(line.substr(0, append ? eq - 1 : eq)));
    const std::string_view source = trim(line.substr(eq + 1));
    if (!valid_name(name)) {
      throw UsageError(fmt::format("{}:{}: bad rule name '{}' (use a-z, 0-9, '_' and '.')", file, number, name));
    }
    if (source.empty()) {
      throw UsageError(fmt::format("{}:{}: rule '{}' has an empty pattern", file, number, name));
    }
    // Limits that keep loading and matching fast whatever a grammar file holds: compiling and
    // matching grow with pattern size and with the number of alternatives tried per line.
    if (source.size() > kMaxPatternBytes) {
      throw UsageError(fmt::format("{}:{}: rule '{}': pattern of {} bytes; the limit is {}", file, number, name,
                                   source.size(), kMaxPatternBytes));
    }
    if (const auto known = by_name_.find(name);
        append && known != by_name_.end() && known->second.rules.size() >= kMaxAlternatives) {
      throw UsageError(
          fmt::format("{}:{}: rule '{}': more than {} alternatives", file, number, name, kMaxAlternatives));
    }
    if (rules_.size() >= kMaxRules) {
      throw UsageError(fmt::format("{}:{}: more than {} rules in all", file, number, kMaxRules));
    }
    std::unique_ptr<Rule> rule;
    try {
      rule = std::make_unique<Rule>(Rule{name, file, number, Pattern(source)});
    } catch (const Error& e) {
      throw UsageError(fmt::format("{}:{}: rule '{}': bad pattern: {}", file, number, name, e.what()));
    }
    if (keep_contract_) {
      if (const std::string broken = check_rule(name, rule->pattern.group_names()); !broken.empty()) {
        throw UsageError(fmt::format("{}:{}: {}", file, number, broken));
      }
    }
    Alternatives& alternatives = by_name_[name];
    alternatives.spec = keep_contract_ ? find_rule_spec(name) : nullptr;
    if (!append) {
      alternatives.rules.clear();
    }
    alternatives.rules.push_back(rule.get());
    rules_.push_back(std::move(rule));
  }
}

std::vector<const Rule*> Grammar::live_rules(std::string_view prefix) const {
  std::vector<const Rule*> out;
  for (const auto& rule : rules_) {
    if (rule->name.rfind(prefix, 0) != 0) {
      continue;
    }
    const auto& live = rules(rule->name);
    if (std::find(live.begin(), live.end(), rule.get()) != live.end()) {
      out.push_back(rule.get());
    }
  }
  return out;
}

void Grammar::finish() {
  line_classifier_ = std::make_unique<LineClassifier>(live_rules("line."));
  head_classifier_ = std::make_unique<LineClassifier>(live_rules("head."));
  for (auto& [name, alternatives] : by_name_) {
    alternatives.filter.reset();
    if (alternatives.rules.size() > 1) {
      std::vector<std::string_view> sources;
      for (const Rule* rule : alternatives.rules) {
        sources.push_back(rule->pattern.source());
      }
      alternatives.filter = std::make_unique<const Prefilter>(sources, Prefilter::Mode::unanchored);
    }
  }
}

const Grammar::Alternatives* Grammar::find(std::string_view name) const {
  const auto found = by_name_.find(name);
  if (found == by_name_.end()) {
    // Every rule a grammar holds passed the contract when it was loaded: only a miss can be a
    // name the code should not ask for.
    if (keep_contract_ && find_rule_spec(name) == nullptr) {
      contract_violation(fmt::format("no rule '{}'", name));
    }
    return nullptr;
  }
  return &found->second;
}

const std::vector<const Rule*>& Grammar::rules(std::string_view name) const {
  const Alternatives* alternatives = find(name);
  return alternatives == nullptr ? kNoRules : alternatives->rules;
}

bool Grammar::may_match(std::string_view name, std::string_view text) const {
  const Alternatives* alternatives = find(name);
  if (alternatives == nullptr || alternatives->rules.empty()) {
    return false;
  }
  if (alternatives->filter) {
    return alternatives->filter->may_match(text);
  }
  return alternatives->rules.front()->pattern.may_match(text);
}

bool Grammar::matches(std::string_view name, std::string_view text) const {
  const Alternatives* alternatives = find(name);
  if (alternatives == nullptr || (alternatives->filter && !alternatives->filter->may_match(text))) {
    return false;
  }
  for (const Rule* rule : alternatives->rules) {
    if (rule->pattern.search(text)) {
      return true;
    }
  }
  return false;
}

bool Grammar::match(std::string_view name, std::string_view text, Captures& captures) const {
  const Alternatives* alternatives = find(name);
  if (alternatives == nullptr || (alternatives->filter && !alternatives->filter->may_match(text))) {
    return false;
  }
  for (const Rule* rule : alternatives->rules) {
    if (rule->pattern.search(text, captures)) {
      captures.spec_ = alternatives->spec;
      return true;
    }
  }
  return false;
}

const Grammar& default_grammar() {
  static const Grammar grammar = load_grammar({}, true);
  return grammar;
}

Grammar load_grammar(const std::vector<std::string>& files, bool with_defaults) {
  Grammar grammar;
  grammar.keep_contract();
  if (with_defaults) {
    for (const auto& embedded : embedded_grammars()) {
      grammar.load(embedded.text, "grammars/" + std::string(embedded.name));
    }
  }
  for (const auto& file : files) {
    grammar.load(read_grammar_file(file), file);
  }
  grammar.finish();
  return grammar;
}

}  // namespace bpack::grammar
