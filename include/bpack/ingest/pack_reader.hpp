#pragma once

// Reading one input for ingest: its bytes, and what identifies it from one run to the next.

#include <string>

namespace bpack::ingest {

// The bytes of the file at `path` ("-": standard input), read through text::open_file.
// Throws bpack::Error naming the path.
std::string read_pack_file(const std::string& path);

// What identifies the file at `path` from one run to the next: its absolute path (empty for
// standard input, which is never "the same file").
std::string source_key_of(const std::string& path);

}  // namespace bpack::ingest
