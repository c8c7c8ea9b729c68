// The template half of app/data.hpp: included at its end.
#pragma once

namespace rp::app {

namespace detail {
// Rethrows the store failure in flight as a DataError; anything else passes through unchanged.
[[noreturn]] void rethrow_as_data_error();
}  // namespace detail

template <typename Fn>
auto translating_store_errors(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (...) {
    detail::rethrow_as_data_error();
  }
}

}  // namespace rp::app
