#include "bpack/util/strings.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("append_utf8 writes one to four bytes") {
  std::string out;
  bpack::util::append_utf8(U'A', out);
  bpack::util::append_utf8(U'\u00e9', out);      // é
  bpack::util::append_utf8(U'\u2013', out);      // en dash
  bpack::util::append_utf8(U'\U0001F600', out);  // outside the Basic Multilingual Plane
  CHECK(out == "A\xC3\xA9\xE2\x80\x93\xF0\x9F\x98\x80");
}
