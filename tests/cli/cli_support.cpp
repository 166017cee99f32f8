#include "cli/cli_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bpack::test {
namespace {

std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

}  // namespace

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

Run run_program(const std::string& program, const std::vector<std::string>& args) {
  static std::atomic<int> counter{0};
  const auto base = std::filesystem::temp_directory_path() /
                    ("bpack-cli-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string out_path = base.string() + ".out";
  const std::string err_path = base.string() + ".err";
  std::string command = shell_quote(program);
  for (const auto& arg : args) {
    command += " " + shell_quote(arg);
  }
  command += " > " + shell_quote(out_path) + " 2> " + shell_quote(err_path);
  Run run;
  const int raw = std::system(command.c_str());
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_text(out_path);
  run.err = read_text(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return run;
}

Run run_bpack(const std::vector<std::string>& args, const std::string& stdin_path) {
  // The binary's stdin is redirected by wrapping it in `sh -c`, so args stay unexpanded.
  std::vector<std::string> wrapped = {"-c", "exec \"$0\" \"$@\" < " + shell_quote(stdin_path), BPACK_BINARY};
  wrapped.insert(wrapped.end(), args.begin(), args.end());
  return run_program("/bin/sh", wrapped);
}

std::string corpus_file(const std::string& name) {
  return std::string(BPACK_SOURCE_DIR) + "/corpus/" + name;
}

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("bpack-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace bpack::test
