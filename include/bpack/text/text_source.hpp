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

#include "bpack/text/byte_stream.hpp"
#include "bpack/text/line_source.hpp"
#include "bpack/util/diagnostics.hpp"
#include "bpack/util/sha256.hpp"

namespace bpack::text {

class TextSource final : public LineSource {
 public:
  TextSource(std::unique_ptr<ByteStream> stream, std::string name, DiagnosticSink* diagnostics = nullptr);

  // Throws bpack::Error if the input is binary (NUL bytes or other control bytes).
  bool next(Line& line) override;

  std::uint64_t bytes() const override { return bytes_; }
  LineNo lines() const override { return lines_; }
  LineNo pages() const override { return page_; }
  bool used_cp1252() const { return used_cp1252_; }

 private:
  bool fill();
  void decode_line(std::string_view raw);
  void check_binary(std::string_view raw) const;

  std::unique_ptr<ByteStream> stream_;
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
};

}  // namespace bpack::text
