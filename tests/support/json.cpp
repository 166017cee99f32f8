#include "support/json.hpp"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace bpack::test {

namespace json {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Value document() {
    Value v = value();
    space();
    if (at_ < text_.size()) {
      fail("trailing characters");
    }
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("invalid JSON at offset " + std::to_string(at_) + ": " + what);
  }
  void space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }
  bool take(char c) {
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  void expect_word(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) {
      fail("unexpected token");
    }
    at_ += word.size();
  }

  Value value() {
    space();
    if (at_ >= text_.size()) {
      fail("unexpected end");
    }
    Value v;
    const char c = text_[at_];
    if (c == '{') {
      v.type = Value::Type::object;
      ++at_;
      space();
      if (take('}')) {
        return v;
      }
      do {
        space();
        if (at_ >= text_.size() || text_[at_] != '"') {
          fail("expected a key");
        }
        std::string key = string();
        space();
        if (!take(':')) {
          fail("expected ':'");
        }
        v.object.push_back({std::move(key), value()});
        space();
      } while (take(','));
      if (!take('}')) {
        fail("expected ',' or '}'");
      }
    } else if (c == '[') {
      v.type = Value::Type::array;
      ++at_;
      space();
      if (take(']')) {
        return v;
      }
      do {
        v.array.push_back(value());
        space();
      } while (take(','));
      if (!take(']')) {
        fail("expected ',' or ']'");
      }
    } else if (c == '"') {
      v.type = Value::Type::string;
      v.string = string();
    } else if (c == 't') {
      expect_word("true");
      v.type = Value::Type::boolean;
      v.boolean = true;
    } else if (c == 'f') {
      expect_word("false");
      v.type = Value::Type::boolean;
    } else if (c == 'n') {
      expect_word("null");
    } else {
      v.type = Value::Type::number;
      v.number = number();
    }
    return v;
  }

  double number() {
    const std::size_t start = at_;
    take('-');
    if (take('0')) {
    } else if (at_ < text_.size() && text_[at_] >= '1' && text_[at_] <= '9') {
      digits();
    } else {
      fail("bad number");
    }
    if (take('.')) {
      if (digits() == 0) {
        fail("bad fraction");
      }
    }
    if (take('e') || take('E')) {
      if (!take('+')) {
        take('-');
      }
      if (digits() == 0) {
        fail("bad exponent");
      }
    }
    return std::strtod(std::string(text_.substr(start, at_ - start)).c_str(), nullptr);
  }
  std::size_t digits() {
    std::size_t n = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      ++at_;
      ++n;
    }
    return n;
  }
  unsigned hex4() {
    if (at_ + 4 > text_.size()) {
      fail("short \\u escape");
    }
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[at_++];
      v <<= 4U;
      if (c >= '0' && c <= '9') {
        v |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        fail("bad \\u escape");
      }
    }
    return v;
  }
  static void utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6U)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3FU)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12U)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3FU)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18U)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3FU)));
    }
  }
  std::string string() {
    ++at_;  // opening quote
    std::string out;
    for (;;) {
      if (at_ >= text_.size()) {
        fail("unterminated string");
      }
      const char c = text_[at_++];
      if (c == '"') {
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        fail("control character in string");
      }
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (at_ >= text_.size()) {
        fail("unterminated escape");
      }
      const char e = text_[at_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!take('\\') || !take('u')) {
              fail("lone high surrogate");
            }
            const unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) {
              fail("bad low surrogate");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10U) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("lone low surrogate");
          }
          utf8(out, cp);
          break;
        }
        default:
          fail("bad escape");
      }
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

const Value& Value::operator[](const std::string& key) const {
  if (type != Type::object) {
    throw std::runtime_error("not an object (looking for '" + key + "')");
  }
  for (const auto& [name, value] : object) {
    if (name == key) {
      return value;
    }
  }
  throw std::runtime_error("no member '" + key + "'");
}

bool Value::has(const std::string& key) const {
  if (type != Type::object) {
    return false;
  }
  for (const auto& member : object) {
    if (member.name == key) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> Value::text() const {
  if (type == Type::null) {
    return std::nullopt;
  }
  if (type != Type::string) {
    throw std::runtime_error("not a string");
  }
  return string;
}

Value parse(std::string_view text) {
  return Parser(text).document();
}

std::vector<Value> parse_lines(std::string_view text) {
  std::vector<Value> values;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    if (!line.empty() && line != "\r") {
      values.push_back(parse(line));
    }
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  }
  return values;
}

}  // namespace json

}  // namespace bpack::test
