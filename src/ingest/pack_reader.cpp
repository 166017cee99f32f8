#include "bpack/ingest/pack_reader.hpp"

#include <filesystem>

namespace bpack::ingest {

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
