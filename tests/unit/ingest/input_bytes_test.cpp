#include "bpack/ingest/input_bytes.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "bpack/util/error.hpp"
#include "bpack/util/sha256.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::Error;
using bpack::ingest::InputBytes;
using bpack::ingest::read_input;
using bpack::ingest::ReadOptions;
using bpack::test::TempDir;

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string sha256(const std::string& bytes) {
  bpack::util::Sha256 hash;
  hash.update(bytes);
  return hash.hex();
}

std::string all_of(InputBytes& input, const std::string& path) {
  const auto stream = input.stream(path);
  std::string out;
  char buffer[4096];
  for (std::size_t got; (got = stream->read(buffer, sizeof buffer)) > 0;) {
    out.append(buffer, got);
  }
  return out;
}

std::string lines(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += "Line " + std::to_string(i) + " of a board pack.\n";
  }
  return text;
}

TEST_CASE("read_input: a small file is held; a large one is read again from the file kept open") {
  TempDir dir;
  const std::string path = dir.file("pack.txt");
  const std::string text = lines(2000);
  write_file(path, text);

  InputBytes small = read_input(path);
  CHECK(small.held());
  CHECK(small.size() == text.size());
  CHECK(small.sha256() == sha256(text));
  CHECK(small.memory() == text.size());
  CHECK(all_of(small, path) == text);
  CHECK(small.memory() == 0);

  ReadOptions options;
  options.hold_bytes = 1000;
  InputBytes large = read_input(path, options);
  CHECK_FALSE(large.held());
  CHECK(large.memory() == 0);
  CHECK(large.sha256() == sha256(text));
  // Renamed away and replaced: the open file is still the one that was read.
  std::filesystem::rename(path, dir.file("old.txt"));
  write_file(path, "something else\n");
  CHECK(all_of(large, path) == text);
}

TEST_CASE("read_input: the text checks fail at the first bad line, before the file is read to its end") {
  TempDir dir;
  const std::string path = dir.file("bad.txt");
  SUBCASE("a control byte") {
    write_file(path, "Agenda\nItem 1\nA\x01 B\n" + lines(100000));
    CHECK_THROWS_WITH_AS(read_input(path),
                         (path + ":3: not a text file (control byte 0x01); bpack reads text extracted from packs, e.g. "
                                 "by pdftotext -layout")
                             .c_str(),
                         Error);
  }
  SUBCASE("a NUL file") {
    write_file(path, std::string(3 * 1024 * 1024, '\0'));
    int chunks = 0;
    ReadOptions options;
    options.after_chunk = [&](int) { ++chunks; };
    CHECK_THROWS_WITH_AS(read_input(path, options),
                         doctest::Contains((path + ":1: not a text file (control byte 0x00)").c_str()), Error);
    CHECK(chunks == 0);  // refused in the first chunk
  }
  SUBCASE("a line longer than the limit") {
    ReadOptions options;
    options.max_line = 100;
    write_file(path, "short\n" + std::string(100, 'x') + "\n" + std::string(101, 'y') + "\nmore\n");
    CHECK_THROWS_WITH_AS(
        read_input(path, options),
        (path + ":3: a line longer than 100 bytes; not read (raise the limit with --max-line)").c_str(), Error);
  }
  SUBCASE("one endless line is refused after max_line bytes") {
    write_file(path, std::string(8 * 1024 * 1024, 'x'));
    int chunks = 0;
    ReadOptions options;
    options.after_chunk = [&](int) { ++chunks; };
    CHECK_THROWS_WITH_AS(read_input(path, options),
                         doctest::Contains((path + ":1: a line longer than 1048576 bytes").c_str()), Error);
    CHECK(chunks <= 4);  // 256 KB a chunk: about 1 MB read, not 8
  }
}

TEST_CASE("read_input: a file that changes while it is read is read again once, then refused") {
  TempDir dir;
  const std::string path = dir.file("pack.txt");
  const std::string first = lines(30000);  // several chunks
  const std::string second = lines(20000);
  write_file(path, first);

  SUBCASE("appended to during the first read: the second read is taken") {
    ReadOptions options;
    bool appended = false;
    options.after_chunk = [&](int attempt) {
      if (attempt == 0 && !appended) {
        std::ofstream(path, std::ios::binary | std::ios::app) << "A line written while the file was read.\n";
        appended = true;
      }
    };
    InputBytes input = read_input(path, options);
    CHECK(input.sha256() == sha256(first + "A line written while the file was read.\n"));
  }
  SUBCASE("written to during both reads: refused") {
    ReadOptions options;
    options.after_chunk = [&](int) { std::ofstream(path, std::ios::binary | std::ios::app) << "more\n"; };
    CHECK_THROWS_WITH_AS(
        read_input(path, options),
        (path + ": changed while it was read; not ingested (run bpack ingest again once it is written)").c_str(),
        Error);
  }
  SUBCASE("replaced by another file (renamed over it) during the first read: the new file is read") {
    ReadOptions options;
    bool replaced = false;
    options.after_chunk = [&](int attempt) {
      if (attempt == 0 && !replaced) {
        write_file(dir.file("next.txt"), second);
        std::filesystem::rename(dir.file("next.txt"), path);
        replaced = true;
      }
    };
    InputBytes input = read_input(path, options);
    CHECK(input.sha256() == sha256(second));
  }
}

TEST_CASE("read_input: a pipe larger than the bound is copied to a temporary file, not held") {
  TempDir dir;
  const std::string fifo = dir.file("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string text = lines(5000);
  std::thread writer([&] { write_file(fifo, text); });
  ReadOptions options;
  options.hold_bytes = 4096;
  InputBytes input = read_input(fifo, options);
  writer.join();
  CHECK_FALSE(input.held());
  CHECK(input.size() == text.size());
  CHECK(input.sha256() == sha256(text));
  CHECK(all_of(input, fifo) == text);
}

}  // namespace
