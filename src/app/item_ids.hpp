#pragma once
#include <string>
#include <unordered_map>

#include "store/repositories.hpp"

namespace rp::app {

// Bank id (question or statement) -> its row in the item table.
using ItemIds = std::unordered_map<std::string, store::RowId>;

}  // namespace rp::app
