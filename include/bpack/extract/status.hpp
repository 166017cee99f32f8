#pragma once

#include <optional>
#include <string_view>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"

namespace bpack::extract {

struct FoundStatus {
  model::ActionStatus status = model::ActionStatus::unknown;
  std::size_t offset = 0;
  std::size_t size = 0;
};

// The first status word in `text` by the grammar's status.* vocabulary (proposed_closed,
// closed, deferred, in_progress, open, tried in that order), with where it stands.
std::optional<FoundStatus> find_status(const grammar::Grammar& grammar, std::string_view text);

}  // namespace bpack::extract
