// The real binary started again and again while the clock and zone walk back and forth (a
// year each way, 2100, 9999, DST, the date line): every terminal command exits 0 with output that
// reads right, and the window opens on every screen.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "support/clock_walk.hpp"
#include "support/process.hpp"
#include "support/rolepath_binary.hpp"
#include "support/temp_folder.hpp"

using rp::test::run;
using rp::test::shell_quote;
using rp::test::TempFolder;

namespace {
using rp::test::binary;
using rp::test::xvfb;

// rolepath at one step of the walk, its data and config kept inside `home`.
rp::test::ProcessResult rolepath(const TempFolder& home, const rp::test::ClockStep& step, const std::string& args,
                                 const std::string& input = "", bool window = false) {
  const std::string env = fmt::format("cd {} && env TZ={} ROLEPATH_NOW={} XDG_DATA_HOME={} XDG_CONFIG_HOME={} ",
                                      shell_quote(home.path().string()), shell_quote(step.zone), shell_quote(step.now),
                                      shell_quote((home / "data").string()), shell_quote((home / "config").string()));
  return run(env + (window ? xvfb : "") + shell_quote(binary) + " " + args, input);
}

int count_lines(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  int count = 0;
  for (std::string l; std::getline(in, l);) count += l == line ? 1 : 0;
  return count;
}

void check_report(const TempFolder& home, const rp::test::ClockStep& step) {
  const auto text = rolepath(home, step, "report");
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("RolePath report for Learner") == 0);
  const auto json = rolepath(home, step, "report --json --weeks 12");
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  const auto report = nlohmann::json::parse(json.out);
  CHECK(report["answers_total"].get<std::int64_t>() >= 0);
  CHECK(report["due_today"].get<int>() >= 0);
  CHECK(report["weeks"].size() == 12);
  for (const auto& week : report["weeks"]) {
    CHECK(week["answers"].get<std::int64_t>() >= 0);
    CHECK(week["correct"].get<std::int64_t>() <= week["answers"].get<std::int64_t>());
  }
  for (const auto& topic : report["topics"]) {
    CHECK(topic["mastery_score"].get<double>() >= 0.0);
    CHECK(topic["mastery_score"].get<double>() <= 1.0);
    CHECK(topic["due"].get<int>() >= 0);
    CHECK(topic["correct"].get<std::int64_t>() <= topic["answers"].get<std::int64_t>());
  }
}

void check_window(const TempFolder& home, const rp::test::ClockStep& step, const char* screen) {
  INFO("screen ", std::string(screen));
  const auto png = home / (std::string(screen) + ".png");
  std::filesystem::remove(png);
  const auto r = rolepath(home, step, fmt::format("--screen {} --screenshot {}", screen, shell_quote(png.string())), "",
                          true);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::file_size(png) > 1000);
}
}  // namespace

TEST_CASE("every command and the window run through the clock walk with exit 0 and sane output") {
  TempFolder home;
  for (const auto& step : rp::test::clock_walk) {
    INFO("TZ=", std::string(step.zone), " ROLEPATH_NOW=", std::string(step.now));
    check_report(home, step);

    const auto quiz = rolepath(home, step, "quiz --terminal --count 3", "1\n1\n1\n");
    INFO(quiz.err);
    CHECK(quiz.exit_code == 0);
    CHECK(count_lines(quiz.out, "recorded") == 3);

    const auto review = rolepath(home, step, "review --terminal", "1\n1\nq\n");
    INFO(review.err);
    CHECK(review.exit_code == 0);
    CHECK(count_lines(review.out, "recorded") >= 1);

    const auto fit = rolepath(home, step, "fit --terminal", "4\n2\n");
    INFO(fit.err);
    CHECK(fit.exit_code == 0);

    const auto csv = home / "answers.csv";
    const auto exported = rolepath(home, step, "export --csv " + shell_quote(csv.string()));
    INFO(exported.err);
    CHECK(exported.exit_code == 0);
    CHECK(exported.out.find("Wrote ") == 0);
    const auto rows = std::stoll(exported.out.substr(6));
    CHECK(rows > 0);
    CHECK(count_lines(run("tail -n +2 " + shell_quote(csv.string()) + " | tr -d '\\r'").out, "") == 0);
    CHECK(std::stoll(run("tail -n +2 " + shell_quote(csv.string()) + " | wc -l").out) == rows);

    const auto backup = rolepath(home, step, "backup");
    INFO(backup.err);
    CHECK(backup.exit_code == 0);
    CHECK(backup.out.find("Backed up ") == 0);

    check_report(home, step);
    check_window(home, step, "progress");
  }
  // Every screen, with all of the walk's answers stored, at the far end and back at the start.
  for (const auto& step : {rp::test::clock_walk[5], rp::test::clock_walk[0]})
    for (const char* screen : {"home", "fit", "quiz", "review", "progress", "settings"}) check_window(home, step, screen);
}
