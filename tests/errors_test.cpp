// Xapian's errors as the one line a user reads.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "errors.h"

using namespace briefing;

TEST_CASE("a lock held by another writer and a lock file that cannot be made read differently", "[errors]") {
  Error held = translate_xapian_error(
      Xapian::DatabaseLockError("Unable to get write lock on /data/db: already locked"), "/data/db");
  CHECK(std::string(held.what()) == "database '/data/db' is locked by another indexer; try again when it has finished");
  CHECK(held.status() == exit_status::kLocked);
  Error read_only = translate_xapian_error(
      Xapian::DatabaseLockError("Unable to get write lock on /data/db: Couldn't open lockfile: Read-only file system"),
      "/data/db");
  CHECK(std::string(read_only.what()) == "cannot write to database '/data/db': Read-only file system");
  CHECK(read_only.status() == exit_status::kError);
}
