#pragma once

// What makes bytes a pack's text rather than something else, checked as they stream past:
// no control byte that text never carries (NUL and the like mean a PDF, an image, a zip)
// and no line longer than a limit (a file of one endless line is not text anyone can read,
// and holding it would take memory without bound). TextSource applies the same rules while
// it reads; ingest applies them before it holds or hashes a file to the end, so a bad file
// fails at its first bad line with that line's number.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bpack::text {

// The longest line read by default (`--max-line`): far longer than any line of a real pack,
// short enough that a line is always cheap to hold.
constexpr std::size_t kDefaultMaxLine = 1024 * 1024;

// The position of the first byte in `line` (without its line feed) that text does not carry:
// below 0x20 and none of tab, carriage return, vertical tab, form feed or ESC. npos if none.
std::size_t find_binary_byte(std::string_view line);

// The messages both checks give, naming the file and line.
std::string binary_message(const std::string& name, std::int64_t line, unsigned char byte);
std::string long_line_message(const std::string& name, std::int64_t line, std::size_t max_line);

// Feeds bytes through the two checks in order, chunk by chunk, keeping only the length of
// the line in progress.
class InputCheck {
 public:
  InputCheck(std::string name, std::size_t max_line) : name_(std::move(name)), max_line_(max_line) {}
  // Throws bpack::Error with binary_message or long_line_message.
  void update(std::string_view bytes);
  // Lines begun so far.
  std::int64_t lines() const { return line_; }

 private:
  std::string name_;
  std::size_t max_line_;
  std::int64_t line_ = 1;       // the line the next byte belongs to
  std::size_t line_bytes_ = 0;  // of that line, so far
};

}  // namespace bpack::text
