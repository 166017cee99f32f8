#pragma once

// A list as aligned columns for a terminal (ListView::Layout::table).

#include <cstddef>
#include <string>
#include <string_view>

#include "bpack/output/view.hpp"

namespace bpack::output {

// Number of terminal columns the UTF-8 text takes (one per code point).
std::size_t display_width(std::string_view text);

// Aligned columns with a header line; line breaks inside cells become spaces, and what a
// terminal would act on is escaped (terminal_text.hpp). When `width` is not 0, flexible
// columns are shortened so that lines fit in it.
std::string render_table(const ListView& list, std::size_t width = 0);

}  // namespace bpack::output
