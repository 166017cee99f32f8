#include "bpack/grammar/line_classifier.hpp"

#include <re2/set.h>

#include <algorithm>

#include "bpack/grammar/grammar.hpp"
#include "bpack/util/error.hpp"

namespace bpack::grammar {

struct LineClassifier::Impl {
  RE2::Options options() {
    RE2::Options o;
    o.set_log_errors(false);
    // Grammars are small; a generous DFA budget keeps Match() on the fast path for long lines.
    o.set_max_mem(64 << 20);
    return o;
  }
  Impl() : set(options(), RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<int> rule_to_name;  // Set index -> name id
};

LineClassifier::LineClassifier(std::vector<const Rule*> rules) : impl_(std::make_unique<Impl>()) {
  for (const Rule* rule : rules) {
    auto found = std::find(names_.begin(), names_.end(), std::string_view(rule->name));
    const int name_id = static_cast<int>(found - names_.begin());
    if (found == names_.end()) {
      names_.push_back(rule->name);
    }
    std::string error;
    if (impl_->set.Add(rule->pattern.source(), &error) < 0) {
      throw Error(rule->file + ":" + std::to_string(rule->line) + ": rule '" + rule->name + "': " + error);
    }
    impl_->rule_to_name.push_back(name_id);
  }
  if (!impl_->set.Compile()) {
    throw Error("grammar: the line rules are too large to compile together");
  }
}

LineClassifier::~LineClassifier() = default;

void LineClassifier::classify(std::string_view line, std::vector<int>& hits) const {
  hits.clear();
  if (impl_->rule_to_name.empty()) {
    return;
  }
  std::vector<int> matched;
  impl_->set.Match(re2::StringPiece(line.data(), line.size()), &matched);
  for (const int index : matched) {
    const int name = impl_->rule_to_name[static_cast<std::size_t>(index)];
    if (std::find(hits.begin(), hits.end(), name) == hits.end()) {
      hits.push_back(name);
    }
  }
}

int LineClassifier::id(std::string_view name) const {
  const auto found = std::find(names_.begin(), names_.end(), name);
  return found == names_.end() ? -1 : static_cast<int>(found - names_.begin());
}

}  // namespace bpack::grammar
