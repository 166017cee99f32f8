#include "cli/pager.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/wait.h>

#include "cli/output_options.hpp"

namespace bpack::cli {

void page(std::string_view text) {
  const char* env = std::getenv("PAGER");
  const std::string pager = env != nullptr ? env : "less -FRX";
  if (!stdout_is_terminal() || pager.empty()) {
    write_stdout(text);
    return;
  }
  std::fflush(stdout);
  FILE* pipe = ::popen(pager.c_str(), "w");
  if (pipe == nullptr) {
    write_stdout(text);
    return;
  }
  // Quitting the pager early closes the pipe: that ends the output, not bpack.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = ::pclose(pipe);
  std::signal(SIGPIPE, previous);
  // The shell could not run the pager (127: not found): the text has not been shown.
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    write_stdout(text);
  }
}

}  // namespace bpack::cli
