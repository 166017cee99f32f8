#pragma once

// Every kind of section bpack knows, in one table: its name in the contract (`sections[].kind`,
// `--kind`), the grammar rules that open it and how the segmenter weighs them, and the reader
// that turns its lines into entities. The segmenter, the parser pipeline, the JSON writer and
// the index all read this table. A new kind of section is a row here, its rules in
// grammars/sections.grammar, its reader (one header and source in extract/) and its tests.

#include <optional>
#include <span>
#include <string_view>

#include "bpack/model/pack.hpp"
#include "bpack/segment/cues.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

struct ExtractContext;

// Reads one closed section into the pack (its entities, and clues for later sections).
using SectionReader = void (*)(ExtractContext& ctx, segment::SectionChunk& chunk);

struct SectionKindSpec {
  model::SectionKind kind = model::SectionKind::other;
  std::string_view name;               // the contract's name
  std::span<const segment::Cue> cues;  // what opens it, in order of precedence
  bool body = false;                   // a kind of the pack's body: no agenda after it
  SectionReader read = nullptr;        // nullptr: its text is indexed, nothing is read
};

// The kinds, in the order in which their cues take precedence on a line.
std::span<const SectionKindSpec> section_kinds();
const SectionKindSpec& section_kind(model::SectionKind kind);

std::string_view section_name(model::SectionKind kind);
// The kind a contract name denotes ("action_log"); empty when it names none.
std::optional<model::SectionKind> section_kind_named(std::string_view name);

// The segmenter's cues and policies, built from the table.
const segment::SegmenterRules& segmenter_rules();

}  // namespace bpack::extract
