#include "bpack/ingest/input_list.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "bpack/text/open_source.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::ingest {
namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

std::string extension_of(const fs::path& path) {
  return util::to_lower_ascii(path.extension().string());
}

// A file in a directory is taken when its name says text or PDF, or its first bytes are a
// PDF's (a downloaded pack is often named without .pdf).
bool is_pack(const fs::path& path) {
  const std::string extension = extension_of(path);
  if (extension == ".txt" || extension == ".pdf") {
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  std::string head(text::kSignatureWindow, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(file.gcount(), 0)));
  return text::looks_like_pdf(head);
}

}  // namespace

InputList list_inputs(const std::vector<std::string>& paths) {
  InputList inputs;
  for (const auto& path : paths) {
    std::error_code error;
    if (path == "-" || !fs::is_directory(path, error)) {
      const auto size = path == "-" ? 0 : fs::file_size(path, error);
      inputs.packs.push_back({path, error ? 0 : static_cast<std::uint64_t>(size), {}});
      continue;
    }
    std::vector<Input> found;
    std::vector<std::string> skipped;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const fs::directory_entry& entry = *it;
      if (hidden(entry.path())) {
        it.disable_recursion_pending();
        continue;
      }
      std::error_code entry_error;
      if (!entry.is_regular_file(entry_error)) {
        continue;
      }
      if (is_pack(entry.path())) {
        const auto size = entry.file_size(entry_error);
        found.push_back({entry.path().string(), entry_error ? 0 : static_cast<std::uint64_t>(size), {}});
      } else {
        skipped.push_back(entry.path().string());
      }
    }
    if (error) {
      inputs.packs.push_back({path, 0, fmt::format("{}: cannot list directory: {}", path, error.message())});
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    std::sort(skipped.begin(), skipped.end());
    inputs.packs.insert(inputs.packs.end(), found.begin(), found.end());
    inputs.skipped.insert(inputs.skipped.end(), skipped.begin(), skipped.end());
  }
  return inputs;
}

std::string skipped_summary(const std::vector<std::string>& skipped) {
  if (skipped.empty()) {
    return {};
  }
  // Most common kinds first, then by name.
  std::map<std::string, std::size_t> by_extension;
  for (const auto& path : skipped) {
    const std::string extension = extension_of(path);
    ++by_extension[extension.empty() ? "no extension" : extension];
  }
  std::vector<std::pair<std::string, std::size_t>> kinds(by_extension.begin(), by_extension.end());
  std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string list;
  for (const auto& [extension, count] : kinds) {
    list += fmt::format("{}{} {}", list.empty() ? "" : ", ", count, extension);
  }
  return fmt::format("{} skipped (not text or PDF: {})", skipped.size(), list);
}

}  // namespace bpack::ingest
