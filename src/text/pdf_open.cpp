// The PDF source of a build with poppler-cpp: poppler's reader is in the PDF module
// (bpack-pdf.so, src/pdf/), loaded the first time a PDF is opened, by whichever thread
// gets there first (ingest reads packs on threads), and kept for the life of the process.

#include <fmt/format.h>

#include "bpack/text/pdf_module.hpp"
#include "bpack/text/pdf_source.hpp"
#include "bpack/util/error.hpp"

namespace bpack::text {
namespace {

const PdfModule& pdf_module() {
  static const PdfModule module = load_pdf_module(pdf_module_candidates());  // once, thread-safe
  return module;
}

}  // namespace

bool pdf_supported() {
  return pdf_module().open != nullptr;
}

std::unique_ptr<LineSource> open_pdf(std::string bytes, std::string name, DiagnosticSink* diagnostics) {
  const PdfModule& module = pdf_module();
  if (module.open == nullptr) {
    throw Error(fmt::format("{}: cannot read PDFs: {}; or convert with pdftotext -layout", name, module.problem));
  }
  return std::unique_ptr<LineSource>(module.open(bytes, name, diagnostics));
}

}  // namespace bpack::text
