#include "index_sync.h"

#include <xapian.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

#include <fcntl.h>     // AT_FDCWD, open
#include <sys/file.h>  // flock
#include <unistd.h>    // close
#include <stdio.h>     // renameat2, RENAME_EXCHANGE
#include <memory>
#include <optional>

#include "stemmer.h"
#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "facet_dictionary.h"
#include "facet_column.h"
#include "facet_totals.h"
#include "bounded_queue.h"
#include "folder_walk.h"
#include "file_reader.h"
#include "normaliser.h"
#include "schema.h"
#include "shards.h"
#include "spelling_sync.h"
#include "synonyms.h"
#include "text.h"

namespace fs = std::filesystem;

namespace briefing {

namespace {

// Makes the spelling data of each shard marked in `stale` match its words
// (spelling_sync.h) and clears the mark, `threads` shards at a time;
// `last_commit(s)` is called before shard s's last commit.
void sync_stale_spelling(std::vector<Xapian::WritableDatabase>& dbs, const std::vector<char>& stale,
                         size_t threads, const std::function<void(size_t)>& last_commit) {
  threads = std::max<size_t>(1, std::min<size_t>(threads, std::count(stale.begin(), stale.end(), 1)));
  std::atomic<size_t> next{0};
  std::vector<std::exception_ptr> failures(threads);
  auto sync = [&](size_t k) {
    try {
      for (size_t s; (s = next++) < dbs.size();) {
        if (!stale[s]) continue;
        sync_spelling(dbs[s]);
        dbs[s].set_metadata(std::string(kMetaSpellingStale), "");
        last_commit(s);
        dbs[s].commit();
      }
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  std::vector<std::thread> others;
  for (size_t k = 1; k < threads; ++k) others.emplace_back(sync, k);
  sync(0);
  for (std::thread& t : others) t.join();
  for (const std::exception_ptr& f : failures)
    if (f) std::rethrow_exception(f);
}

// What one writer needs, and what it reports. With several writers, the
// walk hands each its files through a short queue.
struct Job {
  Xapian::TermGenerator tg;
  std::vector<size_t> pending;  // documents since the last commit, by shard
  IndexReport report;
  std::unique_ptr<BoundedQueue<WalkedFile>> queue;
};

// Indexers starting on the same database take turns at setting it up, and
// at turning a parallel build's shards into the database: a lock on the
// folder that holds it, for those moments only. (Two indexers started
// together on a new database had both cleared and created the temporary
// shards; the database was left damaged.)
class SetupLock {
 public:
  explicit SetupLock(const std::string& db_path) {
    std::error_code ec;
    fs::path parent = fs::absolute(db_path, ec).parent_path();
    fd_ = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) release();
  }
  SetupLock(const SetupLock&) = delete;
  SetupLock& operator=(const SetupLock&) = delete;
  ~SetupLock() { release(); }
  void release() {
    if (fd_ < 0) return;
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// An indexer building a new database from temporary shards holds their
// locks: another one must neither remove them nor write beside them (two
// "indexer --jobs 2" on a new database: the second removed the first's
// shards, and the first failed with "database is damaged"). Leftovers of an
// interrupted run are not locked, and are removed by the caller.
void check_not_being_built(const std::string& temp_root, const std::string& db_path) {
  std::error_code ec;
  if (!fs::is_directory(temp_root, ec)) return;
  for (fs::directory_iterator it(temp_root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!fs::exists(it->path() / "iamglass", ec)) continue;
    try {
      Xapian::WritableDatabase probe(it->path().string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      throw translate_xapian_error(e, db_path);
    } catch (const Xapian::Error&) {
      // damaged by the interruption: a leftover all the same
    }
  }
}

// The shards an interrupted build by several writers left under
// `temp_root`, when all of them open.
// The inputs of a build by several writers, as DB.indexing/INPUTS keeps
// them: their canonical paths, sorted, one a line. A build cut short goes
// on only with the same inputs (an interrupted build of other folders
// would leave their documents in a database that never names them again).
constexpr const char* kInputsFile = "INPUTS";

std::string inputs_key(const std::vector<WalkRoot>& roots) {
  std::vector<std::string> paths;
  for (const WalkRoot& root : roots) paths.push_back(root.path);
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::string key;
  for (const std::string& p : paths) key += p + "\n";
  return key;
}

std::string read_inputs(const std::string& temp_root) {
  std::ifstream in(fs::path(temp_root) / kInputsFile, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<ShardLayout> leftover_shards(const std::string& temp_root) {
  try {
    ShardLayout left = plan_shards(temp_root, 0);
    if (!left.sharded()) return std::nullopt;
    for (const std::string& shard : left.shards) Xapian::Database probe(shard);
    return left;
  } catch (const std::exception&) {
    return std::nullopt;  // damaged: started again
  }
}

// Compacts the database at `path` (open for writing in `db`, all committed)
// into a new folder and swaps the two atomically; readers keep the version
// they opened. An interruption leaves the uncompacted database in place.
void compact_in_place(Xapian::WritableDatabase& db, const std::string& path) {
  std::error_code ec;
  const std::string compacted = path + ".compacting";
  fs::remove_all(compacted, ec);
  Xapian::Database(path).compact(compacted);
  restamp_totals(compacted);
  if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
    // No atomic exchange on this file system: keep the uncompacted one.
    fs::remove_all(compacted, ec);
    return;
  }
  db.close();  // the old version, now at `compacted`
  fs::remove_all(compacted, ec);
}

}  // namespace

IndexReport sync_index(const IndexOptions& options, const IndexEvents& events) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  std::shared_ptr<const Rules> rules;
  try {
    rules = Rules::load(options.rules);
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
  Extractor extractor(rules);
  Normaliser normaliser(rules);

  // Events come from the walk and from every writer.
  std::mutex events_mutex;
  IndexEvents safe_events;
  if (events.problem)
    safe_events.problem = [&](const std::string& path, const std::string& reason, bool indexed) {
      std::lock_guard<std::mutex> lock(events_mutex);
      events.problem(path, reason, indexed);
    };
  if (events.file_done)
    safe_events.file_done = [&](const std::string& path, const char* action, const Briefing* what) {
      std::lock_guard<std::mutex> lock(events_mutex);
      events.file_done(path, action, what);
    };
  WalkEvents walk_events;
  walk_events.problem = [&](const std::string& path, const std::string& reason) {
    ++report.failed;  // the walk's own count: writers keep theirs apart
    if (safe_events.problem) safe_events.problem(path, reason, false);
  };
  // Folders that exist but could not be listed: their documents stay.
  std::vector<std::string> unlisted;
  walk_events.unlisted = [&](const std::string& folder) { unlisted.push_back(folder); };
  walk_events.skipped = [&](const std::string& path) {
    ++report.skipped;
    if (safe_events.file_done) safe_events.file_done(path, "skipped (unknown format)", nullptr);
  };

  // The inputs first: a missing one is reported before the database is
  // touched.
  // One that is gone (a folder moved away or deleted) is reported after
  // its documents are removed, or at once if the index holds none.
  std::vector<WalkRoot> gone_roots;
  std::vector<WalkRoot> roots = resolve_roots(options.inputs, walk_events, &gone_roots);
  auto report_gone = [&](const WalkRoot& root, size_t removed) {
    if (root.given.empty()) return;  // the old path of an input that is a link now
    const std::string missing = std::make_error_code(std::errc::no_such_file_or_directory).message();
    if (removed == 0) {
      walk_events.problem(root.given, missing);
    } else if (safe_events.problem) {
      ++report.warnings;
      safe_events.problem(root.given,
                          fmt::format("{}; its {} document{} removed from the index", missing, removed,
                                      removed == 1 ? "" : "s"),
                          true);
    }
  };

  std::error_code ec;
  // The database in the briefings' own folder would mix its files with
  // them ("indexer --db docs docs").
  const std::string db_scope = fs::weakly_canonical(options.db_path, ec).string() + "/";
  for (const WalkRoot& root : roots)
    if (root.folder && db_scope == root.scope())
      throw Error(fmt::format("--db '{}' is the folder being indexed; give the database a folder of its own "
                              "(say {}/.briefing-db, or leave out --db)",
                              options.db_path, root.path));
  // (Compacting the writers' shards into a file would replace it.)
  if (fs::exists(options.db_path, ec) && !fs::is_directory(options.db_path, ec))
    throw Error(fmt::format("cannot create database folder '{}': {}", options.db_path,
                            std::make_error_code(std::errc::not_a_directory).message()));
  check_stub_cycles(options.db_path);
  refuse_foreign_folder(options.db_path);
  ShardLayout layout = plan_shards(options.db_path, options.shards);
  bool fresh = !fs::exists(fs::path(layout.shards.front()) / "iamglass", ec);
  if (fresh && !fs::exists(options.db_path + ".indexing", ec)) {
    // A new database (not a first build cut short, whose writers' shards
    // hold documents) holds nothing of inputs that are gone, and none is
    // made for inputs that are all gone.
    for (const WalkRoot& root : gone_roots) report_gone(root, 0);
    gone_roots.clear();
    if (roots.empty()) {
      report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      return report;
    }
  }
  // A new single database built by several writers: temporary shards,
  // compacted into one at the end.
  size_t jobs = std::max<size_t>(1, options.jobs);
  ShardLayout writing = layout;
  std::string temp_root;
  SetupLock setup(options.db_path);
  check_not_being_built(options.db_path + ".indexing", options.db_path);
  // A build by several writers that was cut short left their shards, with
  // the batches they committed: this run goes on from them (with as many
  // writers as it asks for, up to their number).
  bool resumed = false;
  if (!layout.sharded() && fresh && fs::is_directory(options.db_path, ec)) {
    // Another indexer may be writing it (one writer, its first batch not yet
    // committed): locked, before any temporary shard is made.
    try {
      Xapian::WritableDatabase probe(options.db_path, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      throw translate_xapian_error(e, options.db_path);
    } catch (const Xapian::Error&) {
      // no database there yet
    }
  }
  auto discard_leftover = [&](const char* why) {
    fs::remove_all(options.db_path + ".indexing", ec);
    ++report.warnings;
    if (safe_events.problem) safe_events.problem(options.db_path + ".indexing", why, true);
  };
  if (!layout.sharded() && fresh) {
    temp_root = options.db_path + ".indexing";
    auto left = leftover_shards(temp_root);
    if (left && read_inputs(temp_root) != inputs_key(roots)) {
      discard_leftover("an interrupted first build of other files or folders; discarded, this run starts afresh");
      left.reset();
    }
    if (left) {
      writing = *left;
      resumed = true;
    } else if (jobs > 1) {
      fs::remove_all(temp_root, ec);
      writing = plan_shards(temp_root, jobs);
    } else {
      temp_root.clear();
    }
  } else if (!layout.sharded()) {
    // Killed between the final compaction and the clean-up.
    fs::remove_all(options.db_path + ".indexing", ec);
  } else if (fs::exists(options.db_path + ".indexing", ec)) {
    // A first build into one database cut short, then a sharded one asked
    // for: the old writers' shards are of no use.
    discard_leftover("an interrupted first build into one database; discarded (this index is sharded)");
  }
  jobs = std::min(jobs, writing.shards.size());
  // Whether the walk's files may be in the index already.
  const bool look_up = !fresh || resumed;


  try {
    for (const std::string& shard : writing.shards) {
      fs::create_directories(shard, ec);
      if (ec) throw Error(fmt::format("cannot create database folder '{}': {}", shard, ec.message()));
    }
    std::vector<Xapian::WritableDatabase> dbs;
    for (const std::string& shard : writing.shards) {
      dbs.emplace_back(shard, Xapian::DB_CREATE_OR_OPEN);
      // Ours now: an earlier run killed while compacting left this.
      fs::remove_all(shard + ".compacting", ec);
    }
    write_stub(writing);
    if (!temp_root.empty() && !resumed) {
      std::ofstream out(fs::path(temp_root) / kInputsFile, std::ios::binary | std::ios::trunc);
      out << inputs_key(roots);
      if (!out) throw Error(fmt::format("cannot write '{}/{}'", temp_root, kInputsFile));
    }
    setup.release();  // the shards are locked: another indexer is told so

    // A database written with an older schema or other rules is
    // re-extracted in full; one from a newer indexer is left alone.
    std::string schema = dbs.front().get_metadata(std::string(kMetaSchemaVersion));
    // Another program's database is not ours to change.
    for (size_t s = 0; s < dbs.size(); ++s)
      if (dbs[s].get_doccount() > 0 && dbs[s].get_metadata(std::string(kMetaSchemaVersion)).empty())
        throw Error(fmt::format("'{}' is not a Briefing Search database (it records no schema version); "
                                "give indexer a new folder", writing.shards[s]));
    if (!schema.empty() && std::atoi(schema.c_str()) > std::atoi(std::string(kSchemaVersion).c_str()))
      throw Error(fmt::format("database '{}' has schema version {}, newer than this indexer's {}; "
                              "use a newer indexer", options.db_path, schema, kSchemaVersion));
    const bool rules_changed = schema != kSchemaVersion ||
                               dbs.front().get_metadata(std::string(kMetaRulesHash)) != rules->fingerprint;
    // --store-text is the database's from its first use: later runs keep
    // the text without the flag, and the first use stores every briefing's.
    const bool text_stored = dbs.front().get_metadata(std::string(kMetaStoreText)) == "1";
    const bool store_text = options.store_text || text_stored;
    // What each document was made with, after its file's size and times:
    // the schema, the rules and whether its text is kept. A document made
    // otherwise is made again when the walk next finds its file, in this run
    // or a later one over other folders.
    const std::string made_with =
        fmt::format("|{}:{}{}", kSchemaVersion, rules->fingerprint, store_text ? ":text" : "");

    // The documents in the index when the run starts, in each shard: which
    // of them the walk finds (a bit per document, 125 KB a million).
    std::vector<std::vector<bool>> seen(dbs.size());
    for (size_t s = 0; s < dbs.size(); ++s) seen[s].assign(dbs[s].get_lastdocid() + 1, false);

    // Which schema and rules the database was made with (each document
    // records its own too: made_with below). A new database records them
    // (and the synonyms) before its first batch, so that a first run cut
    // short is resumed by the next one rather than started again.
    // Otherwise they are recorded at the end.
    auto record_rules = [&](Xapian::WritableDatabase& db) {
      db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
      db.set_metadata(std::string(kMetaRulesHash), rules->fingerprint);
      if (store_text) db.set_metadata(std::string(kMetaStoreText), "1");
    };
    // (Committed at once: a run killed after one shard's first batch but
    // before another's left a shard without them, and the whole read as no
    // Briefing Search database.)
    if (fresh)
      for (Xapian::WritableDatabase& db : dbs) {
        write_synonyms(db, normaliser);
        record_rules(db);
        db.commit();
      }

    // One facet dictionary for every shard (those of --jobs on a new
    // database are compacted into one), saved into each before its commits.
    FacetDictionary dictionary(dbs);
    std::vector<size_t> dictionary_saved(dbs.size(), 0);
    // How many documents of each shard carry each facet value, kept with
    // every commit (facet_totals.h). Each shard is written by one writer.
    std::vector<FacetTotals> totals;
    for (const Xapian::WritableDatabase& db : dbs) totals.push_back(FacetTotals::of(db, dictionary.tag()));

    // Each file to its shard, each shard to a writer: file by file from
    // the walk, so that nothing grows with the corpus.
    std::vector<Job> work(jobs);
    for (Job& job : work) {
      job.pending.assign(dbs.size(), 0);
    }
    // By shard: whether its spelling data may not match its documents now
    // (changed by this run, or by one cut short); made to match at the end.
    std::vector<char> spelling_stale(dbs.size());
    for (size_t s = 0; s < dbs.size(); ++s)
      spelling_stale[s] = !dbs[s].get_metadata(std::string(kMetaSpellingStale)).empty();
    size_t total = 0, done = 0;
    if (events.progress)
      for (const WalkRoot& root : roots) total += count_files(root);
    auto index_file = [&](Job& job, const WalkedFile& file) {
      const std::string& path = file.path;
      size_t s = shard_of(path, dbs.size());
      Xapian::WritableDatabase& db = dbs[s];
      const std::string id = id_term(path);
      const std::string signature = file.signature() + made_with;
      // (A new database holds none of the files, and the walk gives each
      // once: no need to look.)
      Xapian::PostingIterator p = look_up ? db.postlist_begin(id) : db.postlist_end(id);
      const bool exists = p != db.postlist_end(id);
      bool unchanged = false;
      Xapian::Document old;  // the document for the file, if any
      if (exists) {
        if (*p < seen[s].size()) seen[s][*p] = true;
        old = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
        unchanged = !options.force && old.get_value(kSlotSignature) == signature_key(signature);
      }
      // The old document's facet values leave the totals as it goes.
      auto remove_old = [&] {
        totals[s].add(old.get_value(kSlotFacetIds), -1);
        db.delete_document(id);
        spelling_stale[s] = 1;
        ++job.report.removed;
        if (safe_events.file_done) safe_events.file_done(path, "removed", nullptr);
      };
      if (unchanged) {
        ++job.report.unchanged;
      } else {
        std::string error;
        bool unreadable = false;
        auto content = read_briefing_file(path, options.max_file_bytes, &error, &unreadable);
        std::error_code gone_ec;
        // A file deleted since the walk found it (a folder that changes
        // while it is indexed) is gone, not failed.
        const bool vanished = !content && !fs::exists(fs::symlink_status(path, gone_ec));
        if (vanished) {
          if (exists) remove_old();
        } else if (!content && exists && unreadable) {
          // A file there but not readable now (its permissions, a disk
          // error) may be the same file tomorrow: its indexed version stays.
          ++job.report.failed;
          if (safe_events.problem) safe_events.problem(path, error + "; its indexed version is kept", true);
        } else if (!content) {
          ++job.report.failed;
          if (safe_events.problem) safe_events.problem(path, error, false);
          // The index follows the folder: a file whose content is no
          // briefing now (empty, binary, too large) is not left behind in
          // its old form.
          if (exists) remove_old();
        } else {
          Analysis analysis = extractor.analyse(content->text, fs::path(path).filename().string());
          for (const std::string& w : content->warnings) {
            ++job.report.warnings;
            if (safe_events.problem) safe_events.problem(path, w, true);
          }
          for (const std::string& w : analysis.briefing.warnings) {
            ++job.report.warnings;
            if (safe_events.problem) safe_events.problem(path, w, true);
          }
          job.tg.set_database(db);
          Xapian::Document doc = build_document(
              analysis, SourceFile{path, signature, store_text || content->format != Format::kText},
              normaliser, job.tg, &dictionary);
          if (exists) totals[s].add(old.get_value(kSlotFacetIds), -1);
          limit_spelling_words(doc);
          db.replace_document(id, doc);
          totals[s].add(doc.get_value(kSlotFacetIds));
          spelling_stale[s] = 1;
          if (exists) ++job.report.updated; else ++job.report.added;
          if (safe_events.file_done) safe_events.file_done(path, exists ? "updated" : "added", &analysis.briefing);
        }
        if (++job.pending[s] >= options.batch_size) {
          db.set_metadata(std::string(kMetaSpellingStale), spelling_stale[s] ? "1" : "");
          dictionary.save(db, &dictionary_saved[s]);
          totals[s].save(db);
          db.commit();
          job.pending[s] = 0;
        }
      }
      if (events.progress) {
        std::lock_guard<std::mutex> lock(events_mutex);
        ++done;
        events.progress(done, std::max(done, total));
      }
    };
    auto walk_all = [&](const std::function<bool(WalkedFile&&)>& take) {
      bool stopped = false;
      walk_events.file = [&](WalkedFile&& f) { stopped = stopped || !take(std::move(f)); };
      for (const WalkRoot& root : roots)
        if (!stopped) walk_files(root, walk_events);
    };
    // (Each writer's stemmer is its thread's own: it caches stems.) Chinese,
    // Japanese and Korean text has no spaces between words: Xapian's n-grams
    // make it searchable.
    if (jobs == 1) {
      work.front().tg.set_stemmer(english_stemmer());
      work.front().tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
      walk_all([&](WalkedFile&& f) {
        index_file(work.front(), f);
        return true;
      });
    } else {
      std::vector<std::exception_ptr> failures(jobs);
      std::vector<std::thread> threads;
      for (Job& job : work) job.queue = std::make_unique<BoundedQueue<WalkedFile>>(256);
      for (size_t j = 0; j < jobs; ++j) {
        threads.emplace_back([&, j] {
          try {
            work[j].tg.set_stemmer(english_stemmer());
            work[j].tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
            while (auto f = work[j].queue->pop()) index_file(work[j], *f);
          } catch (...) {
            failures[j] = std::current_exception();
            for (Job& job : work) job.queue->close();  // the walk stops
          }
        });
      }
      std::exception_ptr walk_failure;
      try {
        walk_all([&](WalkedFile&& f) {
          size_t j = shard_of(f.path, dbs.size()) % jobs;
          return work[j].queue->push(std::move(f));
        });
      } catch (...) {
        walk_failure = std::current_exception();  // the writers finish first
      }
      for (Job& job : work) job.queue->close();
      for (std::thread& t : threads) t.join();
      if (walk_failure) std::rethrow_exception(walk_failure);
      for (const std::exception_ptr& f : failures)
        if (f) std::rethrow_exception(f);
    }
    for (const Job& job : work) {
      report.added += job.report.added;
      report.updated += job.report.updated;
      report.unchanged += job.report.unchanged;
      report.failed += job.report.failed;
      report.removed += job.report.removed;
      report.warnings += job.report.warnings;
    }

    // Documents whose files are gone from the folders walked, or from
    // inputs that are gone (those added by this run come after the bits).
    std::vector<WalkRoot> covered = roots;
    covered.insert(covered.end(), gone_roots.begin(), gone_roots.end());
    std::vector<size_t> removed_under(covered.size(), 0);
    for (size_t s = 0; s < dbs.size(); ++s) {
      struct Gone {
        Xapian::docid id;
        std::string path, facet_ids;
      };
      std::vector<Gone> gone;
      for (auto it = dbs[s].postlist_begin(""); it != dbs[s].postlist_end(""); ++it) {
        if (*it >= seen[s].size()) break;
        if (seen[s][*it]) continue;
        std::string path;
        const Xapian::Document doc = dbs[s].get_document(*it, Xapian::DOC_ASSUME_VALID);
        try {
          path = read_document(doc).path;
        } catch (const std::runtime_error&) {
          continue;  // not one of ours
        }
        auto root = std::find_if(covered.begin(), covered.end(), [&](const WalkRoot& r) { return r.covers(path); });
        if (root == covered.end()) continue;
        // (under a folder that could not be listed: not known to be gone)
        if (std::any_of(unlisted.begin(), unlisted.end(),
                        [&](const std::string& f) { return path.compare(0, f.size(), f) == 0; }))
          continue;
        // A briefing file still there stays (one in a hidden folder, given by
        // name before); one that became a folder, a pipe or a device does
        // not, nor one no longer of a known format (a page without an
        // extension that is no page now), nor one under a folder now
        // reached through a symbolic link, which the walk does not follow.
        if (fs::is_regular_file(path, ec) &&
            fs::path(path).parent_path() == fs::canonical(fs::path(path).parent_path(), ec) &&
            is_briefing_file(path))
          continue;
        ++removed_under[static_cast<size_t>(root - covered.begin())];
        gone.push_back({*it, std::move(path), doc.get_value(kSlotFacetIds)});
      }
      for (const auto& [id, path, facet_ids] : gone) {
        totals[s].add(facet_ids, -1);
        dbs[s].delete_document(id);
        spelling_stale[s] = 1;
        ++report.removed;
        if (events.file_done) events.file_done(path, "removed", nullptr);
      }
    }
    for (size_t g = roots.size(); g < covered.size(); ++g) report_gone(covered[g], removed_under[g]);
    std::string updated;
    {
      std::time_t now = std::time(nullptr);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
      updated = buf;
    }
    for (size_t s = 0; s < dbs.size(); ++s) {
      Xapian::WritableDatabase& db = dbs[s];
      if (rules_changed && !fresh) write_synonyms(db, normaliser);
      dictionary.save(db, &dictionary_saved[s]);
      totals[s].save(db);
      record_rules(db);
      db.set_metadata(std::string(kMetaSpellingStale), spelling_stale[s] ? "1" : "");
      db.set_metadata(std::string(kMetaUpdated), updated);
      db.commit();
    }
    // (Its commits are not the one the totals were saved for: saved again.)
    sync_stale_spelling(dbs, spelling_stale, jobs, [&](size_t s) { totals[s].save(dbs[s]); });
    if (!temp_root.empty()) {
      // One database from the writers' shards; another indexer waits.
      SetupLock merging(options.db_path);
      Xapian::Database all;
      for (Xapian::WritableDatabase& db : dbs) {
        db.close();
      }
      for (const std::string& shard : writing.shards) all.add_database(Xapian::Database(shard));
      TotalsCompactor sum_totals;
      all.compact(options.db_path, 0, 0, sum_totals);
      all.close();
      restamp_totals(options.db_path);
      fs::remove_all(temp_root, ec);
    } else if (fresh && report.added > 0) {
      // A new database written in batches has half-empty B-tree blocks
      // (about twice its compacted size); each is compacted once, as
      // xapian-compact would, and swapped into place while still locked.
      for (size_t s = 0; s < dbs.size(); ++s) compact_in_place(dbs[s], writing.shards[s]);
    }
    // Each database's facet ids by docid, for its last commit (the
    // searcher counts without them, only slower: a file that cannot be
    // written is a warning).
    for (const std::string& folder : layout.shards) {
      try {
        FacetColumn::update(folder);
      } catch (const Error& e) {
        ++report.warnings;
        if (safe_events.problem) safe_events.problem(folder, e.what(), true);
      }
    }
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, options.db_path);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace briefing
