#pragma once

// Actions as bpack shows them: the list of their latest states, and one action's history.

#include <vector>

#include "bpack/index/action_queries.hpp"
#include "bpack/index/change_queries.hpp"
#include "bpack/output/view.hpp"

namespace bpack::output {

ListView actions_list(const std::vector<index::ActionRow>& rows);
DetailView action_detail(const index::ActionHistory& history);
// What each owner has open (`bpack actions --by-owner`).
ListView owners_list(const std::vector<index::OwnerRow>& rows);
// What changed from one pack to the next (`bpack changes`).
ListView changes_list(const std::vector<index::ChangeRow>& rows);

// What a reader should notice first: overdue, and dropped from the log without closing.
std::string action_flags(const index::ActionRow& action);

}  // namespace bpack::output
