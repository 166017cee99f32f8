#pragma once

// What `bpack ingest PATH...` reads: files as given, directories walked for their packs,
// "-" for standard input.

#include <cstdint>
#include <string>
#include <vector>

namespace bpack::ingest {

struct Input {
  std::string path;
  std::uint64_t bytes = 0;  // for progress; 0 for standard input
  std::string error;        // set when the path could not be listed: the input fails in its turn
};

// Files as given; directories become their *.txt files (recursively, in name order, so a
// run is repeatable); "-" is standard input. A missing file is listed as it is: reading it
// fails in its turn.
std::vector<Input> list_inputs(const std::vector<std::string>& paths);

}  // namespace bpack::ingest
