#pragma once

// Options of the commands that read packs (parse, ingest).

#include <cstddef>

namespace CLI {
class App;
}

namespace bpack::cli {

// --max-line SIZE: the longest line read (bytes; 64K, 4M and the like accepted), past which a
// file is refused with its name and line.
void add_max_line_option(CLI::App& command, std::size_t& max_line);

}  // namespace bpack::cli
