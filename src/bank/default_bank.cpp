#include <string_view>
#include <utility>
#include <vector>

#include "bank/loader.hpp"

namespace rp::bank::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace rp::bank {

const std::vector<std::pair<std::string_view, std::string_view>>& builtin_bank_files() {
  return embedded::embedded_files();
}

}  // namespace rp::bank
