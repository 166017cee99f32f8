#pragma once

// Where a pack's bytes come from: files, standard input, or memory (tests, fuzzers, bytes
// that ingest has read and hashed already).

#include <cstddef>
#include <memory>
#include <string>

namespace bpack::text {

// The input seam: the text source reads bytes through this, so tests and fuzzers feed it
// from memory and the CLI from files or stdin.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Fills up to `size` bytes, returns how many; 0 means end of input. Throws bpack::Error.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

// Opens a file for reading; "-" is standard input. Throws bpack::Error naming the path.
std::unique_ptr<ByteStream> open_file(const std::string& path);
std::unique_ptr<ByteStream> from_string(std::string bytes);

// Everything left in `stream`. Throws bpack::Error as the stream does.
std::string read_all(ByteStream& stream);

}  // namespace bpack::text
