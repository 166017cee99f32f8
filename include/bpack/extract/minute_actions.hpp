#pragma once

// Actions in minutes: the tasks a meeting gives someone, in the forms minutes write them:
//   - a marker: "Action: DCLG to share ... (Secretariat).", "Action - JS to ...", "ACTION 71",
//     "Outstanding Action from 25th July meeting: ...";
//   - initials in a right-hand "Action" column beside the sentence they mark;
//   - a resolution that directs a task: "RESOLVED: 1) The Clerk to ...", "That the Clerk
//     contact ...", "That the Fees be placed on the agenda";
//   - a sentence "X to do Y", "X agreed to do Y", "It was agreed for X to do Y".
// The owner is the actor the text names: a bracketed name at its end, else the subject of
// "X to do Y" as printed less a leading "The".

#include <optional>
#include <string>
#include <string_view>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::extract {

struct Task {
  std::string owner;  // empty when the text names no actor
  std::string text;
};

// "X to do Y" and its kin at the start of a sentence, when X is an individual (a person,
// initials, an officer), not the board. `future` also accepts "X will do Y" (in a marked
// action or a resolution, where the text is known to be a task).
std::optional<Task> task_in(const grammar::Grammar& grammar, std::string_view sentence, bool future);

// A point of a resolution that directs a task: "The Clerk to ...", "That the Clerk contact ...",
// "That the Fees be placed on the agenda" (no owner), "... by the Clerk".
std::optional<Task> task_in_resolution(const grammar::Grammar& grammar, std::string_view point);

// An owner in brackets at the end of an action's text: "(Secretariat).", "(Steve Peters,
// Gesche Schmid)". The bracket is cut from `text` when it names the owner only.
std::optional<std::string> bracket_owner(const grammar::Grammar& grammar, std::string& text);

// An action column's entry naming who acts: initials ("TB/AW"), a name ("Cllr. J. Davies"), an
// officer ("Clerk"), or several of them joined by '/', '&' or ','.
bool is_actor_cell(const grammar::Grammar& grammar, std::string_view cell);

// The subject of a task without its article: "The Clerk" -> "Clerk".
std::string owner_of(std::string_view actor);

}  // namespace bpack::extract
