#pragma once

// The report's stylesheet and search script: written beside the pages, so that the site
// needs nothing from the network.

#include <string_view>

namespace bpack::report {

std::string_view stylesheet();
std::string_view search_script();

}  // namespace bpack::report
