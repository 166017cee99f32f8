#pragma once

// `bpack explain`: a pack parsed as usual, with each line's story told from what the parser
// already keeps. The segmenter's classes of the line (SegLine::line_hits, head_hits) say which
// line.* and head.* rules labelled it; each is traced to the alternative that matched (file
// and line). The entities' line spans say what it became part of (the narrowest entity that
// holds it), and the sections' headings which lines opened a section. An entity's first line
// is also matched against the rules its reader looks for there (item.numbered for an item,
// minutes.decision for a decision), so that the rule that read it shows too.

#include <string>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/model/explanation.hpp"

namespace bpack::extract {

// Parses `path` ("-" for standard input) with `options` and explains every line. Throws
// bpack::Error as parse_file() does.
model::Explanation explain_file(const std::string& path, ParseOptions options = {});

}  // namespace bpack::extract
