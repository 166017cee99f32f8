#include "bpack/ingest/pack_reader.hpp"

#include <filesystem>

#include "bpack/text/byte_stream.hpp"

namespace bpack::ingest {

std::string read_pack_file(const std::string& path) {
  return text::read_all(*text::open_file(path));
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
