#pragma once

// A bpack run in the background, for the tests that kill it, race it or feed it slowly:
// started with posix_spawn, its stdin from a file or from a pipe the test writes to, its
// stdout and stderr to files.

#include <sys/types.h>

#include <string>
#include <vector>

namespace bpack::test {

class ChildProcess {
 public:
  // Runs BPACK_BINARY with `args`. With `piped_stdin`, write() feeds its standard input
  // until close_stdin(); otherwise it reads /dev/null.
  ChildProcess(const std::vector<std::string>& args, const std::string& output_prefix, bool piped_stdin = false);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  void write(const std::string& bytes);
  void close_stdin();
  void kill_hard();  // SIGKILL
  // Waits for the end; the exit status, or -1 when killed by a signal.
  int wait();
  std::string err() const;

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  std::string prefix_;
  bool waited_ = false;
  int status_ = -1;
};

}  // namespace bpack::test
