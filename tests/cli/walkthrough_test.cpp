// README's "Teach bpack your house style" walk-through, run as written: each fenced block
// that starts with "$ bpack ..." is run from the source directory and must print what the
// README shows (stdout, then stderr). The line numbers of the built-in grammar files are
// not compared (a rule moving in grammars/ does not make the walk-through wrong); every
// other character is.

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace {

using bpack::test::read_text;
using bpack::test::run_bpack;

struct Step {
  std::vector<std::string> args;
  std::string expected;
};

std::vector<Step> walkthrough_steps() {
  const std::string readme = read_text(std::string(BPACK_SOURCE_DIR) + "/README.md");
  const auto start = readme.find("\n## Teach bpack your house style\n");
  REQUIRE(start != std::string::npos);
  const auto end = readme.find("\n## ", start + 1);
  const std::string section = readme.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::vector<Step> steps;
  std::size_t at = 0;
  while ((at = section.find("\n```\n", at)) != std::string::npos) {
    const auto close = section.find("\n```\n", at + 5);
    REQUIRE(close != std::string::npos);
    const std::string block = section.substr(at + 5, close - at - 5 + 1);  // with its last '\n'
    at = close + 5;
    if (block.rfind("$ bpack ", 0) != 0) {
      continue;
    }
    const auto newline = block.find('\n');
    Step step;
    std::istringstream words(block.substr(8, newline - 8));
    for (std::string word; words >> word;) {
      step.args.push_back(word);
    }
    step.expected = block.substr(newline + 1);
    steps.push_back(std::move(step));
  }
  return steps;
}

std::string without_default_grammar_lines(const std::string& text) {
  static const std::regex line_of_default(R"((grammars/[a-z_]+\.grammar):[0-9]+)");
  return std::regex_replace(text, line_of_default, "$1:N");
}

}  // namespace

TEST_CASE("README walk-through: explain, add one rule, explain again") {
  const std::vector<Step> steps = walkthrough_steps();
  REQUIRE(steps.size() >= 3);
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(BPACK_SOURCE_DIR);
  for (const Step& step : steps) {
    std::string command;
    for (const auto& arg : step.args) {
      command += arg + " ";
    }
    CAPTURE(command);
    const auto run = run_bpack(step.args);
    const bool error = step.expected.rfind("bpack: ", 0) == 0;
    CHECK(run.status == (error ? 2 : 0));
    CHECK(without_default_grammar_lines(run.out + run.err) == without_default_grammar_lines(step.expected));
  }
  std::filesystem::current_path(previous);
  // The rule changed what was read: the README shows a before and an after.
  CHECK(steps[0].expected.find("0 actions") != std::string::npos);
  CHECK(steps[1].expected.find("2 actions") != std::string::npos);
}
