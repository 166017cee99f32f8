#pragma once

// Puts one parsed pack into the index, in one transaction: the pack row, its sections and
// entities, its actions' history rows and its full-text blocks (each paragraph's text stored
// and tokenized once across all packs), or nothing at all. A pack is
// identified by the SHA-256 of its bytes: the same bytes again are left alone (unchanged),
// and new bytes at a path already indexed replace that path's rows.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "bpack/extract/pack_parser.hpp"
#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"
#include "bpack/text/text_source.hpp"

namespace bpack::index {

enum class IngestOutcome { added, replaced, unchanged };
std::string_view to_string(IngestOutcome outcome);

struct IngestResult {
  IngestOutcome outcome = IngestOutcome::added;
  std::string path;
  std::string sha256;
  std::int64_t pack_id = 0;  // the pack that holds these bytes now
  std::uint64_t bytes = 0;
  std::int64_t blocks = 0;    // paragraphs of the pack (0 when unchanged)
  std::int64_t passages = 0;  // of which new texts, stored and indexed (the rest were known)
  std::int64_t actions = 0;
};

// Parses a pack, handing each full-text block to options.on_block: extract::parse_pack by
// default; tests pass a function that returns a hand-made pack.
using PackParser = std::function<model::Pack(text::TextSource&, const extract::ParseOptions&)>;

// The board a pack belongs to, as the pack names it: the body of the meeting whose minutes
// it carries (the formal name in a minutes header), else the body of its agenda meeting.
std::optional<std::string> pack_board(const model::Pack& pack);
// Lower-case ASCII letters and digits of `board`, one space between words: what decides
// that two packs (and so their actions) belong to the same board.
std::string board_key(std::string_view board);

class Writer {
 public:
  // `db` must carry the current schema (prepare_schema). Statements are prepared once here
  // and reused for every pack.
  explicit Writer(Database& db, PackParser parser = {});
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer();

  // Reads `path` ("-": standard input) and ingests its bytes. Throws bpack::Error (unreadable,
  // not text, database failure), and the database is then exactly as before the call.
  IngestResult ingest_file(const std::string& path, const extract::ParseOptions& options = {});

  // Ingests bytes already in memory. `source_key` identifies "the same file" for replacement
  // (an absolute path); empty for standard input, which never replaces anything.
  IngestResult ingest_bytes(std::string bytes, const std::string& path, const std::string& source_key,
                            const extract::ParseOptions& options = {});

 private:
  struct Statements;
  std::int64_t write_pack(std::string bytes, const std::string& path, const std::string& source_key,
                          const std::string& sha256, const extract::ParseOptions& options, IngestResult& result);
  void delete_pack(std::int64_t pack_id);
  // The passage holding exactly this text under this heading, stored and indexed first if
  // no pack had it yet.
  std::int64_t passage_for(std::string_view heading, std::string_view text, IngestResult& result);

  Database& db_;
  PackParser parser_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace bpack::index
