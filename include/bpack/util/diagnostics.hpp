#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bpack {

// Oddities found while parsing (a cp1252 fallback, a table row that could not be paired)
// are not errors: the parser reports them here and carries on. The caller decides whether
// to print them.
struct Diagnostic {
  enum class Level { note, warning };
  Level level = Level::warning;
  std::string file;
  std::int64_t line = 0;  // 0 when the diagnostic is about the whole file
  std::string message;
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Diagnostic diagnostic) = 0;
};

// Keeps every diagnostic, for tests and for callers that print them at the end.
class CollectingSink final : public DiagnosticSink {
 public:
  void report(Diagnostic diagnostic) override { items.push_back(std::move(diagnostic)); }
  std::vector<Diagnostic> items;
};

}  // namespace bpack
