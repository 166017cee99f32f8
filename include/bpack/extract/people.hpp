#pragma once

// People as packs write them, in lists and in sentences:
//   "Dr Rima Makarem (BLMK ICS Chair) RM"        a column of one person a line
//   "Mr R W Gough (Chairman), Mr N Baker, Mr R C Love, OBE and Mr R J Thomas"
//   "Councillors Angela Caldara and Corinna Edge" (a plural title for each name)
//   "Pam Bullas (PB), Claire Cann (CC) – Chair"   initials and a role after a dash
//   "Jon Miles, Director of Glazewing"             a role after a comma
//   "Alan Armstrong, EDC Clerk J Connelly"         a role before a name
//   "A, B and C (Audit Commission)"                one affiliation for a group
// Names keep their titles (Dr, Cllr) and honours (OBE) as printed.

#include <string>
#include <string_view>
#include <vector>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::extract {

struct PeopleList {
  std::vector<model::Attendee> people;  // status and line left for the caller
  std::size_t parts = 0;                // comma/and-separated parts read
  std::size_t rejected = 0;             // parts that were neither a person nor a role
};

// Reads a list of people (one line, or a paragraph joined with spaces).
PeopleList read_people(const grammar::Grammar& grammar, std::string_view text);

// True when `text` reads as one person's name: capitalised words and initials after an
// optional title, nothing that reads as a sentence.
bool looks_like_name(const grammar::Grammar& grammar, std::string_view text);

// The longest run of name words at the start of `text` (titles included): "Alan Armstrong to
// contact Highways" -> "Alan Armstrong". Empty when `text` does not start with a name.
std::string_view leading_name(const grammar::Grammar& grammar, std::string_view text);

// Initials of a name, titles skipped: "Dr Rima Makarem" -> "RM", "Evans-Riches" -> "ER".
std::string initials_of(const grammar::Grammar& grammar, std::string_view name);

// Initials as packs write owners: "PB", "TE/LG", "JS & AB".
bool is_initials_list(const grammar::Grammar& grammar, std::string_view text);

}  // namespace bpack::extract
