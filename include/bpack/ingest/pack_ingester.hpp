#pragma once

// One pack from bytes to index: read, hash, parse (only when the bytes are new), write. The
// steps are separate so that reading, hashing and parsing can run on another thread while
// the writer writes the pack before (PipelinedIngest); only write() touches the database.
// The guards against bad reads are here too: an input that parses to nothing never takes
// the place of an indexed pack with content, and bytes read twice must be the same bytes.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/index/block_list.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/ingest/input_bytes.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/text/line_source.hpp"

namespace bpack::ingest {

// Parses a pack, handing each full-text block to options.on_block: extract::parse_pack by
// default; tests pass a function that returns a hand-made pack.
using PackParser = std::function<model::Pack(text::LineSource&, const extract::ParseOptions&)>;

// What ingest accepts.
struct IngestPolicy {
  std::size_t max_line = text::kDefaultMaxLine;  // longest line, in bytes (--max-line)
  // Let a pack in which nothing was found (empty, blank) replace an indexed pack that has
  // content (--allow-empty); by default it fails and the indexed pack stays.
  bool allow_empty = false;
};

// One pack read and hashed, and parsed unless told otherwise.
struct PreparedPack {
  index::PackFile file;
  // The bytes while not parsed: write() parses them once it knows they are new.
  InputBytes input;
  bool parsed = false;
  model::Pack pack;
  index::BlockList blocks;
};

// Whether nothing was found in a parsed pack: no section at all (an empty or blank file).
bool is_empty(const model::Pack& pack);

// "x.txt: empty; kept the indexed version from 2024-05-01T10:00:00Z"
std::string kept_message(const std::string& path, const index::IndexedPack& kept);

class PackIngester {
 public:
  explicit PackIngester(index::Writer& writer, PackParser parser = {});

  // Reads `path` ("-": standard input) and ingests its bytes. Throws bpack::Error (unreadable,
  // not text, a PDF that cannot be read, changed while read, empty in place of a pack with
  // content, database failure), and the database is then exactly as before the call.
  index::IngestResult ingest_file(const std::string& path, const extract::ParseOptions& options = {});

  // Ingests bytes already in memory. `source_key` identifies "the same file" for replacement
  // (an absolute path); empty for standard input, which never replaces anything.
  index::IngestResult ingest_bytes(std::string bytes, const std::string& path, const std::string& source_key,
                                   const extract::ParseOptions& options = {});

  // The steps of ingest_file. read() reads and hashes a file (read_input with this policy);
  // prepare() takes what was read; parse() parses it (options.on_block is not called:
  // write() hands the blocks to it) and throws what the parse throws. None of them touches
  // the database, so they may run on one thread while write() runs on another. A pack
  // larger than max_held_pack_bytes() is left unparsed: write() streams its blocks into the
  // database instead of holding them all in memory.
  InputBytes read(const std::string& path) const;
  PreparedPack prepare(InputBytes input, const std::string& path, const std::string& source_key) const;
  PreparedPack prepare(std::string bytes, const std::string& path, const std::string& source_key) const;
  void parse(PreparedPack& prepared, const extract::ParseOptions& options = {}) const;
  // Writes a prepared pack in one transaction, parsing it first if prepare() did not;
  // unchanged bytes are left alone (whether parsed or not). Throws as ingest_file does.
  index::IngestResult write(PreparedPack prepared, const extract::ParseOptions& options = {});

  std::uint64_t max_held_pack_bytes() const { return max_held_pack_bytes_; }
  void set_max_held_pack_bytes(std::uint64_t bytes) { max_held_pack_bytes_ = bytes; }
  const IngestPolicy& policy() const { return policy_; }
  void set_policy(const IngestPolicy& policy) { policy_ = policy; }
  index::Writer& writer() { return writer_; }

 private:
  // A source over the pack's bytes (text or PDF), with the policy's line limit.
  std::unique_ptr<text::LineSource> source_of(PreparedPack& prepared, const extract::ParseOptions& options) const;

  index::Writer& writer_;
  PackParser parser_;
  std::uint64_t max_held_pack_bytes_ = 16 * 1024 * 1024;
  IngestPolicy policy_;
};

}  // namespace bpack::ingest
