#include "bpack/util/sha256.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using bpack::util::detail::use_sha256_instructions;

// Puts Sha256 back on its fastest compression when a test that switched it ends, even early.
struct RestoreFastest {
  RestoreFastest() = default;
  RestoreFastest(const RestoreFastest&) = delete;
  RestoreFastest& operator=(const RestoreFastest&) = delete;
  ~RestoreFastest() { use_sha256_instructions(true); }
};

// Bytes that look random (xorshift64), so every word of the message schedule differs.
std::string noise(std::size_t size) {
  std::string out(size, '\0');
  std::uint64_t x = 0x9e3779b97f4a7c15;
  for (char& c : out) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c = static_cast<char>(x >> 56);
  }
  return out;
}

std::string sha256(std::string_view bytes) {
  bpack::util::Sha256 hash;
  hash.update(bytes);
  return hash.hex();
}

// Feeds `bytes` in pieces of the given sizes, cycling through them.
std::string sha256_in_pieces(std::string_view bytes, const std::vector<std::size_t>& sizes) {
  bpack::util::Sha256 hash;
  std::size_t at = 0;
  for (std::size_t k = 0; at < bytes.size(); ++k) {
    const std::size_t take = std::min(sizes[k % sizes.size()], bytes.size() - at);
    hash.update(bytes.substr(at, take));
    at += take;
  }
  return hash.hex();
}

}  // namespace

// FIPS 180-2 / NIST CSRC example vectors, with the SHA instructions (where the CPU has them)
// and with the portable code.
TEST_CASE("sha256: NIST test vectors") {
  const RestoreFastest restore;
  for (const bool instructions : {true, false}) {
    CAPTURE(instructions);
    use_sha256_instructions(instructions);
    CHECK(sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // 56 bytes: the padding no longer fits in the first block.
    CHECK(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                 "klmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}

TEST_CASE("sha256: lengths around the block and padding boundaries") {
  // Expected values from Python's hashlib.
  CHECK(sha256(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256(std::string(63, 'a')) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  CHECK(sha256(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256(std::string(65, 'a')) == "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
  CHECK(sha256(std::string(119, 'a')) == "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
  CHECK(sha256(std::string(120, 'a')) == "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
}

TEST_CASE("sha256: incremental updates split at odd sizes equal one-shot") {
  const std::string million(1000000, 'a');
  const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  CHECK(sha256_in_pieces(million, {1}) == expected);
  CHECK(sha256_in_pieces(million, {7, 13, 63, 64, 65, 1, 127}) == expected);
  CHECK(sha256_in_pieces(million, {4093}) == expected);
  CHECK(sha256_in_pieces(million, {999999, 1}) == expected);

  // Every byte value, so the word loading and the bit-length must not depend on the data.
  std::string all;
  for (int round = 0; round < 5; ++round) {
    for (int b = 0; b < 256; ++b) {
      all.push_back(static_cast<char>(b));
    }
  }
  const std::string one_shot = sha256(all);  // hashlib: bytes(range(256)) * 5
  CHECK(one_shot == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed");
  for (std::size_t split = 0; split <= all.size(); split += 37) {
    CAPTURE(split);
    bpack::util::Sha256 hash;
    hash.update(std::string_view(all).substr(0, split));
    hash.update({});  // an empty update changes nothing
    hash.update(std::string_view(all).substr(split));
    CHECK(hash.hex() == one_shot);
  }
}

TEST_CASE("sha256: the SHA instructions and the portable code give the same hashes") {
  const RestoreFastest restore;
  if (!use_sha256_instructions(true)) {
    MESSAGE("this CPU has no SHA-256 instructions: only the portable code is in use");
  }
  const auto hash_with = [](bool instructions, std::string_view bytes, const std::vector<std::size_t>& sizes) {
    use_sha256_instructions(instructions);
    return sha256_in_pieces(bytes, sizes);
  };
  const std::string bytes = noise(3 * 1024 * 1024 + 77);
  const std::string_view all(bytes);
  // From Python's hashlib over the same xorshift bytes, so that agreeing is not all that is checked.
  CHECK(hash_with(true, all, {all.size()}) == "39a3fa02abe291d52908d2161ea4d64a5c69aec18b583a7a5481e965e0739fcd");
  CHECK(hash_with(false, all, {all.size()}) == "39a3fa02abe291d52908d2161ea4d64a5c69aec18b583a7a5481e965e0739fcd");

  for (std::size_t size = 0; size <= 300; ++size) {
    CAPTURE(size);
    // Start at an odd offset so the blocks are not 16-byte aligned.
    const std::string_view message = all.substr(size % 13 + 1, size);
    const std::string expected = hash_with(false, message, {size});
    CHECK(hash_with(true, message, {size}) == expected);
    CHECK(hash_with(true, message, {1}) == expected);
    CHECK(hash_with(true, message, {63, 7, 130, 64, 5}) == expected);
  }

  // Megabytes: long runs of whole blocks in one call, and runs broken by partial blocks.
  for (const std::size_t size : {all.size(), std::size_t{2 * 1024 * 1024}, std::size_t{1024 * 1024 + 63}}) {
    CAPTURE(size);
    const std::string_view message = all.substr(all.size() - size);
    const std::string expected = hash_with(false, message, {size});
    CHECK(hash_with(true, message, {size}) == expected);
    CHECK(hash_with(true, message, {4093, 1, 65541, 63, 1000003}) == expected);
    CHECK(hash_with(false, message, {4093, 1, 65541, 63, 1000003}) == expected);
  }
}
