#pragma once

// People as packs list them: "Dr Rima Makarem (BLMK ICS Chair) RM", "Jane Doe, Director of
// Finance", "Cllr A (Chair), Cllr B, Cllr C". Names keep their titles (Dr, Cllr).

#include <string>
#include <string_view>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/segment/segmenter.hpp"

namespace bpack::extract {

// One line (or a line joined with its wrapped continuation) of an attendance list: zero,
// one or several people. Status and line are left for the caller.
std::vector<model::Attendee> split_people(const grammar::Grammar& grammar, std::string_view text);

// True when `text` reads as a person's name: one to five capitalised words after an
// optional title, nothing that reads as a sentence.
bool looks_like_name(const grammar::Grammar& grammar, std::string_view text);

// Reads lines [begin, end) as attendance lists (headings set the status); returns how many
// people it added to `out`.
std::size_t read_attendance_lines(const grammar::Grammar& grammar, const std::vector<segment::SegLine>& lines,
                                  std::size_t begin, std::size_t end, std::vector<model::Attendee>& out);

// Initials of a name, titles skipped: "Dr Rima Makarem" -> "RM".
std::string initials_of(const grammar::Grammar& grammar, std::string_view name);

}  // namespace bpack::extract
