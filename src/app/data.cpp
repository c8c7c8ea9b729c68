#include "app/data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "app/paths.hpp"
#include "store/backups.hpp"
#include "store/files.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

namespace rp::app {

namespace {
// "20260302-180000": when a restore kept the current file aside.
std::string time_tag(core::TimeMs now) {
  std::string iso = core::format_iso8601_utc(now);  // 2026-03-02T18:00:00Z
  std::erase_if(iso, [](char c) { return c == '-' || c == ':' || c == 'Z'; });
  std::replace(iso.begin(), iso.end(), 'T', '-');
  return iso;
}
}  // namespace

std::filesystem::path resolve_database_path(const std::filesystem::path& path) {
  return store::resolve_database_path(path);
}

OpenedApp open_app(const std::filesystem::path& database, core::Bank bank, Clock clock, AppOptions options) {
  const auto day = Clock::local_day(clock.now());
  // The first start of a day reads every page of the file (and backs it up); later starts that
  // day check the header and schema only, so starting stays quick however long the history.
  const bool first_today = !store::has_backup_today(backup_root(), database, day);
  auto opened = store::Store::open(database, first_today ? store::Check::thorough : store::Check::light);
  OpenedApp result;
  if (!opened->notice().empty()) result.notices.push_back(opened->notice());
  std::string backup_problem;
  try {
    store::separate_copy(*opened, backup_root());
    store::daily_backup(*opened, backup_root(), day);
  } catch (const std::exception& e) {
    backup_problem = std::string("Today's backup could not be made: ") + e.what();
    result.notices.push_back(backup_problem);
  }
  result.app = std::make_unique<App>(std::move(opened), std::move(bank), clock, std::move(options));
  // Stored rows the start found out of range (skipped or corrected as read, never rewritten).
  if (auto odd = take_odd_rows_notice(*result.app); !odd.empty()) result.notices.push_back(std::move(odd));
  if (!result.notices.empty()) {
    result.app->apply(action::ShowError{fmt::format("{}", fmt::join(result.notices, " ")), backup_problem.empty()});
  }
  return result;
}

std::string take_odd_rows_notice(App& app) { return store::take_odd_rows_notice(app.store()); }

std::vector<BackupInfo> backups_of(const std::filesystem::path& database, const Clock& clock) {
  std::vector<BackupInfo> list;
  for (const auto& file : store::backups_for_database(backup_root(), database, Clock::local_day(clock.now())))
    list.push_back({file.path, core::format_day(file.day)});
  return list;
}

std::filesystem::path backup_now(const std::filesystem::path& database, const Clock& clock) {
  auto opened = store::Store::open(database);
  const auto day = Clock::local_day(clock.now());
  const auto made = store::make_backup(*opened, backup_root(), day);
  store::prune_backups(made.parent_path(), day);
  return made;
}

std::filesystem::path restore_backup(const std::filesystem::path& database, const std::filesystem::path& from,
                                     bool force, const Clock& clock) {
  return store::restore_database(database, from, {time_tag(clock.now()), force});
}

namespace {
// RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. Text that
// a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
// leading apostrophe, so it is shown as text (OWASP's advice on CSV injection).
std::string csv_field(const std::string& value) {
  std::string text = value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) text.insert(0, 1, '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

std::int64_t export_answers_csv(App& app, const std::filesystem::path& file) {
  store::check_output_target(file, app.store().path(), backup_root());
  return store::write_file_atomically(file, [&](std::ostream& out) {
    // chosen and shown_order are option indices in the bank's order ("0,2"); shown_order lists them
    // as the learner saw them from top to bottom, empty for answers from before options were shuffled.
    out << "time,profile,session_kind,item_id,roles,topic,correct,latency_ms,confidence,chosen,shown_order,after_undo\r\n";
    std::int64_t rows = 0;
    store::Export(app.store()).answers(app.profile_id(), [&](const store::ExportRow& row) {
      out << core::format_iso8601_utc(row.answered_ms) << ',' << csv_field(row.profile) << ',' << row.session_kind << ','
          << csv_field(row.item) << ',' << csv_field(row.roles) << ',' << csv_field(row.topic) << ','
          << (row.correct ? (*row.correct ? "1" : "0") : "") << ',' << row.latency_ms << ','
          << (row.sure ? (*row.sure ? "sure" : "not sure") : "") << ',' << csv_field(row.chosen) << ','
          << csv_field(row.shown_order) << ',' << (row.after_undo ? "1" : "0") << "\r\n";
      ++rows;
    });
    return rows;
  });
}

}  // namespace rp::app
