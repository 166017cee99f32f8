#pragma once

namespace bpack::cli {

// Builds the command line, runs the chosen subcommand and maps every outcome to an exit
// status: 0 ok, 1 runtime error or bad input, 2 usage error, 3 a condition the user asked to
// fail on (e.g. `actions --open --fail-if-any`).
int run(int argc, char** argv);

}  // namespace bpack::cli
