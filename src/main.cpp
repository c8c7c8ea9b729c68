// rolepath: parses the command line (CLI11), wires the layers together and picks the front end.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <utility>

#include "app/app.hpp"
#include "app/clock.hpp"
#include "app/data.hpp"
#include "app/demo.hpp"
#include "app/paths.hpp"
#include "bank/loader.hpp"
#include "platform/window.hpp"
#include "terminal/bank_json.hpp"
#include "terminal/check_bank.hpp"
#include "terminal/learn_terminal.hpp"
#include "terminal/export.hpp"
#include "terminal/fit_terminal.hpp"
#include "terminal/quiz_terminal.hpp"
#include "terminal/report.hpp"
#include "terminal/result_terminal.hpp"

namespace {

constexpr int exit_error = 1;
constexpr int exit_usage = 2;

struct Options {
  std::string db;
  std::vector<std::string> banks;
  std::string profile;
  std::string screen = "home";
  std::string screenshot;
  std::string size = "1280x800";
  bool exit_after_first_frame = false;
  std::vector<std::string> check_files;
  bool check_on_default = false;
  bool check_strict = false;
  bool terminal = false;
  bool start_over = false;
  std::vector<std::string> quiz_roles, quiz_topics;
  int quiz_count = 10;
  bool json = false;
  int weeks = 8;
  std::string csv;
  std::optional<std::string> learn_role, learn_topic;
  bool mark_read = false;
};

// A bank whose files have problems: every problem has been printed to stderr.
struct BankRejected {};

// The real file the learner means: links and `..` resolved, so locks, backups and restores act
// on the database itself.
std::filesystem::path database_path(const Options& options) {
  return rp::app::resolve_database_path(options.db.empty() ? rp::app::default_database_path()
                                                           : std::filesystem::path(options.db));
}

// Loads the banks, opens the database and builds the app every front end uses. What the learner
// should know about the start (a backup that failed, a restore finished) is said on stderr too.
std::unique_ptr<rp::app::App> open_app(const Options& options) {
  using namespace rp;
  std::vector<std::filesystem::path> bank_files(options.banks.begin(), options.banks.end());
  bank::LoadResult loaded = bank::load_banks(bank_files);
  if (!loaded.ok()) {
    for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
    throw BankRejected{};
  }
  app::AppOptions app_options;
  if (!options.profile.empty()) app_options.profile_name = options.profile;
  app_options.bank_sources = {"built-in bank (assets/banks/)"};
  for (const auto& file : options.banks) app_options.bank_sources.push_back(file);
  app_options.settings_file = (app::config_folder() / "imgui.ini").string();
  auto opened = app::open_app(database_path(options), std::move(loaded.bank), app::Clock::from_environment(), app_options);
  for (const auto& notice : opened.notices) std::cerr << "rolepath: " << notice << '\n';
  return std::move(opened.app);
}

// The recovery window's choices, carried out; returns the database path to try next, or nothing
// to stop.
std::optional<std::filesystem::path> recover(const rp::app::DataError& error, const rp::platform::WindowOptions& window) {
  using namespace rp;
  const std::filesystem::path db(error.path());
  const auto clock = app::Clock::from_environment();
  ui::RecoveryView view;
  view.path = error.path();
  view.problem = error.problem();
  view.in_use = error.kind() == app::DataProblem::in_use;
  // A restore is offered only where it is the fix, and only with this database's own backups.
  const auto backups = error.restore_would_help() ? app::backups_of(db, clock) : std::vector<app::BackupInfo>{};
  if (!backups.empty()) {
    view.latest_backup = backups.front().file.string();
    view.latest_backup_date = backups.front().date;
  }
  view.suggested_new_path = (db.parent_path() / (db.stem().string() + "-new.db")).string();
  const auto choice = platform::run_recovery_window(view, window);
  switch (choice.kind) {
    case ui::RecoveryChoice::Kind::restore: {
      const auto kept = app::restore_backup(db, backups.front().file, false, clock);
      std::cerr << "rolepath: restored " << backups.front().file.string();
      if (!kept.empty()) std::cerr << "; the previous file is kept as " << kept.string();
      std::cerr << '\n';
      return db;
    }
    case ui::RecoveryChoice::Kind::open_other:
    case ui::RecoveryChoice::Kind::start_new: return std::filesystem::path(choice.path);
    case ui::RecoveryChoice::Kind::retry: return db;
    case ui::RecoveryChoice::Kind::quit:
    case ui::RecoveryChoice::Kind::none: break;
  }
  return std::nullopt;
}

// `rolepath learn --topic T [--role R]` opens the window at that lesson; with --role only, at
// that role's path.
void open_lesson(rp::app::App& app, const Options& options) {
  const auto& bank = app.bank();
  for (std::size_t r = 0; r < bank.roles.size(); ++r) {
    if (options.learn_role && bank.roles[r].id != *options.learn_role) continue;
    if (options.learn_role) app.apply(rp::app::action::LearnChooseRole{r});
    if (!options.learn_topic) return;
    if (const auto* lesson = bank.find_lesson(bank.roles[r].id, *options.learn_topic)) {
      app.apply(rp::app::action::LearnOpen{lesson->id, ""});
      return;
    }
  }
  throw std::runtime_error(fmt::format("no lesson on topic '{}'{}", options.learn_topic.value_or(""),
                                       options.learn_role ? " for role '" + *options.learn_role + "'" : std::string()));
}

int run_gui(const Options& options, rp::app::Screen screen) {
  using namespace rp;
  platform::require_display();  // before touching any file
  platform::WindowOptions window;
  window.ini_file = app::config_folder() / "imgui.ini";
  if (!options.screenshot.empty()) window.screenshot = options.screenshot;
  window.exit_after_first_frame = options.exit_after_first_frame;
  std::sscanf(options.size.c_str(), "%dx%d", &window.width, &window.height);  // checked by --size's validator
  Options attempt = options;
  for (;;) {
    try {
      // On the window's second thread, while the window is made; what it throws comes back here.
      platform::run_window(
          [&] {
            auto application = open_app(attempt);
            application->apply(app::action::Navigate{screen});
            if (screen == app::Screen::learn) open_lesson(*application, options);
            return application;
          },
          window);
      return 0;
    } catch (const app::DataError& error) {
      std::cerr << "rolepath: " << error.what() << '\n';
      const auto next = recover(error, window);
      if (!options.screenshot.empty()) return exit_error;  // the screenshot shows the recovery screen
      if (!next) return exit_error;
      attempt.db = next->string();
    }
  }
}

}  // namespace

namespace {
// How to run this program again, for hints: the path it was started by when that has a folder
// (a build from source is not on PATH), else its name.
std::string how_invoked(const char* argv0) {
  const std::string path = argv0 == nullptr ? "" : argv0;
  if (path.find('/') == std::string::npos) return "rolepath";
  return path.find_first_of(" '\"") == std::string::npos ? path : "'" + path + "'";
}
}  // namespace

int main(int argc, char** argv) {
  const std::string program = how_invoked(argc > 0 ? argv[0] : nullptr);
  // A file-size limit makes writes fail with an error SQLite reports, instead of killing us.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App cli{"RolePath: choose between AI Architect and Machine Learning Software Engineer, then learn what it takes."};
  cli.set_version_flag("--version", fmt::format("rolepath {}", ROLEPATH_VERSION));
  Options options;
  cli.add_option("--db", options.db, "Database file (default: $XDG_DATA_HOME/rolepath/rolepath.db)");
  cli.add_option("--bank", options.banks, "Extra question-bank TOML file loaded on top of the built-in bank (repeatable)")
      ->check(CLI::ExistingFile);
  cli.add_option("--profile", options.profile, "Learner profile to study as (created if new; default: the last one used)");
  std::vector<std::string> screen_names;
  for (auto screen : rp::app::named_screens) screen_names.emplace_back(rp::app::screen_name(screen));
  cli.add_option("--screen", options.screen, "Screen to open")->check(CLI::IsMember(screen_names))->capture_default_str();
  cli.add_option("--screenshot", options.screenshot, "Render the screen, save it as this PNG file and exit");
  cli.add_option("--size", options.size, "The window's size in pixels, WIDTHxHEIGHT")
      ->check(CLI::Validator(
          [](std::string& text) {
            int width = 0, height = 0;
            char rest = 0;
            if (std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &rest) != 2 || width < 320 || height < 240 ||
                width > 8192 || height > 8192)
              return std::string("expected WIDTHxHEIGHT in pixels, from 320x240 to 8192x8192");
            return std::string();
          },
          "WIDTHxHEIGHT"))
      ->capture_default_str();
  cli.add_flag("--exit-after-first-frame", options.exit_after_first_frame,
               "Print 'first frame' once the first frame is on screen and exit (for the benchmark)")
      ->group("");

  auto* check = cli.add_subcommand("check-bank", "Validate question-bank files and print their coverage");
  check->add_option("files", options.check_files, "Bank TOML files")->required()->check(CLI::ExistingPath);
  check->add_flag("--on-default", options.check_on_default, "Check the files as additions to the built-in bank");
  check->add_flag("--strict", options.check_strict, "Exit 1 when an item-writing rule warns");

  auto* fit = cli.add_subcommand("fit", "Take the 'which role suits you' questionnaire");
  fit->add_flag("--terminal", options.terminal, "Ask on standard input and output instead of in a window");
  fit->add_flag("--new", options.start_over, "Start a fresh questionnaire even if one is unfinished");

  auto* learn = cli.add_subcommand("learn", "Read the lessons: a role's path, or one topic's lesson");
  learn->add_flag("--terminal", options.terminal, "Print the lesson (or the path with read / not read) instead of opening a window");
  learn->add_option("--role", options.learn_role, "Role id whose path or lesson to show (default: every role's path)");
  learn->add_option("--topic", options.learn_topic, "Topic id whose lesson to show");
  learn->add_flag("--mark-read", options.mark_read, "With --terminal and --topic: record the lesson as read");

  auto* bank_cmd = cli.add_subcommand("bank", "Print the loaded question bank (built-in plus --bank files)");
  bank_cmd->add_flag("--json", options.json, "As one JSON object: roles, topics, lessons, questions, statements")->required();

  auto* quiz = cli.add_subcommand("quiz", "Quiz yourself on a role's topics");
  quiz->add_flag("--terminal", options.terminal, "Ask on standard input and output instead of in a window");
  quiz->add_option("--role", options.quiz_roles, "Role id to quiz on (repeatable; default: every role)");
  quiz->add_option("--topic", options.quiz_topics, "Topic id to quiz on (repeatable; default: every topic)");
  quiz->add_option("--count", options.quiz_count, "Number of questions")->check(CLI::Range(1, 200))->capture_default_str();

  auto* review = cli.add_subcommand("review", "Review what is due and your weakest topics");
  review->add_flag("--terminal", options.terminal, "Ask on standard input and output instead of in a window");

  auto* report = cli.add_subcommand("report", "Print your progress: mastery, weak topics, leeches, latest fit");
  report->add_flag("--json", options.json, "Print JSON instead of text");
  report->add_option("--weeks", options.weeks, "How many recent weeks to list")->check(CLI::Range(1, 520))->capture_default_str();

  auto* result = cli.add_subcommand("result", "Print your latest role-fit result in full, with next steps");
  result->add_flag("--json", options.json, "Print JSON instead of text");

  auto* export_cmd = cli.add_subcommand("export", "Write every answer of the profile to a CSV file");
  export_cmd->add_option("--csv", options.csv, "The CSV file to write")->required();

  auto* backup = cli.add_subcommand("backup", "Make a checked backup of the database now");
  auto* restore = cli.add_subcommand("restore", "Replace the database with a backup (the current one is kept aside)");
  std::string restore_from;
  bool restore_force = false;
  restore->add_option("file", restore_from, "The backup file to restore")->required();
  restore->add_flag("--force", restore_force,
                    "Restore a RolePath backup even if it belongs to another database or carries no identity");

  auto* demo = cli.add_subcommand("demo", "Create a profile with weeks of simulated study (for trying the app)");
  demo->add_option("--weeks", options.weeks, "Weeks of simulated study")->check(CLI::Range(1, 1040))->capture_default_str();

  // Global options may also follow a subcommand: rolepath report --profile Ada.
  for (auto* sub : cli.get_subcommands({})) sub->fallthrough();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);
    std::cerr << "rolepath: " << e.what() << "\n\n" << cli.help();
    return exit_usage;
  }

  try {
    if (*check) {
      std::vector<std::filesystem::path> files(options.check_files.begin(), options.check_files.end());
      return rp::terminal::check_bank(files, {.on_default = options.check_on_default, .strict = options.check_strict},
                                      std::cout, std::cerr);
    }
    if (*bank_cmd) {
      std::vector<std::filesystem::path> bank_files(options.banks.begin(), options.banks.end());
      const auto loaded = rp::bank::load_banks(bank_files);
      if (!loaded.ok()) {
        for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
        return exit_error;
      }
      rp::terminal::print_bank_json(loaded.bank, std::cout);
      return 0;
    }
    if (*learn) {
      if (!options.terminal) return run_gui(options, rp::app::Screen::learn);
      auto application = open_app(options);
      return rp::terminal::run_learn(*application, options.learn_role, options.learn_topic, options.mark_read,
                                     std::cout, std::cerr);
    }
    if (*fit) {
      if (!options.terminal) return run_gui(options, rp::app::Screen::fit);
      auto application = open_app(options);
      return rp::terminal::run_fit(*application, options.start_over, std::cin, std::cout, std::cerr);
    }
    if (*quiz) {
      if (!options.terminal) return run_gui(options, rp::app::Screen::quiz);
      auto application = open_app(options);
      std::vector<std::string_view> role_list, topic_list;
      for (const auto& role : application->bank().roles) role_list.push_back(role.id);
      for (const auto& topic : application->bank().topics) topic_list.push_back(topic.id);
      const auto role_ids = fmt::format("{}", fmt::join(role_list, ", "));
      const auto topic_ids = fmt::format("{}", fmt::join(topic_list, ", "));
      for (const auto& role : options.quiz_roles)
        if (!application->bank().find_role(role))
          throw std::runtime_error("unknown role '" + role + "'; the roles are: " + role_ids);
      for (const auto& topic : options.quiz_topics)
        if (!application->bank().find_topic(topic))
          throw std::runtime_error("unknown topic '" + topic + "'; the topics are: " + topic_ids);
      return rp::terminal::run_quiz(*application, rp::app::QuizSetup{options.quiz_roles, options.quiz_topics, options.quiz_count},
                                    std::cin, std::cout, std::cerr);
    }
    if (*review) {
      if (!options.terminal) return run_gui(options, rp::app::Screen::review);
      auto application = open_app(options);
      return rp::terminal::run_quiz(*application, std::nullopt, std::cin, std::cout, std::cerr);
    }
    if (*report) {
      auto application = open_app(options);
      rp::terminal::print_report(*application, options.weeks, options.json, std::cout);
      return 0;
    }
    if (*result) {
      auto application = open_app(options);
      return rp::terminal::print_result(*application, options.json, std::cout);
    }
    if (*backup) {
      const auto made = rp::app::backup_now(database_path(options), rp::app::Clock::from_environment());
      std::cout << "Backed up " << database_path(options).string() << " to " << made.string() << '\n';
      return 0;
    }
    if (*restore) {
      const auto kept = rp::app::restore_backup(database_path(options), restore_from, restore_force,
                                                rp::app::Clock::from_environment());
      std::cout << "Restored " << restore_from << " to " << database_path(options).string() << '\n';
      if (!kept.empty()) std::cout << "The database it replaced is kept as " << kept.string() << '\n';
      return 0;
    }
    if (*export_cmd) {
      auto application = open_app(options);
      const auto rows = rp::terminal::export_csv(*application, options.csv);
      std::cout << "Wrote " << rows << " answers to " << options.csv << '\n';
      // Answer rows are read only here; any found out of range were left out or corrected.
      if (const auto odd = rp::app::take_odd_rows_notice(*application); !odd.empty()) std::cerr << "rolepath: " << odd << '\n';
      return 0;
    }
    if (*demo) {
      // A fresh profile: never mixes simulated answers into a real learner's history.
      Options demo_options = options;
      if (demo_options.profile.empty()) demo_options.profile = "Demo";
      auto application = open_app(demo_options);
      if (application->view().answers_total > 0)
        throw std::runtime_error("profile '" + demo_options.profile +
                                 "' already has answers; choose a new name with --profile");
      const auto summary = rp::app::simulate_study(*application, options.weeks, 20261124);
      std::cout << "Profile '" << demo_options.profile << "': " << options.weeks << " weeks, " << summary.days_studied
                << " study days, " << summary.answers << " answers, " << summary.fit_results << " role-fit results.\n"
                << "Open it with: " << program << ' ' << (options.db.empty() ? "" : "--db '" + options.db + "' ") << "--profile '"
                << demo_options.profile << "'\n";
      return 0;
    }
    return run_gui(options, rp::app::screen_from_name(options.screen).value_or(rp::app::Screen::home));
  } catch (const BankRejected&) {
    return exit_error;
  } catch (const rp::platform::NoDisplayError& e) {
    std::cerr << "rolepath: " << e.what() << "\n"
              << "The window needs a display. Run it under a virtual one, for example:\n"
              << "  xvfb-run -a " << program << "\n"
              << "or use the terminal commands (rolepath --help lists them).\n";
    return exit_error;
  } catch (const rp::app::DataError& e) {
    std::cerr << "rolepath: " << e.what() << '\n';
    if (e.restore_would_help()) {
      const auto backups = rp::app::backups_of(e.path(), rp::app::Clock::from_environment());
      if (!backups.empty())
        std::cerr << "The latest backup of this database is " << backups.front().file.string()
                  << "; to go back to it run:\n"
                  << "  rolepath --db '" << e.path() << "' restore '" << backups.front().file.string() << "'\n";
    }
    return exit_error;
  } catch (const std::exception& e) {
    std::cerr << "rolepath: " << e.what() << '\n';
    return exit_error;
  }
}
