// The PDF module's loader: where it looks, and what it says when the module is missing, is
// not a shared object, or comes from another build. (The PDF tests read PDFs through the
// module itself: pdf_source_test.cpp, cli/pdf_cli_test.cpp.)

#include "bpack/text/pdf_module.hpp"

#include <doctest/doctest.h>
#include <link.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "bpack/text/pdf_source.hpp"
#include "cli/cli_support.hpp"

namespace {

using bpack::text::load_pdf_module;
using bpack::text::pdf_module_candidates;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The path of a shared object this process has loaded (the C library), which has no entry
// point of bpack's.
std::string loaded_library() {
  std::string found;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t /*size*/, void* data) {
        const std::string_view name = info->dlpi_name != nullptr ? info->dlpi_name : "";
        if (name.find("/libc.so") != std::string_view::npos) {
          *static_cast<std::string*>(data) = std::string(name);
          return 1;
        }
        return 0;
      },
      &found);
  return found;
}

}  // namespace

TEST_SUITE("pdf_module") {
  TEST_CASE("pdf_module: looked for beside the program, in ../lib/bpack, then in the build directory") {
    const auto candidates = pdf_module_candidates();
    REQUIRE(candidates.size() == 3);  // the test program is in build/tests/, not build/
    const auto program = std::filesystem::read_symlink("/proc/self/exe");
    CHECK(candidates[0] == (program.parent_path() / "bpack-pdf.so").string());
    CHECK(candidates[1] == (program.parent_path().parent_path() / "lib/bpack/bpack-pdf.so").string());
    CHECK(ends_with(candidates[2], "/bpack-pdf.so"));
  }

  // The PDF tests skip themselves where bpack cannot read PDFs: in a build with PDF support
  // that must be because the module loads, never because it failed to.
  TEST_CASE("pdf_module: a build with PDF support loads its module, so that the PDF tests run") {
#ifdef BPACK_TESTS_EXPECT_PDF
    const auto module = load_pdf_module(pdf_module_candidates());
    INFO(module.problem);
    CHECK(bpack::text::pdf_supported());
#else
    CHECK(!bpack::text::pdf_supported());
#endif
  }

  TEST_CASE("pdf_module: this build's module loads, and is the one bpack reads PDFs with") {
    if (!bpack::text::pdf_supported()) {
      return;  // a build without PDF support has no module
    }
    const auto module = load_pdf_module(pdf_module_candidates());
    CHECK((module.open != nullptr));
    CHECK(module.problem.empty());
    CHECK(ends_with(module.path, "/bpack-pdf.so"));
  }

  TEST_CASE("pdf_module: a module found nowhere is named with the places looked in") {
    const auto module = load_pdf_module({"/nonexistent/a/bpack-pdf.so", "/nonexistent/b/bpack-pdf.so"});
    CHECK((module.open == nullptr));
    CHECK(module.path.empty());
    CHECK(module.problem ==
          "bpack-pdf.so is not installed with bpack (looked for /nonexistent/a/bpack-pdf.so, "
          "/nonexistent/b/bpack-pdf.so): rebuild bpack, or reinstall it");
  }

  TEST_CASE("pdf_module: the first module found is the one tried; one that does not load says why") {
    bpack::test::ScratchDir dir;
    std::ofstream(dir.file("bpack-pdf.so")) << "not a shared object\n";
    const auto module = load_pdf_module({"/nonexistent/bpack-pdf.so", dir.file("bpack-pdf.so"), loaded_library()});
    CHECK((module.open == nullptr));
    CHECK(module.path == dir.file("bpack-pdf.so"));
    CHECK(module.problem.rfind("loading " + dir.file("bpack-pdf.so") + " failed: ", 0) == 0);
    CHECK(ends_with(module.problem, "; install libpoppler-cpp0v5 (poppler's C++ library), or rebuild bpack"));
  }

  TEST_CASE("pdf_module: a shared object without this build's entry point is refused as another build's") {
    const std::string library = loaded_library();
    REQUIRE(!library.empty());
    const auto module = load_pdf_module({library});
    CHECK((module.open == nullptr));
    CHECK(module.path == library);
    CHECK(module.problem.find(library + " is from another build of bpack (it has no bpack_pdf_open_") == 0);
    CHECK(ends_with(module.problem, "): rebuild bpack, or reinstall it with its own bpack-pdf.so"));
  }
}
