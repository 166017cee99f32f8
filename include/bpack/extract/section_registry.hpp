#pragma once

// Every kind of section bpack knows, in one table: the grammar rules that open it and how the
// segmenter weighs them, and the reader that turns its lines into entities. The segmenter and
// the parser pipeline read this table. A new kind of section is a row here, its name in
// model/section_kind.cpp (the index and the renderers name kinds without the parser), its
// rules in grammars/sections.grammar, its reader (one header and source in extract/) and its
// tests.

#include <span>

#include "bpack/model/pack.hpp"
#include "bpack/segment/cues.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

struct ExtractContext;

// Reads one closed section into the pack (its entities, and clues for later sections).
using SectionReader = void (*)(ExtractContext& ctx, segment::SectionChunk& chunk);

struct SectionKindSpec {
  model::SectionKind kind = model::SectionKind::other;
  std::span<const segment::Cue> cues;  // what opens it, in order of precedence
  bool body = false;                   // a kind of the pack's body: no agenda after it
  SectionReader read = nullptr;        // nullptr: its text is indexed, nothing is read
};

// The kinds, in the order in which their cues take precedence on a line.
std::span<const SectionKindSpec> section_kinds();
const SectionKindSpec& section_kind(model::SectionKind kind);

// The segmenter's cues and policies, built from the table.
const segment::SegmenterRules& segmenter_rules();

}  // namespace bpack::extract
