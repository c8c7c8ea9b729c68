#include <string_view>
#include <utility>
#include <vector>

#include "bank/loader.hpp"

namespace rp::bank::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace rp::bank {

std::string_view default_bank_text() {
  for (const auto& [name, contents] : embedded::embedded_files())
    if (name == default_bank_name) return contents;
  return {};
}

}  // namespace rp::bank
