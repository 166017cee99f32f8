#pragma once

// Packs as bpack shows them: the list of ingested packs, and the outline of one pack, from
// the index (`bpack show PACK`) or straight from the parser (`bpack parse PACK`).

#include <vector>

#include "bpack/index/pack_queries.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/model/section_kind.hpp"
#include "bpack/output/view.hpp"

namespace bpack::output {

ListView packs_list(const std::vector<index::PackRow>& rows);
DetailView pack_outline_view(const index::PackOutline& outline);
DetailView parsed_pack_view(const model::Pack& pack);

}  // namespace bpack::output
