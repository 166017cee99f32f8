#include "bpack/text/byte_stream.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "bpack/util/error.hpp"

namespace bpack::text {
namespace {

class FdStream final : public ByteStream {
 public:
  FdStream(int fd, std::string path, bool owned) : fd_(fd), path_(std::move(path)), owned_(owned) {}
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;
  ~FdStream() override {
    if (owned_) {
      ::close(fd_);
    }
  }
  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer, size);
      if (got >= 0) {
        return static_cast<std::size_t>(got);
      }
      if (errno != EINTR) {
        throw Error(fmt::format("{}: cannot read: {}", path_, std::strerror(errno)));
      }
    }
  }

 private:
  int fd_;
  std::string path_;
  bool owned_;
};

class StringStream final : public ByteStream {
 public:
  explicit StringStream(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t take = std::min(size, bytes_.size() - offset_);
    std::memcpy(buffer, bytes_.data() + offset_, take);
    offset_ += take;
    return take;
  }

 private:
  std::string bytes_;
  std::size_t offset_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> open_file(const std::string& path) {
  if (path == "-") {
    return std::make_unique<FdStream>(STDIN_FILENO, "<stdin>", false);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  return std::make_unique<FdStream>(fd, path, true);
}

std::unique_ptr<ByteStream> from_string(std::string bytes) {
  return std::make_unique<StringStream>(std::move(bytes));
}

std::string read_all(ByteStream& stream) {
  std::string bytes;
  std::size_t size = 0;
  for (;;) {
    bytes.resize(size + 256 * 1024);
    const std::size_t got = stream.read(bytes.data() + size, bytes.size() - size);
    if (got == 0) {
      break;
    }
    size += got;
  }
  bytes.resize(size);
  return bytes;
}

}  // namespace bpack::text
