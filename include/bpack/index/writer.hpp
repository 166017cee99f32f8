#pragma once

// Puts one parsed pack into the index, in one transaction (a savepoint when the caller has
// one open, as `bpack ingest` does to commit packs in batches): the pack row, its sections and
// entities, its actions' history rows and its full-text blocks (each paragraph's text stored
// and tokenized once across all packs), or nothing at all. A pack is identified by the
// SHA-256 of its bytes: the same bytes again are left alone (unchanged), and new bytes at a
// path already indexed replace that path's rows. The writer takes packs already parsed: it
// knows nothing of reading or parsing them (src/ingest/ does that).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/index/block_list.hpp"
#include "bpack/index/database.hpp"
#include "bpack/model/pack.hpp"

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
  std::vector<model::Warning> warnings;  // where the parser did not understand the pack (none when unchanged)
  // For a pack that replaced the one at its path: that pack's size.
  std::uint64_t replaced_bytes = 0;
};

// An indexed pack, as ingest's guards need to know it before they let new bytes replace it.
struct IndexedPack {
  std::int64_t id = 0;
  std::string sha256;
  std::uint64_t bytes = 0;
  std::int64_t sections = 0;  // 0: nothing was found in it (an empty or blank file)
  std::string ingested_at;    // ISO 8601, UTC
};

// The bytes a pack was parsed from: where they came from and what identifies them.
struct PackFile {
  std::string path;        // as the user gave it ("-": standard input)
  std::string source_key;  // "the same file" from one run to the next; empty for standard input
  std::string sha256;
  std::uint64_t size = 0;
};

// Receives the blocks of a pack too large to hold, as its parser passes them.
using BlockSink = std::function<void(const model::Block&)>;
// Parses such a pack, handing each block to the sink; returns the pack.
using StreamedPack = std::function<model::Pack(const BlockSink&)>;

// The board a pack belongs to, as the pack names it: the body of the meeting whose minutes
// it carries (the formal name in a minutes header), else the body of its agenda meeting.
// Which board of the index that is, boards.hpp decides.
std::optional<std::string> pack_board(const model::Pack& pack);

class Writer {
 public:
  // `db` must carry the current schema (prepare_schema). Statements are prepared once here
  // and reused for every pack.
  explicit Writer(Database& db);
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer();

  // When these bytes are indexed already (under this path or another), the result, with
  // nothing to parse: unchanged, or replaced when the file at this path held another pack,
  // whose rows are then deleted. Empty when the bytes are new.
  std::optional<IngestResult> skip_if_indexed(const PackFile& file);

  // The pack indexed from `source_key` (see PackFile), or with these bytes; empty if none.
  std::optional<IndexedPack> pack_from(const std::string& source_key);
  std::optional<IndexedPack> pack_with(const std::string& sha256);

  // Writes a parsed pack and its blocks in one transaction (bytes indexed already: as
  // skip_if_indexed). Throws bpack::Error on a database failure, and the database is then
  // exactly as before the call.
  IngestResult write(const PackFile& file, const model::Pack& pack, const BlockList& blocks);
  // The same for a pack too large to hold: `parse` runs inside the pack's transaction and
  // its blocks are written as they come. Whatever `parse` throws, the database is as before.
  IngestResult write_streamed(const PackFile& file, const StreamedPack& parse);

  // A transaction holding many packs, each of them still all or nothing (a savepoint): what
  // `bpack ingest` commits every few megabytes. The actions' states and meetings' summaries
  // that the batch's packs change wait for refresh_derived (see DerivedState::pack_added):
  // call it when the last batch is in. While a batch is open, the paragraphs the
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

  // Brings the actions' states and meetings' summaries that batches left stale up to date,
  // in one transaction; those an ingest killed before its end left too. Quick when there are
  // none.
  void refresh_derived();

  // The SHA-256 of every indexed pack.
  std::vector<std::string> pack_hashes();

 private:
  struct Statements;
  class KnownPassages;
  // The pack's transaction around `body`, which writes the pack's rows and returns its id.
  IngestResult write_pack(const PackFile& file, bool streamed, const std::function<std::int64_t(IngestResult&)>& body);
  // Within the pack's transaction: replaces the old pack at the same path, inserts the pack row.
  std::int64_t begin_pack(const PackFile& file, IngestResult& result);
  void finish_pack(std::int64_t pack_id, const model::Pack& pack, IngestResult& result);
  // A block's paragraph is stored (passage_for) at once; where it occurs is held until the
  // pack's blocks are all known, then written by write_places.
  void write_block(const model::Block& block, const ParagraphDigest& digest, IngestResult& result);
  void write_places(std::int64_t pack_id);
  // The pack now at `source_key`, if any: its id and size.
  struct PackAt {
    std::int64_t id;
    std::uint64_t bytes;
  };
  std::optional<PackAt> pack_at(const std::string& source_key);
  std::optional<IndexedPack> indexed(Statement& find);
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
  std::vector<Place> places_;  // the blocks of the pack being written
  Batch* batch_ = nullptr;
  std::vector<NewPassage> pending_passages_;
  std::string pending_text_;
  std::vector<Place> pending_places_;
  PendingMarks pack_marks_;  // what was pending when the pack being written began
  std::int64_t next_passage_id_ = 1;
  std::unique_ptr<KnownPassages> known_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace bpack::index
