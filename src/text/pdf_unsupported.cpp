// The PDF source of a build without poppler-cpp: PDFs are recognised, and refused with a
// message that says how to read them.

#include <fmt/format.h>

#include "bpack/text/pdf_source.hpp"
#include "bpack/util/error.hpp"

namespace bpack::text {

bool pdf_supported() {
  return false;
}

std::unique_ptr<LineSource> open_pdf(std::string /*bytes*/, std::string name, DiagnosticSink* /*diagnostics*/) {
  throw Error(fmt::format(
      "{}: this bpack was built without PDF support; install libpoppler-cpp-dev and rebuild, or convert with "
      "pdftotext -layout",
      name));
}

}  // namespace bpack::text
