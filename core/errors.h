#pragma once
// Errors that end a command, with the exit status they map to. Xapian's
// exceptions are translated here, in one place, into messages with hints.
#include <xapian.h>

#include <chrono>
#include <functional>
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

// An Error about the database itself (damaged, unreadable, written too
// often to be read), not about one query: a --batch stops at it.
class DatabaseError : public Error {
 public:
  explicit DatabaseError(Error e) : Error(std::move(e)) {}
};

// An Error describing `e` met while using the database at `db_path`.
Error translate_xapian_error(const Xapian::Error& e, const std::string& db_path);

// How a reader tries again when the database changes under it.
struct RetryPolicy {
  // A database replaced while it was opened or read (an indexer swapping a
  // freshly compacted database into place) looks damaged or unopenable for
  // a moment: Xapian's DatabaseCorruptError, DatabaseOpeningError or
  // DatabaseNotFoundError. Tried again this many times, after a pause that
  // starts at `first_pause` and doubles (50, 100, 200 ms).
  int retries = 3;
  std::chrono::milliseconds first_pause{50};
  // A database being written (DatabaseModifiedError: a reader outlives one
  // commit but not two) is tried again, a little more slowly each time (10
  // ms more, at most 200 ms), for up to this long: an indexer may commit
  // faster than a long search runs.
  std::chrono::milliseconds modified_for{30000};
};

// What a retry loop has done so far (retry_on_changed_database).
struct RetryState {
  int replaced = 0;  // retries after a replaced-database error
  int modified = 0;  // retries after DatabaseModifiedError
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Whether `e` is worth another try under `policy`; if so, waits the pause
// first and counts the try in `state`.
bool wait_to_retry(const Xapian::Error& e, RetryState& state, const RetryPolicy& policy);

// Runs `body` and returns what it returns. When it throws one of the Xapian
// errors of a database replaced or written while read (RetryPolicy), waits,
// calls `reopen` (which opens the database afresh) and runs `body` again,
// as the policy allows; an error `reopen` throws counts as one of `body`'s.
// Any Xapian error left, the last one when the tries run out, is thrown as
// a DatabaseError from translate_xapian_error(e, db_path) ("database 'db'
// is damaged: ..."); `db_path` is read then, so it may name the database
// `body` was busy with. Other exceptions pass through untouched.
template <typename Body>
auto retry_on_changed_database(Body&& body, const std::function<void()>& reopen, const std::string& db_path,
                               const RetryPolicy& policy = {}) -> decltype(body()) {
  RetryState state;
  for (bool again = false;; again = true) {
    try {
      if (again) reopen();
      return body();
    } catch (const Xapian::Error& e) {
      if (!wait_to_retry(e, state, policy)) throw DatabaseError(translate_xapian_error(e, db_path));
    }
  }
}

// Runs a program's body; any exception becomes one line on stderr,
// "PROGRAM: message", and its exit status.
int run_program(const char* program, int (*body)(int, char**), int argc, char** argv);

}  // namespace briefing
