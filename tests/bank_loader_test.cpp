#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "bank/loader.hpp"

using namespace rp;

namespace {
// A small valid bank; tests append to it or replace parts of it.
const std::string header = R"(
[[role]]
id = "arch"
name = "Architect"
summary = "Designs systems."

[[role]]
id = "eng"
name = "Engineer"
summary = "Builds models."

[[topic]]
id = "skills"
name = "Skills"
)";

const std::string good_question = R"(
[[question]]
id = "q1"
roles = ["arch"]
topic = "skills"
kind = "single"
prompt = "Which?"
options = ["a", "b", "c"]
answer = 1
explanation = "Because."
source = "skills"
)";

bank::LoadResult parse(const std::string& text) { return bank::parse_bank(text, "test.toml"); }

// The valid header and question with the first `from` in the question replaced by `to`.
std::string question_with(const std::string& from, const std::string& to) {
  std::string text = good_question;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return header + text.replace(at, from.size(), to);
}

// The diagnostics as "line:col: message" lines, for readable failures.
std::string all(const bank::LoadResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e.to_string() + "\n";
  return out;
}

bool has_error(const bank::LoadResult& r, std::uint32_t line, std::uint32_t column, const std::string& fragment) {
  return std::any_of(r.errors.begin(), r.errors.end(), [&](const bank::Diagnostic& d) {
    return d.line == line && d.column == column && d.message.find(fragment) != std::string::npos;
  });
}
}  // namespace

TEST_CASE("a valid bank loads with every kind of item") {
  const auto r = parse(header + good_question + R"(
[[question]]
id = "q2"
roles = ["arch", "eng"]
topic = "skills"
kind = "which_role"
prompt = "Whose duty?"
answer = ["arch", "eng"]
explanation = "Both."
source = "general"

[[question]]
id = "q3"
roles = ["eng"]
topic = "skills"
kind = "truefalse"
prompt = "True?"
answer = false
explanation = "No."
source = "skills"

[[question]]
id = "q4"
roles = ["eng"]
topic = "skills"
kind = "multi"
prompt = "Pick two."
options = ["a", "b", "c"]
answer = [0, 2]
explanation = "Those."
source = "skills"

[[statement]]
id = "s1"
text = "I like design."
topic = "skills"
weights = { arch = 0.8, eng = -1 }

[[card]]
role = "arch"
topic = "skills"
text = "Learn things."
)");
  INFO(all(r));
  REQUIRE(r.ok());
  REQUIRE(r.bank.questions.size() == 4);
  CHECK(r.bank.questions[0].answer_indices == std::vector<std::size_t>{1});
  CHECK(r.bank.questions[1].answer_roles == std::vector<std::string>{"arch", "eng"});
  CHECK(r.bank.questions[2].answer_true == false);
  CHECK(r.bank.questions[3].answer_indices == std::vector<std::size_t>{0, 2});
  CHECK(r.bank.statements[0].weights.at("eng") == doctest::Approx(-1.0));
  CHECK(r.bank.cards.size() == 1);
}

TEST_CASE("a TOML syntax error is reported with its line and column") {
  const auto r = parse("[[role]]\nid = \"arch\"\nname = \"unterminated\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].to_string().rfind("test.toml:3:", 0) == 0);
}

TEST_CASE("unknown keys are reported where they stand") {
  const auto r = parse(header + good_question + "colour = \"blue\"\n[extra]\nx = 1\n");
  INFO(all(r));
  CHECK(has_error(r, 26, 1, "unknown key 'colour' in a [[question]]"));
  CHECK(has_error(r, 27, 2, "unknown key 'extra' in the file"));
}

TEST_CASE("wrong types name the key and the type found") {
  auto text = header + good_question;
  text.replace(text.find("prompt = \"Which?\""), 17, "prompt = 42");
  const auto r = parse(text);
  INFO(all(r));
  CHECK(has_error(r, 21, 10, "'prompt' must be a string, not an integer"));
}

TEST_CASE("unknown role and topic ids are errors at the reference") {
  auto text = header + good_question;
  text.replace(text.find("roles = [\"arch\"]"), 16, "roles = [\"chef\"]");
  text.replace(text.find("topic = \"skills\"\nkind"), 16, "topic = \"cooking\"");
  const auto r = parse(text);
  INFO(all(r));
  CHECK(has_error(r, 18, 10, "unknown role 'chef'"));
  CHECK(has_error(r, 19, 9, "unknown topic 'cooking'"));
}

TEST_CASE("duplicate ids are errors within a file and against the base bank") {
  const auto r = parse(header + good_question + good_question);
  INFO(all(r));
  CHECK(has_error(r, 28, 6, "duplicate question id 'q1'"));

  const auto base = parse(header + good_question);
  REQUIRE(base.ok());
  const auto more = bank::parse_bank(good_question, "more.toml", base.bank);
  INFO(all(more));
  CHECK(has_error(more, 3, 6, "duplicate question id 'q1'"));
}

TEST_CASE("an extra bank may use the base bank's roles and topics") {
  const auto base = parse(header);
  REQUIRE(base.ok());
  auto more_text = good_question;
  more_text.replace(more_text.find("id = \"q1\""), 9, "id = \"q9\"");
  const auto more = bank::parse_bank(more_text, "more.toml", base.bank);
  INFO(all(more));
  CHECK(more.ok());
  CHECK(more.bank.questions.size() == 1);
  CHECK(more.bank.roles.empty());
}

TEST_CASE("answers out of range are errors") {
  auto r = parse(question_with("answer = 1", "answer = 3"));
  INFO(all(r));
  CHECK(has_error(r, 23, 10, "answer index 3 is out of range (0 to 2)"));

  r = parse(question_with("answer = 1", "answer = -1"));
  CHECK(has_error(r, 23, 10, "out of range"));
}

TEST_CASE("which_role answers must be among the question's roles") {
  const auto r = parse(header + R"(
[[question]]
id = "w"
roles = ["arch", "eng"]
topic = "skills"
kind = "which_role"
prompt = "Whose?"
answer = "ceo"
explanation = "x"
source = "skills"
)");
  INFO(all(r));
  CHECK(has_error(r, 22, 10, "answer 'ceo' is not one of the question's roles"));
}

TEST_CASE("empty and over-long text are errors with the length") {
  auto r = parse(question_with("explanation = \"Because.\"", "explanation = \"   \""));
  INFO(all(r));
  CHECK(has_error(r, 24, 15, "'explanation' is empty"));

  r = parse(question_with("prompt = \"Which?\"", "prompt = \"" + std::string(301, 'x') + "\""));
  CHECK(has_error(r, 21, 10, "'prompt' is 301 characters long; at most 300"));
}

TEST_CASE("text length counts characters not bytes") {
  auto text = header + good_question;
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "\xC3\xA9";  // é, two bytes each
  text.replace(text.find("prompt = \"Which?\""), 17, "prompt = \"" + accented + "\"");
  const auto r = parse(text);
  INFO(all(r));
  CHECK(r.ok());
}

TEST_CASE("statement weights must be numbers in [-1 1] for known roles") {
  const auto r = parse(header + R"(
[[statement]]
id = "s"
text = "I like it."
topic = "skills"
weights = { arch = 1.5, eng = "lots", cook = 0.2 }
)");
  INFO(all(r));
  CHECK(has_error(r, 20, 20, "weight for 'arch' is 1.5; it must lie in [-1, 1]"));
  CHECK(has_error(r, 20, 31, "weight for 'eng' must be a number"));
  CHECK(has_error(r, 20, 46, "unknown role 'cook'"));
}

TEST_CASE("every problem is reported not only the first") {
  auto text = header + good_question;
  text.replace(text.find("answer = 1"), 10, "answer = 7");
  text.replace(text.find("kind = \"single\""), 15, "kind = \"single\"\nshade = 1");
  text += "[[topic]]\nid = \"Bad Id\"\nname = \"x\"\n";
  const auto r = parse(text);
  INFO(all(r));
  CHECK(r.errors.size() >= 3);
}

TEST_CASE("missing required keys are named") {
  const auto r = parse(header + "[[question]]\nid = \"q\"\n");
  INFO(all(r));
  for (const char* key : {"roles", "topic", "kind", "prompt", "explanation"}) {
    CAPTURE(key);
    CHECK(has_error(r, 15, 1, std::string("is missing '") + key + "'"));
  }
  // What older banks named 'source', and the lesson links, are optional.
  for (const char* key : {"source", "section", "level", "fact", "reference"})
    CHECK(all(r).find(std::string("missing '") + key + "'") == std::string::npos);
}

TEST_CASE("an over-large file is refused before parsing") {
  bank::Limits limits;
  limits.max_file_bytes = 100;
  const auto r = bank::parse_bank(header, "big.toml", {}, limits);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("a bank may be at most 100 bytes") != std::string::npos);
}

TEST_CASE("too many items is an error not a truncation") {
  bank::Limits limits;
  limits.max_items = 3;
  const auto r = bank::parse_bank(header + good_question, "many.toml", {}, limits);
  INFO(all(r));
  CHECK(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("at most 3 are allowed") != std::string::npos);
}

TEST_CASE("files: a missing file a folder and a good file") {
  const auto dir = std::filesystem::temp_directory_path() / "rolepath-loader-test";
  std::filesystem::create_directories(dir);
  const auto missing = bank::load_bank_file(dir / "nope.toml");
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].to_string().find("nope.toml:1:1: cannot read") == 0 + missing.errors[0].to_string().find("nope.toml"));
  const auto folder = bank::load_bank_file(dir);
  CHECK(folder.errors.at(0).message.find("is a directory") != std::string::npos);
  std::ofstream(dir / "good.toml") << header;
  CHECK(bank::load_bank_file(dir / "good.toml").ok());
  std::filesystem::remove_all(dir);
}

TEST_CASE("the built-in bank loads cleanly and extra files stack on top of it") {
  const auto r = bank::load_banks({});
  INFO(all(r));
  REQUIRE(r.ok());
  CHECK(r.bank.roles.size() >= 2);
}

namespace {
std::string lesson_with(const std::string& text, const std::string& extra = "") {
  return header + R"(
[[lesson]]
id = "skills-arch"
topic = "skills"
roles = ["arch"]
title = "What an architect needs"
text = """
Opening paragraph.

## In practice
Some **strong** words.
)" + text + R"("""
sources = [{ title = "A page", url = "https://example.org/page" }]
)" + extra;
}
}  // namespace

TEST_CASE("a lesson loads with its roles sources and text and questions point into its sections") {
  const auto r = parse(lesson_with("", question_with("source = \"skills\"", "section = \"in-practice\"\nlevel = \"practitioner\"\nfact = \"f-1\"\nreference = { title = \"R\", url = \"https://r.example\" }").substr(header.size())));
  INFO(all(r));
  REQUIRE(r.ok());
  REQUIRE(r.bank.lessons.size() == 1);
  const auto& lesson = r.bank.lessons[0];
  CHECK(lesson.id == "skills-arch");
  CHECK(lesson.roles == std::vector<std::string>{"arch"});
  CHECK(lesson.sources == std::vector<core::Source>{{"A page", "https://example.org/page"}});
  CHECK(lesson.text.rfind("Opening paragraph.", 0) == 0);
  CHECK(r.bank.find_lesson("arch", "skills") == &lesson);
  CHECK(r.bank.find_lesson("eng", "skills") == nullptr);
  REQUIRE(r.bank.questions.size() == 1);
  const auto& q = r.bank.questions[0];
  CHECK(q.section == "in-practice");
  CHECK(q.level == core::QuestionLevel::practitioner);
  CHECK(q.fact == "f-1");
  CHECK(q.reference == core::Source{"R", "https://r.example"});
}

TEST_CASE("markdown problems in a lesson are reported at their line in the file") {
  // text = """ opens on line 21, so the lesson's first line is the file's line 22 and the
  // added text starts on line 26.
  const auto r = parse(lesson_with("A `code span left open\n> quote\n"));
  INFO(all(r));
  CHECK(has_error(r, 26, 3, "never closed"));
  CHECK(has_error(r, 27, 1, "block quotes"));
}

TEST_CASE("a question's section must be a heading of its topic's lesson for its roles") {
  const auto missing = parse(lesson_with("", question_with("source = \"skills\"", "section = \"key-terms\"").substr(header.size())));
  CHECK(has_error(missing, 38, 11, "no heading of the lesson on topic 'skills' has the anchor 'key-terms'"));
  const auto no_lesson = parse(question_with("source = \"skills\"", "section = \"in-practice\""));
  CHECK(has_error(no_lesson, 25, 11, "no lesson on topic 'skills' teaches the question's roles"));
}

TEST_CASE("lesson mistakes: a role taught twice a bad url no sources and an unknown level") {
  const auto twice = parse(lesson_with("", R"(
[[lesson]]
id = "skills-arch-2"
topic = "skills"
roles = ["eng", "arch"]
title = "Again"
text = "Short."
sources = []
)"));
  INFO(all(twice));
  CHECK(has_error(twice, 32, 17, "role 'arch' already has a lesson on topic 'skills' ('skills-arch')"));
  CHECK(has_error(twice, 35, 11, "'sources' must be an array of 1 to 20"));

  const auto bad_url = parse(header + R"(
[[lesson]]
id = "l"
topic = "skills"
roles = ["arch"]
title = "T"
text = "Fine."
sources = [{ title = "A", url = "ftp://x" }]
)");
  CHECK(has_error(bad_url, 22, 33, "must start with https://"));

  const auto level = parse(question_with("source = \"skills\"", "level = \"expert\""));
  CHECK(has_error(level, 25, 9, "unknown level 'expert'"));
}

TEST_CASE("the built-in bank is its files in order and each topic file loads on the ones before") {
  const auto& files = bank::builtin_bank_files();
  REQUIRE(files.size() >= 2);
  CHECK(files.front().first == "default.toml");
  for (std::size_t i = 1; i < files.size(); ++i) CHECK(files[i].first.rfind("topics/", 0) == 0);
  const auto r = bank::load_builtin_bank();
  INFO(all(r));
  REQUIRE(r.ok());
  CHECK(r.bank.topics.size() == files.size() - 1);
}
