#pragma once

// Boards as bpack lists them: each with the names packs give it.

#include <vector>

#include "bpack/index/boards.hpp"
#include "bpack/output/view.hpp"

namespace bpack::output {

ListView boards_list(const std::vector<index::BoardRow>& rows);

}  // namespace bpack::output
