// The catalogue of bad inputs: each is run against an index holding both corpus packs, and
// must give its exit status and its message, on one line of stderr (nothing on stdout, no
// raw control character), and leave the index exactly as it was (row counts, and a digest
// of every row). A case that writes {pack} replaces, for its run, the bytes of a pack that
// is indexed from that path; a case's {dir}/NAME files are written before it runs.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_support.hpp"
#include "reliability/index_state.hpp"

namespace {

using bpack::test::run_bpack;
using namespace std::string_literals;

struct Case {
  Case(std::string name_, std::vector<std::string> args_, int status_, std::string message_,
       std::map<std::string, std::string> files_ = {}, std::string stdin_bytes_ = {})
      : name(std::move(name_)),
        args(std::move(args_)),
        status(status_),
        message(std::move(message_)),
        files(std::move(files_)),
        stdin_bytes(std::move(stdin_bytes_)) {}
  std::string name;
  std::vector<std::string> args;  // after --db INDEX; {dir}/ and {pack} are replaced
  int status;
  std::string message;                       // found on one line of stderr ({dir}/, {pack} replaced)
  std::map<std::string, std::string> files;  // {dir}/NAME -> bytes; "{pack}" -> the pack's bytes
  std::string stdin_bytes;
};

std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) {
    out += piece;
  }
  return out;
}

std::string all_bytes() {
  std::string out;
  for (int i = 0; i < 4096; ++i) {
    out.push_back(static_cast<char>(i % 256));
  }
  return out;
}

std::string words(std::size_t n, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += (i > 0 ? separator : "") + "w" + std::to_string(i);
  }
  return out;
}

std::string grammar_alternatives(std::size_t n) {
  std::string out = "attendance.not_name = a\n";
  for (std::size_t i = 1; i < n; ++i) {
    out += "attendance.not_name += a" + std::to_string(i) + "\n";
  }
  return out;
}

const std::string kNotText = "not a text file (control byte 0x00)";

std::vector<Case> bad_inputs() {
  const std::string pack = bpack::test::read_text(bpack::test::corpus_file("blmk-2021-04-07.txt"));
  const std::string half = pack.substr(0, pack.size() / 2);
  const std::string escape_name = "evil\x1b]0;PWNED\x07.txt";
  return {
      // A bad read at an indexed path keeps the indexed pack.
      {"empty file in place of a pack",
       {"ingest", "{pack}"},
       1,
       "{pack}: empty; kept the indexed version from",
       {{"{pack}", ""}}},
      {"blank file in place of a pack",
       {"ingest", "{pack}"},
       1,
       "{pack}: empty; kept the indexed version from",
       {{"{pack}", "  \n\t\n\n   \n"}}},
      {"line ends only (CRLF)",
       {"ingest", "{pack}"},
       1,
       "{pack}: empty; kept the indexed version from",
       {{"{pack}", "\r\n\r\n\r\n"}}},
      {"a BOM and nothing else",
       {"ingest", "{pack}"},
       1,
       "{pack}: empty; kept the indexed version from",
       {{"{pack}", "\xEF\xBB\xBF\n"}}},
      {"form feeds only",
       {"ingest", "{pack}"},
       1,
       "{pack}: empty; kept the indexed version from",
       {{"{pack}", "\f\f\n\f"}}},
      {"NUL bytes in place of a pack",
       {"ingest", "{pack}"},
       1,
       "{pack}:1: " + kNotText,
       {{"{pack}", std::string(100000, '\0')}}},
      {"a pack cut by NULs half way",
       {"ingest", "{pack}"},
       1,
       kNotText,
       {{"{pack}", half + std::string(100, '\0') + half}}},
      {"every byte value", {"ingest", "{pack}"}, 1, "{pack}:1: not a text file", {{"{pack}", all_bytes()}}},
      {"UTF-16 text", {"ingest", "{pack}"}, 1, "{pack}:1: " + kNotText, {{"{pack}", "\xFF\xFEh\0i\0\n\0"s}}},
      {"a line over --max-line",
       {"ingest", "--max-line", "1000", "{pack}"},
       1,
       "{pack}:1: a line longer than 1000 bytes; not read (raise the limit with --max-line)",
       {{"{pack}", std::string(2000, 'a') + "\n"}}},
      {"a long line after short ones",
       {"ingest", "--max-line", "100", "{pack}"},
       1,
       "{pack}:3: a line longer than 100 bytes",
       {{"{pack}", "Minutes\nItem 1\n" + std::string(500, 'b') + "\n"}}},
      {"a line over the default limit (1 MB)",
       {"ingest", "{pack}"},
       1,
       "{pack}:1: a line longer than 1048576 bytes",
       {{"{pack}", repeat("word ", 230000)}}},
      {"a PDF header and nothing else",
       {"ingest", "{pack}"},
       1,
       "{pack}: damaged PDF, it cannot be opened",
       {{"{pack}", "%PDF-1.4\n%%EOF\n"}}},
      {"a truncated PDF",
       {"ingest", "{pack}"},
       1,
       "{pack}: truncated PDF (it does not end with %%EOF)",
       {{"{pack}", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"}}},
      // Inputs that fail on their own.
      {"a missing file",
       {"ingest", "{dir}/missing.txt"},
       1,
       "{dir}/missing.txt: cannot open: No such file or directory"},
      {"text named .pdf",
       {"ingest", "{dir}/fake.pdf"},
       1,
       "{dir}/fake.pdf: named .pdf but not a PDF (no %PDF- signature at its start)",
       {{"fake.pdf", "<html>\n"}}},
      {"a file name with terminal escapes",
       {"ingest", "{dir}/" + escape_name},
       1,
       "{dir}/evil\\x1b]0;PWNED\\x07.txt:1: " + kNotText,
       {{escape_name, "x\0y"s}}},
      {"NUL bytes on standard input", {"ingest", "-"}, 1, "-:1: " + kNotText, {}, std::string(1000, '\0')},
      {"a long line on standard input",
       {"ingest", "--max-line", "1000", "-"},
       1,
       "-:1: a line longer than 1000 bytes",
       {},
       std::string(3000, 'a') + "\n"},
      {"a directory with nothing to read",
       {"ingest", "{dir}/other"},
       0,
       "0 added, 0 replaced, 0 unchanged, 0 failed",
       {{"other/a.bin", "x\n"}, {"other/b.dat", "\x01\x02"}}},
      {"--strict stops at the bad file",
       {"ingest", "--strict", "{dir}/bad.txt", "{dir}/missing.txt"},
       1,
       "{dir}/bad.txt:1: " + kNotText,
       {{"bad.txt", std::string(10, '\0')}}},
      // Grammars.
      {"--grammar DIR",
       {"--grammar", "{dir}/grammars", "ingest", "{pack}"},
       1,
       "{dir}/grammars: is a directory; --grammar takes a grammar file",
       {{"grammars/x.grammar", "x.y = a\n"}}},
      {"--grammar /dev/zero",
       {"--grammar", "/dev/zero", "ingest", "{pack}"},
       1,
       "/dev/zero: not a regular file; --grammar takes a grammar file"},
      {"--grammar FIFO",
       {"--grammar", "{dir}/fifo", "ingest", "{pack}"},
       1,
       "{dir}/fifo: not a regular file; --grammar takes a grammar file",
       {{"fifo", "<fifo>"}}},
      {"--grammar missing file",
       {"--grammar", "{dir}/none.grammar", "ingest", "{pack}"},
       1,
       "{dir}/none.grammar: cannot open grammar file: No such file or directory"},
      {"grammar: bad pattern",
       {"--grammar", "{dir}/g", "ingest", "{pack}"},
       2,  // a mistake in a grammar file is a usage error
       "{dir}/g:2: rule 'x.y': bad pattern: missing ): (unclosed",
       {{"g", "# a comment\nx.y = (unclosed\n"}}},
      {"grammar: pattern over 4 KB",
       {"--grammar", "{dir}/g", "ingest", "{pack}"},
       2,  // a mistake in a grammar file is a usage error
       "{dir}/g:1: rule 'x.y': pattern of 5000 bytes; the limit is 4096",
       {{"g", "x.y = " + std::string(5000, 'a')}}},
      {"grammar: 257 alternatives",
       {"--grammar", "{dir}/g", "ingest", "{pack}"},
       2,  // a mistake in a grammar file is a usage error
       "{dir}/g:257: rule 'attendance.not_name': more than 256 alternatives",
       {{"g", grammar_alternatives(300)}}},
      {"grammar: file over 1 MB",
       {"--grammar", "{dir}/g", "ingest", "{pack}"},
       1,
       "{dir}/g: grammar file of 1236000 bytes; the limit is 1048576 bytes",
       {{"g", repeat("# " + std::string(100, 'c') + "\n", 12000)}}},
      {"grammar: a line without '='",
       {"--grammar", "{dir}/g", "ingest", "{pack}"},
       2,  // a mistake in a grammar file is a usage error
       "{dir}/g:1: expected 'name = pattern' or 'name += pattern'",
       {{"g", "no equals sign here\n"}}},
      // Queries.
      {"65 different words",
       {"search", words(65, " ")},
       2,
       "search: the query has 65 different words; at most 64 are searched at once"},
      {"10000 raw OR terms",
       {"search", "--raw", words(10000, " OR ")},
       2,
       "search: the query has 10000 different words"},
      {"raw syntax error", {"search", "--raw", "board AND ("}, 2, "search: not a valid FTS5 query"},
      {"an empty query", {"search", ""}, 2, "search: the query has no words to search for"},
      {"punctuation only", {"search", "--", "- -- &"}, 2, "search: the query has no words to search for"},
      {"a negative --time-limit", {"search", "--time-limit", "-1", "board"}, 2, "--time-limit: Value -1 not in range"},
      // Dates.
      {"--since 2021-02-30", {"actions", "--since", "2021-02-30"}, 2, "--since: no such date: '2021-02-30'"},
      {"--until month 13", {"meetings", "--until", "2021-13-01"}, 2, "--until: no such date: '2021-13-01'"},
      {"--as-of 2021-04-31", {"actions", "--as-of", "2021-04-31"}, 2, "--as-of: no such date: '2021-04-31'"},
      {"--since 2023-02-29 (not a leap year)",
       {"attendance", "--since", "2023-02-29"},
       2,
       "--since: no such date: '2023-02-29'"},
      {"--since yesterday",
       {"decisions", "--since", "yesterday"},
       2,
       "--since: expected a date as YYYY-MM-DD, got 'yesterday'"},
      // Options and the index file.
      {"--max-line 0", {"ingest", "--max-line", "0", "{pack}"}, 2, "--max-line: Value 0 not in range"},
      {"a negative --lock-wait", {"ingest", "--lock-wait", "-5", "{pack}"}, 2, "--lock-wait: Value -5 not in range"},
      {"no such pack", {"show", "99999"}, 1, "no ingested pack matches '99999'"},
      {"no subcommand", {}, 2, "A subcommand is required"},
  };
}

// Cases that name another index than the catalogue's.
std::vector<Case> other_index_cases() {
  return {
      {"--db a text file",
       {"--db", "{dir}/notes.txt", "actions"},
       1,
       "{dir}/notes.txt: file is not a database",
       {{"notes.txt", repeat("Minutes of the meeting\n", 200)}}},
      {"--db a missing file",
       {"--db", "{dir}/none.db", "actions"},
       1,
       "no index at {dir}/none.db: create one with `bpack ingest PACK...`"},
      {"--db a directory",
       {"--db", "{dir}/grammars", "ingest", "{pack}"},
       1,
       "{dir}/grammars: cannot open the index",
       {{"grammars/x.grammar", "x.y = a\n"}}},
      {"--db an SQLite URI is a file name",
       {"--db", "file:{dir}/x.db?mode=memory", "ingest", "{pack}"},
       1,
       "file:{dir}/x.db?mode=memory: cannot open the index"},
  };
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class Catalogue {
 public:
  Catalogue() {
    write(pack_, bpack::test::read_text(bpack::test::corpus_file("blmk-2021-04-07.txt")));
    const auto run = run_bpack({"--db", db_, "ingest", pack_, bpack::test::corpus_file("blmk-2022-02-09.txt")});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    before_ = bpack::test::index_state(db_);
    REQUIRE(before_.counts.at("packs") == 2);
  }

  // Runs one case; `with_db` puts --db INDEX first.
  void check(const Case& c, bool with_db) {
    INFO("case: " << c.name);
    const std::string original = bpack::test::read_text(pack_);
    for (const auto& [name, bytes] : c.files) {
      if (name == "{pack}") {
        write(pack_, bytes);
      } else if (bytes == "<fifo>") {
        REQUIRE(::mkfifo(dir_.file(name).c_str(), 0600) == 0);
      } else {
        std::filesystem::create_directories(std::filesystem::path(dir_.file(name)).parent_path());
        write(dir_.file(name), bytes);
      }
    }
    std::vector<std::string> args;
    if (with_db) {
      args = {"--db", db_};
    }
    for (const auto& arg : c.args) {
      args.push_back(expand(arg));
    }
    const std::string input = dir_.file("stdin");
    write(input, c.stdin_bytes);
    const auto run = run_bpack(args, input);

    CHECK(run.status == c.status);
    CHECK(run.out.empty());
    const std::string message = expand(c.message);
    bool found = false;
    for (const auto& line : bpack::test::split_lines(run.err)) {
      found = found || line.find(message) != std::string::npos;
    }
    CHECK_MESSAGE(found, "expected [" << message << "] on one line of stderr:\n" << run.err);
    for (const char ch : run.err) {
      const auto byte = static_cast<unsigned char>(ch);
      CHECK_MESSAGE((byte >= 0x20 || ch == '\n'), "raw control byte " << int(byte) << " on stderr");
    }
    write(pack_, original);
    for (const auto& [name, bytes] : c.files) {
      if (name != "{pack}") {
        // The file, or the directory it was written in.
        std::filesystem::remove_all(dir_.file(*std::filesystem::path(name).begin()));
      }
    }
    CHECK(bpack::test::index_state(db_) == before_);
  }

 private:
  static void write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  std::string expand(const std::string& text) const {
    return replace_all(replace_all(text, "{pack}", pack_), "{dir}/", dir_.file(""));
  }

  bpack::test::ScratchDir dir_;
  std::string db_ = dir_.file("index.db");
  std::string pack_ = dir_.file("pack.txt");
  bpack::test::IndexState before_;
};

TEST_CASE("reliability: each bad input gives its message and exit status, and leaves the index as it was") {
  Catalogue catalogue;
  const auto cases = bad_inputs();
  CHECK(cases.size() + other_index_cases().size() >= 40);
  for (const Case& c : cases) {
    catalogue.check(c, true);
  }
  for (const Case& c : other_index_cases()) {
    catalogue.check(c, false);
  }
}

}  // namespace
