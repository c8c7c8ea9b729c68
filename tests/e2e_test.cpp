// The real rolepath binary: its command line, and real windows under Xvfb with screenshots.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

#include "support/csv.hpp"
#include "support/process.hpp"
#include "support/rolepath_binary.hpp"
#include "support/temp_folder.hpp"

using rp::test::binary;
using rp::test::run;
using rp::test::shell_quote;
using rp::test::TempFolder;
using rp::test::xvfb;

namespace {
// The start of a command line run in `home` with its data and config folders inside it, so no test
// touches the real ones; `more` adds to env's arguments (variables to set, or -u NAME to unset).
std::string in_home(const TempFolder& home, const std::string& more = "") {
  return fmt::format("cd {} && env {}XDG_DATA_HOME={} XDG_CONFIG_HOME={} ", shell_quote(home.path().string()),
                     more.empty() ? "" : more + " ", shell_quote((home / "data").string()),
                     shell_quote((home / "config").string()));
}

// Runs rolepath in `home`, on a private virtual display or with no display at all.
rp::test::ProcessResult rolepath(const TempFolder& home, const std::string& args, bool with_display = true) {
  return run(in_home(home, with_display ? "" : "-u DISPLAY -u WAYLAND_DISPLAY") + (with_display ? xvfb : "") +
             shell_quote(binary) + " " + args);
}

// Runs a driver script from tests/support on a private virtual display, in `home`.
rp::test::ProcessResult drive(const TempFolder& home, const std::string& script, const std::string& args) {
  return run(in_home(home) + xvfb + "bash " + shell_quote(ROLEPATH_SOURCE_DIR "/tests/support/" + script) + " " + args);
}

// The JSON on a command's standard output; a failed parse names the output.
nlohmann::json json_of(const rp::test::ProcessResult& r) {
  INFO(r.out);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json parsed;
  REQUIRE_NOTHROW(parsed = nlohmann::json::parse(r.out));
  return parsed;
}

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
};

Image load_png(const std::filesystem::path& file) {
  Image image;
  int channels = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load(file.c_str(), &image.width, &image.height, &channels, 3),
                                                       stbi_image_free);
  REQUIRE_MESSAGE(data, "cannot read ", file.string());
  image.rgb.assign(data.get(), data.get() + static_cast<std::size_t>(image.width) * image.height * 3);
  return image;
}

// Share of pixels that are not the most common colour (the background).
double share_off_background(const Image& image) {
  std::map<unsigned int, int> counts;
  for (std::size_t i = 0; i + 2 < image.rgb.size(); i += 3)
    ++counts[(image.rgb[i] << 16) | (image.rgb[i + 1] << 8) | image.rgb[i + 2]];
  int most = 0;
  for (const auto& [colour, count] : counts) most = std::max(most, count);
  return 1.0 - static_cast<double>(most) / (static_cast<double>(image.rgb.size()) / 3.0);
}

double share_different(const Image& a, const Image& b) {
  REQUIRE(a.rgb.size() == b.rgb.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i + 2 < a.rgb.size(); i += 3)
    if (a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2]) ++differing;
  return static_cast<double>(differing) / (static_cast<double>(a.rgb.size()) / 3.0);
}
}  // namespace

TEST_CASE("--help and --version exit 0") {
  TempFolder home;
  const auto help = rolepath(home, "--help", false);
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--screenshot") != std::string::npos);
  CHECK(help.out.find("check-bank") != std::string::npos);
  const auto version = rolepath(home, "--version", false);
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("rolepath ") != std::string::npos);
}

TEST_CASE("an unknown option prints usage and exits 2") {
  TempFolder home;
  const auto r = rolepath(home, "--frobnicate", false);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--frobnicate") != std::string::npos);
  CHECK(r.err.find("Usage") != std::string::npos);
  CHECK(rolepath(home, "--screen kitchen", false).exit_code == 2);
}

TEST_CASE("without a display the GUI says so suggests xvfb-run and writes nothing") {
  TempFolder home;
  const auto r = rolepath(home, "", false);
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("no display") != std::string::npos);
  CHECK(r.err.find("xvfb-run") != std::string::npos);
  // The hint runs the program the learner ran, by its path: a build from source is not on PATH.
  CHECK(r.err.find("xvfb-run -a " + std::string(binary) + "\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(home / "data"));
}

TEST_CASE("check-bank passes the built-in bank and prints its coverage table") {
  TempFolder home;
  // The built-in bank's files, layered in the order the binary loads them (src/CMakeLists.txt).
  std::string files;
  int count = 0;
  std::istringstream list(ROLEPATH_BUILTIN_BANK_FILES);
  for (std::string file; std::getline(list, file, '|'); ++count) files.append(" ").append(shell_quote(file));
  CHECK(count == 27);
  const auto r = rolepath(home, "check-bank --strict" + files, false);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Questions per topic and role") != std::string::npos);
  CHECK(r.out.find("responsibilities") != std::string::npos);
}

TEST_CASE("check-bank reports every problem as file:line:col and exits 1") {
  TempFolder home;
  const auto bad = home / "bad.toml";
  rp::test::write_bytes(bad, "[[role]]\nid = \"x\"\nname = \"X\"\nsummary = \"\"\ncolour = 1\n");
  const auto r = rolepath(home, "check-bank " + shell_quote(bad.string()), false);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(bad.string() + ":4:11: 'summary' is empty") != std::string::npos);
  CHECK(r.err.find(bad.string() + ":5:1: unknown key 'colour'") != std::string::npos);
}

TEST_CASE("check-bank prints the item-writing rules and warns - exit 1 only with --strict") {
  TempFolder home;
  const auto bank = home / "absurd.toml";
  rp::test::write_bytes(bank, R"([[role]]
id = "arch"
name = "Architect"
summary = "Designs systems."

[[topic]]
id = "tools"
name = "Tools"

[[question]]
id = "q-horoscope"
roles = ["arch"]
topic = "tools"
kind = "single"
prompt = "How should a team pick its serving stack?"
options = ["Measure latency under load", "Read the whole team's horoscope"]
answer = 0
explanation = "Measurements decide."
source = "general"
)");
  const auto relaxed = rolepath(home, "check-bank " + shell_quote(bank.string()), false);
  INFO(relaxed.err);
  CHECK(relaxed.exit_code == 0);
  CHECK(relaxed.out.find("Item-writing rules") != std::string::npos);
  CHECK(relaxed.out.find("right option longest: 0 of 1 single-choice questions (0%, limit 33%)") != std::string::npos);
  CHECK(relaxed.out.find("warning: option 2 of q-horoscope") != std::string::npos);

  const auto strict = rolepath(home, "check-bank --strict " + shell_quote(bank.string()), false);
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.find("warning: option 2 of q-horoscope") != std::string::npos);
  CHECK(strict.err.find("1 item-writing warning with --strict") != std::string::npos);
}

TEST_CASE("a broken --bank file stops the GUI with file:line:col errors") {
  TempFolder home;
  const auto bad = home / "extra.toml";
  rp::test::write_bytes(bad, "[[topic]]\nid = \"skills\"\nname = \"Again\"\n");
  const auto r = rolepath(home, "--bank " + shell_quote(bad.string()));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(bad.string() + ":2:6: duplicate topic id 'skills'") != std::string::npos);
}

TEST_CASE("every screen opens in a real window - screenshots are not blank and differ") {
  TempFolder home;
  std::map<std::string, Image> shots;
  for (const char* screen : {"home", "fit", "quiz", "review", "progress", "settings", "result"}) {
    CAPTURE(screen);
    const auto png = home / (std::string(screen) + ".png");
    const auto r = rolepath(home, fmt::format("--screen {} --screenshot {}", screen, shell_quote(png.string())));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const Image image = load_png(png);
    CHECK(image.width == 1280);
    CHECK(image.height == 800);
    CHECK(share_off_background(image) > 0.05);
    shots[screen] = image;
  }
  for (const auto& [a, image_a] : shots)
    for (const auto& [b, image_b] : shots) {
      if (a >= b) continue;
      CAPTURE(a);
      CAPTURE(b);
      CHECK(share_different(image_a, image_b) > 0.01);
    }
}

TEST_CASE("the default database is created under XDG_DATA_HOME with mode 0600 - imgui.ini goes to the config folder") {
  TempFolder home;
  const auto r = rolepath(home, "--screenshot " + shell_quote((home / "shot.png").string()));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto db = home / "data/rolepath/rolepath.db";
  REQUIRE(std::filesystem::exists(db));
  CHECK((std::filesystem::status(db).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(std::filesystem::exists(home / "config/rolepath/imgui.ini"));
  CHECK_FALSE(std::filesystem::exists(home / "imgui.ini"));
}

TEST_CASE("a database from a newer RolePath is refused by the app named and left unchanged")
{
  TempFolder home;
  const auto db = home / "mine.db";
  REQUIRE(rolepath(home, "--db " + shell_quote(db.string()) + " --screenshot " +
                             shell_quote((home / "a.png").string())).exit_code == 0);
  REQUIRE(run("sqlite3 " + shell_quote(db.string()) + " 'PRAGMA user_version = 999'").exit_code == 0);
  const std::string before = rp::test::read_bytes(db);
  // The window shows the recovery screen (captured here), the terminal gets the same message.
  const auto shot = home / "recovery.png";
  const auto r = rolepath(home, "--db " + shell_quote(db.string()) + " --screenshot " + shell_quote(shot.string()));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(db.string()) != std::string::npos);
  CHECK(r.err.find("newer RolePath") != std::string::npos);
  CHECK(share_off_background(load_png(shot)) > 0.02);
  CHECK(rp::test::read_bytes(db) == before);
  CHECK_FALSE(std::filesystem::exists(db.string() + "-wal"));
  const auto report = rolepath(home, "--db " + shell_quote(db.string()) + " report", false);
  CHECK(report.exit_code == 1);
  CHECK(report.err.find("newer RolePath") != std::string::npos);
}

TEST_CASE("the questionnaire in a real window: a click starts it and keys answer it") {
  TempFolder home;
  const auto db = home / "window.db";
  const auto shot = home / "asking.png";
  const auto r = drive(home, "drive_fit.sh",
                       shell_quote(binary) + " " + shell_quote(db.string()) + " " + shell_quote(shot.string()) + " 5 1 4 2");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto count = run("sqlite3 " + shell_quote(db.string()) +
                         " \"SELECT count(*) FROM answer JOIN study_session s ON s.id = session_id WHERE s.kind = 'fit'\"");
  CHECK(count.out == "4\n");
  const auto chosen = run("sqlite3 " + shell_quote(db.string()) + " 'SELECT group_concat(chosen) FROM (SELECT chosen FROM answer ORDER BY id)'");
  CHECK(chosen.out == "5,1,4,2\n");
  // Esc saved and left: the questionnaire is kept open to continue.
  const auto open = run("sqlite3 " + shell_quote(db.string()) +
                        " \"SELECT count(*) FROM study_session WHERE kind = 'fit' AND ended_ms IS NULL\"");
  CHECK(open.out == "1\n");
  const Image image = load_png(shot);
  CHECK(share_off_background(image) > 0.05);
}

TEST_CASE("fit --terminal: statement lines then answer prompts then recorded and the result first") {
  TempFolder home;
  // Leaning to one role: answer 5 to statements that point to it and 1 to the others is not
  // possible blind, so answer one way throughout and expect the honest "no clear preference".
  std::string input;
  for (int i = 0; i < 60; ++i) input += "5\n";
  const auto r = run(in_home(home) + shell_quote(binary) + " fit --terminal", input);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  int prompts = 0, recorded = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("answer", 0) == 0) {
      ++prompts;
      CHECK(i > 0);
      CHECK_FALSE(lines[i - 1].empty());  // the statement's text stands on the line before
    }
    if (lines[i] == "recorded") ++recorded;
  }
  CHECK(prompts == 12);
  CHECK(recorded == 12);
  CHECK(r.out.find("No clear preference") != std::string::npos);
  CHECK(r.out.find("same answer") != std::string::npos);
}

TEST_CASE("rolepath result and result --json after fit --terminal and the result screen in a real window") {
  TempFolder home;
  std::string input;
  for (int i = 0; i < 60; ++i) input += "5\n";
  REQUIRE(run(in_home(home) + shell_quote(binary) + " fit --terminal", input).exit_code == 0);

  const auto text = rolepath(home, "result");
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.rfind("No clear preference", 0) == 0);  // the outcome first
  CHECK(text.out.find("What would tip it:") != std::string::npos);
  CHECK(text.out.find("Next steps for AI Architect") != std::string::npos);  // no preference: both paths
  CHECK(text.out.find("Next steps for Machine Learning Software Engineer") != std::string::npos);

  const auto json = rolepath(home, "result --json");
  REQUIRE(json.exit_code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed.at("result").at("suggested").is_null());
  CHECK(parsed.at("result").at("answered") == 12);
  CHECK(parsed.at("decision").at("taken") == true);
  CHECK(parsed.at("next_steps").size() == 2);

  const auto png = home / "result.png";
  const auto shot = rolepath(home, "--screen result --screenshot " + shell_quote(png.string()));
  INFO(shot.err);
  REQUIRE(shot.exit_code == 0);
  CHECK(share_off_background(load_png(png)) > 0.05);
}

TEST_CASE("fit --terminal: closing the input keeps the answers and the next run continues") {
  TempFolder home;
  const std::string command = in_home(home) + shell_quote(binary) + " fit --terminal";
  const auto first = run(command, "4\n2\nb\n5\n");
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("Input closed. Your 2 answers are kept") != std::string::npos);
  CHECK(first.out.find("(your earlier answer: 2 Disagree)") != std::string::npos);
  const auto second = run(command, "q\n");
  CHECK(second.exit_code == 0);
  CHECK(second.out.find("Continuing your unfinished questionnaire (2 answered)") != std::string::npos);
  CHECK(second.out.find("Your 2 answers are kept") != std::string::npos);
}

namespace {
std::string data_env(const TempFolder& home, const char* now = "2026-03-02T18:00:00Z") {
  return in_home(home, std::string("ROLEPATH_NOW=") + now) + shell_quote(binary) + " ";
}
}  // namespace

TEST_CASE("quiz --terminal: prompts and options then correct or wrong with the explanation then recorded") {
  TempFolder home;
  const auto r = run(data_env(home) + "quiz --terminal --topic outlook --count 3", "1\n1\n1\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  int prompts = 0, verdicts = 0, recorded = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("answer", 0) == 0) {
      ++prompts;
      // The numbered options stand just above the prompt.
      CHECK(lines[i - 1].size() > 4);
      CHECK(lines[i - 1].rfind("  ", 0) == 0);
      CHECK(std::isdigit(static_cast<unsigned char>(lines[i - 1][2])));
    }
    if (lines[i].rfind("correct. ", 0) == 0 || lines[i].rfind("wrong. The answer: ", 0) == 0) {
      ++verdicts;
      REQUIRE(i + 1 < lines.size());
      CHECK(lines[i + 1] == "recorded");
    }
    if (lines[i] == "recorded") ++recorded;
  }
  CHECK(prompts >= 3);
  CHECK(verdicts == recorded);
  CHECK(recorded >= 1);
  CHECK(r.out.find(" right") != std::string::npos);
  CHECK(json_of(run(data_env(home) + "report --json")).at("answers_total") == recorded);
}

TEST_CASE("review --terminal the next day serves what the quiz missed and u undoes") {
  TempFolder home;
  // Answer every quiz question with option 1; some will be wrong.
  std::string ones;
  for (int i = 0; i < 10; ++i) ones += "1\n";
  // On an overview topic: those have study cards, which review shows first.
  REQUIRE(run(data_env(home) + "quiz --terminal --topic tools --count 10", ones).exit_code == 0);
  const std::string next_day = data_env(home, "2026-03-03T19:00:00Z");
  const auto before = json_of(run(next_day + "report --json"));
  const auto r = run(next_day + "review --terminal", "1\nu\nq\n");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  // Ten answers of "1" miss some question (all ten right by chance is well under one in a
  // thousand), and a miss is due again the next day.
  CHECK(before.at("answers_total") == 10);
  REQUIRE(before.at("due_today").get<int>() > 0);
  CHECK(r.out.find("Study card: ") != std::string::npos);
  CHECK(r.out.find("undone") != std::string::npos);
  const auto after = json_of(run(next_day + "report --json"));
  // The undone review answer left no trace: the same totals, weeks, per-topic counts and due.
  CHECK(after.at("answers_total") == before.at("answers_total"));
  CHECK(after.at("due_today") == before.at("due_today"));
  CHECK(after.at("weeks") == before.at("weeks"));
  REQUIRE(after.at("topics").size() == before.at("topics").size());
  for (std::size_t i = 0; i < before.at("topics").size(); ++i) {
    const auto &was = before.at("topics")[i], &is = after.at("topics")[i];
    CAPTURE(was.dump());
    for (const char* key : {"role", "topic", "answers", "correct", "questions_seen", "due"}) CHECK(is.at(key) == was.at(key));
  }
}

TEST_CASE("report prints text by default and JSON with --json") {
  TempFolder home;
  const auto text = run(data_env(home) + "report");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("RolePath report for Learner") == 0);
  CHECK(text.out.find("Latest role fit: not taken yet") != std::string::npos);
  const auto json = json_of(run(data_env(home) + "report --json"));
  CHECK(json.at("profile") == "Learner");
  CHECK(json.at("answers_total") == 0);
  CHECK(json.at("due_today") == 0);
  CHECK(json.at("generated_at").get<std::string>().rfind("2026-03-02T18:00:", 0) == 0);
  CHECK(json.at("latest_fit").is_null());
  CHECK(json.at("weak_topics") == nlohmann::json::array());
  CHECK(json.at("leeches") == nlohmann::json::array());
  REQUIRE(json.at("weeks").size() == 8);  // the default
  CHECK(json.at("weeks").back().at("iso_week") == "2026-W10");
  for (const auto& week : json.at("weeks")) CHECK(week.at("answers") == 0);
  // Every role and topic on a role's path (one per lesson the bank gives a role), none answered yet.
  const auto bank = json_of(rolepath(home, "bank --json", false));
  REQUIRE(json.at("topics").size() == bank.at("lessons").size());
  for (const auto& topic : json.at("topics")) {
    CAPTURE(topic.dump());
    CHECK(topic.at("answers") == 0);
    CHECK(topic.at("accuracy").is_null());
    CHECK(topic.at("questions").get<int>() > 0);
  }
  CHECK(run(data_env(home) + "quiz --terminal --role chef").exit_code == 1);
}

TEST_CASE("demo then Progress in a real window and report and CSV agree with the database") {
  TempFolder home;
  const std::string base = in_home(home);
  const auto demo = run(base + shell_quote(binary) + " demo --weeks 12");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  CHECK(demo.out.find("Profile 'Demo': 12 weeks") == 0);
  const auto db = (home / "data/rolepath/rolepath.db").string();
  const auto count = run("sqlite3 " + shell_quote(db) +
                         " \"SELECT count(*) FROM answer a JOIN profile p ON p.id = a.profile_id WHERE p.name = 'Demo'\"");
  const std::string answers = count.out.substr(0, count.out.find('\n'));
  CHECK(std::stoll(answers) > 300);

  const auto report = json_of(run(base + shell_quote(binary) + " report --profile Demo --json --weeks 12"));
  CHECK(report.at("profile") == "Demo");
  CHECK(report.at("answers_total") == std::stoll(answers));
  CHECK(report.at("weeks").size() == 12);
  const auto csv = home / "demo.csv";
  const auto exported = run(base + shell_quote(binary) + " export --profile Demo --csv " + shell_quote(csv.string()));
  CHECK(exported.out == "Wrote " + answers + " answers to " + csv.string() + "\n");
  // The file, read by RFC 4180, holds the database's answers: as many rows, the same kinds and
  // the same right answers, oldest first.
  const auto table = rp::test::parse_csv_table(rp::test::read_bytes(csv));
  REQUIRE(table.rows.size() == std::stoull(answers));
  std::map<std::string, int> kinds;
  int right = 0;
  std::string previous;
  for (const auto& row : table.rows) {
    CHECK(row[table.column("profile")] == "Demo");
    ++kinds[row[table.column("session_kind")]];
    right += row[table.column("correct")] == "1" ? 1 : 0;
    CHECK(previous <= row[table.column("time")]);  // ISO 8601 in UTC sorts as text
    previous = row[table.column("time")];
  }
  const auto db_kinds = run("sqlite3 " + shell_quote(db) +
                            " \"SELECT s.kind || ' ' || count(*) FROM answer a JOIN profile p ON p.id = a.profile_id "
                            "JOIN study_session s ON s.id = a.session_id WHERE p.name = 'Demo' GROUP BY s.kind ORDER BY s.kind\"");
  std::string csv_kinds;
  for (const auto& [kind, n] : kinds) csv_kinds += kind + " " + std::to_string(n) + "\n";
  CHECK(csv_kinds == db_kinds.out);
  const auto db_right = run("sqlite3 " + shell_quote(db) +
                            " \"SELECT count(*) FROM answer a JOIN profile p ON p.id = a.profile_id "
                            "WHERE p.name = 'Demo' AND a.correct = 1\"");
  CHECK(std::to_string(right) + "\n" == db_right.out);

  const auto shot = home / "progress.png";
  const auto r = run(base + xvfb + shell_quote(binary) + " --profile Demo --screen progress --screenshot " +
                     shell_quote(shot.string()));
  REQUIRE(r.exit_code == 0);
  CHECK(share_off_background(load_png(shot)) > 0.08);
  // A second demo into a profile with answers is refused.
  CHECK(run(base + shell_quote(binary) + " demo --weeks 1").exit_code == 1);
}

TEST_CASE("Ctrl+1 to Ctrl+6 tapped faster than a frame still switch screens in a real window") {
  TempFolder home;
  const auto r = drive(home, "drive_shortcuts.sh",
                       shell_quote(binary) + " " + shell_quote((home / "rp.db").string()) + " " +
                           shell_quote(home.path().string()));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::map<int, Image> shots;
  for (int n = 1; n <= 6; ++n) shots[n] = load_png(home / ("screen-" + std::to_string(n) + ".png"));
  for (int a = 1; a <= 6; ++a)
    for (int b = a + 1; b <= 6; ++b) {
      CAPTURE(a);
      CAPTURE(b);
      CHECK(share_different(shots[a], shots[b]) > 0.01);
    }
}

TEST_CASE("bank --json prints the loaded bank with lessons and every question field") {
  TempFolder home;
  const auto r = rolepath(home, "bank --json", false);
  REQUIRE(r.exit_code == 0);
  const auto bank = json_of(r);
  for (const char* key : {"roles", "topics", "lessons", "questions", "statements"}) {
    CAPTURE(key);
    REQUIRE(bank.contains(key));
    CHECK(bank[key].is_array());
    CHECK_FALSE(bank[key].empty());
  }
  // One lesson entry per role a lesson teaches: every topic is on at least one role's path.
  std::set<std::string> taught;
  for (const auto& lesson : bank["lessons"]) taught.insert(lesson["topic"].get<std::string>());
  CHECK(taught.size() == bank["topics"].size());
  const auto& lesson = bank["lessons"][0];
  for (const char* key : {"role", "topic", "title", "text", "sources"}) CHECK(lesson.contains(key));
  CHECK(lesson["text"].get<std::string>().size() > 1500);
  for (const auto& q : bank["questions"]) {
    CAPTURE(q["id"].get<std::string>());
    for (const char* key : {"id", "roles", "topic", "kind", "prompt", "options", "answer", "explanation", "section",
                            "level", "fact", "reference"})
      CHECK(q.contains(key));
    CHECK(q["reference"]["url"].get<std::string>().rfind("http", 0) == 0);
  }
  // Nothing is written for it: no database is made.
  CHECK_FALSE(std::filesystem::exists(home / "data" / "rolepath"));
}

TEST_CASE("learn --terminal lists the path then prints a lesson as plain text and records it read when asked") {
  TempFolder home;
  const auto path = rolepath(home, "learn --terminal --role ml_engineer", false);
  REQUIRE(path.exit_code == 0);
  CHECK(path.out.find("Machine Learning Software Engineer (0 of ") != std::string::npos);
  CHECK(path.out.find("not read  tools") != std::string::npos);

  const auto lesson = rolepath(home, "learn --terminal --role ml_engineer --topic tools --mark-read", false);
  REQUIRE(lesson.exit_code == 0);
  CHECK(lesson.out.find("Sources\n-------\n- ") != std::string::npos);
  CHECK(lesson.out.find("**") == std::string::npos);  // markup is not printed
  CHECK(lesson.out.find("Recorded as read.") != std::string::npos);

  const auto after = rolepath(home, "learn --terminal --role ml_engineer", false);
  CHECK(after.out.find("Machine Learning Software Engineer (1 of ") != std::string::npos);
  CHECK(after.out.find("5. read      tools") != std::string::npos);

  const auto unknown = rolepath(home, "learn --terminal --topic astrology", false);
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("unknown topic 'astrology'") != std::string::npos);
}

TEST_CASE("learn opens the window at a lesson") {
  TempFolder home;
  const auto shot = home / "learn.png";
  const auto r = rolepath(home, "learn --topic skills --size 900x650 --screenshot " + shell_quote(shot.string()));
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::file_size(shot) > 10000);
}
