#include "bpack/text/open_source.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "bpack/util/error.hpp"

namespace {

using bpack::text::looks_like_pdf;

// Hands out bytes a few at a time, as a pipe does.
class TrickleStream final : public bpack::text::ByteStream {
 public:
  TrickleStream(std::string bytes, std::size_t step) : bytes_(std::move(bytes)), step_(step) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t take = std::min({size, step_, bytes_.size() - offset_});
    bytes_.copy(buffer, take, offset_);
    offset_ += take;
    return take;
  }

 private:
  std::string bytes_;
  std::size_t step_;
  std::size_t offset_ = 0;
};

std::string all_lines(bpack::text::LineSource& source) {
  std::string out;
  bpack::text::Line line;
  while (source.next(line)) {
    out += std::to_string(line.number) + "/" + std::to_string(line.page) + ":" + std::string(line.text) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("open_source: a PDF is known by its signature in the first kilobyte, not by its name") {
  CHECK(looks_like_pdf("%PDF-1.7\n"));
  CHECK(looks_like_pdf(std::string(1000, '\0') + "%PDF-1.4"));  // bytes before it, as some servers add
  CHECK_FALSE(looks_like_pdf(std::string(1020, ' ') + "%PDF-1.4"));
  CHECK_FALSE(looks_like_pdf("Minutes of the meeting\n"));
  CHECK_FALSE(looks_like_pdf("%PDF"));
  CHECK_FALSE(looks_like_pdf(""));
}

TEST_CASE("open_source: text read through the signature check is the text, byte for byte, from any stream") {
  std::string text;
  for (int i = 1; i <= 400; ++i) {
    text += "Line " + std::to_string(i) + (i % 97 == 0 ? "\f" : "") + " of the minutes\n";
  }
  const auto whole = bpack::text::open_source(text, "pack.txt");
  const std::string expected = all_lines(*whole);
  CHECK(whole->lines() == 400);
  for (const std::size_t step : {1UL, 7UL, 1000UL, 1024UL, 1025UL, 100000UL}) {
    CAPTURE(step);
    const auto streamed = bpack::text::open_source(std::make_unique<TrickleStream>(text, step), "pack.txt");
    CHECK(all_lines(*streamed) == expected);
    CHECK(streamed->bytes() == text.size());
    CHECK(streamed->sha256_hex() == whole->sha256_hex());
  }
}

TEST_CASE("open_source: a file named .pdf that is not a PDF is refused as such") {
  const std::string page = "<html><body>Not found</body></html>\n";
  for (const std::string name : {"pack.pdf", "PACK.PDF"}) {
    try {
      bpack::text::open_source(page, name);
      FAIL("no error");
    } catch (const bpack::Error& e) {
      CHECK(std::string(e.what()) ==
            name + ": named .pdf but not a PDF (no %PDF- signature at its start): a failed download?");
    }
  }
  // Named otherwise, it is text.
  const auto source = bpack::text::open_source(page, "page.html");
  CHECK(all_lines(*source) == "1/1:<html><body>Not found</body></html>\n");
}
