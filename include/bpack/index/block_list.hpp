#pragma once

// The full-text blocks of one parsed pack, held until the writer stores them, each with the
// digest that recognises a paragraph met before. Made where the pack is parsed (ingest's
// reading thread), so the hashing is not done on the writing thread.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/model/pack.hpp"

namespace bpack::index {

// What recognises a paragraph (its heading and text) met before: two independent 64-bit
// hashes, so that a false match is vanishingly unlikely for text not crafted to collide with
// both.
struct ParagraphDigest {
  std::uint64_t words = 0;   // eight bytes at a time, MurmurHash3's mixing
  std::uint64_t string = 0;  // the standard library's string hash
  bool operator==(const ParagraphDigest&) const = default;
};
ParagraphDigest paragraph_digest(std::string_view heading, std::string_view text);

// The blocks in order, their text held in one buffer (a pack's paragraphs are many small
// strings: one allocation each would cost more than the copy).
class BlockList {
 public:
  void add(const model::Block& block);
  std::size_t size() const { return entries_.size(); }
  // Views into this list: valid while it lives and is not added to.
  model::Block operator[](std::size_t i) const;
  const ParagraphDigest& digest(std::size_t i) const { return entries_[i].digest; }

 private:
  struct Entry {
    ParagraphDigest digest;
    model::SectionKind kind;
    std::size_t title_offset;
    std::size_t title_size;
    std::size_t text_offset;
    std::size_t text_size;
    model::LineNo line;
    model::LineNo page;
  };
  std::string text_;
  std::vector<Entry> entries_;
};

}  // namespace bpack::index
