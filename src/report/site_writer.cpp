#include "site_writer.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "bpack/util/error.hpp"

namespace bpack::report {
namespace fs = std::filesystem;

namespace {

bool same_content(const fs::path& path, std::string_view content) {
  std::error_code error;
  if (fs::file_size(path, error) != content.size() || error) {
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::string old(content.size(), '\0');
  in.read(old.data(), static_cast<std::streamsize>(old.size()));
  return in && old == content;
}

}  // namespace

SiteWriter::SiteWriter(std::string dir, std::vector<std::string> owned)
    : dir_(std::move(dir)), owned_(std::move(owned)) {
  std::error_code error;
  fs::create_directories(dir_, error);
  for (const auto& sub : owned_) {
    fs::create_directories(fs::path(dir_) / sub, error);
  }
  if (error || !fs::is_directory(dir_)) {
    throw Error(fmt::format("{}: cannot create the report folder{}", dir_, error ? ": " + error.message() : ""));
  }
}

void SiteWriter::write(const std::string& relative, std::string_view content) {
  written_.insert(relative);
  const fs::path path = fs::path(dir_) / relative;
  if (same_content(path, content)) {
    ++summary_.unchanged;
    return;
  }
  // Written beside and renamed over the old page: a reader never sees half a page.
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) {
      throw Error(fmt::format("{}: cannot write the page", temporary.string()));
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    throw Error(fmt::format("{}: cannot write the page: {}", path.string(), error.message()));
  }
  ++summary_.written;
}

ReportSummary SiteWriter::finish() {
  for (const auto& sub : owned_) {
    std::error_code error;
    for (fs::directory_iterator it(fs::path(dir_) / sub, error), end; !error && it != end; it.increment(error)) {
      const fs::path& path = it->path();
      const std::string relative = sub + "/" + path.filename().string();
      if (path.extension() == ".html" && !written_.count(relative)) {
        fs::remove(path, error);
        ++summary_.removed;
      }
    }
  }
  return summary_;
}

}  // namespace bpack::report
