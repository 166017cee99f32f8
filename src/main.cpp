#include "cli/app.hpp"

int main(int argc, char** argv) {
  return bpack::cli::run(argc, argv);
}
