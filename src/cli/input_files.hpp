#pragma once

// The packs a command is given: files as named, and the packs found in directories. In a
// directory a pack is a text file (*.txt) or a PDF (any file with the PDF signature, and any
// *.pdf, so that one that is not really a PDF is reported rather than passed over); the
// other files are skipped, and said to be. Hidden files and folders are left out.

#include <cstdint>
#include <string>
#include <vector>

namespace bpack::cli {

struct InputFile {
  std::string path;
  std::uint64_t bytes = 0;  // for progress; 0 for stdin
  std::string error;        // set when the path could not be listed
};

struct InputFiles {
  std::vector<InputFile> packs;      // in the order given, each directory's in name order
  std::vector<std::string> skipped;  // files in directories that are neither text nor PDF
};

// Expands `paths` ("-": standard input, kept as it is).
InputFiles expand_inputs(const std::vector<std::string>& paths);

// "3 skipped (not text or PDF: 2 .docx, 1 .html)", or empty when nothing was skipped.
std::string skipped_summary(const std::vector<std::string>& skipped);

}  // namespace bpack::cli
