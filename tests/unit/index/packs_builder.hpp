#pragma once

// Hand-made packs written into a test index through the real writer: what the tests of
// boards, action links, derived state and changes build their indexes from.

#include <memory>
#include <string>
#include <vector>

#include "bpack/index/database.hpp"
#include "bpack/index/writer.hpp"
#include "bpack/ingest/pack_ingester.hpp"
#include "unit/index/index_support.hpp"

namespace bpack::test {

// A pack for `board` whose agenda meeting is on `date`, with an action log when `log`.
inline model::Pack pack_of(const std::string& board, const std::string& date, bool log = true) {
  model::Pack pack;
  pack.meetings = {agenda_meeting(board, date)};
  if (log) {
    pack.sections = {section(model::SectionKind::action_log, "Action Log", 1, 30)};
  }
  return pack;
}

// An action marked in minutes, without a ref, raised at `meeting`.
inline model::Action minutes_action(const std::string& text, const std::string& owner, const std::string& meeting,
                                    model::ActionStatus status = model::ActionStatus::open) {
  model::Action a;
  a.status = status;
  a.text = text;
  a.owner = owner;
  a.raised = meeting;
  a.meeting_date = meeting;
  a.source = model::ActionSource::minutes;
  a.line = 5;
  return a;
}

class PacksBuilder {
 public:
  explicit PacksBuilder(const std::string& name = "test.db") : db_(new_index(dir_, name)) {}

  // Ingests `pack` as the file `name`; the same name again with another pack replaces it.
  index::IngestResult add(const std::string& name, model::Pack pack) {
    // The bytes differ with each version, so that a pack written again replaces the old.
    const std::string first_line = name + " #" + std::to_string(++versions_);
    FakePack fake;
    fake.pack = std::move(pack);
    fake_.add(first_line, fake);
    ingest::PackIngester ingester(writer_, fake_.parser());
    return ingester.ingest_bytes(first_line + "\n", name, "/packs/" + name);
  }

  index::Database& db() { return *db_; }
  index::Writer& writer() { return writer_; }
  std::string file(const std::string& name) const { return dir_.file(name); }

 private:
  TempDir dir_;
  std::unique_ptr<index::Database> db_;
  index::Writer writer_{*db_};
  FakeParser fake_;
  int versions_ = 0;
};

}  // namespace bpack::test
