#include "bpack/index/block_list.hpp"

#include <bit>
#include <cstring>
#include <functional>

namespace bpack::index {
namespace {

// A 64-bit hash of `bytes` eight at a time (MurmurHash3's mixing steps), continuing from
// `h`: the writer's in-memory key for a paragraph, several times faster than the stored
// FNV-1a, which goes byte by byte and is computed only for paragraphs not met before.
std::uint64_t word_hash(std::string_view bytes, std::uint64_t h) {
  constexpr std::uint64_t k1 = 0x87c37b91114253d5ULL;
  constexpr std::uint64_t k2 = 0x4cf5ad432745937fULL;
  const auto mix = [&](std::uint64_t word) {
    word *= k1;
    word = std::rotl(word, 31);
    word *= k2;
    h ^= word;
    h = std::rotl(h, 27) * 5 + 0x52dce729;
  };
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + at, 8);
    mix(word);
  }
  std::uint64_t tail = 0;
  if (at < bytes.size()) {
    std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
  }
  mix(tail ^ (static_cast<std::uint64_t>(bytes.size() - at) << 56));
  h ^= bytes.size();
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

ParagraphDigest paragraph_digest(std::string_view heading, std::string_view text) {
  const std::uint64_t text_hash = std::hash<std::string_view>{}(text);
  const std::uint64_t heading_hash = std::hash<std::string_view>{}(heading);
  return {word_hash(text, word_hash(heading, 0x1f)),
          text_hash ^ (heading_hash + 0x9e3779b97f4a7c15ULL + (text_hash << 6) + (text_hash >> 2))};
}

void BlockList::add(const model::Block& block) {
  Entry entry{paragraph_digest(block.section_title, block.text),
              block.kind,
              0,
              block.section_title.size(),
              0,
              block.text.size(),
              block.line,
              block.page};
  // Blocks of one section share its title: kept once.
  const bool same_title =
      !entries_.empty() &&
      std::string_view(text_).substr(entries_.back().title_offset, entries_.back().title_size) == block.section_title;
  if (same_title) {
    entry.title_offset = entries_.back().title_offset;
  } else {
    entry.title_offset = text_.size();
    text_.append(block.section_title);
  }
  entry.text_offset = text_.size();
  text_.append(block.text);
  entries_.push_back(entry);
}

model::Block BlockList::operator[](std::size_t i) const {
  const Entry& e = entries_[i];
  const std::string_view all(text_);
  return {e.kind, all.substr(e.title_offset, e.title_size), all.substr(e.text_offset, e.text_size), e.line, e.page};
}

}  // namespace bpack::index
