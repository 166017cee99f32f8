// parse + index write: each input is ingested at the same path, so it replaces the pack
// before (or is refused, leaving it). After every pack the index must pass SQLite's
// integrity and foreign key checks and FTS5's integrity-check.

#include <cstddef>
#include <cstdint>
#include <string>

#include "bpack/index/integrity.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/ingest/pack_ingester.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"
#include "fuzz_support.hpp"

namespace {

bpack::fuzz::ScratchIndex& scratch() {
  static bpack::fuzz::ScratchIndex index;
  return index;
}

void check_index(bpack::index::Database& db) {
  if (const std::string problems = bpack::index::integrity_problems(db); !problems.empty()) {
    bpack::fuzz::fail(problems);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bpack::text::looks_like_pdf(bytes)) {
    return -1;
  }
  static int runs = 0;
  if (++runs % 1000 == 0) {
    scratch().reopen();  // keep the file small
  }
  bpack::index::Database& db = scratch().db();
  bpack::index::Writer writer(db);
  bpack::ingest::PackIngester ingester(writer);
  try {
    (void)ingester.ingest_bytes(std::move(bytes), "fuzz.txt", "/fuzz.txt");
  } catch (const bpack::Error&) {
    // refused (not text, empty in place of a pack): the index is as it was
  }
  check_index(db);
  return 0;
}
