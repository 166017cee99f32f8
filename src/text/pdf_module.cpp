#include "bpack/text/pdf_module.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <system_error>

namespace bpack::text {

std::vector<std::string> pdf_module_candidates() {
  namespace fs = std::filesystem;
  std::vector<std::string> candidates;
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path dir = program.parent_path();
    candidates.push_back((dir / kPdfModuleFile).string());
    candidates.push_back((dir.parent_path() / "lib" / "bpack" / kPdfModuleFile).string());
  }
  const std::string built = (fs::path(BPACK_PDF_MODULE_DIR) / kPdfModuleFile).string();
  if (candidates.empty() || candidates.front() != built) {  // bpack in its build directory
    candidates.push_back(built);
  }
  return candidates;
}

PdfModule load_pdf_module(const std::vector<std::string>& candidates) {
  PdfModule module;
  for (const std::string& path : candidates) {
    if (::access(path.c_str(), F_OK) != 0) {
      continue;
    }
    module.path = path;
    // RTLD_NOW: a symbol poppler lacks fails here, with a message, not halfway through a PDF.
    // RTLD_LOCAL: the module's copies of bpack's helpers stay its own.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      module.problem = fmt::format(
          "loading {} failed: {}; install libpoppler-cpp0v5 (poppler's C++ library), or "
          "rebuild bpack",
          path, why != nullptr ? why : "unknown error");
      return module;
    }
    void* entry = ::dlsym(handle, BPACK_PDF_ENTRY_NAME);
    if (entry == nullptr) {
      ::dlclose(handle);
      module.problem = fmt::format(
          "{} is from another build of bpack (it has no {}): rebuild bpack, or reinstall "
          "it with its own {}",
          path, BPACK_PDF_ENTRY_NAME, kPdfModuleFile);
      return module;
    }
    // dlsym's object pointer as the function it is, as POSIX guarantees it can be.
    std::memcpy(&module.open, &entry, sizeof entry);
    return module;
  }
  std::string places;
  for (const std::string& path : candidates) {
    places += fmt::format("{}{}", places.empty() ? "" : ", ", path);
  }
  module.problem = fmt::format("{} is not installed with bpack (looked for {}): rebuild bpack, or reinstall it",
                               kPdfModuleFile, places);
  return module;
}

}  // namespace bpack::text
