#pragma once

// What identifies an input from one run to the next (its bytes are read by input_bytes.hpp).

#include <string>

namespace bpack::ingest {

// What identifies the file at `path` from one run to the next: its absolute path (empty for
// standard input, which is never "the same file").
std::string source_key_of(const std::string& path);

}  // namespace bpack::ingest
