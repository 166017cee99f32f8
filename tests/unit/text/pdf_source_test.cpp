#include "bpack/text/pdf_source.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bpack/text/open_source.hpp"
#include "bpack/util/diagnostics.hpp"
#include "bpack/util/error.hpp"
#include "bpack/util/sha256.hpp"
#include "support/pdf_writer.hpp"
#include "unit/text/line_reading.hpp"

namespace {

using bpack::CollectingSink;
using bpack::Diagnostic;
using bpack::test::PdfWriter;
using bpack::test::Read;
using bpack::test::read_all;

// The message bpack::Error carries when `bytes` are opened and read as `name`; empty when
// they are read without one.
std::string error_of(const std::string& bytes, const std::string& name = "pack.pdf") {
  try {
    const auto source = bpack::text::open_source(bytes, name);
    read_all(*source);
  } catch (const bpack::Error& e) {
    return e.what();
  }
  return {};
}

PdfWriter two_pages() {
  PdfWriter pdf;
  pdf.page().text(72, 72, "Finance Committee", 14, true).text(72, 104, "Minutes of the meeting of 3 May 2023");
  pdf.page().text(72, 72, "1. Apologies").text(72, 86, "None were received.");
  return pdf;
}

}  // namespace

TEST_CASE("pdf_source: a build without PDF support says how to read a PDF") {
  if (bpack::text::pdf_supported()) {
    return;  // the tests below cover this build
  }
  CHECK(error_of(two_pages().bytes()) ==
        "pack.pdf: this bpack was built without PDF support; install libpoppler-cpp-dev and rebuild, or convert "
        "with pdftotext -layout");
}

TEST_SUITE("pdf_source") {
  TEST_CASE("pdf_source: lines are numbered through the document, pages are the PDF's pages") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    const std::string bytes = two_pages().bytes();
    const auto source = bpack::text::open_source(bytes, "minutes.pdf");
    CHECK(source->name() == "minutes.pdf");
    const std::vector<Read> expected{
        {"Finance Committee", 1, 1},
        {"", 2, 1},
        {"Minutes of the meeting of 3 May 2023", 3, 1},
        {"1. Apologies", 4, 2},
        {"None were received.", 5, 2},
    };
    CHECK(read_all(*source) == expected);
    CHECK(source->lines() == 5);
    CHECK(source->pages() == 2);
    // The pack is the file: its size and hash are the PDF's bytes'.
    CHECK(source->bytes() == bytes.size());
    bpack::util::Sha256 hash;
    hash.update(bytes);
    CHECK(source->sha256_hex() == hash.hex());
  }

  TEST_CASE("pdf_source: many pages come in order; a source left half read stops its threads") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    PdfWriter pdf;
    std::vector<Read> expected;
    for (int page = 1; page <= 30; ++page) {
      pdf.page().text(72, 72, "Page " + std::to_string(page));
      expected.push_back({"Page " + std::to_string(page), page, page});
    }
    const std::string bytes = pdf.bytes();
    const auto source = bpack::text::open_source(bytes, "long.pdf");
    CHECK(read_all(*source) == expected);
    CHECK(source->pages() == 30);
    // Pages are read ahead on other threads: leaving the source after three lines must
    // neither hang nor leak.
    auto partly = bpack::text::open_source(bytes, "long.pdf");
    bpack::text::Line line;
    for (int i = 0; i < 3; ++i) {
      REQUIRE(partly->next(line));
    }
    CHECK(line.text == "Page 3");
    partly.reset();
  }

  TEST_CASE("pdf_source: a table drawn column by column comes out row by row") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    PdfWriter pdf;
    pdf.page(842, 595);
    const std::vector<std::vector<std::string>> columns{
        {"Ref", "73", "71"}, {"Owner", "Matthew Winn", "Alison Blair"}, {"Status", "Open", "Closing"}};
    const double xs[] = {40, 100, 250};
    for (std::size_t c = 0; c < columns.size(); ++c) {
      for (std::size_t r = 0; r < columns[c].size(); ++r) {
        pdf.text(xs[c], 100 + 14 * static_cast<double>(r), columns[c][r]);
      }
    }
    const auto source = bpack::text::open_source(pdf.bytes(), "log.pdf");
    const auto lines = read_all(*source);
    REQUIRE(lines.size() == 3);
    // A column stands for the narrowest run's character width, "Alison Blair" in Helvetica
    // at 10 points: 50 points for 12 characters. So x 100 is column 14 and x 250 column 50.
    CHECK(lines[0].text == "Ref" + std::string(11, ' ') + "Owner" + std::string(31, ' ') + "Status");
    CHECK(lines[1].text == "73" + std::string(12, ' ') + "Matthew Winn" + std::string(24, ' ') + "Open");
    CHECK(lines[2].text == "71" + std::string(12, ' ') + "Alison Blair" + std::string(24, ' ') + "Closing");
  }

  TEST_CASE("pdf_source: a PDF that cannot be a pack is refused with one line naming it") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    const std::string good = two_pages().bytes();
    CHECK(error_of(two_pages().bytes(PdfWriter::Flaw::encrypted)) ==
          "pack.pdf: password-protected PDF: remove the password first (e.g. qpdf --decrypt)");
    CHECK(error_of(good.substr(0, good.size() / 2)) ==
          "pack.pdf: truncated PDF (it does not end with %%EOF): the file was cut short");
    CHECK(error_of("%PDF-1.4\nnothing a reader could use\n%%EOF\n") ==
          "pack.pdf: damaged PDF, it cannot be opened (poppler: Couldn't find trailer dictionary)");
    CHECK(error_of(PdfWriter().bytes()) == "pack.pdf: PDF without pages (poppler: Invalid page count 0)");
    PdfWriter scan;
    scan.page().box(50, 50, 500, 700);
    scan.page().box(50, 50, 500, 700);
    CHECK(error_of(scan.bytes()) == "pack.pdf: no text layer (a scanned PDF?): run OCR first, e.g. ocrmypdf");
    CHECK(error_of(good).empty());
  }

  TEST_CASE("pdf_source: what poppler says about a file it repairs comes back as one warning") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    CollectingSink sink;
    const auto source = bpack::text::open_source(two_pages().bytes(PdfWriter::Flaw::wrong_xref), "repaired.pdf", &sink);
    CHECK(read_all(*source).size() == 5);
    REQUIRE(sink.items.size() == 1);
    CHECK(sink.items[0].level == Diagnostic::Level::warning);
    CHECK(sink.items[0].file == "repaired.pdf");
    CHECK(sink.items[0].line == 0);
    CHECK(sink.items[0].message.find("damaged PDF, read as poppler repaired it: xref num ") == 0);
    CHECK(sink.items[0].message.find("<0a>") == std::string::npos);
  }

  TEST_CASE("pdf_source: pages without text are named in a warning; the others are read") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    PdfWriter pdf;
    pdf.page().text(72, 72, "Agenda");
    pdf.page().box(50, 50, 500, 700);
    pdf.page().box(50, 50, 500, 700);
    pdf.page().text(72, 72, "Minutes");
    CollectingSink sink;
    const auto source = bpack::text::open_source(pdf.bytes(), "mixed.pdf", &sink);
    CHECK(read_all(*source) == std::vector<Read>{{"Agenda", 1, 1}, {"Minutes", 2, 4}});
    REQUIRE(sink.items.size() == 1);
    CHECK(sink.items[0].message ==
          "no text on pages 2-3 (scanned?): what those pages show is not read; OCR them first, e.g. with ocrmypdf");
  }
}
