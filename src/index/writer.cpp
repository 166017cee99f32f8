#include "bpack/index/writer.hpp"
#include "bpack/model/section_kind.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <iterator>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "derived_state.hpp"
#include "pack_rows.hpp"

namespace bpack::index {

namespace {
constexpr const char* kDescribePack =
    "SELECT p.id, p.sha256, p.bytes, (SELECT COUNT(*) FROM sections s WHERE s.pack_id = p.id), p.ingested_at "
    "FROM packs p ";
}  // namespace

struct Writer::Statements {
  explicit Statements(Database& db)
      : find_by_sha(db, "SELECT id, source_key FROM packs WHERE sha256 = ?1"),
        find_by_source(db, "SELECT id, bytes FROM packs WHERE source_key = ?1"),
        describe_by_source(db, std::string(kDescribePack) + "WHERE p.source_key = ?1"),
        describe_by_sha(db, std::string(kDescribePack) + "WHERE p.sha256 = ?1"),
        insert_pack(db,
                    "INSERT INTO packs (path, source_key, sha256, bytes, lines, pages, ingested_at) "
                    "VALUES (?1, ?2, ?3, ?4, 0, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"),
        finish_pack(db,
                    "UPDATE packs SET lines = ?2, pages = ?3, board = ?4, board_alias = ?5, board_id = ?6, "
                    "meeting_date = ?7, has_action_log = ?8 WHERE id = ?1"),
        delete_pack(db, "DELETE FROM packs WHERE id = ?1"),
        // An action whose every history row went with a replaced pack is gone too.
        delete_orphan_actions(
            db, "DELETE FROM actions WHERE NOT EXISTS (SELECT 1 FROM action_history h WHERE h.action_id = actions.id)"),
        find_passage(db, "SELECT id, text, heading FROM passages WHERE hash = ?1"),
        insert_passage(db, "INSERT INTO passages (id, hash, text, heading) VALUES (?1, ?2, ?3, ?4)"),
        last_passage(db, "SELECT COALESCE(MAX(id), 0) FROM passages"),
        index_passage(db, "INSERT INTO passages_fts (rowid, text, heading) VALUES (?1, ?2, ?3)"),
        insert_place(db,
                     "INSERT INTO passage_packs (passage_id, pack_id, kind, line, page, occurrences) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        insert_pack_blocks(db, "INSERT INTO pack_blocks (pack_id, blocks) VALUES (?1, ?2)"),
        passages_of_pack(
            db, "SELECT DISTINCT j.value ->> 0 FROM pack_blocks b, json_each(b.blocks) j WHERE b.pack_id = ?1"),
        delete_places(db, "DELETE FROM passage_packs WHERE passage_id = ?1 AND pack_id = ?2"),
        // Kept while any pack still holds the text.
        delete_orphan_passage(
            db,
            "DELETE FROM passages WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM passage_packs WHERE passage_id = ?1)"),
        rows(db),
        boards(db),
        derived(db) {}

  Statement find_by_sha;
  Statement find_by_source;
  Statement describe_by_source;
  Statement describe_by_sha;
  Statement insert_pack;
  Statement finish_pack;
  Statement delete_pack;
  Statement delete_orphan_actions;
  Statement find_passage;
  Statement insert_passage;
  Statement last_passage;
  Statement index_passage;
  Statement insert_place;
  Statement insert_pack_blocks;
  Statement passages_of_pack;
  Statement delete_places;
  Statement delete_orphan_passage;
  PackRows rows;
  BoardResolver boards;
  DerivedState derived;
};

namespace {

// What a batch holds before it writes it (see Writer::Batch): the text of new paragraphs,
// and places (about 50 bytes each).
constexpr std::size_t kMaxPendingBytes = 4 * 1024 * 1024;
constexpr std::size_t kMaxPendingPlaces = 256 * 1024;

bool has_text(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") != std::string_view::npos;
}

// 64-bit FNV-1a of heading, a unit separator and text: stable across builds and platforms
// (it is stored), fast, and only a hint: a match is confirmed by comparing the texts.
std::int64_t passage_hash(std::string_view heading, std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto add = [&](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  };
  for (const char c : heading) {
    add(c);
  }
  add('\x1f');
  for (const char c : text) {
    add(c);
  }
  return std::bit_cast<std::int64_t>(hash);
}

}  // namespace

std::string_view to_string(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::added:
      return "added";
    case IngestOutcome::replaced:
      return "replaced";
    case IngestOutcome::unchanged:
      return "unchanged";
  }
  return "added";
}

std::optional<std::string> pack_board(const model::Pack& pack) {
  const model::Meeting* chosen = nullptr;
  for (const auto& meeting : pack.meetings) {
    if (!meeting.body) {
      continue;
    }
    const bool minutes = meeting.role == model::MeetingRole::minutes;
    const bool chosen_minutes = chosen != nullptr && chosen->role == model::MeetingRole::minutes;
    if (chosen == nullptr || (minutes && !chosen_minutes) ||
        (minutes == chosen_minutes && meeting.date.value_or("") > chosen->date.value_or(""))) {
      chosen = &meeting;
    }
  }
  return chosen != nullptr ? chosen->body : std::nullopt;
}

Writer::Writer(Database& db)
    : db_(db), known_(std::make_unique<KnownPassages>()), statements_(std::make_unique<Statements>(db)) {
  // Each commit appends every page it changed to the WAL, and the index pages of repeated
  // paragraphs (passage_packs, passages_by_hash) are scattered: batches change the same
  // pages again and again. Checkpointing every 64 MB of WAL instead of every 4 MB copies
  // each such page back to the database file once per checkpoint rather than a few times,
  // and syncs less often; the WAL file is cut back to 64 MB after each checkpoint.
  db_.exec("PRAGMA wal_autocheckpoint = 16384; PRAGMA journal_size_limit = 67108864");
  // A batch touches index pages all over passage_packs and passages_by_hash: 32 MB of page
  // cache (SQLite's default is 2 MB) keeps most of them in memory between batches; at
  // 100 MB of input it cut ingest time by a fifth. Bounded, whatever the corpus.
  db_.exec("PRAGMA cache_size = -32768");
  // A pack's savepoint keeps a copy of each page it changes (for a rollback) in memory, not
  // in a temporary file: a pack changes a few hundred pages at most.
  db_.exec("PRAGMA temp_store = MEMORY");
}

Writer::~Writer() = default;

std::vector<std::string> Writer::pack_hashes() {
  std::vector<std::string> hashes;
  Statement all(db_, "SELECT sha256 FROM packs");
  while (all.step()) {
    hashes.push_back(all.column_text(0));
  }
  return hashes;
}

// The passages this writer has stored or found, by their ParagraphDigest: most paragraphs of
// a pack were stored before (standing items, boilerplate, papers seen in an earlier pack),
// and finding them here skips a lookup by hash and a read of the text per paragraph.
// Entries added by a pack that rolls back are dropped with it; deletions (a replaced pack)
// and other connections' commits (PRAGMA data_version) empty the set; so does a size cap.
class Writer::KnownPassages {
 public:
  using Key = ParagraphDigest;
  std::int64_t find(const Key& key) const {
    const auto found = ids_.find(key);
    return found == ids_.end() ? 0 : found->second;
  }
  // Past its bound the set is cleared by the writer between packs, once no passage it
  // holds is still pending (see Writer::write).
  bool full() const { return ids_.size() >= kMaxEntries; }
  void add(const Key& key, std::int64_t id) {
    if (ids_.emplace(key, id).second) {
      added_.push_back(key);
    }
  }
  // The current pack's entries are kept (committed) or dropped (rolled back).
  void keep_pack() { added_.clear(); }
  void drop_pack() {
    for (const Key& key : added_) {
      ids_.erase(key);
    }
    added_.clear();
  }
  void clear() {
    ids_.clear();
    added_.clear();
    complete_.reset();
  }
  // Whether the set holds every passage in the database, so that a passage it lacks is new
  // (true from an empty database on, until the set is cleared); nullopt: not known yet.
  const std::optional<bool>& complete() const { return complete_; }
  void set_complete(bool complete) { complete_ = complete; }
  // Empties the set when another connection has committed since the last call.
  void check_others(Database& db) {
    const std::int64_t version = db.query_int("PRAGMA data_version");
    if (version != data_version_) {
      clear();
      data_version_ = version;
    }
  }

 private:
  // About 64 bytes an entry: at most ~64 MB, whatever the corpus.
  static constexpr std::size_t kMaxEntries = 1 << 20;
  struct KeyHash {
    std::size_t operator()(const Key& key) const { return static_cast<std::size_t>(key.string); }
  };
  std::unordered_map<Key, std::int64_t, KeyHash> ids_;
  std::vector<Key> added_;
  std::int64_t data_version_ = -1;
  std::optional<bool> complete_;
};

void Writer::optimize() {
  {
    Transaction transaction(db_);
    db_.exec("INSERT INTO passages_fts(passages_fts) VALUES ('optimize')");
    transaction.commit();
  }
  // Readers would otherwise look through the whole log for every page; a busy reader only
  // makes this a partial checkpoint, which is fine.
  db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void Writer::refresh_derived() {
  // Read first: an ingest that changed nothing takes no write lock for it.
  if (db_.query_int("SELECT EXISTS (SELECT 1 FROM stale_actions) OR EXISTS (SELECT 1 FROM stale_meetings) OR "
                    "EXISTS (SELECT 1 FROM stale_people)") == 0) {
    return;
  }
  Transaction transaction(db_);
  statements_->derived.refresh_stale();
  transaction.commit();
}

Database& Writer::Batch::database_of(Writer& writer) {
  if (writer.batch_ != nullptr) {
    throw Error("index: a batch of packs is already open on this writer");
  }
  return writer.db_;
}

Writer::Batch::Batch(Writer& writer) : writer_(writer), transaction_(database_of(writer)) {
  writer_.batch_ = this;
}

Writer::Batch::~Batch() {
  if (open_) {
    // The transaction rolls back as this returns: what the batch stored is gone.
    writer_.drop_pending({});
    writer_.known_->clear();
  }
  writer_.batch_ = nullptr;
}

void Writer::Batch::commit() {
  writer_.write_pending();
  transaction_.commit();
  open_ = false;
}

void Writer::write_pending() {
  Statements& s = *statements_;
  // New paragraphs in id order (appended to passages), each stored, then tokenized.
  const std::string_view all(pending_text_);
  std::size_t at = 0;
  for (const NewPassage& p : pending_passages_) {
    const std::string_view heading = all.substr(at, p.heading_size);
    const std::string_view text = all.substr(at + p.heading_size, p.text_size);
    s.insert_passage.bind(1, p.id).bind(2, p.hash).bind(3, text).bind(4, heading).run();
    s.index_passage.bind(1, p.id).bind(2, text).bind(3, heading).run();
    at += p.heading_size + p.text_size;
  }
  // Places in key order: the rows of one paragraph's packs land together in the index.
  std::sort(pending_places_.begin(), pending_places_.end(), [](const Place& a, const Place& b) {
    return std::tie(a.passage_id, a.pack_id, a.kind) < std::tie(b.passage_id, b.pack_id, b.kind);
  });
  for (const Place& place : pending_places_) {
    s.insert_place.bind(1, place.passage_id).bind(2, place.pack_id).bind(3, model::section_name(place.kind));
    s.insert_place.bind(4, place.line).bind(5, place.page).bind(6, place.count).run();
  }
  drop_pending({});
  pack_marks_ = {};  // nothing of an earlier pack is pending now
}

void Writer::drop_pending(const PendingMarks& marks) {
  pending_passages_.resize(std::min(pending_passages_.size(), marks.passages));
  pending_text_.resize(std::min(pending_text_.size(), marks.text));
  pending_places_.resize(std::min(pending_places_.size(), marks.places));
}

Writer::PendingMarks Writer::pending_marks() const {
  return {pending_passages_.size(), pending_text_.size(), pending_places_.size()};
}

std::optional<Writer::PackAt> Writer::pack_at(const std::string& source_key) {
  if (source_key.empty()) {
    return std::nullopt;
  }
  Statement& find = statements_->find_by_source;
  find.bind(1, source_key);
  std::optional<PackAt> found;
  if (find.step()) {
    found = PackAt{find.column_int(0), static_cast<std::uint64_t>(find.column_int(1))};
  }
  find.reset();
  return found;
}

std::optional<IndexedPack> Writer::indexed(Statement& find) {
  std::optional<IndexedPack> found;
  if (find.step()) {
    found = IndexedPack{find.column_int(0), find.column_text(1), static_cast<std::uint64_t>(find.column_int(2)),
                        find.column_int(3), find.column_text(4)};
  }
  find.reset();
  return found;
}

std::optional<IndexedPack> Writer::pack_from(const std::string& source_key) {
  if (source_key.empty()) {
    return std::nullopt;
  }
  statements_->describe_by_source.bind(1, source_key);
  return indexed(statements_->describe_by_source);
}

std::optional<IndexedPack> Writer::pack_with(const std::string& sha256) {
  statements_->describe_by_sha.bind(1, sha256);
  return indexed(statements_->describe_by_sha);
}

std::optional<IngestResult> Writer::skip_if_indexed(const PackFile& file) {
  Statements& s = *statements_;
  // Same bytes already indexed (under this path or another): nothing to parse or write.
  s.find_by_sha.bind(1, file.sha256);
  if (!s.find_by_sha.step()) {
    s.find_by_sha.reset();
    return std::nullopt;
  }
  IngestResult result;
  result.path = file.path;
  result.bytes = file.size;
  result.sha256 = file.sha256;
  result.pack_id = s.find_by_sha.column_int(0);
  result.outcome = IngestOutcome::unchanged;
  s.find_by_sha.reset();
  // The file at this path may have changed into a copy of another indexed pack: its old
  // rows describe bytes that no longer exist.
  const std::optional<PackAt> stale = pack_at(file.source_key);
  if (stale && stale->id != result.pack_id) {
    write_pending();  // the rows deleted below must all be in the database
    Transaction transaction(db_);
    delete_pack(stale->id);
    transaction.commit();
    result.outcome = IngestOutcome::replaced;
    result.replaced_bytes = stale->bytes;
  }
  return result;
}

IngestResult Writer::write(const PackFile& file, const model::Pack& pack, const BlockList& blocks) {
  return write_pack(file, false, [&](IngestResult& result) {
    // The pack's rows, then its blocks: their new passages and places wait for write_pending.
    const std::int64_t pack_id = begin_pack(file, result);
    finish_pack(pack_id, pack, result);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      write_block(blocks[i], blocks.digest(i), result);
    }
    write_places(pack_id);
    return pack_id;
  });
}

IngestResult Writer::write_streamed(const PackFile& file, const StreamedPack& parse) {
  return write_pack(file, true, [&](IngestResult& result) {
    // The pack row first, so blocks can reference it while the parser streams them; memory
    // does not grow with the pack's text.
    const std::int64_t pack_id = begin_pack(file, result);
    const model::Pack pack = parse([&](const model::Block& block) {
      split_passages(block, [&](const model::Block& passage) {
        write_block(passage, paragraph_digest(passage.section_title, passage.text), result);
      });
    });
    finish_pack(pack_id, pack, result);
    write_places(pack_id);
    return pack_id;
  });
}

IngestResult Writer::write_pack(const PackFile& file, bool streamed,
                                const std::function<std::int64_t(IngestResult&)>& body) {
  if (std::optional<IngestResult> indexed = skip_if_indexed(file)) {
    return *indexed;
  }
  IngestResult result;
  result.path = file.path;
  result.bytes = file.size;
  result.sha256 = file.sha256;

  Statements& s = *statements_;
  known_->check_others(db_);
  // Written before the pack's savepoint opens, so that a rollback of this pack cannot take
  // rows of packs before it: a pack this one replaces is deleted, and its rows must all be
  // in the database for that; a streamed pack may write its own in the middle; what is
  // pending stays bounded; and so does the set of known passages, which must hold every
  // pending one (they cannot be found in the database yet).
  if (pending_text_.size() >= kMaxPendingBytes || pending_places_.size() >= kMaxPendingPlaces || known_->full() ||
      streamed || pack_at(file.source_key)) {
    write_pending();
    if (known_->full()) {
      known_->clear();
    }
  }
  pack_marks_ = pending_marks();
  // The passages this pack stores are known only once it is in: a rollback drops them, and
  // the rows still to be written.
  struct PackScope {
    Writer& writer;
    PendingMarks marks;
    bool kept = false;
    ~PackScope() {
      if (!kept) {
        writer.known_->drop_pack();
        writer.drop_pending(marks);
      }
    }
  } scope{*this, pack_marks_};
  Transaction transaction(db_);
  // Ids for new passages: after the last stored or pending one (the write lock is held now).
  s.last_passage.step();
  next_passage_id_ = s.last_passage.column_int(0) + 1;
  s.last_passage.reset();
  if (!pending_passages_.empty()) {
    next_passage_id_ = std::max(next_passage_id_, pending_passages_.back().id + 1);
  }
  places_.clear();  // what a failed pack before this one left
  result.pack_id = body(result);
  if (batch_ == nullptr) {
    write_pending();  // pack by pack: all of it now
  }
  transaction.commit();
  known_->keep_pack();
  scope.kept = true;
  return result;
}

std::int64_t Writer::begin_pack(const PackFile& file, IngestResult& result) {
  Statements& s = *statements_;
  // A changed file at an indexed path: its old rows go (the cascade removes them all).
  if (const std::optional<PackAt> old = pack_at(file.source_key)) {
    delete_pack(old->id);
    result.outcome = IngestOutcome::replaced;
    result.replaced_bytes = old->bytes;
  }
  s.insert_pack.bind(1, file.path).bind(2, file.source_key.empty() ? std::optional<std::string>{} : file.source_key);
  s.insert_pack.bind(3, file.sha256).bind(4, static_cast<std::int64_t>(file.size)).run();
  return db_.last_insert_rowid();
}

void Writer::finish_pack(std::int64_t pack_id, const model::Pack& pack, IngestResult& result) {
  Statements& s = *statements_;
  // What the parse found: the pack's board and date, then its entities and actions, then
  // what the list commands read from them.
  const std::optional<std::string> board = pack_board(pack);
  const BoardRef board_ref = s.boards.resolve(board);
  const model::Meeting* meeting = pack.primary_meeting();
  bool has_action_log = false;
  for (const auto& section : pack.sections) {
    has_action_log = has_action_log || section.kind == model::SectionKind::action_log;
  }
  s.finish_pack.bind(1, pack_id).bind(2, pack.source.lines).bind(3, std::max<model::LineNo>(pack.source.pages, 1));
  s.finish_pack.bind(4, board).bind(5, board_ref.alias).bind(6, board_ref.id);
  s.finish_pack.bind(7, meeting != nullptr ? meeting->date : std::nullopt).bind(8, has_action_log ? 1 : 0).run();
  result.actions = s.rows.insert(pack_id, pack, board_ref, s.boards);
  s.derived.pack_added(pack_id, batch_ != nullptr);
  result.warnings = pack.warnings;
}

void Writer::write_block(const model::Block& block, const ParagraphDigest& digest, IngestResult& result) {
  // Only a paragraph no pack had before is stored and tokenized.
  if (!has_text(block.text)) {
    return;
  }
  places_.push_back({passage_for(block.section_title, block.text, digest, result), block.kind, block.line, block.page});
  ++result.blocks;
}

void Writer::write_places(std::int64_t pack_id) {
  Statements& s = *statements_;
  // Every block of the pack, in order, in one row: what `blocks` and `bpack export` list.
  std::string json = "[";
  const auto number = [&](std::int64_t value) {
    char digits[24];
    json.append(digits, std::to_chars(std::begin(digits), std::end(digits), value).ptr);
  };
  for (const Place& place : places_) {
    json += json.size() > 1 ? ",[" : "[";
    number(place.passage_id);
    json += ",\"";
    json += model::section_name(place.kind);
    json += "\",";
    number(place.line);
    json += ',';
    number(place.page);
    json += ']';
  }
  json += ']';
  s.insert_pack_blocks.bind(1, pack_id).bind(2, json).run();

  // One row per paragraph and kind of section, holding its first place in the pack and its
  // count, written with the batch (write_pending).
  std::sort(places_.begin(), places_.end(), [](const Place& a, const Place& b) {
    return std::tie(a.passage_id, a.kind, a.line) < std::tie(b.passage_id, b.kind, b.line);
  });
  for (std::size_t first = 0; first < places_.size();) {
    std::size_t end = first + 1;
    while (end < places_.size() && places_[end].passage_id == places_[first].passage_id &&
           places_[end].kind == places_[first].kind) {
      ++end;
    }
    Place row = places_[first];  // the first occurrence: its line and page
    row.pack_id = pack_id;
    row.count = static_cast<std::int64_t>(end - first);
    pending_places_.push_back(row);
    first = end;
  }
  places_.clear();
}

std::int64_t Writer::passage_for(std::string_view heading, std::string_view text, const ParagraphDigest& key,
                                 IngestResult& result) {
  Statements& s = *statements_;
  if (const std::int64_t known = known_->find(key); known != 0) {
    return known;
  }
  const std::int64_t hash = passage_hash(heading, text);
  if (!known_->complete()) {
    // Nothing pending is missing from the set, so the database decides.
    known_->set_complete(db_.query_int("SELECT NOT EXISTS (SELECT 1 FROM passages)") != 0);
  }
  std::int64_t id = 0;
  if (!*known_->complete()) {
    s.find_passage.bind(1, hash);
    while (id == 0 && s.find_passage.step()) {
      if (s.find_passage.column_view(1) == text && s.find_passage.column_view(2) == heading) {
        id = s.find_passage.column_int(0);
      }
    }
    s.find_passage.reset();
  }
  if (id == 0) {
    // Stored with the batch (write_pending); until then known_ finds it.
    id = next_passage_id_++;
    pending_passages_.push_back({id, hash, heading.size(), text.size()});
    pending_text_.append(heading).append(text);
    ++result.passages;
    // A pack too large to hold (streamed), with nothing of other packs pending, writes its
    // own as it goes.
    if (pending_text_.size() >= kMaxPendingBytes && pack_marks_ == PendingMarks{}) {
      write_pending();
    }
  }
  known_->add(key, id);
  return id;
}

void Writer::delete_pack(std::int64_t pack_id) {
  // Nothing may be pending here (callers write it first): the rows deleted below must all be
  // in the database.
  Statements& s = *statements_;
  known_->clear();  // its passages may go with it
  // The pack's texts, read before its blocks go: those no other pack uses go with them.
  std::vector<std::int64_t> passages;
  s.passages_of_pack.bind(1, pack_id);
  while (s.passages_of_pack.step()) {
    passages.push_back(s.passages_of_pack.column_int(0));
  }
  s.passages_of_pack.reset();
  for (const std::int64_t id : passages) {
    s.delete_places.bind(1, id).bind(2, pack_id).run();
  }
  const DerivedState::Dependents dependents = s.derived.before_pack_deleted(pack_id);
  s.delete_pack.bind(1, pack_id).run();
  for (const std::int64_t id : passages) {
    s.delete_orphan_passage.bind(1, id).run();
  }
  s.delete_orphan_actions.run();
  s.derived.after_pack_deleted(dependents);
}

}  // namespace bpack::index
