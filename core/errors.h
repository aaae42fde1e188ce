#pragma once
// Errors that end a command, with the exit status they map to. Xapian's
// exceptions are translated here, in one place, into messages with hints.
#include <xapian.h>

#include <stdexcept>
#include <string>

namespace briefing {

// Exit statuses, documented in the README.
namespace exit_status {
inline constexpr int kOk = 0;           // indexer: all files indexed; searcher: matches
inline constexpr int kNoMatch = 1;      // searcher: nothing matched
inline constexpr int kFilesFailed = 1;  // indexer: some files failed, the rest indexed
inline constexpr int kError = 2;        // bad arguments, bad query, unusable database
inline constexpr int kLocked = 3;       // indexer: another indexer holds the database
}  // namespace exit_status

class Error : public std::runtime_error {
 public:
  Error(std::string message, int status = exit_status::kError)
      : std::runtime_error(std::move(message)), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// An Error describing `e` met while using the database at `db_path`.
Error translate_xapian_error(const Xapian::Error& e, const std::string& db_path);

// Runs a program's body; any exception becomes one line on stderr,
// "PROGRAM: message", and its exit status.
int run_program(const char* program, int (*body)(int, char**), int argc, char** argv);

}  // namespace briefing
