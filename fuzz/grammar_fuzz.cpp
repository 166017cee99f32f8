// grammar text + pack: a user's --grammar file, layered over the defaults, then a pack
// parsed with it. The input is the grammar, a NUL byte, and the pack. A grammar is either
// refused with bpack::Error naming file:line or used; neither may crash or hang.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/grammar/embedded.hpp"
#include "bpack/grammar/grammar.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string_view grammar_text = input.substr(0, split);
  const std::string_view pack_text = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
  if (bpack::text::looks_like_pdf(pack_text)) {
    return -1;
  }
  bpack::grammar::Grammar grammar;
  try {
    for (const auto& embedded : bpack::grammar::embedded_grammars()) {
      grammar.load(embedded.text, std::string(embedded.name));
    }
    grammar.load(grammar_text, "fuzz.grammar");
    grammar.finish();
  } catch (const bpack::Error&) {
    return 0;  // refused, as `bpack --grammar` would
  }
  bpack::extract::ParseOptions options;
  options.grammar = &grammar;
  try {
    auto source = bpack::text::open_source(std::string(pack_text), "fuzz.txt");
    (void)bpack::extract::parse_pack(*source, options);
  } catch (const bpack::Error&) {
  }
  return 0;
}
