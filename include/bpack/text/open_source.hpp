#pragma once

// The front door for a pack's bytes: a PDF goes to PdfSource, anything else to TextSource.
// A PDF is known by its signature, not its name: "%PDF-" within the first kilobyte, where
// PDF readers look for it.

#include <memory>
#include <string>
#include <string_view>

#include "bpack/text/byte_stream.hpp"
#include "bpack/text/line_source.hpp"
#include "bpack/util/diagnostics.hpp"

namespace bpack::text {

// Bytes from the start of a file: how many looks_like_pdf needs to decide.
constexpr std::size_t kSignatureWindow = 1024;
// Whether a file that starts with `head` is a PDF.
bool looks_like_pdf(std::string_view head);

// A source over `stream`, read as it goes (text) or in full first (a PDF). Throws
// bpack::Error naming `name` when a PDF cannot be opened.
std::unique_ptr<LineSource> open_source(std::unique_ptr<ByteStream> stream, std::string name,
                                        DiagnosticSink* diagnostics = nullptr);
// The same for bytes in memory.
std::unique_ptr<LineSource> open_source(std::string bytes, std::string name, DiagnosticSink* diagnostics = nullptr);

}  // namespace bpack::text
