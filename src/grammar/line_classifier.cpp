#include "bpack/grammar/line_classifier.hpp"

#include <re2/set.h>

#include <algorithm>
#include <memory>
#include <string>

#include "bpack/grammar/grammar.hpp"
#include "bpack/grammar/prefilter.hpp"
#include "bpack/util/error.hpp"

namespace bpack::grammar {
namespace {

// The rule as a pattern anchored at the start of the text, with the same matches as the rule
// searched anywhere: rules that begin (after any flag groups such as "(?i)") with \A, or with
// ^ outside multi-line mode, already are; any other rule gets a lazy ".*?" in front.
std::string anchored_source(std::string_view source) {
  std::string_view rest = source;
  bool multi_line = false;
  while (rest.size() >= 3 && rest.substr(0, 2) == "(?") {
    const auto close = rest.find(')');
    if (close == std::string_view::npos) {
      break;
    }
    const std::string_view flags = rest.substr(2, close - 2);
    if (flags.find_first_not_of("imsU-") != std::string_view::npos) {
      break;  // a group, not a flag setting
    }
    const auto minus = flags.find('-');
    const std::string_view set = flags.substr(0, minus);
    if (set.find('m') != std::string_view::npos) {
      multi_line = true;
    }
    if (minus != std::string_view::npos && flags.substr(minus).find('m') != std::string_view::npos) {
      multi_line = false;
    }
    rest.remove_prefix(close + 1);
  }
  if (rest.substr(0, 2) == "\\A" || (!rest.empty() && rest.front() == '^' && !multi_line)) {
    return std::string(source);
  }
  return "(?s:.*?)(?:" + std::string(source) + ")";
}

}  // namespace

struct LineClassifier::Impl {
  RE2::Options options() {
    RE2::Options o;
    o.set_log_errors(false);
    // Grammars are small; a generous DFA budget keeps Match() on the fast path for long lines.
    o.set_max_mem(64 << 20);
    return o;
  }
  // Anchored at the start: the DFA stops as soon as no rule can match any more, instead of
  // running to the end of every line. Rules that are not anchored themselves are wrapped
  // (see anchored_source) so that they still match anywhere.
  Impl() : set(options(), RE2::ANCHOR_START) {}
  RE2::Set set;
  std::vector<int> rule_to_name;  // Set index -> name id
  // The same anchored rules as a cheap automaton: most lines match none of them, and it
  // proves that without RE2's per-call set-up.
  std::unique_ptr<Prefilter> filter;
};

LineClassifier::LineClassifier(std::vector<const Rule*> rules) : impl_(std::make_unique<Impl>()) {
  std::vector<std::string> sources;
  for (const Rule* rule : rules) {
    auto found = std::find(names_.begin(), names_.end(), std::string_view(rule->name));
    const int name_id = static_cast<int>(found - names_.begin());
    if (found == names_.end()) {
      names_.push_back(rule->name);
    }
    std::string error;
    sources.push_back(anchored_source(rule->pattern.source()));
    if (impl_->set.Add(sources.back(), &error) < 0) {
      throw Error(rule->file + ":" + std::to_string(rule->line) + ": rule '" + rule->name + "': " + error);
    }
    impl_->rule_to_name.push_back(name_id);
  }
  if (!impl_->set.Compile()) {
    throw Error("grammar: the line rules are too large to compile together");
  }
  impl_->filter = std::make_unique<Prefilter>(std::vector<std::string_view>(sources.begin(), sources.end()),
                                              Prefilter::Mode::anchored);
}

LineClassifier::~LineClassifier() = default;

void LineClassifier::classify(std::string_view line, std::vector<int>& hits) const {
  hits.clear();
  if (impl_->rule_to_name.empty()) {
    return;
  }
  // Most lines match no rule: the automaton proves that for most of them without RE2, and
  // the lines it lets through nearly all match. When some rule is beyond the automaton it
  // lets every line through: asking RE2 "any match?" first is then cheaper than collecting
  // the matches, which makes RE2 allocate per call.
  if (!impl_->filter->may_match(line)) {
    return;
  }
  const re2::StringPiece text(line.data(), line.size());
  if (!impl_->filter->modelled() && !impl_->set.Match(text, nullptr)) {
    return;
  }
  // RE2 fills `hits` with Set indices; they become distinct name ids in place.
  impl_->set.Match(text, &hits);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const int name = impl_->rule_to_name[static_cast<std::size_t>(hits[i])];
    if (std::find(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(kept), name) ==
        hits.begin() + static_cast<std::ptrdiff_t>(kept)) {
      hits[kept++] = name;
    }
  }
  hits.resize(kept);
}

std::uint64_t LineClassifier::mask(std::initializer_list<std::string_view> names) const {
  std::uint64_t bits = 0;
  for (const auto name : names) {
    const int rule = id(name);
    if (rule >= 64) {
      return ~std::uint64_t{0};  // beyond a line's 64 class bits: every line may be one
    }
    if (rule >= 0) {
      bits |= std::uint64_t{1} << rule;
    }
  }
  return bits;
}

int LineClassifier::id(std::string_view name) const {
  const auto found = std::find(names_.begin(), names_.end(), name);
  return found == names_.end() ? -1 : static_cast<int>(found - names_.begin());
}

}  // namespace bpack::grammar
