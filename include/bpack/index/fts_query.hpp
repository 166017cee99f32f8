#pragma once

// Turns what a user types into an FTS5 query that cannot be a syntax error. Every word
// becomes a quoted FTS5 string, so punctuation inside it (hyphens, dots, slashes, colons,
// apostrophes) is left to the tokenizer, exactly as the indexed text was: "COVID-19" matches
// the tokens covid, 19 next to each other, and "9.03.22" matches 9, 03, 22. FTS5 operators
// typed in plain words (AND, OR, NOT, NEAR, column:) are searched for as words.

#include <cstddef>
#include <string>
#include <string_view>

namespace bpack::index {

// Plain-words mode:
//   - words separated by white space must all occur (FTS5's implicit AND);
//   - text in double quotes, straight ("...") or curly (“...”), is one phrase;
//   - a word ending in '*' is a prefix search (vacc* matches vaccine, vaccination);
//   - a word with no letters or digits ("-", "--", "&") is ignored;
//   - a word or phrase given twice (in any case) is searched once.
// Returns an empty string when nothing searchable is left. Throws bpack::UsageError when
// the words left (counting those in phrases) are more than kMaxQueryWords.
std::string plain_fts_query(std::string_view text);

// FTS5 takes time that grows with the square of the number of phrases in a query (800
// words: 20 s), and reads each phrase's entries before it can be stopped. No one types 64
// different words to find a paragraph.
constexpr std::size_t kMaxQueryWords = 64;

// For --raw queries (FTS5 syntax, passed as they are): throws bpack::UsageError when they
// hold more than kMaxQueryWords words, operators aside.
void check_raw_fts_query(std::string_view query);

}  // namespace bpack::index
