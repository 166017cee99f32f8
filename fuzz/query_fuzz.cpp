// plain query -> FTS5 query: whatever a user types, plain_fts_query gives a query FTS5
// accepts (or a usage error for too many words), and searching with it never fails or
// runs long.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "bpack/index/fts_query.hpp"
#include "bpack/index/search.hpp"
#include "bpack/util/error.hpp"
#include "fuzz_support.hpp"

namespace {

bpack::fuzz::ScratchIndex& scratch() {
  static bpack::fuzz::ScratchIndex index;
  return index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string query;
  try {
    query = bpack::index::plain_fts_query(text);
  } catch (const bpack::UsageError&) {
    return 0;  // more words than a query may hold
  }
  if (query.empty()) {
    return 0;
  }
  bpack::index::SearchOptions options;
  options.query = text;
  options.time_limit = std::chrono::duration<double>(2.0);
  try {
    (void)bpack::index::search(scratch().db(), options);
  } catch (const bpack::Error& e) {
    bpack::fuzz::fail(std::string("a plain query failed in FTS5: ") + e.what() + " (FTS5 query: " + query + ")");
  }
  return 0;
}
