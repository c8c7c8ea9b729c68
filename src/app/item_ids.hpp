#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>

namespace rp::app {

// Bank id (question or statement) -> its row in the item table (a store::RowId).
using ItemIds = std::unordered_map<std::string, std::int64_t>;

}  // namespace rp::app
