#pragma once

// Shared by the text tests: every line a source gives, copied out (Line::text is valid only
// until the next call), and a stream that hands out its bytes a few at a time.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "bpack/text/byte_stream.hpp"
#include "bpack/text/line_source.hpp"

namespace bpack::test {

struct Read {
  std::string text;
  std::int64_t number = 0;
  std::int64_t page = 0;
  bool operator==(const Read&) const = default;
};

inline std::vector<Read> read_all(text::LineSource& source) {
  std::vector<Read> out;
  text::Line line;
  while (source.next(line)) {
    out.push_back({std::string(line.text), line.number, line.page});
  }
  return out;
}

// Hands out at most `step` bytes per read, so every line break, CRLF pair, BOM and UTF-8
// sequence ends up split across reads somewhere.
class TrickleStream final : public text::ByteStream {
 public:
  TrickleStream(std::string bytes, std::size_t step) : bytes_(std::move(bytes)), step_(step) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t take = std::min({size, step_, bytes_.size() - offset_});
    std::memcpy(buffer, bytes_.data() + offset_, take);
    offset_ += take;
    return take;
  }

 private:
  std::string bytes_;
  std::size_t step_;
  std::size_t offset_ = 0;
};

}  // namespace bpack::test
