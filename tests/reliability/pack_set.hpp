#pragma once

// Many distinct packs for the tests that need an ingest to take a while: copies of the
// corpus packs, each with a line of its own so that no two have the same bytes.

#include <string>
#include <vector>

namespace bpack::test {

// Writes `count` packs into `dir` (which must exist) and returns their paths, in order.
std::vector<std::string> write_pack_set(const std::string& dir, int count, const std::string& tag = "copy");

}  // namespace bpack::test
