#pragma once

#include <string>
#include <string_view>

namespace bpack::text {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);
// How many leading bytes are printable ASCII (0x20-0x7E, or DEL): text that needs neither
// decoding nor a check for control bytes. Eight bytes at a time.
std::size_t printable_ascii_prefix(std::string_view bytes);

// Appends `bytes` read as Windows-1252 to `out` as UTF-8: the usual encoding of text that
// is not UTF-8 in packs converted on Windows. The five bytes cp1252 leaves undefined map to
// U+FFFD.
void append_cp1252_as_utf8(std::string_view bytes, std::string& out);

}  // namespace bpack::text
