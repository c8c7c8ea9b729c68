#pragma once
// The kinds of trouble a learner's files can be in. The store raises them and front ends act on
// them (a restore is offered only where it is the fix), so both name them from here.

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

}  // namespace rp::core
