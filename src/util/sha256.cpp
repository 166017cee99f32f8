#include "bpack/util/sha256.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define BPACK_SHA256_X86 1
#endif

namespace bpack::util {
namespace {

alignas(16) constexpr std::array<std::uint32_t, 64> kRound{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

// Compresses `blocks` consecutive 64-byte blocks into `state` in plain C++, for any CPU.
void compress_portable(std::uint32_t* state, const unsigned char* data, std::size_t blocks) {
  for (; blocks > 0; --blocks, data += 64) {
    std::array<std::uint32_t, 64> w{};
    for (std::size_t i = 0; i < 16; ++i) {
      w[i] = (std::uint32_t{data[4 * i]} << 24) | (std::uint32_t{data[4 * i + 1]} << 16) |
             (std::uint32_t{data[4 * i + 2]} << 8) | std::uint32_t{data[4 * i + 3]};
    }
    for (std::size_t i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (std::size_t i = 0; i < 64; ++i) {
      const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const std::uint32_t ch = (e & f) ^ (~e & g);
      const std::uint32_t t1 = h + s1 + ch + kRound[i] + w[i];
      const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      const std::uint32_t t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

#ifdef BPACK_SHA256_X86
// The same compression with the x86 SHA extensions. Only this function is compiled for them, so
// the rest of bpack still runs on any x86-64; it is used only when the CPU reports them.
//
// sha256rnds2 does two rounds on the state split in two vectors, A,B,E,F and C,D,G,H, taking
// W[t]+K[t] for the two rounds from the low two lanes of its third operand. sha256msg1 and
// sha256msg2 compute the message schedule four words at a time.
__attribute__((target("sha,sse4.1"))) void compress_sha_ni(std::uint32_t* state, const unsigned char* data,
                                                           std::size_t blocks) {
  // Big-endian words: reverses the bytes of each 32-bit lane.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  const auto* round_constants = reinterpret_cast<const __m128i*>(kRound.data());

  // Lanes are listed from lane 0. state is A,B,C,D E,F,G,H; the instructions want
  // abef = F,E,B,A and cdgh = H,G,D,C.
  const __m128i badc = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);
  const __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);
  __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);
  __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);

  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    // w[g % 4] holds W[4g .. 4g+3] for the group of four rounds g; each group needs only the
    // four groups before it. (A C array: std::array<__m128i> would drop the vector attributes.)
    __m128i w[4];
#pragma GCC unroll 16
    for (std::size_t g = 0; g < 16; ++g) {
      __m128i words;
      if (g < 4) {
        words = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)), byte_swap);
      } else {
        // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16] for t = 4g .. 4g+3.
        const __m128i previous = w[(g - 1) % 4];
        const __m128i t_minus_7 = _mm_alignr_epi8(previous, w[(g - 2) % 4], 4);
        words = _mm_sha256msg1_epu32(w[g % 4], w[(g - 3) % 4]);
        words = _mm_sha256msg2_epu32(_mm_add_epi32(words, t_minus_7), previous);
      }
      w[g % 4] = words;
      const __m128i wk = _mm_add_epi32(words, _mm_load_si128(round_constants + g));
      // Two rounds move A,B,E,F into C,D,G,H, so the pair alternates which variable holds which
      // half and ends with each back in place.
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  // Back to A,B,C,D E,F,G,H.
  const __m128i abef_in_order = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i ghcd = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(abef_in_order, ghcd, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(ghcd, abef_in_order, 8));
}

// Whether the CPU has the SHA extensions and the SSSE3/SSE4.1 shuffles compress_sha_ni uses.
bool has_sha_instructions() {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0 || (ecx & bit_SSSE3) == 0 || (ecx & bit_SSE4_1) == 0) {
    return false;
  }
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) {
    return false;
  }
  return (ebx & bit_SHA) != 0;
}
#endif

using Compress = void (*)(std::uint32_t* state, const unsigned char* data, std::size_t blocks);

Compress fastest_compress() {
#ifdef BPACK_SHA256_X86
  if (has_sha_instructions()) {
    return compress_sha_ni;
  }
#endif
  return compress_portable;
}

// The compression every Sha256 uses, chosen once per process (and switched only by tests).
std::atomic<Compress>& selected_compress() {
  static std::atomic<Compress> compress{fastest_compress()};
  return compress;
}

}  // namespace

namespace detail {

bool use_sha256_instructions(bool on) {
  const Compress compress = on ? fastest_compress() : compress_portable;
  selected_compress().store(compress, std::memory_order_relaxed);
  return compress != compress_portable;
}

}  // namespace detail

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::update(std::string_view bytes) {
  // An empty view may have a null data(), and memcpy from null is undefined even for 0 bytes.
  if (bytes.empty()) {
    return;
  }
  const Compress compress = selected_compress().load(std::memory_order_relaxed);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t size = bytes.size();
  total_ += size;
  if (pending_size_ > 0) {
    const std::size_t take = std::min(size, 64 - pending_size_);
    std::memcpy(pending_.data() + pending_size_, data, take);
    pending_size_ += take;
    data += take;
    size -= take;
    if (pending_size_ < 64) {
      return;
    }
    compress(state_.data(), pending_.data(), 1);
    pending_size_ = 0;
  }
  // Every whole block goes to the compression function in one call.
  const std::size_t blocks = size / 64;
  if (blocks > 0) {
    compress(state_.data(), data, blocks);
    data += 64 * blocks;
    size -= 64 * blocks;
  }
  std::memcpy(pending_.data(), data, size);
  pending_size_ = size;
}

std::string Sha256::hex() {
  const std::uint64_t bits = total_ * 8;
  const unsigned char one = 0x80;
  update(std::string_view(reinterpret_cast<const char*>(&one), 1));
  const unsigned char zero = 0;
  while (pending_size_ != 56) {
    update(std::string_view(reinterpret_cast<const char*>(&zero), 1));
  }
  std::array<unsigned char, 8> length{};
  for (std::size_t i = 0; i < 8; ++i) {
    length[7 - i] = static_cast<unsigned char>(bits >> (8 * i));
  }
  update(std::string_view(reinterpret_cast<const char*>(length.data()), length.size()));
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const std::uint32_t word : state_) {
    for (int shift = 28; shift >= 0; shift -= 4) {
      out.push_back(kDigits[(word >> shift) & 0xF]);
    }
  }
  return out;
}

}  // namespace bpack::util
