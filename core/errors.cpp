#include "errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string_view>
#include <thread>

namespace briefing {

Error translate_xapian_error(const Xapian::Error& e, const std::string& db_path) {
  const std::string type = e.get_type();
  // With the system's reason when there is one: "Error writing block 206
  // (No space left on device)".
  std::string msg = e.get_msg();
  if (const char* reason = e.get_error_string()) msg += fmt::format(" ({})", reason);
  // Xapian says "already locked" when another writer holds the lock, and
  // why it could not make the lock file otherwise ("Couldn't open lockfile:
  // Read-only file system").
  constexpr std::string_view kNoLockFile = "Couldn't open lockfile: ";
  if (type == "DatabaseLockError" && msg.find("already locked") == std::string::npos) {
    size_t at = msg.find(kNoLockFile);
    std::string reason = at == std::string::npos ? msg : msg.substr(at + kNoLockFile.size());
    return Error(fmt::format("cannot write to database '{}': {}", db_path, reason));
  }
  if (type == "DatabaseLockError")
    return Error(fmt::format("database '{}' is locked by another indexer; try again when it has finished",
                             db_path),
                 exit_status::kLocked);
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError")
    return Error(fmt::format("cannot open database '{}': {} (create it with: indexer --db {} FOLDER)",
                             db_path, msg, db_path));
  if (type == "DatabaseCorruptError")
    return Error(fmt::format("database '{}' is damaged: {} (delete it and run the indexer again)", db_path, msg));
  if (type == "DatabaseVersionError")
    return Error(fmt::format("database '{}' was made by another Xapian version: {}", db_path, msg));
  if (type == "QueryParserError") return Error(fmt::format("bad query: {}", msg));
  return Error(fmt::format("{} on database '{}': {}", type, db_path, msg));
}

bool wait_to_retry(const Xapian::Error& e, RetryState& state, const RetryPolicy& policy) {
  const std::string type = e.get_type();
  std::chrono::milliseconds pause{0};
  if (type == "DatabaseModifiedError") {
    if (std::chrono::steady_clock::now() - state.started > policy.modified_for) return false;
    pause = std::chrono::milliseconds(std::min(10 * ++state.modified, 200));
  } else if (type == "DatabaseCorruptError" || type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
    // (Not DatabaseVersionError, also an opening error: it stays.)
    if (state.replaced >= policy.retries) return false;
    pause = policy.first_pause * (1 << std::min(state.replaced++, 10));
  } else {
    return false;
  }
  std::this_thread::sleep_for(pause);
  return true;
}

int run_program(const char* program, int (*body)(int, char**), int argc, char** argv) {
  try {
    return body(argc, argv);
  } catch (const Error& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return e.status();
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
  }
  return exit_status::kError;
}

}  // namespace briefing
