#include "terminal/check_bank.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "bank/loader.hpp"
#include "core/coverage.hpp"
#include "core/item_rules.hpp"

namespace rp::terminal {

namespace {
void print_coverage(const core::Bank& bank, std::ostream& out) {
  const auto coverage = core::compute_coverage(bank);
  fmt::print(out, "{} roles, {} topics, {} questions, {} statements, {} study cards\n\n", bank.roles.size(),
             bank.topics.size(), bank.questions.size(), bank.statements.size(), bank.cards.size());

  std::size_t topic_width = 5;
  for (const auto& topic : bank.topics) topic_width = std::max(topic_width, topic.id.size());
  fmt::print(out, "Questions per topic and role (a question about several roles counts for each)\n");
  fmt::print(out, "  {:<{}}", "topic", topic_width);
  for (const auto& role : bank.roles) fmt::print(out, "  {:>14}", role.id);
  fmt::print(out, "\n");
  for (std::size_t t = 0; t < bank.topics.size(); ++t) {
    fmt::print(out, "  {:<{}}", bank.topics[t].id, topic_width);
    for (int count : coverage.questions[t]) fmt::print(out, "  {:>14}", count);
    fmt::print(out, "\n");
  }
  fmt::print(out, "  fewest questions for any role and topic: {}\n\n", coverage.min_questions_per_pair());

  fmt::print(out, "Questions by kind: single {}, multi {}, truefalse {}, which_role {}; general knowledge {}\n\n",
             coverage.questions_by_kind[0], coverage.questions_by_kind[1], coverage.questions_by_kind[2],
             coverage.questions_by_kind[3], coverage.general_questions);

  fmt::print(out, "Statements per role\n  {:<22}  {:>7}  {:>5}  {:>15}\n", "role", "toward", "away", "positive weight");
  for (std::size_t r = 0; r < bank.roles.size(); ++r)
    fmt::print(out, "  {:<22}  {:>7}  {:>5}  {:>15.2f}\n", bank.roles[r].id, coverage.statements_toward[r],
               coverage.statements_away[r], coverage.positive_weight[r]);
}

// The rules' statistics, then one "warning:" line per warning; returns how many warnings.
std::size_t print_item_rules(const core::Bank& bank, std::ostream& out) {
  const auto report = core::check_item_rules(bank);
  fmt::print(out, "\nItem-writing rules (docs/writing-questions.md)\n");
  for (const auto& statistic : report.statistics) fmt::print(out, "  {}\n", core::describe(statistic));
  for (const auto& warning : report.warnings) fmt::print(out, "warning: {}\n", warning.message);
  if (report.warnings.empty()) fmt::print(out, "  no warnings\n");
  return report.warnings.size();
}
}  // namespace

int check_bank(const std::vector<std::filesystem::path>& files, const CheckBankOptions& options, std::ostream& out,
               std::ostream& err) {
  const bank::LoadResult total = bank::load_banks(files, options.on_default);
  if (!total.ok()) {
    for (const auto& error : total.errors) fmt::print(err, "{}\n", error.to_string());
    fmt::print(err, "{} problem{} found\n", total.errors.size(), total.errors.size() == 1 ? "" : "s");
    return 1;
  }
  fmt::print(out, "{} file{} checked: no problems\n\n", files.size(), files.size() == 1 ? "" : "s");
  print_coverage(total.bank, out);
  const std::size_t warnings = print_item_rules(total.bank, out);
  if (options.strict && warnings > 0) {
    fmt::print(err, "{} item-writing warning{} with --strict\n", warnings, warnings == 1 ? "" : "s");
    return 1;
  }
  return 0;
}

}  // namespace rp::terminal
