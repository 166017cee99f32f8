#include "bpack/ingest/input_list.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "bpack/util/strings.hpp"

namespace bpack::ingest {

namespace fs = std::filesystem;

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
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const fs::directory_entry& entry = *it;
      std::error_code entry_error;
      if (entry.is_regular_file(entry_error) && util::to_lower_ascii(entry.path().extension().string()) == ".txt") {
        const auto size = entry.file_size(entry_error);
        found.push_back({entry.path().string(), entry_error ? 0 : static_cast<std::uint64_t>(size), {}});
      }
    }
    if (error) {
      inputs.push_back({path, 0, fmt::format("{}: cannot list directory: {}", path, error.message())});
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
  return inputs;
}

}  // namespace bpack::ingest
