#pragma once

// The parser's front door: a line source (text or PDF) in, a Pack out. Lines stream through the segmenter
// into per-section extractors; memory is bounded by the largest section kept for
// extraction, not by the size of the file.

#include <functional>
#include <string>

#include "bpack/grammar/grammar.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/segment/segmenter.hpp"
#include "bpack/text/line_source.hpp"
#include "bpack/util/diagnostics.hpp"

namespace bpack::extract {

// Receives every paragraph-sized block of text as the parser passes it (for the full-text
// index). The block's views are valid only during the call.
using BlockSink = std::function<void(const model::Block&)>;

// Receives every line of a section, with the classes the segmenter gave it, as the section
// is handed on (`bpack explain`); `section` indexes Pack::sections. The blank lines between
// sections belong to none and are not passed. The line's text is valid only during the call.
using LineSink = std::function<void(const segment::SegLine& line, std::size_t section)>;

struct ParseOptions {
  const grammar::Grammar* grammar = nullptr;  // nullptr: the default grammar
  DiagnosticSink* diagnostics = nullptr;
  BlockSink on_block;  // optional
  LineSink on_line;    // optional
};

// Parses a whole pack. Throws bpack::Error when the input cannot be read (not text, a PDF
// that cannot be opened).
model::Pack parse_pack(text::LineSource& source, const ParseOptions& options = {});

// Opens `path` ("-" for stdin), a text file or a PDF, and parses it; source.path is `path`
// as given.
model::Pack parse_file(const std::string& path, const ParseOptions& options = {});

}  // namespace bpack::extract
