#include "bpack/ingest/pack_reader.hpp"

#include <filesystem>

#include "bpack/text/text_source.hpp"

namespace bpack::ingest {

std::string read_pack_file(const std::string& path) {
  const auto stream = text::open_file(path);
  std::string bytes;
  std::size_t size = 0;
  for (;;) {
    bytes.resize(size + 256 * 1024);
    const std::size_t got = stream->read(bytes.data() + size, bytes.size() - size);
    if (got == 0) {
      break;
    }
    size += got;
  }
  bytes.resize(size);
  return bytes;
}

std::string source_key_of(const std::string& path) {
  if (path == "-") {
    return {};
  }
  std::error_code error;
  const auto absolute = std::filesystem::absolute(path, error);
  if (error) {
    return path;
  }
  const auto canonical = std::filesystem::weakly_canonical(absolute, error);
  return (error ? absolute : canonical).string();
}

}  // namespace bpack::ingest
