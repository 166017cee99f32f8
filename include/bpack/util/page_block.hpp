#pragma once

// A block of memory for a large buffer that is filled once, front to back, and never moved
// (the text of a long table). It comes straight from the system: a page costs nothing until
// it is written. A block of 2 MB or more is aligned to 2 MB and offered to the kernel as huge
// pages (Linux's transparent huge pages, where they are enabled for programs that ask), so
// that filling it takes one page fault for each 2 MB instead of one for each 4 KB: on some
// virtual machines a fault costs some 10 us, and a whole index's attendance fills 8 MB.

#include <cstddef>
#include <string_view>

namespace bpack::util {

class PageBlock {
 public:
  static constexpr std::size_t kHugePage = std::size_t{1} << 21U;

  PageBlock() = default;
  // Room for `capacity` bytes. Throws std::bad_alloc when the system has none.
  explicit PageBlock(std::size_t capacity);
  ~PageBlock();
  PageBlock(PageBlock&& other) noexcept;
  PageBlock& operator=(PageBlock&& other) noexcept;
  PageBlock(const PageBlock&) = delete;
  PageBlock& operator=(const PageBlock&) = delete;

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  std::string_view view() const { return {data_, size_}; }
  // Appends `bytes`, which must fit (size() + bytes.size() <= capacity()).
  void append(std::string_view bytes);

 private:
  void release() noexcept;

  char* data_ = nullptr;  // in the mapping, aligned for huge blocks
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
};

}  // namespace bpack::util
