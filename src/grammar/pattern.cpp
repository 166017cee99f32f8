#include "bpack/grammar/pattern.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "bpack/grammar/prefilter.hpp"
#include "bpack/grammar/rule_specs.hpp"
#include "bpack/util/error.hpp"

namespace bpack::grammar {

std::optional<std::string_view> Captures::get(std::string_view name) const {
  for (const auto& [group, text] : groups_) {
    if (group == name) {
      return text;
    }
  }
  if (spec_ != nullptr && !declares_group(*spec_, name)) {
    contract_violation(fmt::format("rule '{}' has no capture group '{}' in the grammar contract", spec_->name, name));
  }
  return std::nullopt;
}

Pattern::Pattern(std::string_view source) : source_(source) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  re_ = std::make_unique<RE2>(source_, options);
  if (!re_->ok()) {
    throw Error(re_->error());
  }
  group_names_.assign(static_cast<std::size_t>(re_->NumberOfCapturingGroups()) + 1, "");
  // Some RE2 releases accept a name used twice ("(?P<w>a)|(?P<w>b)") but report only the first
  // group under it, so the second would silently capture nothing: refuse it here, the same on
  // every release. Alternatives are written as separate `+=` rules.
  for (const auto& [index, name] : re_->CapturingGroupNames()) {
    if (std::find(group_names_.begin(), group_names_.end(), name) != group_names_.end()) {
      throw Error("duplicate capture group name: " + name);
    }
    group_names_[static_cast<std::size_t>(index)] = name;
  }
  filter_ = std::make_unique<Prefilter>(std::vector<std::string_view>{source_}, Prefilter::Mode::unanchored);
}

std::vector<std::string_view> Pattern::group_names() const {
  std::vector<std::string_view> out;
  for (const auto& name : group_names_) {
    if (!name.empty()) {
      out.push_back(name);
    }
  }
  return out;
}

Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

bool Pattern::may_match(std::string_view text, std::size_t from) const {
  return filter_->may_match(text, from);
}

bool Pattern::search(std::string_view text) const {
  if (!filter_->may_match(text)) {
    return false;
  }
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Pattern::search(std::string_view text, Captures& captures, std::size_t from) const {
  const std::size_t n = group_names_.size();
  // Small fixed buffer: grammar patterns have a handful of groups.
  re2::StringPiece groups[16];
  std::vector<re2::StringPiece> big;
  re2::StringPiece* out = groups;
  if (n > 16) {
    big.resize(n);
    out = big.data();
  }
  if (from > text.size() || !filter_->may_match(text, from) ||
      !re_->Match(re2::StringPiece(text.data(), text.size()), from, text.size(), RE2::UNANCHORED, out,
                  static_cast<int>(n))) {
    return false;
  }
  captures.spec_ = nullptr;
  captures.whole_ = std::string_view(out[0].data(), out[0].size());
  captures.end_ = static_cast<std::size_t>(out[0].data() - text.data()) + out[0].size();
  captures.groups_.clear();
  for (std::size_t i = 1; i < n; ++i) {
    if (!group_names_[i].empty() && out[i].data() != nullptr) {
      captures.groups_.emplace_back(group_names_[i], std::string_view(out[i].data(), out[i].size()));
    }
  }
  return true;
}

}  // namespace bpack::grammar
