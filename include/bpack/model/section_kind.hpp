#pragma once

// The contract's names of the kinds of section (`sections[].kind`, `--kind`, the index's
// `kind` columns), from the one table of kinds (model/section_kinds.def), so that the index
// and the renderers can name a kind without linking the parser.

#include <optional>
#include <string_view>

#include "bpack/model/pack.hpp"

namespace bpack::model {

std::string_view section_name(SectionKind kind);
// The kind a contract name denotes ("action_log"); empty when it names none.
std::optional<SectionKind> section_kind_named(std::string_view name);

}  // namespace bpack::model
