#pragma once

// Reads a PDF's text directly, with poppler: page by page, each page's words (poppler's
// boxes) laid out as lines by lay_out_page, so that a table row is one line and a column
// of initials stays beside its row. A line's number counts the lines of this rendering
// (`bpack text FILE` prints it), and its page is the PDF's page. The pack's hash and size
// are the PDF file's.
//
// Pages are read on threads of the source's own (two where there are two cores, each with
// its own poppler document, taking every other page), a few pages ahead of the parser, so
// that poppler's work and the parser's overlap as in `pdftotext -layout | bpack parse -`.
//
// A PDF that cannot be read as a pack is refused with one message naming the file:
// password-protected, damaged or cut short, without pages, or without any text (a scan).
// What poppler says about a damaged file is captured: it never reaches the terminal as it
// is, but comes back as one warning (a file poppler could repair) or as part of the error.
//
// This is the PDF module's code (bpack-pdf.so, the only part of bpack that links poppler):
// bpack reaches it through the module's entry point (bpack/text/pdf_module.hpp), which
// returns a PdfSource.

#include <memory>
#include <string>
#include <vector>

#include "bpack/text/line_source.hpp"
#include "bpack/text/page_layout.hpp"
#include "bpack/util/diagnostics.hpp"

namespace bpack::text {

class PdfSource final : public LineSource {
 public:
  // Opens the document and starts reading its pages. Throws bpack::Error.
  PdfSource(std::string bytes, std::string name, DiagnosticSink* diagnostics);
  // Stops the reading threads and waits for them.
  ~PdfSource() override;

  // Throws bpack::Error for a page poppler cannot read, and at the end when no page had
  // any text.
  bool next(Line& line) override;

  std::uint64_t bytes() const override { return size_; }
  LineNo lines() const override { return lines_; }
  LineNo pages() const override { return page_; }

 private:
  struct Document;  // poppler's documents and the reading threads, kept out of this header
  // A reading thread: pages `first`, `first + step`, ... laid out, a few ahead of the parser.
  void read_pages(unsigned first, unsigned step);
  // The next page's lines into page_lines_; false after the last page. Throws what the
  // reading threads met, in page order.
  bool take_page();
  // At the end of the document: the hash, and the checks and warnings about the whole file.
  void finish();

  std::unique_ptr<Document> document_;
  DiagnosticSink* diagnostics_;
  std::uint64_t size_ = 0;
  std::vector<std::string> page_lines_;
  std::size_t next_line_ = 0;
  LineNo lines_ = 0;
  LineNo page_ = 0;
  std::vector<LineNo> empty_pages_;
  bool finished_ = false;
};

}  // namespace bpack::text
