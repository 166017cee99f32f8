#pragma once

// How `bpack attendance --summary` counts a person's meetings, from attendance rows: for the
// summary between dates (record_queries.cpp) and for the counts the writer keeps per person
// and board (attendance_people, derived_state.cpp). Private to the index module.
//
// A person is their name in lower case (as SQLite's lower(), ASCII only), shown by the
// smallest spelling met (the capitalised one, when a name is written in several cases). A
// meeting is a board and a date; a row without a date is its pack's meeting. A person listed
// at one meeting by several rows or packs counts once there: as listed, and once for each
// of present (member or attendee), apologies and absent that a row says. A row of a pack
// without a board (board 0) lists the person in no meeting.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bpack/util/error.hpp"

namespace bpack::index {

enum AttendanceCount : std::uint8_t { listed, present, apologies, absent, kinds };
using AttendanceCounts = std::array<std::int64_t, kinds>;

// The people of an attendance summary, by the key of their name: the name in lower case (as
// SQLite's lower(), ASCII only). A lookup is made for each of an index's attendance rows, so
// they are kept in one array of slots probed in order, and a slot holds a name of up to 27
// bytes whole: its key, and which of its bytes are capitals in the spelling shown. That
// spelling is the smallest met, and spellings of one key differ only in case, so the first
// byte where two differ decides (a capital sorts first). A row reads one slot; longer names
// are kept aside.
class AttendancePeople {
 public:
  // The index of the person named `name` (any case), added when new.
  std::size_t find_or_add(std::string_view name) {
    if ((count_ + 1) * 4 > slots_.size() * 3) {
      grow();
    }
    key_.assign(name);
    std::uint64_t capitals = 0;
    for (std::size_t i = 0; i < key_.size(); ++i) {
      if (key_[i] >= 'A' && key_[i] <= 'Z') {
        key_[i] = static_cast<char>(key_[i] - 'A' + 'a');
        capitals |= i < 64 ? std::uint64_t{1} << i : 0;
      }
    }
    const bool inline_key = key_.size() <= kInline;
    const std::size_t hash = std::hash<std::string_view>{}(key_);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.person == 0) {
        if (count_ == kMaxPeople) {
          throw Error(fmt::format("an attendance summary counts at most {} people", kMaxPeople));
        }
        slot.hash = hash;
        slot.person = static_cast<std::uint32_t>(++count_);
        if (inline_key) {
          slot.size = static_cast<std::uint8_t>(key_.size());
          slot.capitals = capitals;
          std::memcpy(slot.key, key_.data(), key_.size());
        } else {
          slot.size = kLong;
          slot.capitals = longs_.size();
          longs_.push_back({key_, std::string(name)});
        }
        return slot.person - 1;
      }
      if (slot.hash != hash) {
        continue;
      }
      if (inline_key && slot.size == key_.size() && std::memcmp(slot.key, key_.data(), key_.size()) == 0) {
        const std::uint64_t differ = capitals ^ slot.capitals;
        if (differ != 0 && (capitals & (differ & (~differ + 1))) != 0) {  // a capital first where they differ
          slot.capitals = capitals;
        }
        return slot.person - 1;
      }
      if (!inline_key && slot.size == kLong && longs_[slot.capitals].key == key_) {
        std::string& shown = longs_[slot.capitals].shown;
        if (name < shown) {
          shown = name;
        }
        return slot.person - 1;
      }
    }
  }

  std::size_t size() const { return count_; }

  // Once every row is in: each person's key and the spelling shown, by index.
  void finish() {
    slot_of_.assign(count_, 0);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].person != 0) {
        slot_of_[slots_[i].person - 1] = i;
      }
    }
  }
  std::string_view key(std::size_t person) const {
    const Slot& slot = slots_[slot_of_[person]];
    return slot.size == kLong ? std::string_view(longs_[slot.capitals].key) : std::string_view(slot.key, slot.size);
  }
  void shown(std::size_t person, std::string& out) const {
    const Slot& slot = slots_[slot_of_[person]];
    if (slot.size == kLong) {
      out = longs_[slot.capitals].shown;
      return;
    }
    out.assign(slot.key, slot.size);
    for (std::size_t i = 0; i < slot.size; ++i) {
      if ((slot.capitals >> i & 1U) != 0) {
        out[i] = static_cast<char>(out[i] - 'a' + 'A');
      }
    }
  }

 private:
  static constexpr std::size_t kInline = 27;
  static constexpr std::size_t kMaxPeople = 0xFFFFFFFFU;
  static constexpr std::uint8_t kLong = 0xFF;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t capitals = 0;  // bit i: byte i of the spelling shown is a capital; kLong: index in longs_
    std::uint32_t person = 0;    // index + 1; 0: empty
    std::uint8_t size = 0;       // the key's size, or kLong
    char key[kInline] = {};
  };
  struct Long {
    std::string key;
    std::string shown;
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(16, old.size() * 2), Slot{});
    for (const Slot& slot : old) {
      if (slot.person != 0) {
        std::size_t i = slot.hash & (slots_.size() - 1);
        while (slots_[i].person != 0) {
          i = (i + 1) & (slots_.size() - 1);
        }
        slots_[i] = slot;
      }
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most three quarters full
  std::vector<Long> longs_;  // names longer than kInline
  std::size_t count_ = 0;
  std::string key_;
  std::vector<std::size_t> slot_of_;  // by person, after finish()
};

class AttendanceCounter {
 public:
  // `rows`: how many rows are expected (room is made for them at once; 0 when not known).
  explicit AttendanceCounter(std::size_t rows = 0) { seen_.reserve(rows); }

  // One row; `meeting_date` absent: its pack's meeting. Throws bpack::Error when the rows
  // name more people or meetings than can be counted at once (2^32, 2^30).
  void add(std::string_view name, std::string_view status, std::optional<std::string_view> meeting_date,
           std::int64_t pack_id, std::int64_t board_id);

  // Once every row is in: the people, by index (0 .. size()).
  void finish();
  std::size_t size() const { return people_.size(); }
  std::string_view key(std::size_t person) const { return people_.key(person); }
  void shown(std::size_t person, std::string& out) const { people_.shown(person, out); }
  const std::vector<AttendanceCounts>& counts() const { return counts_; }

 private:
  AttendancePeople people_;
  std::unordered_map<std::string, std::uint64_t> meetings_;  // "board|date" or "board|pack id"
  // person << 32 | meeting << 2 | what the row counts as (listed only, present, apologies,
  // absent): one for each row, sorted by finish(), so that a person's rows for one meeting
  // come together and count once.
  std::vector<std::uint64_t> seen_;
  std::string meeting_;
  std::string last_meeting_;  // a pack's rows come together: most rows share the last's meeting
  std::uint64_t meeting_index_ = 0;
  std::vector<AttendanceCounts> counts_;
};

}  // namespace bpack::index
