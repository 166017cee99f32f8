#include "bpack/ingest/input_list.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "bpack/util/strings.hpp"

namespace bpack::ingest {

namespace fs = std::filesystem;

namespace {

// Appends the *.txt files below `dir`. A directory that cannot be listed (no permission, an
// I/O error) is an input that fails in its turn, so it is counted rather than passed over.
void list_directory(const fs::path& dir, std::vector<Input>& found) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    std::error_code entry_error;
    // A link to a directory is not followed (it may lead back up the tree); a link to a
    // file is the file.
    if (entry.is_directory(entry_error) && !entry.is_symlink(entry_error)) {
      list_directory(entry.path(), found);
    } else if (entry.is_regular_file(entry_error) &&
               util::to_lower_ascii(entry.path().extension().string()) == ".txt") {
      const auto size = entry.file_size(entry_error);
      found.push_back({entry.path().string(), entry_error ? 0 : static_cast<std::uint64_t>(size), {}});
    }
  }
  if (error) {
    found.push_back({dir.string(), 0, fmt::format("{}: cannot list directory: {}", dir.string(), error.message())});
  }
}

}  // namespace

std::vector<Input> list_inputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const auto& path : paths) {
    std::error_code error;
    if (path == "-" || !fs::is_directory(path, error)) {
      const auto size = path == "-" ? 0 : fs::file_size(path, error);
      inputs.push_back({path, error ? 0 : static_cast<std::uint64_t>(size), {}});
      continue;
    }
    std::vector<Input> found;
    list_directory(path, found);
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
  return inputs;
}

}  // namespace bpack::ingest
