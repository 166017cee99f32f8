#pragma once

// What the parser reads: a pack as a stream of numbered lines on numbered pages, whatever
// the file was. TextSource reads text files; PdfSource lays out the text of a PDF. Nothing
// after this stage knows which one it was.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "bpack/model/pack.hpp"

namespace bpack::text {

using model::LineNo;

struct Line {
  std::string_view text;  // decoded UTF-8, without the line break, the BOM or form feeds
  LineNo number = 0;      // 1-based
  LineNo page = 1;        // 1-based, counted by form feeds (text) or pages (PDF)
  bool heading = false;   // marked up as a heading (a Markdown `#` line)
};

class LineSource {
 public:
  explicit LineSource(std::string name) : name_(std::move(name)) {}
  virtual ~LineSource() = default;
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // The next line, valid until the following call. False at the end of the input.
  // Throws bpack::Error when the input cannot be read (binary, a damaged PDF).
  virtual bool next(Line& line) = 0;

  // The file's name as given, which messages and the parsed pack carry.
  const std::string& name() const { return name_; }
  // Totals so far; after next() has returned false they describe the whole input. bytes()
  // counts the file's bytes (a PDF's, not its text's).
  virtual std::uint64_t bytes() const = 0;
  virtual LineNo lines() const = 0;
  virtual LineNo pages() const = 0;
  // The SHA-256 of the file's bytes: empty until the end of the input has been reached.
  const std::string& sha256_hex() const { return sha256_; }
  // For callers that hashed the bytes already (ingest hashes first to skip unchanged packs):
  // the source then reports this hash instead of computing it again.
  void use_known_sha256(std::string hex) {
    sha256_ = std::move(hex);
    hash_known_ = true;
  }

 protected:
  bool hash_known() const { return hash_known_; }
  // What the source computed, once it has read every byte; a known hash stays.
  void set_sha256(std::string hex) {
    if (!hash_known_) {
      sha256_ = std::move(hex);
    }
  }

 private:
  std::string name_;
  std::string sha256_;
  bool hash_known_ = false;
};

}  // namespace bpack::text
