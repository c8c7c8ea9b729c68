// rolepath-bench: builds histories of 1, 5 and 10 years of daily study and a 2M-answer stress
// file, then measures start-up, frame cost, idle cost, answer commits, aggregates, reports and
// memory, each next to its target. Needs a display (run it under Xvfb where there is none).
#include <fcntl.h>
#include <fmt/format.h>
#include <imgui.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "app/quiz_flow.hpp"
#include "app/study.hpp"
#include "bank/loader.hpp"
#include "bench/big_bank.hpp"
#include "store/baseline.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"
#include "terminal/report.hpp"
#include "ui/screens.hpp"

namespace {
using namespace rp;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// This thread's CPU time: what a step computes, without the disk's waits or other programs' turns.
double thread_cpu_ms() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(std::min<double>(static_cast<double>(values.size() - 1),
                                                               std::ceil(p / 100.0 * static_cast<double>(values.size())) - 1));
  return values[index];
}
double median(const std::vector<double>& values) { return percentile(values, 50); }

struct Spawned {
  double first_frame_ms = 0;  // wall time from spawn to the "first frame" line (0 if none)
  double wall_ms = 0;
  long peak_rss_kb = 0;
  int status = 0;
  std::string out;
};

// In a forked child: replaces it with the program, its environment given whole.
[[noreturn]] void exec_child(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  std::vector<char*> child_argv, envp;
  for (const auto& a : args) child_argv.push_back(const_cast<char*>(a.c_str()));
  child_argv.push_back(nullptr);
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  ::execve(child_argv[0], child_argv.data(), envp.data());
  ::_exit(127);
}

// Runs a program with an environment of its own, timing it to its "first frame" line.
Spawned spawn(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const auto started = Clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_fds[1], 1);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 2);
    ::close(pipe_fds[0]);
    exec_child(args, env);
  }
  ::close(pipe_fds[1]);
  Spawned result;
  char buffer[4096];
  for (ssize_t got; (got = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
    result.out.append(buffer, static_cast<std::size_t>(got));
    if (result.first_frame_ms == 0 && result.out.find("first frame") != std::string::npos)
      result.first_frame_ms = ms_since(started);
  }
  ::close(pipe_fds[0]);
  rusage usage{};
  ::wait4(pid, &result.status, 0, &usage);
  result.wall_ms = ms_since(started);
  result.peak_rss_kb = usage.ru_maxrss;
  return result;
}

long cpu_ticks(pid_t pid) {
  FILE* f = std::fopen(fmt::format("/proc/{}/stat", pid).c_str(), "r");
  if (!f) return -1;
  char text[2048] = {};
  const auto got = std::fread(text, 1, sizeof text - 1, f);
  std::fclose(f);
  std::string stat(text, got);
  // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
  std::istringstream rest(stat.substr(stat.rfind(')') + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stol(field);
    if (i == 15) stime = std::stol(field);
  }
  return utime + stime;
}

struct Size {
  std::string name;
  int weeks;
  fs::path db;
  std::int64_t answers = 0;
};

std::vector<std::string> environment(const fs::path& dir) {
  std::vector<std::string> env = {"XDG_DATA_HOME=" + (dir / "data").string(), "XDG_CONFIG_HOME=" + (dir / "config").string(),
                                  "HOME=" + dir.string()};
  for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "PATH", "TZ", "LIBGL_ALWAYS_SOFTWARE"})
    if (const char* value = std::getenv(name)) env.push_back(std::string(name) + "=" + value);
  return env;
}

std::unique_ptr<app::App> open_app(const fs::path& db) {
  app::AppOptions options;
  options.profile_name = "Bench";
  return std::make_unique<app::App>(store::Store::open(db, store::Check::light), bank::load_banks({}).bank,
                                    app::Clock::system(), options);
}

// Years of heavy daily study, through the same code real answers use.
void build_history(Size& size) {
  auto application = open_app(size.db);
  app::StudySettings settings = application->study().settings();
  settings.daily_limit = 1000;
  application->apply(app::action::SetStudySettings{settings});
  application->apply(app::action::SetGoal{{core::WeeklyGoal::Unit::answers, 400}});
  const auto summary = app::simulate_study(*application, size.weeks, 42, 110);
  size.answers = application->view().answers_total;
  std::cerr << fmt::format("  {}: {} answers over {} study days\n", size.name, summary.answers, summary.days_studied);
}

// The stress file: the 10-year history topped up to two million answers, written in large
// transactions straight through the answer repository.
void top_up(Size& size, std::int64_t target) {
  auto application = open_app(size.db);
  auto& s = application->store();
  const auto profile = application->profile_id();
  const auto session = store::Sessions(s).start(profile, core::SessionKind::review, application->clock().now());
  const auto ids = store::Items(s).sync(application->bank(), application->clock().now()).ids;
  std::vector<store::RowId> items;
  for (const auto& q : application->bank().questions) items.push_back(ids.at(q.id));
  std::mt19937_64 rng(2);
  const auto today = app::Clock::local_day(application->clock().now());
  std::int64_t have = application->view().answers_total;
  const std::int64_t per_day = (target - have) / (size.weeks * 7) + 1;
  store::AnswerRecord row;
  row.profile_id = profile;
  row.session_id = session;
  row.chosen = "0";
  for (core::LocalDay day = today - size.weeks * 7; day <= today && have < target; ++day) {
    s.in_transaction([&] {
      for (std::int64_t i = 0; i < per_day && have < target; ++i, ++have) {
        // Only the numbers change from row to row. (Assigning the text inside this loop trips a
        // GCC 12 -Wrestrict false positive at -O3.)
        row.item_id = items[rng() % items.size()];
        row.answered_ms = day * 86'400'000 + 19 * 3'600'000 + i * 20'000;
        row.correct = rng() % 4 != 0;
        row.latency_ms = 4'000 + static_cast<std::int64_t>(rng() % 15'000);
        row.local_day = day;
        store::Answers(s).record(row);
      }
    });
  }
  size.answers = have;
}

// CPU time of one Progress frame (NewFrame to Render), in a headless ImGui context.
std::vector<double> progress_frame_cpu_ms(app::App& application, int frames) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  const ui::Fonts fonts = ui::load_fonts(1.0f);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  ui::apply_theme(application.view().theme, 1.0f);
  ui::UiState state;
  application.apply(app::action::Navigate{app::Screen::progress});
  application.apply(app::action::SetProgressWeeks{52});
  std::vector<double> times;
  for (int i = 0; i < frames + 20; ++i) {
    io.MousePos = ImVec2(300.0f + static_cast<float>(i % 600), 300.0f + static_cast<float>((i * 7) % 400));
    timespec a{}, b{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    ImGui::NewFrame();
    ui::draw_frame(application.view(), application.actions(), fonts, state);
    ImGui::Render();
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    application.actions().take();  // hover only; nothing to apply
    if (i >= 20) times.push_back(static_cast<double>(b.tv_sec - a.tv_sec) * 1e3 + static_cast<double>(b.tv_nsec - a.tv_nsec) / 1e6);
  }
  ImGui::DestroyContext(context);
  return times;
}

// Latency of recording quiz answers (answer row, FSRS state and day totals in one transaction),
// each followed by one bare SQLite commit on the same disk, so both meet the same conditions.
std::pair<std::vector<double>, std::vector<double>> commit_ms(app::App& application, int answers,
                                                              const fs::path& baseline_file) {
  store::BareCommits bare(baseline_file);
  std::vector<double> times, bare_times;
  auto& quiz = application.quiz();
  while (static_cast<int>(times.size()) < answers) {
    quiz.start_quiz({{}, {}, 20});
    while (quiz.stage() == app::SessionStage::question && static_cast<int>(times.size()) < answers) {
      quiz.pick_option(0);
      const auto started = Clock::now();
      quiz.confirm();
      times.push_back(ms_since(started));
      bare_times.push_back(bare.commit_ms());
      quiz.next();
    }
    quiz.quit();
  }
  return {times, bare_times};
}

// A bank's in-process figures: the start (bank loaded, app opened: the first one on a new database,
// then later ones) and the time from confirming an answer to the views showing it, which must not
// grow with roles x topics. Measured for the built-in bank and for generated banks at the
// documented limit of 5,000 items, shaped two ways.
struct BankShape {
  int roles, topics, questions;
};
struct BankTimes {
  std::string name;
  double first_start_ms = 0;
  std::vector<double> start_ms, answer_ms;
  std::vector<double> start_cpu_ms, answer_cpu_ms;  // the same, in CPU time
};

BankTimes bank_times(const fs::path& dir, int runs, int answers, const std::optional<BankShape>& shape) {
  BankTimes times;
  std::vector<fs::path> files;
  std::string db_name = "built-in.db";
  if (shape) {
    times.name = fmt::format("{} roles x {} topics, {} questions", shape->roles, shape->topics, shape->questions);
    files.push_back(dir / fmt::format("bank-{}x{}.toml", shape->roles, shape->topics));
    std::ofstream(files.back()) << bench::big_bank_toml(shape->roles, shape->topics, shape->questions);
    db_name = fmt::format("bank-{}x{}.db", shape->roles, shape->topics);
  } else {
    times.name = "Built-in bank";
  }
  for (int r = 0; r <= runs; ++r) {
    const auto started = Clock::now();
    const double started_cpu = thread_cpu_ms();
    auto loaded = bank::load_banks(files);
    if (!loaded.ok()) throw std::runtime_error("the bank does not load: " + loaded.errors.front().to_string());
    app::AppOptions options;
    options.profile_name = "Bench";
    auto application = std::make_unique<app::App>(store::Store::open(dir / db_name, store::Check::light),
                                                  std::move(loaded.bank), app::Clock::system(), options);
    (r == 0 ? times.first_start_ms : times.start_ms.emplace_back()) = ms_since(started);
    if (r > 0) times.start_cpu_ms.push_back(thread_cpu_ms() - started_cpu);
    if (r < runs) continue;
    while (static_cast<int>(times.answer_ms.size()) < answers) {
      application->apply(app::action::SetQuizSetup{{{}, {}, 20}});
      application->apply(app::action::QuizStart{});
      while (application->view().session.stage == app::SessionStage::question &&
             static_cast<int>(times.answer_ms.size()) < answers) {
        application->apply(app::action::QuizPick{0});
        const auto confirmed = Clock::now();
        const double confirmed_cpu = thread_cpu_ms();
        application->apply(app::action::QuizConfirm{});
        times.answer_ms.push_back(ms_since(confirmed));
        times.answer_cpu_ms.push_back(thread_cpu_ms() - confirmed_cpu);
        application->apply(app::action::QuizNext{});
      }
      application->apply(app::action::QuizQuit{});
    }
  }
  return times;
}

std::vector<BankTimes> all_bank_times(const fs::path& dir, int runs, int answers) {
  std::vector<BankTimes> all;
  all.push_back(bank_times(dir, runs, answers, std::nullopt));
  all.push_back(bank_times(dir, runs, answers, BankShape{4, 40, 4956}));
  all.push_back(bank_times(dir, runs, answers, BankShape{50, 2000, 2950}));
  return all;
}

// A fresh work folder, with this process's XDG folders inside it so nothing reaches the real home.
fs::path make_work_folder() {
  const fs::path dir = fs::temp_directory_path() / fmt::format("rolepath-bench-{}", ::getpid());
  fs::create_directories(dir / "data");
  setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  return dir;
}

// The large banks against the built-in one: later starts and answer latency within 1.2x. The
// verdict is on wall time; CPU time (this thread's) beside it shows what the code itself costs,
// which a busy machine or a slow disk's fsync does not blur.
void print_bank_times(const std::vector<BankTimes>& all) {
  std::cout << "\n| Bank (in process, median; p99 in brackets) | Start, new database (ms) | Later starts (ms) "
               "| Later starts, CPU (ms) | Answer to recorded (ms) | Answer, CPU (ms) | Target | Result |\n"
               "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  const BankTimes& base = all.front();
  for (const auto& t : all) {
    const double start_ratio = median(t.start_ms) / median(base.start_ms);
    const double answer_ratio = median(t.answer_ms) / median(base.answer_ms);
    const double start_cpu_ratio = median(t.start_cpu_ms) / median(base.start_cpu_ms);
    const double answer_cpu_ratio = median(t.answer_cpu_ms) / median(base.answer_cpu_ms);
    const bool is_base = &t == &base;
    const auto result = fmt::format("start {:.2f}x, answer {:.2f}x: {} (CPU: start {:.2f}x, answer {:.2f}x)", start_ratio,
                                    answer_ratio, start_ratio <= 1.2 && answer_ratio <= 1.2 ? "met" : "MISSED",
                                    start_cpu_ratio, answer_cpu_ratio);
    std::cout << fmt::format("| {} | {:.0f} | {:.0f} ({:.0f}) | {:.0f} | {:.2f} ({:.2f}) | {:.2f} | {} | {} |\n", t.name,
                             t.first_start_ms, median(t.start_ms), percentile(t.start_ms, 99), median(t.start_cpu_ms),
                             median(t.answer_ms), percentile(t.answer_ms, 99), median(t.answer_cpu_ms),
                             is_base ? "the baseline" : "within 1.2x of the built-in bank", is_base ? "" : result);
  }
}

// `rolepath-bench start [runs]`: only the first frame, on a database with a short history (no
// histories to build), next to the minimal and the bare window, runs interleaved.
void print_start_times(int runs) {
  const fs::path self = fs::canonical("/proc/self/exe");
  const fs::path dir = make_work_folder();
  const auto env = environment(dir);
  const auto db = dir / "start.db";
  {
    Size size{"start", 2, db};
    build_history(size);
  }
  const std::vector<std::string> gui = {(self.parent_path() / "rolepath").string(), "--db", db.string(), "--profile",
                                        "Bench", "--screen", "progress", "--exit-after-first-frame"};
  spawn(gui, env);  // the day's first start checks every page and makes the backup; not timed
  std::vector<double> first, minimal, bare;
  for (int r = 0; r < runs; ++r) {
    first.push_back(spawn(gui, env).first_frame_ms);
    minimal.push_back(spawn({(self.parent_path() / "rolepath-minimal").string()}, env).first_frame_ms);
    bare.push_back(spawn({(self.parent_path() / "rolepath-bare").string()}, env).first_frame_ms);
  }
  std::cout << fmt::format(
      "| Start to first frame, median (p90) | ms |\n| --- | --- |\n| rolepath | {:.0f} ({:.0f}) |\n"
      "| rolepath-minimal (RolePath's fonts) | {:.0f} ({:.0f}) |\n| rolepath-bare (ImGui's default font) | {:.0f} ({:.0f}) |\n"
      "\n{:.2f}x minimal, {:.2f}x bare; {} runs each\n",
      median(first), percentile(first, 90), median(minimal), percentile(minimal, 90), median(bare), percentile(bare, 90),
      median(first) / median(minimal), median(first) / median(bare), runs);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

struct Row {
  std::string metric;
  std::vector<std::string> values;
  std::string target;
  std::string verdict;
};
}  // namespace

int main(int argc, char** argv) {
  // `rolepath-bench big-bank [runs]`: only the bank-size figures, which need no display.
  if (argc > 1 && std::string(argv[1]) == "big-bank") {
    const fs::path dir = make_work_folder();
    print_bank_times(all_bank_times(dir, argc > 2 ? std::max(1, std::atoi(argv[2])) : 5, 100));
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
  }
  const char* display = std::getenv("DISPLAY");
  if (argc > 1 && std::string(argv[1]) == "start" && display && *display) {
    print_start_times(argc > 2 ? std::max(1, std::atoi(argv[2])) : 15);
    return 0;
  }
  if (!display || !*display) {
    std::cerr << "rolepath-bench needs a display: run it as\n  bash tests/e2e/with_display.sh " << argv[0] << '\n';
    return 2;
  }
  const fs::path self = fs::canonical("/proc/self/exe");
  const fs::path rolepath = self.parent_path() / "rolepath";
  const fs::path minimal = self.parent_path() / "rolepath-minimal";
  const fs::path bare_window = self.parent_path() / "rolepath-bare";
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const fs::path dir = make_work_folder();
  const auto env = environment(dir);

  std::vector<Size> sizes = {{"1 year", 52, dir / "1y.db"}, {"5 years", 260, dir / "5y.db"},
                             {"10 years", 520, dir / "10y.db"}, {"2M stress", 520, dir / "2m.db"}};
  std::cerr << "Building histories (through the app's own flows)...\n";
  for (std::size_t i = 0; i < 3; ++i) build_history(sizes[i]);
  fs::copy_file(sizes[2].db, sizes[3].db);
  top_up(sizes[3], 2'000'000);
  std::cerr << fmt::format("  2M stress: {} answers\n", sizes[3].answers);

  std::vector<double> minimal_first, minimal_rss;
  std::vector<Row> rows = {
      {"Answers in the history", {}, "", ""},
      {"Start to first Progress frame, median (ms)", {}, "<= 1.3x minimal; <= 1.25x bare (10 years)", ""},
      {"  minimal ImGui + GLFW program, same font (ms)", {}, "", ""},
      {"  bare ImGui + GLFW window, ImGui's default font (ms)", {}, "", ""},
      {"Progress frame CPU, median / p99 (ms)", {}, "< 1 ms (10 years)", ""},
      {"Answer commit, median / p99 (ms)", {}, "<= 1.5x bare SQLite", ""},
      {"  bare SQLite insert + commit, median / p99 (ms)", {}, "", ""},
      {"Weekly aggregates rebuilt, median (ms)", {}, "<= 2x from 200k to 2M", ""},
      {"Report (JSON), in process, median (ms)", {}, "<= 2x from 200k to 2M", ""},
      {"rolepath report, whole process (ms)", {}, "", ""},
      {"Peak memory: GUI / minimal program (MB)", {}, "GUI <= minimal + 24 MB (10 years)", ""},
      {"Peak memory: rolepath report (MB)", {}, "< 64 MB (10 years)", ""},
  };
  std::map<std::string, double> measured;
  for (auto& size : sizes) {
    std::cerr << "Measuring " << size.name << "...\n";
    const std::vector<std::string> gui = {rolepath.string(), "--db", size.db.string(), "--profile", "Bench",
                                          "--screen", "progress", "--exit-after-first-frame"};
    spawn(gui, env);  // the day's first start checks every page and makes the backup; not timed
    std::vector<double> first, mini, bare_first, gui_rss, mini_rss;
    for (int r = 0; r < runs; ++r) {
      const auto m = spawn({minimal.string()}, env);
      mini.push_back(m.first_frame_ms);
      mini_rss.push_back(static_cast<double>(m.peak_rss_kb) / 1024.0);
      bare_first.push_back(spawn({bare_window.string()}, env).first_frame_ms);
      const auto g = spawn(gui, env);
      first.push_back(g.first_frame_ms);
      gui_rss.push_back(static_cast<double>(g.peak_rss_kb) / 1024.0);
    }
    std::vector<double> report_wall, report_rss;
    for (int r = 0; r < runs; ++r) {
      const auto rep = spawn({rolepath.string(), "--db", size.db.string(), "--profile", "Bench", "report", "--json"}, env);
      report_wall.push_back(rep.wall_ms);
      report_rss.push_back(static_cast<double>(rep.peak_rss_kb) / 1024.0);
    }

    auto application = open_app(size.db);
    const auto frames = progress_frame_cpu_ms(*application, 300);
    std::vector<double> aggregates, reports;
    for (int r = 0; r < 20; ++r) {
      const auto started = Clock::now();
      application->refresh_progress_view();
      aggregates.push_back(ms_since(started));
      std::ostringstream sink;
      const auto report_started = Clock::now();
      terminal::print_report(*application, 8, true, sink);
      reports.push_back(ms_since(report_started));
    }
    const auto [commits, bare] = commit_ms(*application, 400, dir / "baseline.db");
    application.reset();

    rows[0].values.push_back(fmt::format("{}", size.answers));
    rows[1].values.push_back(fmt::format("{:.0f}", median(first)));
    rows[2].values.push_back(fmt::format("{:.0f}", median(mini)));
    rows[3].values.push_back(fmt::format("{:.0f}", median(bare_first)));
    rows[4].values.push_back(fmt::format("{:.2f} / {:.2f}", median(frames), percentile(frames, 99)));
    rows[5].values.push_back(fmt::format("{:.2f} / {:.2f}", median(commits), percentile(commits, 99)));
    rows[6].values.push_back(fmt::format("{:.2f} / {:.2f}", median(bare), percentile(bare, 99)));
    rows[7].values.push_back(fmt::format("{:.2f}", median(aggregates)));
    rows[8].values.push_back(fmt::format("{:.2f}", median(reports)));
    rows[9].values.push_back(fmt::format("{:.0f}", median(report_wall)));
    rows[10].values.push_back(fmt::format("{:.0f} / {:.0f}", median(gui_rss), median(mini_rss)));
    rows[11].values.push_back(fmt::format("{:.0f}", median(report_rss)));
    const std::string key = size.name;
    measured[key + ".first"] = median(first);
    measured[key + ".mini"] = median(mini);
    measured[key + ".bare_window"] = median(bare_first);
    measured[key + ".frame"] = median(frames);
    measured[key + ".commit"] = median(commits);
    measured[key + ".bare"] = median(bare);
    measured[key + ".aggregates"] = median(aggregates);
    measured[key + ".report"] = median(reports);
    measured[key + ".gui_rss"] = median(gui_rss);
    measured[key + ".mini_rss"] = median(mini_rss);
    measured[key + ".report_rss"] = median(report_rss);
  }

  // Idle: the 10-year window left alone, from 2 s after its last input, for 5 s.
  std::cerr << "Measuring idle CPU...\n";
  double idle_percent = -1;
  {
    const pid_t pid = ::fork();
    if (pid == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      exec_child({rolepath.string(), "--db", sizes[2].db.string(), "--profile", "Bench", "--screen", "progress"}, env);
    }
    std::this_thread::sleep_for(std::chrono::seconds(4));
    const long before = cpu_ticks(pid);
    std::this_thread::sleep_for(std::chrono::seconds(5));
    const long after = cpu_ticks(pid);
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (before >= 0 && after >= 0)
      idle_percent = 100.0 * static_cast<double>(after - before) / static_cast<double>(::sysconf(_SC_CLK_TCK)) / 5.0;
  }

  std::cerr << "Measuring the built-in bank and banks of 5,000 items...\n";
  const auto banks = all_bank_times(dir, runs, 100);

  const double first_ratio = measured["10 years.first"] / measured["10 years.mini"];
  const double commit_ratio = measured["10 years.commit"] / measured["10 years.bare"];
  const double aggregate_growth = measured["2M stress.aggregates"] / measured["10 years.aggregates"];
  const double report_growth = measured["2M stress.report"] / measured["10 years.report"];
  const double extra_rss = measured["10 years.gui_rss"] - measured["10 years.mini_rss"];
  const double bare_ratio = measured["10 years.first"] / measured["10 years.bare_window"];
  rows[1].verdict = fmt::format("{:.2f}x minimal: {}; {:.2f}x bare: {}", first_ratio, first_ratio <= 1.3 ? "met" : "MISSED",
                                bare_ratio, bare_ratio <= 1.25 ? "met" : "MISSED");
  rows[4].verdict = measured["10 years.frame"] < 1.0 ? "met" : "MISSED";
  rows[5].verdict = fmt::format("{:.2f}x: {}", commit_ratio, commit_ratio <= 1.5 ? "met" : "MISSED");
  rows[7].verdict = fmt::format("{:.2f}x: {}", aggregate_growth, aggregate_growth <= 2.0 ? "met" : "MISSED");
  rows[8].verdict = fmt::format("{:.2f}x: {}", report_growth, report_growth <= 2.0 ? "met" : "MISSED");
  rows[10].verdict = fmt::format("+{:.0f} MB: {}", extra_rss, extra_rss <= 24 ? "met" : "MISSED");
  rows[11].verdict = measured["10 years.report_rss"] < 64 ? "met" : "MISSED";

  std::cout << "| Measure | 1 year | 5 years | 10 years | 2M stress | Target | Result |\n"
            << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const auto& row : rows) {
    std::cout << "| " << row.metric;
    for (const auto& v : row.values) std::cout << " | " << v;
    std::cout << " | " << row.target << " | " << row.verdict << " |\n";
  }
  std::cout << fmt::format("| Idle CPU, 2 s after the last input (% of a core, 10 years) | | | {:.2f} | | < 1% | {} |\n",
                           idle_percent, idle_percent >= 0 && idle_percent < 1.0 ? "met" : "MISSED");
  print_bank_times(banks);
  std::cout << fmt::format("\n{} runs each; {} cores; work folder {}\n", runs, std::thread::hardware_concurrency(),
                           dir.string());
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
