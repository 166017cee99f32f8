#pragma once

#include <stdexcept>
#include <string>

namespace bpack {

// The one exception the core throws at its edges (I/O, grammar, database). Its message is
// ready to show a user as it is: it names the file (and line where there is one) and what is
// wrong with it.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Bad input the user can fix by changing what they pass (a grammar file, an FTS query):
// the command line maps it to exit status 2 where the input came from an argument.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(message) {}
};

}  // namespace bpack
