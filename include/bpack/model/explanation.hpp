#pragma once

// What `bpack explain` shows of a pack: for each line of the file, the section it fell in,
// the grammar rules that labelled it (each with the file and line of the alternative that
// matched) and the entity it became part of. Plain data, built by extract/explain and
// rendered by output/explain.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bpack/model/pack.hpp"

namespace bpack::model {

struct RuleHit {
  std::string name;  // "head.minutes"
  std::string file;  // where the alternative that matched is defined: "grammars/sections.grammar"
  int line = 0;
};

enum class EntityKind { meeting, agenda_item, attendee, attendance_list, minute_item, decision, action, paper };

std::string_view to_string(EntityKind kind);

struct EntityRef {
  EntityKind kind = EntityKind::meeting;
  std::size_t index = 0;  // into the pack's list of that kind (attendance_list: its first attendee)
  std::string label;      // "action 46", "attendance #3 (Dr Rima Makarem)", "agenda item 4"
};

struct ExplainedLine {
  LineNo number = 0;
  LineNo page = 1;
  std::string text;
  bool blank = true;
  std::optional<std::size_t> section;  // index into Pack::sections; none between sections
  bool heading = false;                // the line whose heading opened its section
  std::vector<RuleHit> rules;
  std::optional<EntityRef> entity;  // the narrowest entity whose lines hold this one

  // In an entity or a section heading: what the coverage figure counts.
  bool used() const { return heading || entity.has_value(); }
};

struct Explanation {
  Pack pack;
  std::vector<ExplainedLine> lines;  // every line of the file, in order (lines[i].number == i + 1)
  std::size_t text_lines = 0;        // lines that are not blank
  std::size_t used_lines = 0;        // of those, in an entity or a section heading

  // used_lines / text_lines, 0 for a pack without text.
  double coverage() const {
    return text_lines == 0 ? 0.0 : static_cast<double>(used_lines) / static_cast<double>(text_lines);
  }
};

}  // namespace bpack::model
