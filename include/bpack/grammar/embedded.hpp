#pragma once

#include <string_view>
#include <vector>

namespace bpack::grammar {

struct EmbeddedGrammar {
  std::string_view name;  // file name, e.g. "sections.grammar"
  std::string_view text;
};

// The default grammars, compiled into the binary from grammars/*.grammar (sorted by name).
const std::vector<EmbeddedGrammar>& embedded_grammars();

}  // namespace bpack::grammar
