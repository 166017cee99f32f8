#include "bpack/ingest/input_bytes.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"
#include "bpack/util/sha256.hpp"

namespace bpack::ingest {

struct InputBytes::File {
  explicit File(int descriptor) : fd(descriptor) {}
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File() { ::close(fd); }
  int fd;
};

namespace {

constexpr std::size_t kChunk = 256 * 1024;

std::string errno_text() {
  return std::strerror(errno);
}

// Reads a file kept open from its start, whatever was read from it before.
class FileStream final : public text::ByteStream {
 public:
  FileStream(std::shared_ptr<InputBytes::File> file, std::string path)
      : file_(std::move(file)), path_(std::move(path)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t got = ::pread(file_->fd, buffer, size, offset_);
      if (got >= 0) {
        offset_ += got;
        return static_cast<std::size_t>(got);
      }
      if (errno != EINTR) {
        throw Error(fmt::format("{}: cannot read: {}", path_, errno_text()));
      }
    }
  }

 private:
  std::shared_ptr<InputBytes::File> file_;
  std::string path_;
  off_t offset_ = 0;
};

std::size_t read_some(int fd, char* buffer, std::size_t size, const std::string& path) {
  for (;;) {
    const ssize_t got = ::read(fd, buffer, size);
    if (got >= 0) {
      return static_cast<std::size_t>(got);
    }
    if (errno != EINTR) {
      throw Error(fmt::format("{}: cannot read: {}", path, errno_text()));
    }
  }
}

// An unlinked temporary file for an input that is too large to hold and cannot be read twice.
std::shared_ptr<InputBytes::File> spool_file(const std::string& path) {
  const char* tmpdir = std::getenv("TMPDIR");
  const std::string dir = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  std::string name = dir + "/bpack-input-XXXXXX";
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    throw Error(fmt::format("{}: cannot keep a copy of the input in {}: {}", path, dir, errno_text()));
  }
  ::unlink(name.c_str());
  return std::make_shared<InputBytes::File>(fd);
}

void write_all(const InputBytes::File& file, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(file.fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) {
      continue;
    }
    if (put <= 0) {
      throw Error(fmt::format("{}: cannot keep a copy of the input: {}", path, errno_text()));
    }
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
}

struct Read {
  std::string bytes;
  std::string sha256;
  std::uint64_t size = 0;
  std::shared_ptr<InputBytes::File> file;  // when the bytes are not held
};

// One pass over `fd`: checked, hashed, held up to the bound. A regular file past the bound is
// read again later from `file`; anything else is copied to a spool file as it passes. At
// most `limit` bytes are read: a regular file is read one byte past the size it had when
// opened, which is enough to know it grew (a file appended to as fast as it is read would
// otherwise never end).
Read read_once(const std::shared_ptr<InputBytes::File>& file, bool regular, const std::string& path,
               const ReadOptions& options, int attempt, std::uint64_t limit) {
  Read read;
  // A PDF is binary: the text checks apply to anything else, decided on the first bytes.
  text::InputCheck check(path, options.max_line);
  std::string head;
  bool decided = false;
  bool pdf = false;
  const auto check_text = [&](std::string_view bytes, bool last) {
    if (decided) {
      if (!pdf) {
        check.update(bytes);
      }
      return;
    }
    head.append(bytes);
    if (head.size() >= text::kSignatureWindow || last) {
      decided = true;
      pdf = text::looks_like_pdf(head);
      if (!pdf) {
        check.update(head);
      }
      std::string().swap(head);
    }
  };
  util::Sha256 hash;
  std::vector<char> buffer(kChunk);
  std::shared_ptr<InputBytes::File> spool;
  bool holding = true;
  while (read.size < limit) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), limit - read.size));
    const std::size_t got = read_some(file->fd, buffer.data(), want, path);
    if (got == 0) {
      break;
    }
    const std::string_view chunk(buffer.data(), got);
    check_text(chunk, false);
    hash.update(chunk);
    read.size += got;
    if (holding && read.size > options.hold_bytes) {
      holding = false;
      if (!regular) {
        spool = spool_file(path);
        write_all(*spool, read.bytes, path);
      }
      std::string().swap(read.bytes);
    }
    if (holding) {
      read.bytes.append(chunk);
    } else if (spool) {
      write_all(*spool, chunk, path);
    }
    if (options.after_chunk) {
      options.after_chunk(attempt);
    }
  }
  check_text({}, true);
  read.sha256 = hash.hex();
  if (!holding) {
    read.file = regular ? file : spool;
  }
  return read;
}

bool same_time(const timespec& a, const timespec& b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

// Whether the file read from `fd` is still what it was when reading began, and still the
// file at `path`.
bool unchanged(int fd, const std::string& path, const struct stat& before, std::uint64_t size_read) {
  struct stat after {};
  struct stat now {};
  if (::fstat(fd, &after) != 0 || ::stat(path.c_str(), &now) != 0) {
    return false;
  }
  return after.st_size == before.st_size && size_read == static_cast<std::uint64_t>(before.st_size) &&
         same_time(after.st_mtim, before.st_mtim) && now.st_ino == before.st_ino && now.st_dev == before.st_dev;
}

}  // namespace

InputBytes InputBytes::in_memory(std::string bytes) {
  InputBytes input;
  util::Sha256 hash;
  hash.update(bytes);
  input.sha256_ = hash.hex();
  input.size_ = bytes.size();
  input.bytes_ = std::move(bytes);
  return input;
}

std::unique_ptr<text::ByteStream> InputBytes::stream(const std::string& path) {
  if (file_) {
    return std::make_unique<FileStream>(file_, path);
  }
  return text::from_string(std::exchange(bytes_, std::string()));
}

std::string changed_while_read(const std::string& path) {
  return fmt::format("{}: changed while it was read; not ingested (run bpack ingest again once it is written)", path);
}

InputBytes read_input(const std::string& path, const ReadOptions& options) {
  for (int attempt = 0;; ++attempt) {
    std::shared_ptr<InputBytes::File> file;
    if (path == "-") {
      const int fd = ::dup(STDIN_FILENO);
      if (fd < 0) {
        throw Error(fmt::format("<stdin>: cannot read: {}", errno_text()));
      }
      file = std::make_shared<InputBytes::File>(fd);
    } else {
      const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        throw Error(fmt::format("{}: cannot open: {}", path, errno_text()));
      }
      file = std::make_shared<InputBytes::File>(fd);
    }
    struct stat before {};
    if (::fstat(file->fd, &before) != 0) {
      throw Error(fmt::format("{}: cannot read: {}", path, errno_text()));
    }
    const bool regular = S_ISREG(before.st_mode) && path != "-";
    const std::uint64_t limit =
        regular ? static_cast<std::uint64_t>(before.st_size) + 1 : std::numeric_limits<std::uint64_t>::max();
    Read read = read_once(file, regular, path, options, attempt, limit);
    // A pipe or a device is read once: there is nothing to compare it with.
    if (!regular || unchanged(file->fd, path, before, read.size)) {
      InputBytes input;
      input.bytes_ = std::move(read.bytes);
      input.sha256_ = std::move(read.sha256);
      input.size_ = read.size;
      input.file_ = std::move(read.file);
      return input;
    }
    if (attempt == 1) {
      throw Error(changed_while_read(path));
    }
  }
}

}  // namespace bpack::ingest
