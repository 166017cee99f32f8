#include "bpack/ingest/pack_ingester.hpp"

#include <utility>

#include "bpack/ingest/pack_reader.hpp"
#include "bpack/text/open_source.hpp"
#include "bpack/util/sha256.hpp"

namespace bpack::ingest {

PackIngester::PackIngester(index::Writer& writer, PackParser parser) : writer_(writer), parser_(std::move(parser)) {
  if (!parser_) {
    parser_ = [](text::LineSource& source, const extract::ParseOptions& options) {
      return extract::parse_pack(source, options);
    };
  }
}

index::IngestResult PackIngester::ingest_file(const std::string& path, const extract::ParseOptions& options) {
  // Read once into memory: the hash decides whether to parse at all, and the parser then
  // reads the same bytes (stdin cannot be read twice). Memory is bounded by one pack.
  std::string bytes = read_pack_file(path);
  return ingest_bytes(std::move(bytes), path, source_key_of(path), options);
}

index::IngestResult PackIngester::ingest_bytes(std::string bytes, const std::string& path,
                                               const std::string& source_key, const extract::ParseOptions& options) {
  // Parsed only once the bytes are known to be new.
  return write(prepare(std::move(bytes), path, source_key), options);
}

PreparedPack PackIngester::prepare(std::string bytes, const std::string& path, const std::string& source_key) const {
  PreparedPack prepared;
  prepared.file.path = path;
  prepared.file.source_key = source_key;
  prepared.file.size = bytes.size();
  util::Sha256 hash;
  hash.update(bytes);
  prepared.file.sha256 = hash.hex();
  prepared.bytes = std::move(bytes);
  return prepared;
}

void PackIngester::parse(PreparedPack& prepared, const extract::ParseOptions& options) const {
  if (prepared.parsed || prepared.file.size > max_held_pack_bytes_) {
    return;
  }
  extract::ParseOptions parse_options = options;
  parse_options.on_block = [&](const model::Block& block) { prepared.blocks.add(block); };
  const auto source = text::open_source(std::move(prepared.bytes), prepared.file.path, options.diagnostics);
  source->use_known_sha256(prepared.file.sha256);
  prepared.bytes = std::string();
  prepared.pack = parser_(*source, parse_options);
  prepared.parsed = true;
}

index::IngestResult PackIngester::write(PreparedPack prepared, const extract::ParseOptions& options) {
  if (std::optional<index::IngestResult> indexed = writer_.skip_if_indexed(prepared.file)) {
    return *indexed;
  }
  parse(prepared, options);
  if (prepared.parsed) {
    if (options.on_block) {
      for (std::size_t i = 0; i < prepared.blocks.size(); ++i) {
        options.on_block(prepared.blocks[i]);
      }
    }
    return writer_.write(prepared.file, prepared.pack, prepared.blocks);
  }
  // Too large to hold: parsed while its blocks go into the database.
  return writer_.write_streamed(prepared.file, [&](const index::BlockSink& sink) {
    extract::ParseOptions parse_options = options;
    parse_options.on_block = [&](const model::Block& block) {
      if (options.on_block) {
        options.on_block(block);
      }
      sink(block);
    };
    const auto source = text::open_source(std::move(prepared.bytes), prepared.file.path, options.diagnostics);
    source->use_known_sha256(prepared.file.sha256);
    return parser_(*source, parse_options);
  });
}

}  // namespace bpack::ingest
