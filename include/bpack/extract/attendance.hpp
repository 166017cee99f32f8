#pragma once

// Attendance lists: people under labels that give their status (Present, Members, Attendees,
// In attendance, Apologies, Absent), as a column of one person a line, as paragraphs
// ("Present: Cllr A (Chair), Cllr B ..."), beside a label in a table's first column, in a
// header table's cells, and in sentences ("Apologies were received from A and B", "X was
// in attendance").

#include <optional>
#include <string_view>
#include <vector>

#include "bpack/extract/context.hpp"

namespace bpack::extract {

// Reads the attendance section: its meeting header (if it has one) and its lists. Returns
// how many lines the lists take: the rest of the section is the minutes they head.
std::size_t read_attendance(ExtractContext& ctx, segment::SectionChunk& chunk);

// Reads lists from lines [begin, end) while they read as lists, for the meeting dated
// `meeting_date`. Returns the index of the first line after them (`begin` when none).
std::size_t read_attendance_lists(ExtractContext& ctx, const std::vector<segment::SegLine>& lines, std::size_t begin,
                                  std::size_t end, const model::Text& meeting_date);

// Reads people on lines [begin, end) as a list under a heading that gave `status` (an item
// "Apologies" whose lines are the names). Returns the index of the first line after them.
std::size_t read_people_under(ExtractContext& ctx, const std::vector<segment::SegLine>& lines, std::size_t begin,
                              std::size_t end, const model::Text& meeting_date, model::AttendanceStatus status);

// The label that starts `text` ("Present:", "IN ATTENDANCE VIRTUALLY:", "Apologies"), with
// the status it gives and what follows it on the line.
struct ListLabel {
  enum class Kind { member, attendees, attendee, apologies, absent, mode };
  Kind kind = Kind::member;
  std::string_view rest;
};
std::optional<ListLabel> list_label(const grammar::Grammar& grammar, std::string_view text);

// The line classes (segment::SegLine::line_hits) of a list's labels: a line without any of
// them starts with no label, found without asking the rules again.
std::uint64_t list_label_classes(const grammar::Grammar& grammar);

// People sent apologies in a sentence ("Apologies were received from A, B and C."): the people,
// or nothing when the sentence is not one.
std::vector<model::Attendee> apologies_in(const grammar::Grammar& grammar, std::string_view sentence);

// A person listed as present and also as sending apologies for the same meeting sent
// apologies: one entry remains, with the role the other entry printed.
void settle_apologies(std::vector<model::Attendee>& people);

}  // namespace bpack::extract
