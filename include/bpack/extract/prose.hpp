#pragma once

// Prose as minutes write it: paragraphs that run over line and page breaks (page furniture
// such as running headers, footers and page numbers left out), and the sentences in them,
// each with the line it starts on.

#include <string>
#include <string_view>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

struct Sentence {
  std::string_view text;  // into the paragraph's text
  std::size_t offset = 0;
};

// Sentences of a paragraph: cut after '.', '!' or '?' where the next word starts a sentence
// (a capital, a digit, a bracket or a quote), not after titles and initials ("Dr.", "J.").
std::vector<Sentence> split_sentences(std::string_view text);

// Lines that are page furniture in a section: a page number ("1", "Page 2 of 7"), or a line
// near a page break whose words recur near other page breaks (a running header or footer).
// A running header's first occurrence, at the top of the section, is not furniture.
std::vector<bool> page_furniture(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines);

// A paragraph: lines joined with single spaces, with where each line starts in the text.
struct Paragraph {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> starts;  // (offset in text, line index)
  std::size_t first = 0;                                    // index of its first line
  std::size_t last = 0;                                     // index of its last line
  bool bullet = false;                                      // a bullet point

  // The index of the line holding `offset`.
  std::size_t line_at(std::size_t offset) const;
};

}  // namespace bpack::extract
