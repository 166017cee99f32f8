#pragma once

// The parser's view of the table of section kinds (model/section_kinds.def): for each kind,
// the grammar rules that open it and how the segmenter weighs them, and the reader that turns
// its lines into entities. The segmenter and the parser pipeline read this; the names live
// with the model so that the index and the renderers name kinds without the parser.

#include <span>

#include "bpack/model/pack.hpp"
#include "bpack/segment/cues.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

struct ExtractContext;

// Reads one closed section into the pack (its entities, and clues for later sections).
// Returns how many of its lines it read: lines after those (an attendance list's section
// that goes on with the minutes it heads) are read as a section of the kind's `then`.
using SectionReader = std::size_t (*)(ExtractContext& ctx, segment::SectionChunk& chunk);

struct SectionKindSpec {
  model::SectionKind kind = model::SectionKind::other;
  std::span<const segment::Cue> cues;                   // what opens it, in order of precedence
  bool body = false;                                    // a kind of the pack's body: no agenda after it
  SectionReader read = nullptr;                         // nullptr: its text is indexed, nothing is read
  model::SectionKind then = model::SectionKind::other;  // what lines after the read ones are
};

// The kinds, in the order in which their cues take precedence on a line.
std::span<const SectionKindSpec> section_kinds();
const SectionKindSpec& section_kind(model::SectionKind kind);

// The segmenter's cues and policies, built from the table.
const segment::SegmenterRules& segmenter_rules();

}  // namespace bpack::extract
