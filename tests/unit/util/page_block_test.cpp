#include "bpack/util/page_block.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>

using bpack::util::PageBlock;

TEST_CASE("a page block keeps what is appended, up to its capacity, and moves without copying") {
  PageBlock empty;
  CHECK(empty.capacity() == 0);
  CHECK(empty.view().empty());

  PageBlock small(4096);
  CHECK(small.capacity() == 4096);
  small.append("board ");
  small.append("");
  small.append("pack");
  CHECK(small.view() == "board pack");
  const char* data = small.view().data();

  PageBlock moved(std::move(small));
  CHECK(moved.view() == "board pack");
  CHECK(moved.view().data() == data);
  CHECK(small.capacity() == 0);  // NOLINT(bugprone-use-after-move): a moved-from block is empty

  PageBlock assigned(16);
  assigned = std::move(moved);
  CHECK(assigned.view() == "board pack");
  CHECK(assigned.size() == 10);
}

TEST_CASE("a page block of 2 MB or more starts on a 2 MB boundary and holds every byte") {
  PageBlock huge(PageBlock::kHugePage + 100);
  CHECK(reinterpret_cast<std::uintptr_t>(huge.view().data()) % PageBlock::kHugePage == 0);
  const std::string line(1000, 'x');
  while (huge.capacity() - huge.size() >= line.size()) {
    huge.append(line);
  }
  huge.append(std::string(huge.capacity() - huge.size(), 'y'));
  CHECK(huge.size() == huge.capacity());
  CHECK(huge.view().front() == 'x');
  CHECK(huge.view().back() == 'y');
}
