#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bpack::util {

// Incremental SHA-256 (FIPS 180-4): a pack is identified by the hash of its bytes, computed
// while they stream past, so ingest never reads a file twice. Blocks are compressed with the
// CPU's SHA-256 instructions where it has them (x86 SHA extensions), in portable C++ otherwise;
// the choice is made once per process.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // Finishes the hash (the object is then spent) and returns it as 64 lowercase hex digits.
  std::string hex();

 private:
  std::array<std::uint32_t, 8> state_{};
  std::array<unsigned char, 64> pending_{};
  std::size_t pending_size_ = 0;
  std::uint64_t total_ = 0;
};

namespace detail {

// For tests that check the two compression paths agree, not for production code: true makes
// every Sha256 use the SHA-256 instructions if the CPU has them, false the portable code, from
// the next update() on. Returns whether the instructions are now in use.
bool use_sha256_instructions(bool on);

}  // namespace detail

}  // namespace bpack::util
