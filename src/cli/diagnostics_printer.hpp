#pragma once

#include <fmt/format.h>

#include <cstdio>

#include "bpack/util/diagnostics.hpp"
#include "cli/output_options.hpp"

namespace bpack::cli {

// Prints the parser's diagnostics on stderr as they arrive ("file:line: warning: ...").
class DiagnosticsPrinter final : public DiagnosticSink {
 public:
  explicit DiagnosticsPrinter(bool quiet) : quiet_(quiet) {}
  void report(Diagnostic d) override {
    if (quiet_ || d.level == Diagnostic::Level::note) {
      return;
    }
    const std::string where = d.line > 0 ? fmt::format("{}:{}", d.file, d.line) : d.file;
    print_message(fmt::format("{}: warning: {}", where, d.message));
  }

 private:
  bool quiet_;
};

}  // namespace bpack::cli
