#pragma once

// `bpack explain` output: every line of a pack with its section, the entity it became part
// of and the grammar rules that labelled it, then a summary (sections with their lines,
// entity counts, warnings and the share of lines with text that ended up in an entity or a
// section heading). As text for people, or as JSON Lines for tools.

#include <string>

#include "bpack/model/explanation.hpp"

namespace bpack::output {

// The lines numbered first..last (inclusive), of those the pack has.
struct LineRange {
  model::LineNo first = 1;
  model::LineNo last = 0;  // 0: to the end
};

// One row per line (rules on a row of their own under it), then the summary.
std::string render_explanation(const model::Explanation& explanation, LineRange range = {});

// One object per line ({"line", "page", "section", "heading", "entity", "rules", "used",
// "text"}), then one {"summary": {...}} object.
std::string render_explanation_json(const model::Explanation& explanation, LineRange range = {});

}  // namespace bpack::output
