#include "cli/context.hpp"

#include <cstdlib>

namespace bpack::cli {

const grammar::Grammar& Context::grammar() {
  if (grammars.empty()) {
    return grammar::default_grammar();
  }
  if (!have_loaded_) {
    loaded_ = grammar::load_grammar(grammars);
    have_loaded_ = true;
  }
  return loaded_;
}

std::string Context::db_path() const {
  if (!db.empty()) {
    return db;
  }
  if (const char* env = std::getenv("BPACK_DB"); env != nullptr && *env != '\0') {
    return env;
  }
  return "bpack.db";
}

}  // namespace bpack::cli
