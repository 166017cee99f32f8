#pragma once

// Text from packs and file names made safe to show on a terminal. A pack or a file name can
// hold bytes a terminal acts on instead of showing them: ESC and the other C0 controls
// (moving the cursor, clearing the screen, setting the window title), their C1 forms
// (U+0080-U+009F), and the bidirectional overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) that show text in an order other than the bytes'. Every table, progress
// line and message bpack prints passes through here: those characters are written as
// escapes (\x1b, \u009b, \u202e), and bytes that are not UTF-8 as \xNN. Tab and line feed
// are kept. JSON writes the same characters as \u escapes (json.hpp), so its data stays
// exact; CSV keeps them as they are, quoted (csv.hpp).

#include <string>
#include <string_view>

namespace bpack::output {

std::string terminal_safe(std::string_view text);
void append_terminal_safe(std::string& out, std::string_view text);

// Whether the code point is one a terminal acts on (C0 other than tab and line feed, DEL,
// C1) or a bidirectional override or isolate.
bool is_unsafe_code_point(char32_t code);

}  // namespace bpack::output
