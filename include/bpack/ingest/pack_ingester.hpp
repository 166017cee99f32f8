#pragma once

// One pack from bytes to index: read, hash, parse (only when the bytes are new), write. The
// steps are separate so that reading, hashing and parsing can run on another thread while
// the writer writes the pack before (PipelinedIngest); only write() touches the database.

#include <cstdint>
#include <functional>
#include <string>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/index/block_list.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/text/line_source.hpp"

namespace bpack::ingest {

// Parses a pack, handing each full-text block to options.on_block: extract::parse_pack by
// default; tests pass a function that returns a hand-made pack.
using PackParser = std::function<model::Pack(text::LineSource&, const extract::ParseOptions&)>;

// One pack read and hashed, and parsed unless told otherwise.
struct PreparedPack {
  index::PackFile file;
  // The bytes while not parsed: write() parses them once it knows they are new.
  std::string bytes;
  bool parsed = false;
  model::Pack pack;
  index::BlockList blocks;
};

class PackIngester {
 public:
  explicit PackIngester(index::Writer& writer, PackParser parser = {});

  // Reads `path` ("-": standard input) and ingests its bytes. Throws bpack::Error (unreadable,
  // not text, a PDF that cannot be read, database failure), and the database is then exactly as before the call.
  index::IngestResult ingest_file(const std::string& path, const extract::ParseOptions& options = {});

  // Ingests bytes already in memory. `source_key` identifies "the same file" for replacement
  // (an absolute path); empty for standard input, which never replaces anything.
  index::IngestResult ingest_bytes(std::string bytes, const std::string& path, const std::string& source_key,
                                   const extract::ParseOptions& options = {});

  // The steps of ingest_bytes. prepare() hashes the bytes; parse() parses them (options.on_block
  // is not called: write() hands the blocks to it) and throws what the parse throws. Neither
  // touches the database, so they may run on one thread while write() runs on another. A pack
  // larger than max_held_pack_bytes() is left unparsed: write() streams its blocks into the
  // database instead of holding them all in memory.
  PreparedPack prepare(std::string bytes, const std::string& path, const std::string& source_key) const;
  void parse(PreparedPack& prepared, const extract::ParseOptions& options = {}) const;
  // Writes a prepared pack in one transaction, parsing it first if prepare() did not;
  // unchanged bytes are left alone (whether parsed or not). Throws as ingest_bytes does.
  index::IngestResult write(PreparedPack prepared, const extract::ParseOptions& options = {});

  std::uint64_t max_held_pack_bytes() const { return max_held_pack_bytes_; }
  void set_max_held_pack_bytes(std::uint64_t bytes) { max_held_pack_bytes_ = bytes; }
  index::Writer& writer() { return writer_; }

 private:
  index::Writer& writer_;
  PackParser parser_;
  std::uint64_t max_held_pack_bytes_ = 16 * 1024 * 1024;
};

}  // namespace bpack::ingest
