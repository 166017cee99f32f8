#pragma once

#include <string>
#include <string_view>

namespace bpack::text {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Appends `bytes` read as Windows-1252 to `out` as UTF-8: the usual encoding of text that
// is not UTF-8 in packs converted on Windows. The five bytes cp1252 leaves undefined map to
// U+FFFD.
void append_cp1252_as_utf8(std::string_view bytes, std::string& out);

}  // namespace bpack::text
