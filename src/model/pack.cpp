#include "bpack/model/pack.hpp"

#include <array>
#include <utility>

namespace bpack::model {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [v, name] : names) {
    if (v == value) {
      return name;
    }
  }
  return "unknown";
}

constexpr std::array<std::pair<MeetingRole, std::string_view>, 2> kMeetingRoles{{
    {MeetingRole::agenda, "agenda"},
    {MeetingRole::minutes, "minutes"},
}};
constexpr std::array<std::pair<AttendanceStatus, std::string_view>, 4> kAttendance{{
    {AttendanceStatus::member, "member"},
    {AttendanceStatus::apologies, "apologies"},
    {AttendanceStatus::attendee, "attendee"},
    {AttendanceStatus::absent, "absent"},
}};
constexpr std::array<std::pair<DecisionKind, std::string_view>, 5> kDecisions{{
    {DecisionKind::agreed, "agreed"},
    {DecisionKind::resolved, "resolved"},
    {DecisionKind::noted, "noted"},
    {DecisionKind::approved, "approved"},
    {DecisionKind::endorsed, "endorsed"},
}};
constexpr std::array<std::pair<ActionStatus, std::string_view>, 6> kActionStatuses{{
    {ActionStatus::open, "open"},
    {ActionStatus::in_progress, "in_progress"},
    {ActionStatus::proposed_closed, "proposed_closed"},
    {ActionStatus::closed, "closed"},
    {ActionStatus::deferred, "deferred"},
    {ActionStatus::unknown, "unknown"},
}};
constexpr std::array<std::pair<ActionSource, std::string_view>, 2> kActionSources{{
    {ActionSource::action_log, "action_log"},
    {ActionSource::minutes, "minutes"},
}};

}  // namespace

std::string_view to_string(MeetingRole role) {
  return name_of(kMeetingRoles, role);
}
std::string_view to_string(AttendanceStatus status) {
  return name_of(kAttendance, status);
}
std::string_view to_string(DecisionKind kind) {
  return name_of(kDecisions, kind);
}
std::string_view to_string(ActionStatus status) {
  return name_of(kActionStatuses, status);
}
std::string_view to_string(ActionSource source) {
  return name_of(kActionSources, source);
}

std::optional<ActionStatus> action_status_from(std::string_view text) {
  return lookup(kActionStatuses, text);
}

const Meeting* Pack::primary_meeting() const {
  const Meeting* best = nullptr;
  for (const auto& meeting : meetings) {
    if (meeting.role == MeetingRole::agenda) {
      return &meeting;
    }
    if (best == nullptr || meeting.date.value_or("") > best->date.value_or("")) {
      best = &meeting;
    }
  }
  return best;
}

}  // namespace bpack::model
