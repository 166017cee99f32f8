#pragma once

// One extractor per section kind. Each reads the lines of one closed section and appends
// what it finds to the pack; cross-section work (dates of meetings, merging actions, owners'
// names from initials, paper titles from the agenda) happens in resolve() once the whole
// pack has been read.

#include <string>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

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
  const grammar::Grammar& grammar;
  model::Pack& pack;
  PackClues clues{};
};

void extract_agenda(ExtractContext& ctx, segment::SectionChunk& chunk);
void extract_attendance(ExtractContext& ctx, const segment::SectionChunk& chunk);
void extract_minutes(ExtractContext& ctx, segment::SectionChunk& chunk);
void extract_action_log(ExtractContext& ctx, segment::SectionChunk& chunk);
void extract_paper(ExtractContext& ctx, segment::SectionChunk& chunk);
void extract_forward_plan(ExtractContext& ctx, segment::SectionChunk& chunk);

// Meeting header (board, date, time, venue) in the first lines of an agenda or minutes
// section; empty optionals where the pack does not state them.
model::Meeting read_meeting_header(const grammar::Grammar& grammar, const segment::SectionChunk& chunk,
                                   model::MeetingRole role);

void resolve(ExtractContext& ctx);

}  // namespace bpack::extract
