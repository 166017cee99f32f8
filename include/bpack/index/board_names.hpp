#pragma once

// One board under many names. Packs name their board in several ways: "Planning Committee",
// "WESTSHIRE DISTRICT COUNCIL PLANNING COMMITTEE", "...PLANNING COMMITTEE, Council Chamber,
// Civic Centre, Westbury"; "BLMK ICS Partnership Board" and "Partnership Board for
// Bedfordshire, Luton and Milton Keynes". These functions read a name into comparable words
// and say whether two names can be the same board. Which board a new name joins is decided
// by the index (boards.hpp), which keeps every name it has met as an alias.

#include <string>
#include <string_view>
#include <vector>

namespace bpack::index {

struct BoardName {
  // The name as written, less a venue or date tail ("…, Council Chamber, Civic Centre",
  // "– 12 March 2024", "held on Wednesday 3rd February").
  std::string display;
  // Lower-case words of the name, organisation first ("Partnership Board for X" reads as
  // "X Partnership Board"), "the" and a "public"/"private" before the body dropped.
  std::vector<std::string> words;
  // Per word: part of an organisation's name, not of the body's (council, nhs, ics, trust,
  // ...; an acronym such as BLMK).
  std::vector<bool> organisation;
  // The words less organisation types (council, district, ics, ...), one space apart: names
  // with the same key are one alias. Empty for a name with no letters or digits.
  std::string key;
};

BoardName parse_board_name(std::string_view name);

enum class BoardMatch {
  none,
  // One name adds an organisation to the other ("Planning Committee" and "Westshire District
  // Council Planning Committee"): the same board unless several organisations' committees
  // could be meant.
  weak,
  // The same body of the same organisation: equal keys, or an organisation written out in
  // one name and as its acronym in the other (BLMK = Bedfordshire, Luton and Milton Keynes).
  strong,
};

BoardMatch match_board_names(const BoardName& a, const BoardName& b);

}  // namespace bpack::index
