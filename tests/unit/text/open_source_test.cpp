#include "bpack/text/open_source.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "bpack/util/error.hpp"
#include "unit/text/line_reading.hpp"

namespace {

using bpack::text::looks_like_pdf;

using bpack::test::Read;
using bpack::test::read_all;
using bpack::test::TrickleStream;

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
  const std::vector<Read> expected = read_all(*whole);
  CHECK(whole->lines() == 400);
  for (const std::size_t step : {1UL, 7UL, 1000UL, 1024UL, 1025UL, 100000UL}) {
    CAPTURE(step);
    const auto streamed = bpack::text::open_source(std::make_unique<TrickleStream>(text, step), "pack.txt");
    CHECK(read_all(*streamed) == expected);
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
  CHECK(read_all(*source) == std::vector<Read>{{"<html><body>Not found</body></html>", 1, 1}});
}
