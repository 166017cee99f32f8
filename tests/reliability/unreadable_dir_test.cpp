// A subdirectory bpack may not list is a failure, counted, not a silent skip: a cron job
// must not report "0 failed" over packs it never saw. Permissions bind only a user who is
// not root, so as root (CI) the run is made as nobody, through setpriv.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace {

TEST_CASE("reliability: an unreadable subdirectory is a failure, counted") {
  if (::geteuid() == 0 && !std::filesystem::exists("/usr/bin/setpriv")) {
    MESSAGE("skipped: running as root without setpriv to run as another user");
    return;
  }
  bpack::test::ScratchDir dir;
  const std::string packs = dir.file("packs");
  std::filesystem::create_directories(packs + "/locked");
  std::filesystem::copy_file(bpack::test::corpus_file("blmk-2021-04-07.txt"), packs + "/a.txt");
  std::filesystem::copy_file(bpack::test::corpus_file("blmk-2022-02-09.txt"), packs + "/locked/b.txt");
  // The index goes where the user running bpack may write.
  const std::string out = dir.file("out");
  std::filesystem::create_directories(out);
  ::chmod(out.c_str(), 0777);
  ::chmod(dir.file("").c_str(), 0755);
  ::chmod((packs + "/locked").c_str(), 0);

  std::vector<std::string> args = {BPACK_BINARY, "--db", out + "/index.db", "ingest", packs};
  bpack::test::Run run;
  if (::geteuid() == 0) {
    args.insert(args.begin(), {"--reuid=nobody", "--regid=nogroup", "--clear-groups"});
    run = bpack::test::run_program("/usr/bin/setpriv", args);
  } else {
    run = bpack::test::run_program(args.front(), {args.begin() + 1, args.end()});
  }
  ::chmod((packs + "/locked").c_str(), 0755);
  CHECK(run.status == 1);
  CHECK(run.err.find("bpack: " + packs + "/locked: cannot list directory: Permission denied") != std::string::npos);
  CHECK(run.err.find("ingest: 1 added, 0 replaced, 0 unchanged, 1 failed") != std::string::npos);
}

}  // namespace
