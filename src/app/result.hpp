#pragma once
// The role-fit result as a place to come back to: the latest full result (or an earlier one from
// the history), what would tip it, the next steps on the suggested role's path, and the decision
// panel that puts interest and readiness side by side. ResultController owns ResultView and the
// result actions; App only routes them here.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/actions.hpp"
#include "app/changes.hpp"
#include "app/item_ids.hpp"
#include "app/learn.hpp"
#include "core/bank.hpp"
#include "core/fit.hpp"

namespace rp::store {
class Store;
struct FitRecord;
}  // namespace rp::store

namespace rp::app {

class ResultController {
 public:
  ResultController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile_id,
                   ResultView& view);
  ~ResultController();

  Changes handle(const action::ResultOpen&);
  Changes handle(const action::ResultLatest&);

  // Re-reads the stored results (after one is saved) and shows the latest.
  void reload();
  // Shows an earlier result, by its place in the history (oldest first).
  void open(std::size_t index);
  void show_latest();
  std::size_t count() const;  // results stored
  // Next steps and the decision panel, from readiness and the paths (after study or reading).
  void refresh_steps(const std::vector<ReadinessLine>& readiness, const LearnController& learn);

 private:
  ResultDetail describe(std::size_t index) const;
  std::optional<std::vector<core::FitAnswer>> answers_of(const store::FitRecord& record) const;

  store::Store& store_;
  const core::Bank& bank_;
  std::int64_t profile_id_;
  std::unordered_map<std::int64_t, std::size_t> statement_of_item_;
  std::vector<store::FitRecord> records_;  // oldest first
  ResultView& view_;
};

}  // namespace rp::app
