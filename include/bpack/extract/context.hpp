#pragma once

// What the readers share while one pack is read: the grammar, the pack being filled, and
// clues one section leaves for the sections after it or for resolve(), which does the work
// that needs the whole pack (dates of meetings stated only indirectly, merging actions,
// paper titles from the agenda).

#include <optional>
#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

// A line kept beyond its section's life (the section's views are gone once it is read).
struct HeldLine {
  std::string text;
  model::LineNo number = 0;
  model::LineNo page = 1;
  bool page_start = false;
};

// What one section tells the sections after it (or resolve()) beyond the pack's entities.
struct PackClues {
  std::string board;                    // the board's name as a heading states it
  std::vector<std::string> plan_dates;  // ISO dates heading a forward plan's columns, in order
  model::LineNo plan_line = 0;
  std::vector<std::string> plan_dates_text;
  std::vector<std::string> minutes_marker_refs;  // refs of "ACTION 71" markers in minutes
  std::size_t minutes_meetings = 0;
  std::vector<std::string> paper_samples;  // each paper's opening text, lower case, for matching
};

struct ExtractContext {
  ExtractContext(const grammar::Grammar& g, model::Pack& p) : grammar(g), pack(p) {}

  const grammar::Grammar& grammar;
  model::Pack& pack;
  PackClues clues{};
  // The last lines of the previous section, from its last page start or blank run: a
  // heading block printed above a section's own heading ("Audit Committee" / "24 September
  // 2009" above "PRESENT:") belongs to the section after it.
  std::vector<HeldLine> previous_tail;
  // The meeting whose record is being read (an index into pack.meetings), so that lists in
  // sections after its header (attendance, then minutes) are dated by it.
  std::optional<std::size_t> recorded_meeting;
};

void resolve(ExtractContext& ctx);

}  // namespace bpack::extract
