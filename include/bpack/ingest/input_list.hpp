#pragma once

// What `bpack ingest PATH...` and `bpack parse FILE...` read: files as given, directories
// walked for their packs, "-" for standard input. In a directory a pack is a text file
// (*.txt) or a PDF (any file with the PDF signature, and any *.pdf, so that one that is not
// really a PDF is reported rather than passed over); other files are skipped, and said to be.
// Hidden files and folders are left out.

#include <cstdint>
#include <string>
#include <vector>

namespace bpack::ingest {

struct Input {
  std::string path;
  std::uint64_t bytes = 0;  // for progress; 0 for standard input
  std::string error;        // set when the path could not be listed: the input fails in its turn
};

struct InputList {
  std::vector<Input> packs;          // in the order given, each directory's in name order
  std::vector<std::string> skipped;  // files in directories that are neither text nor PDF
};

// Files as given; directories become their packs (recursively, in name order, so a run is
// repeatable); "-" is standard input. A missing file is listed as it is: reading it fails in
// its turn.
InputList list_inputs(const std::vector<std::string>& paths);

// "3 skipped (not text or PDF: 2 .docx, 1 .html)", or empty when nothing was skipped.
std::string skipped_summary(const std::vector<std::string>& skipped);

}  // namespace bpack::ingest
