#pragma once

// Puts one parsed pack into the index, in one transaction (a savepoint when the caller has
// one open, as `bpack ingest` does to commit packs in batches): the pack row, its sections and
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
#include <vector>

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

// The bytes of the file at `path` ("-": standard input). Throws bpack::Error naming the path.
std::string read_pack_file(const std::string& path);
// What identifies the file at `path` from one run to the next: its absolute path (empty for
// standard input, which is never "the same file").
std::string source_key_of(const std::string& path);

// The board a pack belongs to, as the pack names it: the body of the meeting whose minutes
// it carries (the formal name in a minutes header), else the body of its agenda meeting.
// Which board of the index that is, boards.hpp decides.
std::optional<std::string> pack_board(const model::Pack& pack);

// What recognises a paragraph (its heading and text) met before: two independent 64-bit
// hashes, so that a false match is vanishingly unlikely for text not crafted to collide with
// both.
struct ParagraphDigest {
  std::uint64_t words = 0;   // eight bytes at a time, MurmurHash3's mixing
  std::uint64_t string = 0;  // the standard library's string hash
  bool operator==(const ParagraphDigest&) const = default;
};
ParagraphDigest paragraph_digest(std::string_view heading, std::string_view text);

// The full-text blocks of a parsed pack, in order, their text held in one buffer (a pack's
// paragraphs are many small strings: one allocation each would cost more than the copy), each
// with its digest, made where the pack is parsed (PipelinedIngest: not on the writing thread).
class BlockList {
 public:
  void add(const model::Block& block);
  std::size_t size() const { return entries_.size(); }
  // Views into this list: valid while it lives and is not added to.
  model::Block operator[](std::size_t i) const;
  const ParagraphDigest& digest(std::size_t i) const { return entries_[i].digest; }

 private:
  struct Entry {
    ParagraphDigest digest;
    model::SectionKind kind;
    std::size_t title_offset;
    std::size_t title_size;
    std::size_t text_offset;
    std::size_t text_size;
    model::LineNo line;
    model::LineNo page;
  };
  std::string text_;
  std::vector<Entry> entries_;
};

// One pack read and hashed, and parsed unless told otherwise: what the index needs from its
// bytes, made without the database, so that it can be made on another thread while the
// writer writes the pack before it (PipelinedIngest).
struct PreparedPack {
  std::string path;
  std::string source_key;  // empty for standard input
  std::string sha256;
  std::uint64_t size = 0;
  // The bytes while not parsed: Writer::write parses them once it knows they are new.
  std::string bytes;
  bool parsed = false;
  model::Pack pack;
  BlockList blocks;
};

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

  // The steps of ingest_bytes. prepare() hashes the bytes; parse() parses them (options.on_block
  // is not called: write() hands the blocks to it) and throws what the parse throws. Neither
  // touches the database, so they may run on one thread while write() runs on another. A pack
  // larger than max_held_pack_bytes() is left unparsed: write() streams its blocks into the
  // database instead of holding them all in memory.
  PreparedPack prepare(std::string bytes, const std::string& path, const std::string& source_key) const;
  void parse(PreparedPack& prepared, const extract::ParseOptions& options = {}) const;
  // Writes a prepared pack in one transaction, parsing it first if prepare() did not;
  // unchanged bytes are left alone (whether parsed or not). Throws as ingest_bytes does.
  IngestResult write(PreparedPack prepared, const extract::ParseOptions& options = {});
  std::uint64_t max_held_pack_bytes() const { return max_held_pack_bytes_; }
  void set_max_held_pack_bytes(std::uint64_t bytes) { max_held_pack_bytes_ = bytes; }

  // A transaction holding many packs, each of them still all or nothing (a savepoint): what
  // `bpack ingest` commits every few megabytes. While a batch is open, the paragraphs the
  // packs add (their passages, full-text entries and passage_packs rows) are written when
  // the batch commits, or every few megabytes, outside the packs' savepoints and in key
  // order (see write_pending). If the batch rolls back (destroyed without commit(), or after
  // commit() threw), the writer forgets what the batch had stored. One batch at a time per
  // writer; pack by pack (no batch), each pack's rows are all written in its transaction.
  class Batch {
   public:
    explicit Batch(Writer& writer);
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch();
    // Indexes the batch's new paragraphs, then commits. Throws bpack::Error; the batch is
    // then lost (rolled back when destroyed).
    void commit();

   private:
    // The writer's database; throws if the writer has a batch open already.
    static Database& database_of(Writer& writer);

    Writer& writer_;
    Transaction transaction_;
    bool open_ = true;
  };

  // After a large ingest: merges the full-text index into one segment (FTS5 'optimize'), so
  // that queries read one b-tree per term instead of one per batch of packs, and folds the
  // write-ahead log back into the database file. One transaction of its own.
  void optimize();

  // The SHA-256 of every indexed pack.
  std::vector<std::string> pack_hashes();

 private:
  struct Statements;
  class KnownPassages;
  // Within the pack's transaction: replaces the old pack at the same path, inserts the pack row.
  std::int64_t begin_pack(const PreparedPack& prepared, IngestResult& result);
  void finish_pack(std::int64_t pack_id, const model::Pack& pack, IngestResult& result);
  // A huge pack: parsed inside the transaction, each block written as the parser passes it.
  std::int64_t stream_pack(PreparedPack& prepared, const extract::ParseOptions& options, IngestResult& result);
  // A block's paragraph is stored (passage_for) at once; where it occurs is held until the
  // pack's blocks are all known, then written by write_places.
  void write_block(const model::Block& block, const ParagraphDigest& digest, IngestResult& result);
  void write_places(std::int64_t pack_id);
  // The pack now at `source_key`, if any.
  std::optional<std::int64_t> pack_at(const std::string& source_key);
  // What packs have added and is held until their batch commits, outside any pack's
  // savepoint: new passages (stored and tokenized) and places. Rows written inside a
  // savepoint cost a copy of every page they touch, kept in case of a rollback, and FTS5
  // writes out its pending terms at every savepoint.
  struct PendingMarks {
    std::size_t passages = 0;
    std::size_t text = 0;
    std::size_t places = 0;
    bool operator==(const PendingMarks&) const = default;
  };
  // Writes it all. Called outside a pack's savepoint, or inside one when everything pending
  // is that pack's: a rollback to the savepoint must not take away another pack's rows.
  void write_pending();
  // Forgets what was added after `marks` (a pack that rolled back); {} forgets it all.
  void drop_pending(const PendingMarks& marks);
  PendingMarks pending_marks() const;
  void delete_pack(std::int64_t pack_id);
  // The passage holding exactly this text under this heading, stored and indexed first if
  // no pack had it yet.
  std::int64_t passage_for(std::string_view heading, std::string_view text, const ParagraphDigest& digest,
                           IngestResult& result);

  struct Place {
    std::int64_t passage_id;
    model::SectionKind kind;
    model::LineNo line;
    model::LineNo page;
    std::int64_t count = 1;    // occurrences, once places of one paragraph and kind are merged
    std::int64_t pack_id = 0;  // set once merged
  };

  // A new paragraph: its heading and then its text are the next bytes of pending_text_.
  struct NewPassage {
    std::int64_t id;
    std::int64_t hash;
    std::size_t heading_size;
    std::size_t text_size;
  };

  Database& db_;
  PackParser parser_;
  std::vector<Place> places_;  // the blocks of the pack being written
  Batch* batch_ = nullptr;
  std::vector<NewPassage> pending_passages_;
  std::string pending_text_;
  std::vector<Place> pending_places_;
  PendingMarks pack_marks_;  // what was pending when the pack being written began
  std::int64_t next_passage_id_ = 1;
  std::unique_ptr<KnownPassages> known_;
  std::unique_ptr<Statements> statements_;
  std::uint64_t max_held_pack_bytes_ = 16 * 1024 * 1024;
};

}  // namespace bpack::index
