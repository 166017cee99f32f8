#pragma once

// Findings that say a pack was not understood: each points to where the readers probably
// misread it (a heading they saw but could not read under, minutes without a date, a pack
// with no part bpack knows). They go to Pack::warnings, which `bpack parse` prints, `--json`
// lists and `bpack ingest` stores per pack; `bpack explain` shows the lines behind them.

#include <string>

#include "bpack/extract/action_table.hpp"
#include "bpack/extract/context.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

// What only a section's lines show, looked at while they are in hand (after its reader).
void note_section(ExtractContext& ctx, const segment::SectionChunk& chunk);

// What the whole pack shows, once read; also puts the pack's warnings in line order.
void find_warnings(ExtractContext& ctx);

// What a table of actions read under its header row at `line` showed: no rows, or rows whose
// cells do not line up with the header's columns.
void note_table(ExtractContext& ctx, model::LineNo line, const TableReport& report);

// Records one finding.
void warn(ExtractContext& ctx, model::LineNo line, std::string code, std::string message);

}  // namespace bpack::extract
