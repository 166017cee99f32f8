#include "bpack/util/page_block.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <new>
#include <utility>

namespace bpack::util {

PageBlock::PageBlock(std::size_t capacity) : capacity_(capacity) {
  if (capacity == 0) {
    return;
  }
  const bool huge = capacity >= kHugePage;
  // A huge block is mapped with a huge page's room to spare, so that an aligned start fits.
  mapping_size_ = huge ? capacity + kHugePage : capacity;
  void* mapping = mmap(nullptr, mapping_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) {
    mapping_size_ = 0;
    capacity_ = 0;
    throw std::bad_alloc();
  }
  mapping_ = mapping;
  data_ = static_cast<char*>(mapping);
  if (huge) {
    const auto address = reinterpret_cast<std::uintptr_t>(mapping);
    const std::uintptr_t aligned = (address + kHugePage - 1) & ~(std::uintptr_t{kHugePage} - 1);
    data_ += aligned - address;
#ifdef MADV_HUGEPAGE
    // Only advice: where huge pages are off, or none is free, pages are 4 KB as before.
    madvise(data_, capacity, MADV_HUGEPAGE);
#endif
  }
}

PageBlock::~PageBlock() {
  release();
}

PageBlock::PageBlock(PageBlock&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)),
      mapping_(std::exchange(other.mapping_, nullptr)),
      mapping_size_(std::exchange(other.mapping_size_, 0)) {}

PageBlock& PageBlock::operator=(PageBlock&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapping_size_ = std::exchange(other.mapping_size_, 0);
  }
  return *this;
}

void PageBlock::append(std::string_view bytes) {
  if (bytes.empty()) {
    return;
  }
  std::memcpy(data_ + size_, bytes.data(), bytes.size());
  size_ += bytes.size();
}

void PageBlock::release() noexcept {
  if (mapping_ != nullptr) {
    munmap(mapping_, mapping_size_);
  }
  mapping_ = nullptr;
}

}  // namespace bpack::util
