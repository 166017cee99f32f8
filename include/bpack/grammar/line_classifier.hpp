#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace bpack::grammar {

struct Rule;

// Every "line.*" rule of a grammar in one RE2::Set: one pass over a line tells which rules
// it matches. Rules are numbered; a line's classes are a bit set over those numbers.
class LineClassifier {
 public:
  explicit LineClassifier(std::vector<const Rule*> rules);
  ~LineClassifier();
  LineClassifier(const LineClassifier&) = delete;
  LineClassifier& operator=(const LineClassifier&) = delete;

  // Fills `hits` with the distinct rule names (as ids, see id()) the line matches.
  void classify(std::string_view line, std::vector<int>& hits) const;
  // The id of a "line.*" rule name, or -1 when the grammar has none of that name.
  int id(std::string_view name) const;
  // The bits of a line's classes (see classify) that stand for any of `names`; all bits when
  // one of them is numbered past the 64 a line keeps.
  std::uint64_t mask(std::initializer_list<std::string_view> names) const;
  // The rule name of an id (0 <= id < size()).
  std::string_view name(int id) const { return names_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return names_.size(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string_view> names_;
};

}  // namespace bpack::grammar
