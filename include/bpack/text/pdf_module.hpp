#pragma once

// The boundary between bpack and its PDF module, bpack-pdf.so (src/pdf/): the module's one
// entry point, and the loader that finds it (src/text/pdf_module.cpp).
//
// The entry point's name is versioned: BPACK_PDF_ENTRY is `bpack_pdf_open_` and a digest of
// bpack's version and of the headers whose types cross the boundary (this one,
// line_source.hpp, model/pack.hpp, diagnostics.hpp, util/error.hpp), set at configure time
// (src/CMakeLists.txt). A module left from another build, whose types may differ, lacks the
// name this bpack looks for and is refused with a message, never called.

#include <string>
#include <vector>

#include "bpack/text/line_source.hpp"
#include "bpack/util/diagnostics.hpp"

namespace bpack::text {

// Opens the PDF `bytes` (moved from) as a source named `name` (moved from): what
// open_pdf returns, owned by the caller. Throws bpack::Error as open_pdf does.
using PdfOpenFunction = LineSource* (*)(std::string& bytes, std::string& name, DiagnosticSink* diagnostics);

// The module's file name, in each directory pdf_module_candidates names.
inline constexpr const char* kPdfModuleFile = "bpack-pdf.so";

struct PdfModule {
  PdfOpenFunction open = nullptr;  // null when the module did not load
  std::string path;                // the file loaded or tried; empty when none was found
  std::string problem;             // why it did not load, and what to do, for a message
};

// Where the module may be, in order: beside the running program (the build tree, or an
// install's bin/), then <program's directory>/../lib/bpack/ (an install's lib/bpack/), then
// the build directory named at configure time (so that build/tests/bpack_tests finds it).
std::vector<std::string> pdf_module_candidates();

// Loads the first of `candidates` that exists and finds its entry point. Only that one is
// tried: a module that exists but does not load is reported, not passed over. The module is
// never unloaded (its sources and poppler's state live as long as the process).
PdfModule load_pdf_module(const std::vector<std::string>& candidates);

}  // namespace bpack::text

#ifdef BPACK_PDF_ENTRY
// Defined by the module, looked up by name (BPACK_PDF_ENTRY_NAME) by the loader.
extern "C" bpack::text::LineSource* BPACK_PDF_ENTRY(std::string& bytes, std::string& name,
                                                    bpack::DiagnosticSink* diagnostics);
#define BPACK_PDF_STRINGIFY_(x) #x
#define BPACK_PDF_STRINGIFY(x) BPACK_PDF_STRINGIFY_(x)
#define BPACK_PDF_ENTRY_NAME BPACK_PDF_STRINGIFY(BPACK_PDF_ENTRY)
#endif
