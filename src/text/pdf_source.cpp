#include "bpack/text/pdf_source.hpp"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>

#include "bpack/util/error.hpp"
#include "bpack/util/sha256.hpp"
#include "bpack/util/strings.hpp"

namespace bpack::text {
namespace {

// poppler reports trouble through one process-wide function, which by default prints to
// stderr. Ours hands each message to the source reading on the calling thread (ingest reads
// on a thread of its own), and that source decides what the user sees.
thread_local std::vector<std::string>* t_messages = nullptr;
constexpr std::size_t kMaxMessages = 64;

void collect_message(const std::string& message, void* /*closure*/) {
  if (t_messages != nullptr && t_messages->size() < kMaxMessages) {
    t_messages->push_back(message);
  }
}

// While it lives, poppler's messages on this thread go to `into`.
class MessageCapture {
 public:
  explicit MessageCapture(std::vector<std::string>& into) : previous_(t_messages) {
    static std::once_flag installed;
    std::call_once(installed, [] { poppler::set_debug_error_function(collect_message, nullptr); });
    t_messages = &into;
  }
  ~MessageCapture() { t_messages = previous_; }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

 private:
  std::vector<std::string>* previous_;
};

// A poppler message fit for one line of a terminal: without poppler's "error (offset): "
// prefix, bytes outside printable ASCII (names read from the file) as '?', and short.
std::string clean_message(std::string_view message) {
  if (message.substr(0, 5) == "error") {
    const std::size_t colon = message.find(": ");
    message.remove_prefix(colon == std::string_view::npos ? 0 : colon + 2);
  }
  // poppler writes a line break it quotes as "<0a>".
  while (message.size() >= 4 && message.substr(message.size() - 4) == "<0a>") {
    message.remove_suffix(4);
  }
  constexpr std::size_t kMaxLength = 160;
  std::string out;
  for (const char c : message.substr(0, kMaxLength)) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x20 && u < 0x7F ? c : '?');
  }
  return std::string(util::trim(out));
}

// " (poppler: first message)", or nothing when poppler said nothing.
std::string poppler_said(const std::vector<std::string>& messages) {
  return messages.empty() ? std::string() : fmt::format(" (poppler: {})", clean_message(messages.front()));
}

// poppler's UTF-16 as UTF-8. Control characters, which a text file could not hold either,
// become U+FFFD; so does a lone surrogate.
void append_word_text(const poppler::ustring& text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t code = text[i];
    if (code >= 0xD800 && code < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000) {
      code = 0x10000 + ((code - 0xD800) << 10) + (text[i + 1] - 0xDC00U);
      ++i;
    } else if (code >= 0xD800 && code < 0xE000) {
      code = 0xFFFD;
    }
    if (code == 0xFEFF) {
      continue;
    }
    if (code < 0x20 || (code >= 0x7F && code < 0xA0)) {
      code = code == '\t' ? U' ' : 0xFFFD;
    }
    util::append_utf8(code, out);
  }
}

// A PDF ends with %%EOF; readers look for it in the last kilobyte, as trailing bytes after
// it are common. Without it the file was cut short, and poppler would read what is left
// without a word: part of a pack indexed as if it were all of it.
bool ends_with_eof_marker(std::string_view bytes) {
  const std::size_t tail = std::min<std::size_t>(bytes.size(), 1024);
  return bytes.substr(bytes.size() - tail).find("%%EOF") != std::string_view::npos;
}

// "3" or "3, 5-7": page numbers in ascending order, runs shortened.
std::string page_ranges(const std::vector<LineNo>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size();) {
    std::size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) {
      ++j;
    }
    out += out.empty() ? "" : ", ";
    out += i == j ? fmt::format("{}", pages[i]) : fmt::format("{}-{}", pages[i], pages[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace

// Pages laid out ahead of the parser: enough to keep both threads busy, few enough that
// memory does not grow with the document.
constexpr std::size_t kPagesAhead = 8;

struct PdfSource::Document {
  std::string bytes;  // poppler reads them where they are: they must outlive `pdf`
  std::unique_ptr<poppler::document> pdf;
  int pages = 0;
  // poppler's messages: the constructor's, then the reading thread's. The parser's thread
  // reads them once the reading thread is done.
  std::vector<std::string> messages;

  struct Page {
    LineNo number = 0;
    std::vector<std::string> lines;
    bool has_text = false;
  };
  Page read(int index);  // on the reading thread

  std::vector<WordBox> words;  // the reading thread's, kept for its capacity
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Page> ready;    // laid out, not yet taken
  bool done = false;         // every page read, or reading failed
  std::exception_ptr error;  // what made reading fail
  bool stop = false;         // the source is going away
  std::thread reader;
};

bool pdf_supported() {
  return true;
}

std::unique_ptr<LineSource> open_pdf(std::string bytes, std::string name, DiagnosticSink* diagnostics) {
  return std::make_unique<PdfSource>(std::move(bytes), std::move(name), diagnostics);
}

PdfSource::PdfSource(std::string bytes, std::string name, DiagnosticSink* diagnostics)
    : LineSource(std::move(name)),
      document_(std::make_unique<Document>()),
      diagnostics_(diagnostics),
      size_(bytes.size()) {
  Document& doc = *document_;
  doc.bytes = std::move(bytes);
  if (!ends_with_eof_marker(doc.bytes)) {
    throw Error(fmt::format("{}: truncated PDF (it does not end with %%EOF): the file was cut short", this->name()));
  }
  if (doc.bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(fmt::format("{}: PDF too large to read (2 GB or more)", this->name()));
  }
  const MessageCapture capture(doc.messages);
  try {
    doc.pdf.reset(poppler::document::load_from_raw_data(doc.bytes.data(), static_cast<int>(doc.bytes.size())));
  } catch (const std::exception& e) {
    throw Error(fmt::format("{}: damaged PDF: reading it failed: {}", this->name(), clean_message(e.what())));
  }
  if (!doc.pdf) {
    throw Error(fmt::format("{}: damaged PDF, it cannot be opened{}", this->name(), poppler_said(doc.messages)));
  }
  if (doc.pdf->is_locked()) {
    throw Error(
        fmt::format("{}: password-protected PDF: remove the password first (e.g. qpdf --decrypt)", this->name()));
  }
  doc.pages = doc.pdf->pages();
  if (doc.pages <= 0) {
    throw Error(fmt::format("{}: PDF without pages{}", this->name(), poppler_said(doc.messages)));
  }
  doc.reader = std::thread([this] { read_pages(); });
}

PdfSource::~PdfSource() {
  Document& doc = *document_;
  if (doc.reader.joinable()) {
    {
      const std::lock_guard lock(doc.mutex);
      doc.stop = true;
    }
    doc.changed.notify_all();
    doc.reader.join();
  }
}

void PdfSource::read_pages() {
  Document& doc = *document_;
  const MessageCapture capture(doc.messages);
  try {
    for (int index = 0; index < doc.pages; ++index) {
      {
        std::unique_lock lock(doc.mutex);
        doc.changed.wait(lock, [&] { return doc.stop || doc.ready.size() < kPagesAhead; });
        if (doc.stop) {
          return;
        }
      }
      Document::Page page = doc.read(index);
      {
        const std::lock_guard lock(doc.mutex);
        doc.ready.push_back(std::move(page));
      }
      doc.changed.notify_all();
    }
  } catch (const Error& e) {
    // Document::read's errors say what is wrong with a page; the file's name goes first.
    const std::lock_guard lock(doc.mutex);
    doc.error = std::make_exception_ptr(Error(fmt::format("{}: {}", name(), e.what())));
  } catch (const std::exception& e) {
    const std::lock_guard lock(doc.mutex);
    doc.error = std::make_exception_ptr(Error(fmt::format("{}: reading the PDF failed: {}", name(), e.what())));
  }
  {
    const std::lock_guard lock(doc.mutex);
    doc.done = true;
  }
  doc.changed.notify_all();
}

PdfSource::Document::Page PdfSource::Document::read(int index) {
  Page laid_out;
  laid_out.number = index + 1;
  words.clear();
  try {
    const std::unique_ptr<poppler::page> page(pdf->create_page(index));
    if (!page) {
      throw Error(fmt::format("damaged PDF: page {} cannot be read{}", laid_out.number, poppler_said(messages)));
    }
    for (const poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
      WordBox word;
      append_word_text(box.text(), word.text);
      if (word.text.empty()) {
        continue;
      }
      const poppler::rectf bbox = box.bbox();
      word.x_min = bbox.left();
      word.x_max = bbox.right();
      word.y_min = bbox.top();
      word.y_max = bbox.bottom();
      word.font_size = box.get_font_size();
      word.rotation = box.rotation();
      word.space_after = box.has_space_after();
      words.push_back(std::move(word));
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(fmt::format("damaged PDF: reading page {} failed: {}", laid_out.number, clean_message(e.what())));
  }
  laid_out.has_text = !words.empty();
  lay_out_page(words, laid_out.lines);
  return laid_out;
}

bool PdfSource::take_page() {
  Document& doc = *document_;
  std::unique_lock lock(doc.mutex);
  doc.changed.wait(lock, [&] { return !doc.ready.empty() || doc.done; });
  if (doc.ready.empty()) {
    if (doc.error) {
      std::rethrow_exception(doc.error);
    }
    return false;
  }
  Document::Page page = std::move(doc.ready.front());
  doc.ready.pop_front();
  lock.unlock();
  doc.changed.notify_all();
  page_ = page.number;
  page_lines_ = std::move(page.lines);
  next_line_ = 0;
  if (!page.has_text) {
    empty_pages_.push_back(page_);
  }
  return true;
}

bool PdfSource::next(Line& line) {
  while (next_line_ >= page_lines_.size()) {
    if (!take_page()) {
      finish();
      return false;
    }
  }
  line.text = page_lines_[next_line_++];
  line.number = ++lines_;
  line.page = page_;
  return true;
}

void PdfSource::finish() {
  if (finished_) {
    return;
  }
  finished_ = true;
  const Document& doc = *document_;
  if (std::cmp_equal(empty_pages_.size(), doc.pages)) {
    throw Error(fmt::format("{}: no text layer (a scanned PDF?): run OCR first, e.g. ocrmypdf", name()));
  }
  if (!hash_known()) {
    util::Sha256 hash;
    hash.update(doc.bytes);
    set_sha256(hash.hex());
  }
  if (diagnostics_ == nullptr) {
    return;
  }
  if (!empty_pages_.empty()) {
    diagnostics_->report({Diagnostic::Level::warning, name(), 0,
                          fmt::format("no text on page{} {} (scanned?): what those pages show is not read; OCR "
                                      "them first, e.g. with ocrmypdf",
                                      empty_pages_.size() == 1 ? "" : "s", page_ranges(empty_pages_))});
  }
  if (!doc.messages.empty()) {
    const std::size_t more = doc.messages.size() - 1;
    diagnostics_->report({Diagnostic::Level::warning, name(), 0,
                          fmt::format("damaged PDF, read as poppler repaired it: {}{}", clean_message(doc.messages[0]),
                                      more == 0 ? std::string() : fmt::format(" (and {} more messages)", more))});
  }
}

}  // namespace bpack::text
