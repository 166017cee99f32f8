#include "attendance_counts.hpp"

namespace bpack::index {

void AttendanceCounter::add(std::string_view name, std::string_view status,
                            std::optional<std::string_view> meeting_date, std::int64_t pack_id, std::int64_t board_id) {
  const std::size_t person = people_.find_or_add(name);
  if (board_id == 0) {
    return;
  }
  meeting_ = std::to_string(board_id);
  meeting_ += '|';
  if (meeting_date) {
    meeting_ += *meeting_date;
  } else {
    meeting_ += "pack ";
    meeting_ += std::to_string(pack_id);
  }
  if (meeting_ != last_meeting_ || seen_.empty()) {
    meeting_index_ = meetings_.try_emplace(meeting_, meetings_.size()).first->second;
    last_meeting_ = meeting_;
  }
  if (meeting_index_ >= (std::uint64_t{1} << 30U)) {
    throw Error(fmt::format("an attendance summary counts at most {} meetings", std::uint64_t{1} << 30U));
  }
  const AttendanceCount kind = status == "member" || status == "attendee" ? present
                               : status == "apologies"                    ? apologies
                               : status == "absent"                       ? absent
                                                                          : listed;
  seen_.push_back(static_cast<std::uint64_t>(person) << 32U | meeting_index_ << 2U | kind);
}

void AttendanceCounter::finish() {
  std::sort(seen_.begin(), seen_.end());
  people_.finish();
  counts_.assign(people_.size(), AttendanceCounts{});
  for (std::size_t i = 0; i < seen_.size();) {
    // One person at one meeting: counted once as listed, once for each thing a row says.
    std::array<bool, kinds> says{};
    std::size_t j = i;
    for (; j < seen_.size() && seen_[j] >> 2U == seen_[i] >> 2U; ++j) {
      says[seen_[j] & 3U] = true;
    }
    auto& count = counts_[seen_[i] >> 32U];
    ++count[listed];
    for (const AttendanceCount kind : {present, apologies, absent}) {
      count[kind] += says[kind] ? 1 : 0;
    }
    i = j;
  }
}

}  // namespace bpack::index
