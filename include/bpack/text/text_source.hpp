#pragma once

// Reads a pack as a stream of numbered lines without loading the whole file: decodes UTF-8
// (with or without BOM), accepts LF or CRLF, counts pages by form feed, falls back to
// Windows-1252 for bytes that are not UTF-8, refuses binary content, and hashes the bytes
// as they pass so the index can identify a pack by its SHA-256.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "bpack/model/pack.hpp"
#include "bpack/util/diagnostics.hpp"
#include "bpack/util/sha256.hpp"

namespace bpack::text {

using model::LineNo;

// The input seam: the text source reads bytes through this, so tests and fuzzers feed it
// from memory and the CLI from files or stdin.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Fills up to `size` bytes, returns how many; 0 means end of input. Throws bpack::Error.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

// Opens a file for reading; "-" is standard input. Throws bpack::Error naming the path.
std::unique_ptr<ByteStream> open_file(const std::string& path);
std::unique_ptr<ByteStream> from_string(std::string bytes);

struct Line {
  std::string_view text;  // decoded UTF-8, without the line break, the BOM or form feeds
  LineNo number = 0;      // 1-based
  LineNo page = 1;        // 1-based, counted by form feeds
  bool heading = false;   // marked up as a heading (a Markdown `#` line)
};

class TextSource {
 public:
  TextSource(std::unique_ptr<ByteStream> stream, std::string name, DiagnosticSink* diagnostics = nullptr);

  // The next line, valid until the following call. False at the end of the input.
  // Throws bpack::Error if the input is binary (NUL bytes or other control bytes).
  bool next(Line& line);

  const std::string& name() const { return name_; }
  // Totals so far; after next() has returned false they describe the whole input.
  std::uint64_t bytes() const { return bytes_; }
  LineNo lines() const { return lines_; }
  LineNo pages() const { return page_; }
  // Empty until the end of the input has been reached.
  const std::string& sha256_hex() const { return sha256_; }
  // For callers that hashed the bytes already (ingest hashes first to skip unchanged packs):
  // the source then reports this hash instead of computing it again.
  void use_known_sha256(std::string hex) {
    sha256_ = std::move(hex);
    hash_known_ = true;
  }
  bool used_cp1252() const { return used_cp1252_; }

 private:
  bool fill();
  void decode_line(std::string_view raw);
  void check_binary(std::string_view raw) const;

  std::unique_ptr<ByteStream> stream_;
  std::string name_;
  DiagnosticSink* diagnostics_;
  std::string buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::string line_;       // a line that decoding changed
  std::string_view view_;  // the current line: in the buffer, or line_
  std::uint64_t bytes_ = 0;
  LineNo number_ = 0;
  LineNo lines_ = 0;
  LineNo page_ = 1;
  bool used_cp1252_ = false;
  LineNo pending_page_breaks_ = 0;
  util::Sha256 hash_;
  std::string sha256_;
  bool hash_known_ = false;
};

}  // namespace bpack::text
