#include "bpack/extract/status.hpp"

namespace bpack::extract {

std::optional<FoundStatus> find_status(const grammar::Grammar& grammar, std::string_view text) {
  using model::ActionStatus;
  static constexpr std::pair<const char*, ActionStatus> kRules[] = {
      {"status.proposed_closed", ActionStatus::proposed_closed},
      {"status.closed", ActionStatus::closed},
      {"status.deferred", ActionStatus::deferred},
      {"status.in_progress", ActionStatus::in_progress},
      {"status.open", ActionStatus::open},
  };
  std::optional<FoundStatus> best;
  for (const auto& [rule, status] : kRules) {
    grammar::Captures captures;
    if (grammar.match(rule, text, captures)) {
      const auto offset = static_cast<std::size_t>(captures.whole().data() - text.data());
      // The earliest status word wins ("Open - in progress" is open); on a tie, rule order.
      if (!best || offset < best->offset) {
        best = FoundStatus{status, offset, captures.whole().size()};
      }
    }
  }
  return best;
}

}  // namespace bpack::extract
