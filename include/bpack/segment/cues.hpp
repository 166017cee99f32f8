#pragma once

// What opens a section: the grammar rules whose hits on a line are cues for a kind of
// section, and how the segmenter weighs each. The table of cues comes from the section
// registry (extract/section_registry), so the segmenter holds the algorithm (where a cue is
// believed) and no list of kinds of its own.

#include <cstdint>
#include <string_view>
#include <vector>

#include "bpack/model/pack.hpp"

namespace bpack::segment {

using model::LineNo;
using model::SectionKind;

// A set of section kinds, as bits.
using KindSet = std::uint32_t;
constexpr KindSet kinds_of(std::initializer_list<SectionKind> kinds) {
  KindSet set = 0;
  for (const auto kind : kinds) {
    set |= KindSet{1} << static_cast<unsigned>(kind);
  }
  return set;
}
constexpr bool in(KindSet set, SectionKind kind) {
  return (set >> static_cast<unsigned>(kind) & 1U) != 0;
}

// How a cue's hit is weighed.
enum class CueWeight : std::uint8_t {
  heading,            // a heading (head.* rule, seen with the two lines after it)
  list_label,         // a list's label: believed when a person follows it on its line or the next
  cover,              // a paper's cover-sheet field: opens a paper outside its own cover
  report_heading,     // "Introduction", "Background": a new paper only on a new page
  appendix,           // an appendix title page
  numbered_appendix,  // "Appendix 4": part of the report before it unless a page starts here
};

// When a cue may open a section of its kind.
struct Cue {
  SectionKind kind = SectionKind::other;
  std::string_view rule;  // a head.* or line.* grammar rule
  CueWeight weight = CueWeight::heading;
  // Kinds of open section that this cue leaves open (its line is part of them).
  KindSet stays_in = 0;
  // Kinds of open section that this cue closes only where a new page starts (a forward plan
  // after an agenda is a document of its own; inside it, "Work Programme" is an agenda line).
  KindSet page_top_in = 0;
  // Only these kinds of open section may be closed by it (0: any).
  KindSet only_in = 0;
  // Before the pack's body (minutes, a log, papers) only: an agenda.
  bool front_only = false;
  // An open section of the same kind younger than this many lines is not cut again.
  LineNo same_kind_gap = 0;
  // A line that is an enumerated item (3., b), (ii)) is never this cue.
  bool not_enumerated = true;
  // A heading of the same kind after the section's first lines (a log's title printed
  // under its table) ends the section at the next line.
  bool title_after_table = false;
};

struct SegmenterRules {
  std::vector<Cue> cues;   // in order of precedence: the first cue a line has wins
  KindSet body_kinds = 0;  // kinds that start the body of a pack (no agenda after them)
};

}  // namespace bpack::segment
