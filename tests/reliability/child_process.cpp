#include "reliability/child_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <stdexcept>

#include "cli/cli_support.hpp"

extern char** environ;

namespace bpack::test {

ChildProcess::ChildProcess(const std::vector<std::string>& args, const std::string& output_prefix, bool piped_stdin)
    : prefix_(output_prefix) {
  std::vector<std::string> argv_strings = {BPACK_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  int pipe_fds[2] = {-1, -1};
  if (piped_stdin) {
    if (::pipe(pipe_fds) != 0) {
      throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], 0);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  const std::string out = prefix_ + ".out";
  const std::string err = prefix_ + ".err";
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int rc = posix_spawn(&pid_, BPACK_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (piped_stdin) {
    ::close(pipe_fds[0]);
    stdin_fd_ = pipe_fds[1];
  }
  if (rc != 0) {
    throw std::runtime_error("posix_spawn failed");
  }
}

ChildProcess::~ChildProcess() {
  close_stdin();
  if (!waited_) {
    kill_hard();
    wait();
  }
}

void ChildProcess::write(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(stdin_fd_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      throw std::runtime_error("write to child failed");
    }
    done += static_cast<std::size_t>(n);
  }
}

void ChildProcess::close_stdin() {
  if (stdin_fd_ >= 0) {
    ::close(stdin_fd_);
    stdin_fd_ = -1;
  }
}

void ChildProcess::kill_hard() {
  if (!waited_) {
    ::kill(pid_, SIGKILL);
  }
}

int ChildProcess::wait() {
  if (!waited_) {
    int raw = 0;
    while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
    }
    waited_ = true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }
  return status_;
}

std::string ChildProcess::err() const {
  return read_text(prefix_ + ".err");
}

}  // namespace bpack::test
