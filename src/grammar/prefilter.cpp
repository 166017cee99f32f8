#include "bpack/grammar/prefilter.hpp"

#include "pattern_syntax.hpp"

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

// The automaton is built in three steps: each RE2 source is read into a small syntax tree
// whose language contains the pattern's (pattern_syntax.cpp), the trees become one byte NFA
// (compile), and the NFA is turned into a DFA lazily, one state at a time, as texts walk it.

// Counted repeats up to this many copies are spelled out; larger ones are widened to
// "at least this many, then any number" (x{0,90} reads as x*).
constexpr int kMaxCopies = 4;
// DFA states kept per automaton; past it a new state counts as a possible match.
constexpr std::size_t kMaxStates = 2048;

// What precedes a position, for ^ and \b: nothing, a word byte, a line break, another byte;
// `any` when nothing reachable asks.
enum class Prev : std::uint8_t { text_start, word, newline, other, any };
constexpr std::size_t kPrevKinds = 4;

Prev prev_of(unsigned char c) {
  if (is_word_byte(c)) {
    return Prev::word;
  }
  return c == '\n' ? Prev::newline : Prev::other;
}

struct Node {
  enum class Kind : std::uint8_t { bytes, split, assertion, match };
  Kind kind = Kind::bytes;
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
      case Ast::Kind::bytes:
      case Ast::Kind::assertion: {
        Node node;
        node.kind = ast.kind == Ast::Kind::bytes ? Node::Kind::bytes : Node::Kind::assertion;
        node.bytes = ast.bytes;
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
    if (const auto ast = read_pattern_syntax(source)) {
      entries.push_back(builder.compile(*ast, match_id));
    } else {
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
