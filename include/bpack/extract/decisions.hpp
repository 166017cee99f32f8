#pragma once

// Decisions in minutes: resolutions marked at the start of a line ("RESOLVED: That ...",
// "AGREED", "NOTED"), split into their numbered points when each point is a resolution of its
// own ("RESOLVED: 1) ... 2) ..."), and sentences in which the meeting itself decides ("The
// Board agreed ...", "It was resolved to ...", "The minutes were agreed as a true record").
// What someone else decided (a person, another meeting) is not a decision of the meeting.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::extract {

model::DecisionKind decision_kind(std::string_view verb);

struct DecisionMarker {
  model::DecisionKind kind = model::DecisionKind::agreed;
  std::string_view word;  // the marker as printed ("RESOLVED", "NOTED")
  std::string_view text;  // what follows it on the line
};

// "RESOLVED: That ...", "Agreed.", "The Board RESOLVED that ...".
std::optional<DecisionMarker> decision_marker(const grammar::Grammar& grammar, std::string_view line);

// The points of a resolution that begins with its first point: "1) A. 2) B." -> {"A.", "B."}.
// A resolution whose points complete a sentence ("agree to: a) ... b) ...") is one point.
std::vector<std::string_view> resolution_points(std::string_view text);

// `later` opens the point after the one `earlier` opens: "ii) ..." after "i) ...", "b)" after
// "a)", "3." after "2.".
bool next_point(std::string_view earlier, std::string_view later);

// The length of the point label ("1. ", "(b) ", "iv) ") that opens `text`, or 0.
std::size_t point_label_size(std::string_view text);

struct SentenceDecision {
  model::DecisionKind kind = model::DecisionKind::agreed;
  std::string_view text;  // the sentence without a run-in label
};

// The decision a sentence of the minutes records, if it records one.
std::optional<SentenceDecision> decision_in_sentence(const grammar::Grammar& grammar, std::string_view sentence);

// The sentence opens with an individual (a name, initials, an officer) as its subject.
bool individual_subject(const grammar::Grammar& grammar, std::string_view sentence);

}  // namespace bpack::extract
