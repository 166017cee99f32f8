#pragma once

// The packs of the index with the warnings the parser gave them (`bpack packs`): after a
// large ingest, the packs to look at with `bpack explain`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"

namespace bpack::index {

struct PackWarningCount {
  std::int64_t id = 0;
  std::string path;
  std::optional<std::string> board;
  std::optional<std::string> meeting_date;
  std::int64_t warnings = 0;
};

// Every pack with how many warnings it has, in meeting order (undated first), then by id.
std::vector<PackWarningCount> pack_warning_counts(Database& db);

struct PackWarning {
  std::int64_t pack_id = 0;
  std::string path;
  std::int64_t line = 0;  // 0: the pack as a whole
  std::string code;
  std::string message;
};

// Every warning of every pack, in the same pack order, each pack's in line order.
std::vector<PackWarning> pack_warnings(Database& db);

}  // namespace bpack::index
