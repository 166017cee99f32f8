#pragma once

// One input read for ingest, guarded against bad reads. Its bytes are checked as they
// stream past (text, no line longer than the limit: see text/input_check.hpp; a PDF is
// recognised by its first bytes and not checked as text) and hashed,
// and held in memory only up to a bound; a larger input is read again when it is parsed,
// from the file kept open (a regular file) or from a temporary copy (standard input, a
// pipe). A regular file that changes while it is read (its size, modification time, or the
// file at its path, before and after) is read again once, and refused if it changes again:
// bytes half-written by another program are never indexed.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "bpack/text/byte_stream.hpp"
#include "bpack/text/input_check.hpp"

namespace bpack::ingest {

struct ReadOptions {
  std::size_t max_line = text::kDefaultMaxLine;
  // Inputs up to this size are held in memory; larger ones are read twice.
  std::uint64_t hold_bytes = 16 * 1024 * 1024;
  // Called after each chunk is read with the attempt (0, then 1 after a change): tests
  // change the file here.
  std::function<void(int attempt)> after_chunk;
};

class InputBytes {
 public:
  InputBytes() = default;
  // Bytes already in memory (tests, fuzzers): hashed here.
  static InputBytes in_memory(std::string bytes);

  const std::string& sha256() const { return sha256_; }
  std::uint64_t size() const { return size_; }
  // Whether the bytes are in memory; else stream() reads them from a file again, and the
  // caller must check that their hash is still sha256().
  bool held() const { return file_ == nullptr; }
  // Bytes in memory now (0 once stream() has taken them).
  std::uint64_t memory() const { return bytes_.size(); }
  // The bytes, once (held bytes are moved out); `path` names the file in read errors.
  std::unique_ptr<text::ByteStream> stream(const std::string& path);

  struct File;  // an open file descriptor

 private:
  friend InputBytes read_input(const std::string& path, const ReadOptions& options);
  std::string bytes_;
  std::string sha256_;
  std::uint64_t size_ = 0;
  std::shared_ptr<File> file_;
};

// Reads `path` ("-": standard input). Throws bpack::Error naming the path (and the line for
// text checks): cannot open or read, not text, a line too long, changed while read twice.
InputBytes read_input(const std::string& path, const ReadOptions& options = {});

// The message for a file whose bytes changed between two reads.
std::string changed_while_read(const std::string& path);

}  // namespace bpack::ingest
