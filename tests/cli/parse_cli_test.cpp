// End to end: `bpack parse` over several files, as a script would run it.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace {

using bpack::test::corpus_file;
using bpack::test::run_bpack;
using bpack::test::ScratchDir;

}  // namespace

TEST_CASE("parse: files parsed on several threads print exactly as one at a time, in the order given") {
  ScratchDir dir;
  const std::string bad = dir.file("missing.txt");  // never created: an error between good files
  const std::vector<std::string> files = {corpus_file("blmk-2022-02-09.txt"), bad, corpus_file("blmk-2021-04-07.txt"),
                                          corpus_file("blmk-2022-02-09.txt")};
  for (const char* format : {"--json", ""}) {
    CAPTURE(format);
    std::vector<std::string> one = {"parse", "-j", "1"};
    std::vector<std::string> many = {"parse", "-j", "4"};
    one.insert(one.end(), files.begin(), files.end());
    many.insert(many.end(), files.begin(), files.end());
    if (*format != '\0') {
      one.emplace_back(format);
      many.emplace_back(format);
    }
    const auto serial = run_bpack(one);
    const auto parallel = run_bpack(many);
    CHECK(serial.status == 1);  // the missing file
    CHECK(parallel.status == 1);
    CHECK(parallel.out == serial.out);
    CHECK(parallel.err == serial.err);
    CHECK(serial.err.find("missing.txt") != std::string::npos);
    // The first file's output comes first and the last file's last.
    const auto first = serial.out.find("2022-02-09");
    const auto second = serial.out.find("2021-04-07");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    CHECK(serial.out.rfind("2022-02-09") > second);
  }
}

TEST_CASE("parse: --jobs must be at least 1") {
  const auto run = run_bpack({"parse", "-j", "0", corpus_file("blmk-2021-04-07.txt")});
  CHECK(run.status == 2);
  CHECK(run.out.empty());
}
