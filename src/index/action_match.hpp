#pragma once

// When two action rows without a common ref are one action: a marked action in the minutes
// ("Action: JB to write to the Secretary of State ...") and the row the next action log gives
// it under a new ref. They are linked when their owners agree and their texts share most of
// their words. Private to the index module (action_links.cpp and the owner lists use it).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bpack::index {

// The people an owner field names: "Richard Alsop/ Geraint Thomas", "JB and KW",
// "Julie Ogley, Kate Walker" -> one name each, trimmed.
std::vector<std::string> split_owners(std::string_view owner);

// What identifies an owner across spellings: the initials of each person, titles skipped,
// sorted and joined by '+' ("Jane Brown" and "JB" -> "jb"; "Cllr J. Brown" -> "jb").
// Empty when no owner is stated.
std::string owner_key(const std::optional<std::string>& owner);

// The words that carry an action's meaning: lower case, three letters or more, common words
// dropped, plural and tense endings cut, sorted, one space apart.
std::string content_words(const std::optional<std::string>& text);

// Dice's coefficient of two content_words() lists: 1 for the same words, 0 for none shared.
double word_similarity(std::string_view a, std::string_view b);

// Texts at least this similar (with owners that agree) are one action.
inline constexpr double kLinkSimilarity = 0.5;

// One side of a possible link: what is known of an action row or of an action so far.
struct LinkSide {
  std::string owner_key;
  std::string words;
  std::optional<std::string> raised;  // ISO date (or month) the action was raised
};

// The similarity of `row` to `action` when the two may be linked: owners stated and equal,
// texts similar enough, and raised dates that agree when both are stated (a month agrees
// with its days). Empty when not.
std::optional<double> link_similarity(const LinkSide& action, const LinkSide& row);

}  // namespace bpack::index
