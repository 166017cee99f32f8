// The prefilter against RE2, as a differential check: for a pattern RE2 accepts and any
// text, the prefilter may say "may match" when RE2 finds no match, never "cannot match"
// when RE2 finds one. The input is the pattern, a NUL byte, and the text; the first byte
// of the text picks the mode and where the search starts.

#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bpack/grammar/pattern.hpp"
#include "bpack/grammar/prefilter.hpp"
#include "bpack/util/error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  if (split == std::string_view::npos || split + 1 >= input.size()) {
    return -1;
  }
  const std::string_view source = input.substr(0, split);
  const auto control = static_cast<unsigned char>(input[split + 1]);
  const std::string_view text = input.substr(split + 2);
  using Mode = bpack::grammar::Prefilter::Mode;
  const Mode mode = (control & 1) != 0 ? Mode::anchored : Mode::unanchored;
  const std::size_t from = text.empty() ? 0 : (control >> 1) % (text.size() + 1);
  try {
    // The pattern as the grammar compiles it (the same RE2 options).
    const bpack::grammar::Pattern pattern(source);
    const bpack::grammar::Prefilter filter({source}, mode);
    const bool re2_match =
        pattern.re2().Match(re2::StringPiece(text.data(), text.size()), from, text.size(),
                            mode == Mode::anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, nullptr, 0);
    if (re2_match && !filter.may_match(text, from)) {
      bpack::fuzz::fail("the prefilter rejected a text RE2 matches: pattern [" + std::string(source) + "]");
    }
    // The pattern's own prefilter (unanchored) answers the same way.
    if (mode == Mode::unanchored && re2_match && !pattern.may_match(text, from)) {
      bpack::fuzz::fail("Pattern::may_match rejected a text RE2 matches: pattern [" + std::string(source) + "]");
    }
  } catch (const bpack::Error&) {
    return -1;  // a pattern RE2 refuses
  }
  return 0;
}
