#include "support/pdf_writer.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <stdexcept>

namespace bpack::test {
namespace {

// The cp1252 code of the characters above U+00FF that packs use.
int cp1252_of(char32_t code) {
  switch (code) {
    case U'\u2018':
      return 0x91;
    case U'\u2019':
      return 0x92;
    case U'\u201C':
      return 0x93;
    case U'\u201D':
      return 0x94;
    case U'\u2022':
      return 0x95;
    case U'\u2013':
      return 0x96;
    case U'\u2014':
      return 0x97;
    case U'\u20AC':
      return 0x80;
    default:
      return code < 0x100 ? static_cast<int>(code) : -1;
  }
}

// A PDF literal string: "(...)" in WinAnsi, with (, ) and \ escaped.
std::string pdf_string(std::string_view utf8) {
  std::string out = "(";
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? char32_t{lead} : char32_t{lead} & (0xFFU >> (length + 1));
    for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    i += length;
    const int byte = cp1252_of(code);
    if (byte < 0) {
      throw std::invalid_argument("PdfWriter: no WinAnsi code for a character of: " + std::string(utf8));
    }
    if (byte == '(' || byte == ')' || byte == '\\') {
      out.push_back('\\');
    }
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
    } else {
      out += fmt::format("\\{:03o}", byte);
    }
  }
  return out + ")";
}

}  // namespace

PdfWriter::Page& PdfWriter::current() {
  if (pages_.empty()) {
    throw std::logic_error("PdfWriter: page() first");
  }
  return pages_.back();
}

PdfWriter& PdfWriter::page(double width, double height) {
  pages_.push_back({width, height, {}});
  return *this;
}

PdfWriter& PdfWriter::text(double x, double y, std::string_view text, double size, bool bold) {
  Page& page = current();
  page.content += fmt::format("BT /{} {} Tf 1 0 0 1 {} {} Tm {} Tj ET\n", bold ? "F2" : "F1", size, x, page.height - y,
                              pdf_string(text));
  return *this;
}

PdfWriter& PdfWriter::text_upwards(double x, double y, std::string_view text, double size) {
  Page& page = current();
  page.content += fmt::format("BT /F1 {} Tf 0 1 -1 0 {} {} Tm {} Tj ET\n", size, x, page.height - y, pdf_string(text));
  return *this;
}

PdfWriter& PdfWriter::box(double x, double y, double width, double height) {
  Page& page = current();
  page.content += fmt::format("{} {} {} {} re f\n", x, page.height - y - height, width, height);
  return *this;
}

std::string PdfWriter::bytes(Flaw flaw) const {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;  // of objects 1, 2, ...
  const auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", offsets.size(), body);
  };
  // 1 catalog, 2 page tree, 3 and 4 fonts, then each page and its content stream.
  std::string kids;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    kids += fmt::format("{}{} 0 R", i == 0 ? "" : " ", 5 + 2 * i);
  }
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages_.size()));
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    const Page& page = pages_[i];
    object(
        fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 3 0 R /F2 4 "
                    "0 R >> >> /Contents {} 0 R >>",
                    page.width, page.height, 6 + 2 * i));
    object(fmt::format("<< /Length {} >>\nstream\n{}endstream", page.content.size(), page.content));
  }
  std::string trailer = fmt::format("/Size {} /Root 1 0 R", offsets.size() + 1);
  if (flaw == Flaw::encrypted) {
    // Any /O and /U that the empty password does not open: poppler asks for a password.
    object(fmt::format("<< /Filter /Standard /V 1 /R 2 /O <{0}> /U <{0}> /P -4 >>", std::string(64, 'A')));
    trailer = fmt::format("/Size {0} /Root 1 0 R /Encrypt {1} 0 R /ID [<{2}> <{2}>]", offsets.size() + 1,
                          offsets.size(), std::string(32, '7'));
  }
  const std::size_t xref = out.size();
  out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", offsets.size() + 1);
  const std::size_t shift = flaw == Flaw::wrong_xref ? 3 : 0;
  for (const std::size_t offset : offsets) {
    out += fmt::format("{:010} 00000 n \n", offset + shift);
  }
  out += fmt::format("trailer\n<< {} >>\nstartxref\n{}\n%%EOF\n", trailer, xref);
  return out;
}

}  // namespace bpack::test
