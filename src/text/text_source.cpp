#include "bpack/text/text_source.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

#include "bpack/text/decode.hpp"
#include "bpack/util/error.hpp"

namespace bpack::text {
namespace {

constexpr std::size_t kChunk = 256 * 1024;

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\v\f") == std::string_view::npos;
}

}  // namespace

TextSource::TextSource(std::unique_ptr<ByteStream> stream, std::string name, DiagnosticSink* diagnostics)
    : LineSource(std::move(name)), stream_(std::move(stream)), diagnostics_(diagnostics) {
  buffer_.resize(kChunk);
}

bool TextSource::fill() {
  if (eof_) {
    return false;
  }
  // Keep the unread tail, then make room: a line longer than the buffer grows it.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < kChunk / 2) {
    buffer_.resize(buffer_.size() * 2);
  }
  const std::size_t got = stream_->read(buffer_.data() + end_, buffer_.size() - end_);
  if (got == 0) {
    eof_ = true;
    if (!hash_known()) {
      set_sha256(hash_.hex());
    }
    return false;
  }
  const std::string_view fresh(buffer_.data() + end_, got);
  if (!hash_known()) {
    hash_.update(fresh);
  }
  bytes_ += got;
  end_ += got;
  return true;
}

void TextSource::check_binary(std::string_view raw) const {
  // Eight bytes at a time while none is below 0x20 (the test is exact for that bound).
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= raw.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, raw.data() + i, 8);
    if (((word - kOnes * 0x20) & ~word & kHigh) != 0) {
      break;
    }
  }
  for (const char ch : raw.substr(i)) {
    const auto c = static_cast<unsigned char>(ch);
    // Text extracted from PDFs carries tabs, form feeds and the odd vertical tab; NUL and the
    // other C0 controls mean a binary file (a PDF itself, an image, a zip).
    if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      throw Error(
          fmt::format("{}:{}: not a text file (control byte 0x{:02X}); bpack reads text "
                      "extracted from packs, e.g. by pdftotext -layout",
                      name(), number_, c));
    }
  }
}

void TextSource::decode_line(std::string_view raw) {
  if (number_ == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") {
    raw.remove_prefix(3);
  }
  if (!raw.empty() && raw.back() == '\r') {
    raw.remove_suffix(1);
  }
  // Most lines are printable ASCII: only the bytes after that prefix need a closer look.
  const std::size_t ascii = printable_ascii_prefix(raw);
  check_binary(raw.substr(ascii));
  page_ += pending_page_breaks_;
  pending_page_breaks_ = 0;
  // A form feed starts a new page: before any text on this line it moves this line to the
  // next page, after text it moves the following line.
  line_.clear();
  std::string_view rest = raw;
  const bool plain = ascii == raw.size() || is_valid_utf8(raw.substr(ascii));
  if (plain && (ascii == raw.size() || raw.find('\f', ascii) == std::string_view::npos)) {
    view_ = raw;  // nothing to change: the line is read where it lies in the buffer
    return;
  }
  if (!plain && !used_cp1252_) {
    used_cp1252_ = true;
    if (diagnostics_ != nullptr) {
      diagnostics_->report(
          {Diagnostic::Level::warning, name(), number_, "not valid UTF-8; reading the file as Windows-1252"});
    }
  }
  for (std::size_t ff = rest.find('\f'); ff != std::string_view::npos; ff = rest.find('\f')) {
    const std::string_view before = rest.substr(0, ff);
    if (plain) {
      line_.append(before);
    } else {
      append_cp1252_as_utf8(before, line_);
    }
    if (is_blank(line_)) {
      ++page_;
    } else {
      ++pending_page_breaks_;
    }
    rest.remove_prefix(ff + 1);
  }
  if (plain) {
    line_.append(rest);
  } else {
    append_cp1252_as_utf8(rest, line_);
  }
  view_ = line_;
}

bool TextSource::next(Line& line) {
  for (;;) {
    const std::string_view window(buffer_.data() + begin_, end_ - begin_);
    const std::size_t newline = window.find('\n');
    if (newline != std::string_view::npos) {
      ++number_;
      ++lines_;
      decode_line(window.substr(0, newline));
      begin_ += newline + 1;
      break;
    }
    if (!fill()) {
      const std::string_view tail(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      // A last line without a line break is a line when it holds text; white space or the
      // form feed that ends the last page is not a line (and starts no page). Nor is a lone
      // BOM: an empty file saved by Notepad is an empty file.
      const bool bom = number_ == 0 && tail.substr(0, 3) == "\xEF\xBB\xBF";
      if (is_blank(bom ? tail.substr(3) : tail)) {
        return false;
      }
      ++number_;
      ++lines_;
      decode_line(tail);
      break;
    }
  }
  line.text = view_;
  line.number = number_;
  line.page = page_;
  return true;
}

}  // namespace bpack::text
