#pragma once

// Writes small PDFs for tests, in PDF syntax directly: pages of text in the standard
// Helvetica fonts, placed where the test says and drawn in the order it says (so a table
// can be drawn column by column, as some packs' producers do), and the damaged and locked
// files bpack must refuse.

#include <string>
#include <string_view>
#include <vector>

namespace bpack::test {

class PdfWriter {
 public:
  // How the file is spoiled, if at all.
  enum class Flaw {
    none,
    encrypted,   // a standard security handler whose user password is not empty
    wrong_xref,  // every cross-reference offset off by a few bytes: poppler repairs it, saying so
  };

  // Starts a page (A4 portrait unless told otherwise); what follows is drawn on it.
  PdfWriter& page(double width = 595, double height = 842);
  // Text whose baseline starts at (x, y), y measured down from the top of the page. UTF-8
  // in, written in WinAnsi (Latin-1 and the cp1252 quotes, dashes and bullet).
  PdfWriter& text(double x, double y, std::string_view text, double size = 10, bool bold = false);
  // Text turned a quarter turn anticlockwise: it reads upwards, starting at (x, y), as a
  // landscape table printed on a portrait page does.
  PdfWriter& text_upwards(double x, double y, std::string_view text, double size = 10);
  // A filled rectangle: something on the page that is not text.
  PdfWriter& box(double x, double y, double width, double height);

  std::string bytes(Flaw flaw = Flaw::none) const;

 private:
  struct Page {
    double width;
    double height;
    std::string content;
  };
  Page& current();
  std::vector<Page> pages_;
};

}  // namespace bpack::test
