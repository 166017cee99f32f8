#include "bpack/text/open_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "bpack/text/pdf_source.hpp"
#include "bpack/text/text_source.hpp"
#include "bpack/util/error.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::text {
namespace {

// The bytes read to recognise a file, then the rest of its stream: the text source reads
// the file from its first byte without reading anything twice (stdin cannot be).
class ReplayStream final : public ByteStream {
 public:
  ReplayStream(std::string head, std::unique_ptr<ByteStream> rest) : head_(std::move(head)), rest_(std::move(rest)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    if (offset_ < head_.size()) {
      const std::size_t take = std::min(size, head_.size() - offset_);
      std::memcpy(buffer, head_.data() + offset_, take);
      offset_ += take;
      return take;
    }
    return rest_->read(buffer, size);
  }

 private:
  std::string head_;
  std::size_t offset_ = 0;
  std::unique_ptr<ByteStream> rest_;
};

// A file named .pdf that is not one is most often a failed download (an error page saved
// under the PDF's name): said so, rather than read as a text pack.
void refuse_false_pdf(const std::string& name) {
  const std::string_view view(name);
  if (view.size() >= 4 && util::to_lower_ascii(view.substr(view.size() - 4)) == ".pdf") {
    throw Error(
        fmt::format("{}: named .pdf but not a PDF (no %PDF- signature at its start): a failed download?", name));
  }
}

}  // namespace

bool looks_like_pdf(std::string_view head) {
  return head.substr(0, kSignatureWindow).find("%PDF-") != std::string_view::npos;
}

std::unique_ptr<LineSource> open_source(std::unique_ptr<ByteStream> stream, std::string name,
                                        DiagnosticSink* diagnostics) {
  std::string head(kSignatureWindow, '\0');
  std::size_t size = 0;
  while (size < head.size()) {
    const std::size_t got = stream->read(head.data() + size, head.size() - size);
    if (got == 0) {
      break;
    }
    size += got;
  }
  head.resize(size);
  if (looks_like_pdf(head)) {
    return open_pdf(head + read_all(*stream), std::move(name), diagnostics);
  }
  refuse_false_pdf(name);
  return std::make_unique<TextSource>(std::make_unique<ReplayStream>(std::move(head), std::move(stream)),
                                      std::move(name), diagnostics);
}

std::unique_ptr<LineSource> open_source(std::string bytes, std::string name, DiagnosticSink* diagnostics) {
  if (looks_like_pdf(bytes)) {
    return open_pdf(std::move(bytes), std::move(name), diagnostics);
  }
  refuse_false_pdf(name);
  return std::make_unique<TextSource>(from_string(std::move(bytes)), std::move(name), diagnostics);
}

}  // namespace bpack::text
