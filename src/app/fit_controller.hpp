#pragma once
// The questionnaire feature for the window: it owns the questionnaire (FitFlow, shared with the
// terminal), its slice of the view state (FitView) and the Fit* actions; App only routes them.
#include <cstdint>
#include <memory>

#include "app/actions.hpp"
#include "app/changes.hpp"
#include "app/clock.hpp"
#include "app/item_ids.hpp"
#include "core/bank.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class FitFlow;

class FitController {
 public:
  FitController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile_id,
                const Clock& clock, FitView& view);
  ~FitController();

  FitFlow& flow() { return *flow_; }
  const FitFlow& flow() const { return *flow_; }
  // Results stored so far, to tell when an action saved one.
  std::size_t results() const;

  Changes handle(const action::FitStart&);
  Changes handle(const action::FitResume&);
  Changes handle(const action::FitAnswer&);
  Changes handle(const action::FitSkip&);
  Changes handle(const action::FitBack&);
  Changes handle(const action::FitQuit&);
  Changes handle(const action::FitFinish&);
  Changes handle(const action::FitAnswerMore&);

  // Rebuilds FitView from the questionnaire's state.
  void refresh();

 private:
  std::unique_ptr<FitFlow> flow_;
  const core::Bank& bank_;
  FitView& view_;
};

}  // namespace rp::app
