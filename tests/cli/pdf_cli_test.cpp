// End to end: PDFs given to the built bpack as a user would, alone and in folders with text
// packs and other files. The PDFs are made here (support/pdf_writer).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/text/pdf_source.hpp"
#include "cli/cli_support.hpp"
#include "support/pdf_writer.hpp"
#include "unit/index/index_support.hpp"

namespace {

using bpack::test::corpus_file;
using bpack::test::PdfWriter;
using bpack::test::run_bpack;
using bpack::test::ScratchDir;
using bpack::test::json::Value;

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::map<std::string, std::int64_t> counts_of(const std::string& path) {
  bpack::index::Database db(path, bpack::index::OpenMode::existing);
  return bpack::test::row_counts(db);
}

// Minutes on page 1; on page 2 an action log drawn column by column, its action and
// comments cells wrapped over several lines, as the 2022 sample pack's log is drawn (plain
// text extraction writes that table one column after another).
PdfWriter committee_pack() {
  PdfWriter pdf;
  pdf.page()
      .text(72, 72, "Minutes of the Quality Committee held on 3 November 2022", 12, true)
      .text(72, 100, "5")
      .text(100, 100, "Patient safety report", 10, true)
      .text(100, 114, "The report was taken as read.")
      .text(72, 140, "6")
      .text(100, 140, "Infection prevention and control", 10, true)
      .text(100, 154, "The Committee reviewed the winter IPC plan.");
  pdf.page(842, 595).text(40, 60, "Quality Committee Action Log", 12, true);
  const double xs[] = {40, 70, 130, 230, 470, 570, 630, 690};
  const char* header[] = {"Ref", "Date", "Item", "Action", "Owner", "Deadline", "Status", "Comments"};
  const std::vector<std::vector<std::vector<std::string>>> rows{
      {{"73"},
       {"08-Dec-21"},
       {"Priority 3 update"},
       {"Consider whether focusing on the over 65", "year-olds was too late given the disparity in",
        "life expectancy and the fact that frailty can", "start at a younger age in certain circumstances."},
       {"Matthew Winn"},
       {"12-Jan-22"},
       {"Open"},
       {"Information circulated to", "partners."}},
      {{"71"},
       {"08-Dec-21"},
       {"BCA Update"},
       {"Summary report from workshop will be", "shared."},
       {"Alison Blair"},
       {"09-Feb-22"},
       {"Closing"},
       {"Workshop held 20 January."}},
      {{"74"},
       {"08-Dec-21"},
       {"SOAG update"},
       {"Report on the SOAG discussions be", "circulated."},
       {"Felicity Cox"},
       {"09-Feb-22"},
       {"Open"},
       {}},
  };
  const double tops[] = {110, 170, 205};
  for (std::size_t column = 0; column < std::size(header); ++column) {
    pdf.text(xs[column], 90, header[column], 9, true);
    for (std::size_t row = 0; row < rows.size(); ++row) {
      const auto& lines = rows[row][column];
      for (std::size_t i = 0; i < lines.size(); ++i) {
        pdf.text(xs[column], tops[row] + 11 * static_cast<double>(i), lines[i], 9);
      }
    }
  }
  return pdf;
}

PdfWriter scanned() {
  PdfWriter pdf;
  pdf.page().box(40, 40, 515, 760);
  return pdf;
}

// Every line a command wrote to stderr is bpack's own: nothing from poppler comes through.
void check_own_lines(const std::string& err) {
  for (const auto& line : bpack::test::split_lines(err)) {
    CAPTURE(line);
    CHECK((line.rfind("bpack: ", 0) == 0 || line.rfind("ingest: ", 0) == 0));
  }
}

}  // namespace

TEST_SUITE("pdf cli") {
  TEST_CASE("pdf cli: a build without PDF support refuses a PDF with the way to read it") {
    if (bpack::text::pdf_supported()) {
      return;
    }
    ScratchDir dir;
    write_file(dir.file("pack.pdf"), committee_pack().bytes());
    const auto run = run_bpack({"parse", dir.file("pack.pdf")});
    CHECK(run.status == 1);
    CHECK(run.err == "bpack: " + dir.file("pack.pdf") +
                         ": this bpack was built without PDF support; install libpoppler-cpp-dev and rebuild, or "
                         "convert with pdftotext -layout\n");
  }

  TEST_CASE("pdf cli: a bpack whose PDF module does not load says why when given a PDF, and nothing else") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    // A copy of bpack with a broken module beside it, which it finds first.
    ScratchDir dir;
    const std::string program = dir.file("bpack");
    std::filesystem::copy_file(BPACK_BINARY, program);
    write_file(dir.file("bpack-pdf.so"), "not a shared object\n");
    write_file(dir.file("pack.pdf"), committee_pack().bytes());
    const auto version = bpack::test::run_program(program, {"--version"});
    CHECK(version.status == 0);
    CHECK(version.err.empty());
    const auto run = bpack::test::run_program(program, {"parse", dir.file("pack.pdf")});
    CHECK(run.status == 1);
    CAPTURE(run.err);
    CHECK(run.err.rfind("bpack: " + dir.file("pack.pdf") + ": cannot read PDFs: loading " + dir.file("bpack-pdf.so") +
                            " failed: ",
                        0) == 0);
    const std::string advice =
        "; install libpoppler-cpp0v5 (poppler's C++ library), or rebuild bpack; or convert with pdftotext -layout\n";
    CHECK(run.err.size() > advice.size());
    CHECK(run.err.substr(run.err.size() - std::min(advice.size(), run.err.size())) == advice);
  }

  TEST_CASE("pdf cli: parse reads a PDF's action log row by row, though it was drawn column by column") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    ScratchDir dir;
    write_file(dir.file("pack.pdf"), committee_pack().bytes());
    const auto run = run_bpack({"parse", dir.file("pack.pdf"), "--json"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(run.err.empty());
    const Value pack = bpack::test::json::parse(run.out);
    CHECK(pack["source"]["pages"].number == 2);
    const Value& actions = pack["actions"];
    REQUIRE(actions.array.size() == 3);
    struct Expected {
      const char* ref;
      const char* text;
      const char* owner;
      const char* due;
      const char* status;
      std::optional<std::string> comments;
    };
    const Expected expected[] = {
        {"73",
         "Consider whether focusing on the over 65 year-olds was too late given the disparity in life expectancy and "
         "the fact that frailty can start at a younger age in certain circumstances.",
         "Matthew Winn", "2022-01-12", "open", "Information circulated to partners."},
        {"71", "Summary report from workshop will be shared.", "Alison Blair", "2022-02-09", "proposed_closed",
         "Workshop held 20 January."},
        {"74", "Report on the SOAG discussions be circulated.", "Felicity Cox", "2022-02-09", "open", std::nullopt},
    };
    for (std::size_t i = 0; i < std::size(expected); ++i) {
      CAPTURE(i);
      const Value& action = actions.array[i];
      CHECK(action["ref"].text() == expected[i].ref);
      CHECK(action["raised"].text() == "2021-12-08");
      CHECK(action["text"].text() == expected[i].text);
      CHECK(action["owner"].text() == expected[i].owner);
      CHECK(action["due"].text() == expected[i].due);
      CHECK(action["status"].text() == expected[i].status);
      CHECK(action["comments"].text() == expected[i].comments);
      CHECK(action["source"].text() == "action_log");
    }
  }

  TEST_CASE("pdf cli: text prints the lines bpack reads; read back as text they parse the same") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    ScratchDir dir;
    write_file(dir.file("pack.pdf"), committee_pack().bytes());
    const auto text = run_bpack({"text", dir.file("pack.pdf")});
    REQUIRE_MESSAGE(text.status == 0, text.err);
    const auto lines = bpack::test::split_lines(text.out);
    REQUIRE(lines.size() >= 8);
    CHECK(lines[0] == "Minutes of the Quality Committee held on 3 November 2022");
    CHECK(lines[2].find("5") == 0);
    CHECK(text.out.back() == '\f');
    CHECK(std::count(text.out.begin(), text.out.end(), '\f') == 2);  // one at the end of each page

    const auto numbered = run_bpack({"text", "-n", dir.file("pack.pdf")});
    CHECK(bpack::test::split_lines(numbered.out)[0] == "     1\t" + lines[0]);
    const auto json = bpack::test::json::parse_lines(run_bpack({"text", "--json", dir.file("pack.pdf")}).out);
    REQUIRE(json.size() == lines.size() - 1);  // the last "line" is the final form feed
    CHECK(json[0]["line"].number == 1);
    CHECK(json[0]["page"].number == 1);
    CHECK(json[0]["text"].text() == lines[0]);
    CHECK(json.back()["page"].number == 2);

    // Everything after the source (path, size, hash) is the same, line numbers and pages too.
    write_file(dir.file("pack.txt"), text.out);
    const std::string direct = run_bpack({"parse", dir.file("pack.pdf"), "--json"}).out;
    const std::string piped = run_bpack({"parse", "-", "--json"}, dir.file("pack.txt")).out;
    REQUIRE(direct.find("\"meetings\"") != std::string::npos);
    CHECK(direct.substr(direct.find("\"meetings\"")) == piped.substr(piped.find("\"meetings\"")));
    const Value direct_source = bpack::test::json::parse(direct)["source"];
    const Value piped_source = bpack::test::json::parse(piped)["source"];
    CHECK(direct_source["lines"].number == piped_source["lines"].number);
    CHECK(direct_source["pages"].number == piped_source["pages"].number);
  }

  TEST_CASE("pdf cli: each bad PDF is one line naming it, exit status 1, and the index as it was") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    ScratchDir dir;
    const std::string db = dir.file("index.db");
    write_file(dir.file("good.txt"), bpack::test::read_text(corpus_file("blmk-2021-04-07.txt")));
    REQUIRE(run_bpack({"--db", db, "ingest", dir.file("good.txt")}).status == 0);
    const auto before = counts_of(db);

    const std::string good = committee_pack().bytes();
    const std::vector<std::pair<std::string, std::string>> bad{
        {"locked.pdf", committee_pack().bytes(PdfWriter::Flaw::encrypted)},
        {"cut.pdf", good.substr(0, good.size() * 2 / 3)},
        {"junk.pdf", "%PDF-1.4\nnothing a reader could use\n%%EOF\n"},
        {"empty.pdf", PdfWriter().bytes()},
        {"scan.pdf", scanned().bytes()},
    };
    const std::map<std::string, std::string> reasons{
        {"locked.pdf", "password-protected PDF: remove the password first (e.g. qpdf --decrypt)"},
        {"cut.pdf", "truncated PDF (it does not end with %%EOF): the file was cut short"},
        {"junk.pdf", "damaged PDF, it cannot be opened (poppler: Couldn't find trailer dictionary)"},
        {"empty.pdf", "PDF without pages (poppler: Invalid page count 0)"},
        {"scan.pdf", "no text layer (a scanned PDF?): run OCR first, e.g. ocrmypdf"},
    };
    for (const auto& entry : bad) {
      const auto& name = entry.first;
      const auto& bytes = entry.second;
      CAPTURE(name);
      const std::string path = dir.file(name);
      write_file(path, bytes);
      const std::string message = "bpack: " + path + ": " + reasons.at(name) + "\n";
      const auto parse = run_bpack({"parse", path});
      CHECK(parse.status == 1);
      CHECK(parse.out.empty());
      CHECK(parse.err == message);
      const auto ingest = run_bpack({"--db", db, "ingest", path});
      CHECK(ingest.status == 1);
      CHECK(ingest.err == message + "ingest: 0 added, 0 replaced, 0 unchanged, 1 failed (" + db + ")\n");
      CHECK(counts_of(db) == before);
    }
  }

  TEST_CASE("pdf cli: a PDF poppler repairs is read, with one warning of bpack's own") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    ScratchDir dir;
    write_file(dir.file("repaired.pdf"), committee_pack().bytes(PdfWriter::Flaw::wrong_xref));
    const auto run = run_bpack({"parse", dir.file("repaired.pdf"), "--json"});
    CHECK(run.status == 0);
    const auto err = bpack::test::split_lines(run.err);
    REQUIRE(err.size() == 1);
    CHECK(err[0].find("bpack: " + dir.file("repaired.pdf") +
                      ": warning: damaged PDF, read as poppler repaired it: xref num ") == 0);
    CHECK(bpack::test::json::parse(run.out)["actions"].array.size() == 3);
  }

  TEST_CASE("pdf cli: ingest of a folder of PDFs, text packs and other files") {
    if (!bpack::text::pdf_supported()) {
      return;
    }
    ScratchDir dir;
    const std::string packs = dir.file("packs");
    std::filesystem::create_directories(packs + "/2021");
    std::filesystem::create_directories(packs + "/.cache");
    write_file(packs + "/quality.pdf", committee_pack().bytes());
    write_file(packs + "/2021/blmk.txt", bpack::test::read_text(corpus_file("blmk-2021-04-07.txt")));
    write_file(packs + "/2021/download", committee_pack().bytes(PdfWriter::Flaw::wrong_xref));  // no extension
    write_file(packs + "/locked.pdf", committee_pack().bytes(PdfWriter::Flaw::encrypted));
    write_file(packs + "/agenda.docx", "PK\x03\x04 a Word file");
    write_file(packs + "/notes.docx", "PK\x03\x04 another");
    write_file(packs + "/index.html", "<html></html>\n");
    write_file(packs + "/.cache/old.pdf", "not looked at");
    const std::string db = dir.file("index.db");

    const auto run = run_bpack({"--db", db, "ingest", packs, "--json"});
    CHECK(run.status == 1);
    check_own_lines(run.err);
    CHECK(run.err.find("bpack: " + packs + "/locked.pdf: password-protected PDF") != std::string::npos);
    CHECK(run.err.find("ingest: 3 added, 0 replaced, 0 unchanged, 1 failed (" + db +
                       "); 3 skipped (not text or PDF: 2 .docx, 1 .html); 1 parser warnings") != std::string::npos);
    const auto lines = bpack::test::json::parse_lines(run.out);
    std::vector<std::pair<std::string, std::string>> outcomes;
    for (const Value& line : lines) {
      outcomes.emplace_back(line["path"].string.substr(packs.size() + 1), line["outcome"].string);
    }
    CHECK(outcomes == std::vector<std::pair<std::string, std::string>>{{"agenda.docx", "skipped"},
                                                                       {"index.html", "skipped"},
                                                                       {"notes.docx", "skipped"},
                                                                       {"2021/blmk.txt", "added"},
                                                                       {"2021/download", "added"},
                                                                       {"locked.pdf", "failed"},
                                                                       {"quality.pdf", "added"}});
    CHECK(counts_of(db).at("packs") == 3);

    // A search hit in a PDF names its line in `bpack text` and its page.
    const auto search = run_bpack({"--db", db, "search", "frailty", "--json"});
    const auto hits = bpack::test::json::parse_lines(search.out);
    REQUIRE(hits.size() == 1);  // the two PDFs hold the same paragraph: one hit, in the later pack
    CHECK(hits[0]["page"].number == 2);
    const auto text = bpack::test::split_lines(run_bpack({"text", hits[0]["pack"].string}).out);
    const auto line = static_cast<std::size_t>(hits[0]["line"].number);
    REQUIRE(line <= text.size());
    CHECK(text[line - 1].find("frailty") != std::string::npos);

    const auto verbose = run_bpack({"--db", db, "ingest", "-v", packs});
    CHECK(verbose.err.find("bpack: skipped " + packs + "/agenda.docx: not text or PDF\n") != std::string::npos);
    CHECK(verbose.err.find("ingest: 0 added, 0 replaced, 3 unchanged, 1 failed") != std::string::npos);
  }
}
