#include "reliability/pack_set.hpp"

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"

namespace bpack::test {

std::vector<std::string> write_pack_set(const std::string& dir, int count, const std::string& tag) {
  const std::string packs[] = {read_text(corpus_file("blmk-2021-04-07.txt")),
                               read_text(corpus_file("blmk-2022-02-09.txt"))};
  std::vector<std::string> paths;
  for (int i = 0; i < count; ++i) {
    const std::string path = (std::filesystem::path(dir) / (tag + "-" + std::to_string(i) + ".txt")).string();
    std::ofstream out(path, std::ios::binary);
    out << packs[i % 2] << "\nCirculated as " << tag << " " << i << ".\n";
    paths.push_back(path);
  }
  return paths;
}

}  // namespace bpack::test
