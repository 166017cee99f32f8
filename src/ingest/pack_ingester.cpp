#include "bpack/ingest/pack_ingester.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "bpack/ingest/pack_reader.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/error.hpp"

namespace bpack::ingest {

bool is_empty(const model::Pack& pack) {
  return pack.sections.empty();
}

std::string kept_message(const std::string& path, const index::IndexedPack& kept) {
  return fmt::format("{}: empty; kept the indexed version from {}", path, kept.ingested_at);
}

PackIngester::PackIngester(index::Writer& writer, PackParser parser) : writer_(writer), parser_(std::move(parser)) {
  if (!parser_) {
    parser_ = [](text::LineSource& source, const extract::ParseOptions& options) {
      return extract::parse_pack(source, options);
    };
  }
}

index::IngestResult PackIngester::ingest_file(const std::string& path, const extract::ParseOptions& options) {
  // Read once: the hash decides whether to parse at all, and the parser then reads the same
  // bytes (stdin cannot be read twice). Memory is bounded by max_held_pack_bytes().
  return write(prepare(read(path), path, source_key_of(path)), options);
}

index::IngestResult PackIngester::ingest_bytes(std::string bytes, const std::string& path,
                                               const std::string& source_key, const extract::ParseOptions& options) {
  // Parsed only once the bytes are known to be new.
  return write(prepare(std::move(bytes), path, source_key), options);
}

InputBytes PackIngester::read(const std::string& path) const {
  ReadOptions options;
  options.max_line = policy_.max_line;
  options.hold_bytes = max_held_pack_bytes_;
  return read_input(path, options);
}

PreparedPack PackIngester::prepare(InputBytes input, const std::string& path, const std::string& source_key) const {
  PreparedPack prepared;
  prepared.file.path = path;
  prepared.file.source_key = source_key;
  prepared.file.size = input.size();
  prepared.file.sha256 = input.sha256();
  prepared.input = std::move(input);
  return prepared;
}

PreparedPack PackIngester::prepare(std::string bytes, const std::string& path, const std::string& source_key) const {
  return prepare(InputBytes::in_memory(std::move(bytes)), path, source_key);
}

std::unique_ptr<text::LineSource> PackIngester::source_of(PreparedPack& prepared,
                                                          const extract::ParseOptions& options) const {
  auto source = text::open_source(prepared.input.stream(prepared.file.path), prepared.file.path, options.diagnostics,
                                  policy_.max_line);
  // Bytes read from a file again are hashed again, to know they are the bytes first read.
  if (prepared.input.held()) {
    source->use_known_sha256(prepared.file.sha256);
  }
  return source;
}

void PackIngester::parse(PreparedPack& prepared, const extract::ParseOptions& options) const {
  if (prepared.parsed || prepared.file.size > max_held_pack_bytes_) {
    return;
  }
  extract::ParseOptions parse_options = options;
  parse_options.on_block = [&](const model::Block& block) { prepared.blocks.add(block); };
  const auto source = source_of(prepared, options);
  prepared.pack = parser_(*source, parse_options);
  prepared.parsed = true;
}

index::IngestResult PackIngester::write(PreparedPack prepared, const extract::ParseOptions& options) {
  // A bad read (a failed conversion, a file caught while it is rewritten) must not replace a
  // good pack with nothing: the pack at this path is kept when the new bytes hold nothing.
  std::optional<index::IndexedPack> kept;
  if (!policy_.allow_empty) {
    kept = writer_.pack_from(prepared.file.source_key);
    if (kept && (kept->sha256 == prepared.file.sha256 || kept->sections == 0)) {
      kept.reset();  // the same bytes, or nothing to lose
    }
  }
  if (kept) {
    // Bytes indexed already under another path are as empty as that pack is.
    if (const std::optional<index::IndexedPack> same = writer_.pack_with(prepared.file.sha256);
        same && same->sections == 0) {
      throw Error(kept_message(prepared.file.path, *kept));
    }
  }
  if (std::optional<index::IngestResult> indexed = writer_.skip_if_indexed(prepared.file)) {
    return *indexed;
  }
  parse(prepared, options);
  if (prepared.parsed) {
    if (kept && is_empty(prepared.pack)) {
      throw Error(kept_message(prepared.file.path, *kept));
    }
    if (options.on_block) {
      for (std::size_t i = 0; i < prepared.blocks.size(); ++i) {
        options.on_block(prepared.blocks[i]);
      }
    }
    return writer_.write(prepared.file, prepared.pack, prepared.blocks);
  }
  // Too large to hold: parsed while its blocks go into the database, all of it undone if the
  // checks at the end fail.
  return writer_.write_streamed(prepared.file, [&](const index::BlockSink& sink) {
    extract::ParseOptions parse_options = options;
    parse_options.on_block = [&](const model::Block& block) {
      if (options.on_block) {
        options.on_block(block);
      }
      sink(block);
    };
    const auto source = source_of(prepared, options);
    model::Pack pack = parser_(*source, parse_options);
    if (source->sha256_hex() != prepared.file.sha256) {
      throw Error(changed_while_read(prepared.file.path));
    }
    if (kept && is_empty(pack)) {
      throw Error(kept_message(prepared.file.path, *kept));
    }
    return pack;
  });
}

}  // namespace bpack::ingest
