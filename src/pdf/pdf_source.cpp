#include "pdf/pdf_source.hpp"

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
#include <optional>
#include <string_view>
#include <thread>

#include "bpack/text/pdf_module.hpp"
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

// Pages laid out ahead of the parser: enough to keep the threads busy, few enough that
// memory does not grow with the document.
constexpr int kPagesAhead = 8;
// poppler reads one document on one thread at a time: two readers, each with its own
// document over the same bytes, take every other page. On two cores that about halves the
// time to the last page, which poppler's work decides.
constexpr unsigned kMaxReaders = 2;

struct PdfSource::Document {
  std::string bytes;  // poppler reads them where they are: they must outlive the readers
  int pages = 0;

  struct Page {
    std::vector<std::string> lines;
    bool has_text = false;
    std::exception_ptr error;  // reading the page failed: the parser gets this instead
  };

  // A reading thread and its own poppler document (the first reader's is opened by the
  // constructor, to check the file). Its messages are read once it has been joined.
  struct Reader {
    std::unique_ptr<poppler::document> pdf;
    std::vector<std::string> messages;
    std::thread thread;
  };
  std::vector<Reader> readers;  // not resized once the threads run

  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::optional<Page>> slots;  // by page index: laid out, not yet taken
  int taken = 0;                           // pages the parser has taken
  bool stop = false;                       // the source is going away
  std::exception_ptr failure;              // the parser's thread only: what it was given

  void join_readers() {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (Reader& reader : readers) {
      if (reader.thread.joinable()) {
        reader.thread.join();
      }
    }
  }
};

namespace {

std::unique_ptr<poppler::document> open_document(const std::string& bytes) {
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
}

// One page's words as poppler reports them. Throws bpack::Error, without the file's name.
void read_words(poppler::document& pdf, int index, const std::vector<std::string>& messages,
                std::vector<WordBox>& words) {
  words.clear();
  try {
    const std::unique_ptr<poppler::page> page(pdf.create_page(index));
    if (!page) {
      throw Error(fmt::format("damaged PDF: page {} cannot be read{}", index + 1, poppler_said(messages)));
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
    throw Error(fmt::format("damaged PDF: reading page {} failed: {}", index + 1, clean_message(e.what())));
  }
}

}  // namespace

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
  Document::Reader first;
  const MessageCapture capture(first.messages);  // what poppler says while the file is checked
  try {
    first.pdf = open_document(doc.bytes);
  } catch (const std::exception& e) {
    throw Error(fmt::format("{}: damaged PDF: reading it failed: {}", this->name(), clean_message(e.what())));
  }
  if (!first.pdf) {
    throw Error(fmt::format("{}: damaged PDF, it cannot be opened{}", this->name(), poppler_said(first.messages)));
  }
  if (first.pdf->is_locked()) {
    throw Error(
        fmt::format("{}: password-protected PDF: remove the password first (e.g. qpdf --decrypt)", this->name()));
  }
  doc.pages = first.pdf->pages();
  if (doc.pages <= 0) {
    throw Error(fmt::format("{}: PDF without pages{}", this->name(), poppler_said(first.messages)));
  }
  doc.slots.resize(static_cast<std::size_t>(doc.pages));
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const unsigned count = std::min({kMaxReaders, cores, static_cast<unsigned>(doc.pages)});
  doc.readers.resize(count);
  doc.readers[0] = std::move(first);
  for (unsigned k = 0; k < count; ++k) {
    doc.readers[k].thread = std::thread([this, k, count] { read_pages(k, count); });
  }
}

PdfSource::~PdfSource() {
  document_->join_readers();
}

void PdfSource::read_pages(unsigned reader_index, unsigned step) {
  Document& doc = *document_;
  Document::Reader& reader = doc.readers[reader_index];
  const MessageCapture capture(reader.messages);
  const auto put = [&](int index, Document::Page page) {
    {
      const std::lock_guard lock(doc.mutex);
      doc.slots[static_cast<std::size_t>(index)] = std::move(page);
    }
    doc.changed.notify_all();
  };
  auto index = static_cast<int>(reader_index);
  if (!reader.pdf) {
    try {
      reader.pdf = open_document(doc.bytes);
    } catch (const std::exception&) {
      reader.pdf.reset();
    }
    if (!reader.pdf || reader.pdf->is_locked() || reader.pdf->pages() != doc.pages) {
      Document::Page failed;
      failed.error = std::make_exception_ptr(
          Error(fmt::format("{}: damaged PDF, it cannot be opened again{}", name(), poppler_said(reader.messages))));
      put(index, std::move(failed));
      return;
    }
  }
  std::vector<WordBox> words;
  for (; index < doc.pages; index += static_cast<int>(step)) {
    {
      std::unique_lock lock(doc.mutex);
      doc.changed.wait(lock, [&] { return doc.stop || index < doc.taken + kPagesAhead; });
      if (doc.stop) {
        return;
      }
    }
    Document::Page page;
    try {
      read_words(*reader.pdf, index, reader.messages, words);
      page.has_text = !words.empty();
      lay_out_page(words, page.lines);
    } catch (const Error& e) {
      page.error = std::make_exception_ptr(Error(fmt::format("{}: {}", name(), e.what())));
    } catch (const std::exception& e) {
      page.error = std::make_exception_ptr(Error(fmt::format("{}: reading the PDF failed: {}", name(), e.what())));
    }
    const bool failed = page.error != nullptr;
    put(index, std::move(page));
    if (failed) {
      return;  // the parser stops at this page
    }
  }
}

bool PdfSource::take_page() {
  Document& doc = *document_;
  if (doc.failure) {
    std::rethrow_exception(doc.failure);
  }
  if (doc.taken >= doc.pages) {
    return false;
  }
  const auto slot = static_cast<std::size_t>(doc.taken);
  std::unique_lock lock(doc.mutex);
  doc.changed.wait(lock, [&] { return doc.slots[slot].has_value(); });
  Document::Page page = std::move(*doc.slots[slot]);
  doc.slots[slot].reset();
  ++doc.taken;
  lock.unlock();
  doc.changed.notify_all();
  if (page.error) {
    doc.failure = page.error;
    std::rethrow_exception(page.error);
  }
  page_ = static_cast<LineNo>(slot) + 1;
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
  Document& doc = *document_;
  doc.join_readers();  // every page is taken: they are done, and their messages can be read
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
  // Each reader opened the document and may have been told the same: each message once.
  std::vector<std::string> messages;
  for (const Document::Reader& reader : doc.readers) {
    for (const std::string& message : reader.messages) {
      if (std::find(messages.begin(), messages.end(), message) == messages.end()) {
        messages.push_back(message);
      }
    }
  }
  if (!messages.empty()) {
    const std::size_t more = messages.size() - 1;
    diagnostics_->report({Diagnostic::Level::warning, name(), 0,
                          fmt::format("damaged PDF, read as poppler repaired it: {}{}", clean_message(messages[0]),
                                      more == 0 ? std::string() : fmt::format(" (and {} more messages)", more))});
  }
}

}  // namespace bpack::text

// The module's entry point (bpack/text/pdf_module.hpp): bpack's open_pdf, from the other side.
// bpack::Error thrown here is caught as bpack::Error in bpack: its type information is
// matched by name across the module boundary.
extern "C" bpack::text::LineSource* BPACK_PDF_ENTRY(std::string& bytes, std::string& name,
                                                    bpack::DiagnosticSink* diagnostics) {
  return new bpack::text::PdfSource(std::move(bytes), std::move(name), diagnostics);
}
