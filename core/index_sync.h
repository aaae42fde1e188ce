#pragma once
// Keeps a Xapian database in step with folders of briefings: adds new files,
// re-indexes changed ones, skips unchanged ones, removes documents whose
// files are gone; commits in batches.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "briefing.h"
#include "rules.h"

namespace briefing {

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> inputs;  // files or folders (walked recursively)
  RulesOptions rules;
  size_t batch_size = 1000;             // documents per commit (per shard)
  size_t shards = 0;                    // shard databases (0: as the index has, else 1)
  size_t jobs = 1;                      // writer threads
  uint64_t max_file_bytes = 64u << 20;  // larger files fail with a reason
  // Keep each briefing's text in the index, for snippets where the files
  // cannot be read (a shard served from another machine); the searcher
  // otherwise reads the file again.
  bool store_text = false;
  // Read and extract every file again, changed or not.
  bool force = false;
};

struct IndexReport {
  size_t added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0, skipped = 0;
  size_t warnings = 0;
  double seconds = 0;
  // Documents indexed (added + updated) per second.
  double rate() const { return seconds > 0 ? static_cast<double>(added + updated) / seconds : 0; }
};

// Called for each problem: the file (or input) and the reason, and whether
// the file was still indexed (a warning) or not (a failure).
struct IndexEvents {
  std::function<void(const std::string& path, const std::string& reason, bool indexed)> problem;
  // A file added, updated or removed; `what` is the briefing extracted
  // (nullptr for a removal).
  std::function<void(const std::string& path, const char* action, const Briefing* what)> file_done;
  // Files looked at so far (read, or found unchanged), of about `total`
  // (a count of names made before the walk); called after each.
  std::function<void(size_t done, size_t total)> progress;
};

// Runs one synchronisation. Throws briefing::Error when the database cannot
// be opened or written, or an input does not exist.
IndexReport sync_index(const IndexOptions& options, const IndexEvents& events);

}  // namespace briefing
