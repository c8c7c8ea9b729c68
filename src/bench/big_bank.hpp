#pragma once
// A valid bank at the documented limits, for the benchmark and the scale tests: `roles` roles,
// `topics` topics and `questions` single-answer questions, each about one or two roles. With
// 50 x 2,000 x 2,950 it is 5,000 items (the limit) in about 600 KB.
#include <fmt/format.h>

#include <string>

namespace rp::bench {

inline std::string big_bank_toml(int roles, int topics, int questions) {
  std::string out;
  for (int r = 0; r < roles; ++r)
    out += fmt::format("[[role]]\nid = \"r{:02}\"\nname = \"Role {:02}\"\nsummary = \"Generated role.\"\n\n", r, r);
  for (int t = 0; t < topics; ++t) out += fmt::format("[[topic]]\nid = \"t{:04}\"\nname = \"Topic {:04}\"\n\n", t, t);
  for (int q = 0; q < questions; ++q) {
    const int first = q % roles, second = (q * 7 + 3) % roles;
    const std::string role_list =
        second == first ? fmt::format("\"r{:02}\"", first) : fmt::format("\"r{:02}\", \"r{:02}\"", first, second);
    out += fmt::format(
        "[[question]]\nid = \"q{:04}\"\nroles = [{}]\ntopic = \"t{:04}\"\nkind = \"single\"\nprompt = \"Q{}?\"\n"
        "options = [\"a\", \"b\", \"c\"]\nanswer = {}\nexplanation = \"E.\"\nsource = \"general\"\n\n",
        q, role_list, q % topics, q, q % 3);
  }
  return out;
}

}  // namespace rp::bench
