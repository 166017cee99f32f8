#pragma once

// Long output for people: through $PAGER (default `less -FRX`, which prints a short text as
// it is) when stdout is a terminal, straight to stdout otherwise or when $PAGER is empty.

#include <string_view>

namespace bpack::cli {

void page(std::string_view text);

}  // namespace bpack::cli
