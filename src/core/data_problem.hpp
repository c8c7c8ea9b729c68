#pragma once
// The kinds of trouble a learner's files can be in, and the one error that carries them. The
// store raises it and front ends act on its kind (a restore is offered only where it is the
// fix), so both name it from here.
#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace rp::core {

enum class DataProblem {
  other,
  damaged,       // SQLite finds corruption, or the file is truncated
  not_database,  // not an SQLite file, empty, or not a RolePath database
  newer_schema,  // written by a newer RolePath
  in_use,        // another RolePath has it open
  read_only,     // the file or its folder cannot be written
  disk_full,
  not_regular,   // a folder, FIFO, device or socket
  missing,       // nothing at the path (or a link to nothing)
  wrong_backup,  // a backup of another database
  io,
};

// True when putting a backup in place is what would fix it (a damaged or foreign file).
constexpr bool restore_would_help(DataProblem problem) {
  return problem == DataProblem::damaged || problem == DataProblem::not_database;
}

// A problem with the learner's files: which file, what is wrong, and what kind of problem.
class DataError : public std::runtime_error {
 public:
  DataError(DataProblem kind, std::string path, std::string problem)
      : std::runtime_error(fmt::format("{}: {}", path, problem)),
        kind_(kind),
        path_(std::move(path)),
        problem_(std::move(problem)) {}
  DataError(std::string path, std::string problem) : DataError(DataProblem::other, std::move(path), std::move(problem)) {}
  DataProblem kind() const { return kind_; }
  const std::string& path() const { return path_; }
  const std::string& problem() const { return problem_; }
  bool restore_would_help() const { return core::restore_would_help(kind_); }

 private:
  DataProblem kind_;
  std::string path_;
  std::string problem_;
};

}  // namespace rp::core
