#pragma once

// Reading a PDF's text. The reader itself is poppler's (src/pdf/, see pdf/pdf_source.hpp for
// how it lays out pages and which PDFs it refuses) and lives in a module of its own,
// bpack-pdf.so, which links poppler-cpp: bpack loads it the first time it is given a PDF
// (pdf_module.hpp), so that no other command pays for loading poppler and its libraries.
//
// PDF support is optional at build time: without poppler-cpp, open_pdf throws an error
// that says how to get it. Where the module cannot be loaded (not installed beside bpack,
// poppler's libraries missing, left from another build), open_pdf throws an error that
// says why and how to fix it.

#include <memory>
#include <string>

#include "bpack/text/line_source.hpp"
#include "bpack/util/diagnostics.hpp"

namespace bpack::text {

// Whether this bpack reads PDFs: it was built with PDF support and its module loads.
bool pdf_supported();

// A source over the PDF `bytes`: each page's words laid out as lines, numbered through the
// document, with the PDF's page numbers. Throws bpack::Error naming `name` when the PDF
// cannot be opened, when the PDF module cannot be loaded, and always in a build without PDF
// support. Safe to call from several threads at once.
std::unique_ptr<LineSource> open_pdf(std::string bytes, std::string name, DiagnosticSink* diagnostics = nullptr);

}  // namespace bpack::text
