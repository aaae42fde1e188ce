#include "index_sync.h"

#include <xapian.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>
#include <cstdlib>
#include <filesystem>

#include <fcntl.h>     // AT_FDCWD
#include <stdio.h>     // renameat2, RENAME_EXCHANGE
#include <unordered_map>

#include "stemmer.h"
#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "facet_dictionary.h"
#include "file_list.h"
#include "file_reader.h"
#include "normaliser.h"
#include "schema.h"
#include "shards.h"
#include "synonyms.h"
#include "text.h"

namespace fs = std::filesystem;

namespace briefing {
namespace {

// Words that go into the spelling data: unprefixed terms (prefixes are
// capitals) that are not numbers.
bool is_spelling_word(const std::string& term) {
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
  return std::any_of(term.begin(), term.end(), [](char c) { return c < '0' || c > '9'; });
}

// Memory per file is what bounds the indexer's memory on a large corpus
// (an fs::path and three strings a file were 850 bytes: 290 MB at 200,000
// files). So the walk keeps a compact FileList (file_list.h), and a
// document already in the index is 24 bytes, keyed by a hash of its path.

// A document in the index: where it is, and the hash of its signature.
struct Known {
  Xapian::docid id = 0;
  uint32_t shard = 0;
  bool seen = false;  // its file was found by this run's walk
  uint64_t signature = 0;
};

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

class Walker {
 public:
  Walker(const IndexEvents& events, IndexReport& report) : events_(events), report_(report) {}

  // Collects the briefing files under `input`; returns the scope (folder
  // prefix or file path) in which missing documents may be removed, or ""
  // when the input itself is unusable.
  std::string walk(const std::string& input, FileList& out) {
    std::error_code ec;
    fs::path root = fs::canonical(input, ec);
    if (ec) {
      fail(input, ec.message());
      return {};
    }
    auto status = fs::status(root, ec);
    if (fs::is_regular_file(status)) {
      add(root, root.string(), out);
      return root.string();
    }
    if (!fs::is_directory(status)) {
      fail(input, "not a file or folder");
      return {};
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      fail(input, ec.message());
      return {};
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        fail(it->path().string(), ec.message());
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      if (hidden(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec)) continue;
      // Known extensions, or an HTML page or PDF by its content; other
      // files are counted as skipped.
      if (!has_document_extension(p)) {
        Format f = it->is_regular_file(ec) ? sniff_file(p) : Format::kUnknown;
        if (f != Format::kHtml && f != Format::kPdf) {
          ++report_.skipped;
          continue;
        }
      }
      add(p, p.lexically_normal().string(), out);
    }
    std::string scope = root.string();
    if (scope.back() != '/') scope += '/';
    return scope;
  }

 private:
  void add(const fs::path& p, const std::string& id_path, FileList& out) {
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec) {
      bool loop = ec == std::errc::too_many_symbolic_link_levels;
      fail(id_path, loop ? "symbolic link loop"
                         : fs::is_symlink(fs::symlink_status(p, ec)) ? "dangling symbolic link" : ec.message());
      return;
    }
    if (!fs::is_regular_file(status)) {
      fail(id_path, "not a regular file");
      return;
    }
    const uint64_t size = fs::file_size(p, ec);
    int64_t mtime = 0;
    if (!ec) mtime = fs::last_write_time(p, ec).time_since_epoch().count();
    if (ec) {
      fail(id_path, ec.message());
      return;
    }
    out.add(id_path, size, mtime);
  }

  void fail(const std::string& path, const std::string& reason) {
    ++report_.failed;
    if (events_.problem) events_.problem(path, reason, false);
  }

  const IndexEvents& events_;
  IndexReport& report_;
};

}  // namespace

namespace {

// What one writer thread needs, and what it reports.
struct Job {
  std::vector<const FileList::File*> files;
  IndexReport report;
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

// Compacts the database at `path` (open for writing in `db`, all committed)
// into a new folder and swaps the two atomically; readers keep the version
// they opened. An interruption leaves the uncompacted database in place.
void compact_in_place(Xapian::WritableDatabase& db, const std::string& path) {
  std::error_code ec;
  const std::string compacted = path + ".compacting";
  fs::remove_all(compacted, ec);
  Xapian::Database(path).compact(compacted);
  if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
    // No atomic exchange on this file system: keep the uncompacted one.
    fs::remove_all(compacted, ec);
    return;
  }
  db.close();  // the old version, now at `compacted`
  fs::remove_all(compacted, ec);
}

bool in_scope(const std::string& path, const std::vector<std::string>& scopes) {
  for (const std::string& scope : scopes)
    if (path == scope || (scope.back() == '/' && path.compare(0, scope.size(), scope) == 0)) return true;
  return false;
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

  // Walk first: a missing input fails before the database is touched.
  FileList files;
  std::vector<std::string> scopes;
  Walker walker(events, report);
  for (const std::string& input : options.inputs) {
    std::string scope = walker.walk(input, files);
    if (!scope.empty()) scopes.push_back(scope);
  }

  ShardLayout layout = plan_shards(options.db_path, options.shards);
  std::error_code ec;
  bool fresh = !fs::exists(fs::path(layout.shards.front()) / "iamglass", ec);
  // A new single database built by several writers: temporary shards,
  // compacted into one at the end.
  size_t jobs = std::max<size_t>(1, options.jobs);
  ShardLayout writing = layout;
  std::string temp_root;
  check_not_being_built(options.db_path + ".indexing", options.db_path);
  if (!layout.sharded() && jobs > 1 && fresh) {
    temp_root = options.db_path + ".indexing";
    fs::remove_all(temp_root, ec);
    writing = plan_shards(temp_root, jobs);
  }
  jobs = std::min(jobs, writing.shards.size());

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

  try {
    for (const std::string& shard : writing.shards) {
      fs::create_directories(shard, ec);
      if (ec) throw Error(fmt::format("cannot create database folder '{}': {}", shard, ec.message()));
    }
    std::vector<Xapian::WritableDatabase> dbs;
    for (const std::string& shard : writing.shards) dbs.emplace_back(shard, Xapian::DB_CREATE_OR_OPEN);
    write_stub(writing);

    // A database written with an older schema or other rules is
    // re-extracted in full; one from a newer indexer is left alone.
    std::string schema = dbs.front().get_metadata(std::string(kMetaSchemaVersion));
    if (!schema.empty() && std::atoi(schema.c_str()) > std::atoi(std::string(kSchemaVersion).c_str()))
      throw Error(fmt::format("database '{}' has schema version {}, newer than this indexer's {}; "
                              "use a newer indexer", options.db_path, schema, kSchemaVersion));
    bool rules_changed = schema != kSchemaVersion ||
                         dbs.front().get_metadata(std::string(kMetaRulesHash)) != rules->fingerprint;

    // What the index holds, by hash of the path, in every shard. (Two
    // paths with one 64-bit hash would make the second look changed, and
    // the first stay when its file goes: about one chance in 10^7 at a
    // million files.)
    std::unordered_map<uint64_t, Known> known;
    for (size_t s = 0; s < dbs.size(); ++s) {
      Xapian::ValueIterator sig = dbs[s].valuestream_begin(kSlotSignature);
      const Xapian::ValueIterator sig_end = dbs[s].valuestream_end(kSlotSignature);
      for (auto it = dbs[s].valuestream_begin(kSlotOldestFirst); it != dbs[s].valuestream_end(kSlotOldestFirst);
           ++it) {
        const std::string key = *it;  // date, '\0', path
        size_t nul = key.find('\0');
        if (nul == std::string::npos) continue;
        Known k{it.get_docid(), static_cast<uint32_t>(s), false, 0};
        if (sig != sig_end) sig.skip_to(k.id);  // both streams ascend by docid
        if (sig != sig_end && sig.get_docid() == k.id) k.signature = fnv1a(*sig);
        known.emplace(fnv1a(std::string_view(key).substr(nul + 1)), k);
      }
    }

    // Which schema and rules the documents were made with. A new database
    // records them (and the synonyms) with its first batch, so that a first
    // run cut short is resumed by the next one rather than started again.
    // Otherwise they are recorded at the end: a run that re-extracts
    // everything and is cut short leaves the old rules recorded, and the
    // next run re-extracts again.
    auto record_rules = [&](Xapian::WritableDatabase& db) {
      db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
      db.set_metadata(std::string(kMetaRulesHash), rules->fingerprint);
    };
    if (fresh)
      for (Xapian::WritableDatabase& db : dbs) {
        write_synonyms(db, normaliser);
        record_rules(db);
      }

    // One facet dictionary for every shard (those of --jobs on a new
    // database are compacted into one), saved into each before its commits.
    FacetDictionary dictionary(dbs);
    std::vector<size_t> dictionary_saved(dbs.size(), 0);

    // Each file to its shard, each shard to a writer thread.
    // Files given twice (a folder and a file in it) count once.
    files.sort_unique();
    std::vector<Job> work(jobs);
    for (FileList::File& c : files.files()) {
      const std::string path = files.path(c);
      auto k = known.find(fnv1a(path));
      if (k != known.end()) {
        k->second.seen = true;
        c.indexed = true;
        if (!rules_changed && k->second.signature == fnv1a(FileList::signature(c))) {
          ++report.unchanged;
          continue;
        }
      }
      work[shard_of(path, dbs.size()) % jobs].files.push_back(&c);
    }

    size_t to_read = 0, read_so_far = 0;
    for (const Job& job : work) to_read += job.files.size();
    auto run_job = [&](Job& job) {
      Xapian::TermGenerator tg;
      tg.set_stemmer(english_stemmer());
      std::vector<size_t> pending(dbs.size(), 0);
      // Spelling data for "did you mean": each word once per batch with the
      // number of documents that have it. (TermGenerator::FLAG_SPELLING adds
      // every occurrence, a quarter of all indexing time.)
      std::vector<std::unordered_map<std::string, Xapian::termcount>> spelling(dbs.size());
      auto add_spelling = [&](size_t shard) {
        for (const auto& [word, n] : spelling[shard]) dbs[shard].add_spelling(word, n);
        spelling[shard].clear();
      };
      for (const FileList::File* file : job.files) {
        const std::string path = files.path(*file);
        size_t s = shard_of(path, dbs.size());
        Xapian::WritableDatabase& db = dbs[s];
        const bool exists = file->indexed;
        std::string error;
        auto content = read_briefing_file(path, options.max_file_bytes, &error);
        if (!content) {
          ++job.report.failed;
          if (safe_events.problem) safe_events.problem(path, error, false);
          // The index follows the folder: a file that can no longer be
          // read is not left behind in its old form.
          if (exists) db.delete_document(id_term(path));
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
          tg.set_database(db);
          Xapian::Document doc = build_document(analysis, SourceFile{path, FileList::signature(*file), options.store_text || content->format != Format::kText}, normaliser, tg, &dictionary);
          db.replace_document(id_term(path), doc);
          for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if (is_spelling_word(*t)) ++spelling[s][*t];
          if (exists) ++job.report.updated; else ++job.report.added;
          if (safe_events.file_done) safe_events.file_done(path, exists ? "updated" : "added", &analysis.briefing);
        }
        if (++pending[s] >= options.batch_size) {
          add_spelling(s);
          dictionary.save(db, &dictionary_saved[s]);
          db.commit();
          pending[s] = 0;
        }
        if (events.progress) {
          std::lock_guard<std::mutex> lock(events_mutex);
          events.progress(++read_so_far, to_read);
        }
      }
      for (size_t shard = 0; shard < dbs.size(); ++shard) add_spelling(shard);  // committed below
    };
    if (jobs == 1) {
      run_job(work.front());
    } else {
      std::vector<std::exception_ptr> failures(jobs);
      std::vector<std::thread> threads;
      for (size_t j = 0; j < jobs; ++j)
        threads.emplace_back([&, j] {
          try {
            run_job(work[j]);
          } catch (...) {
            failures[j] = std::current_exception();
          }
        });
      for (std::thread& t : threads) t.join();
      for (const std::exception_ptr& f : failures)
        if (f) std::rethrow_exception(f);
    }
    for (const Job& job : work) {
      report.added += job.report.added;
      report.updated += job.report.updated;
      report.failed += job.report.failed;
      report.warnings += job.report.warnings;
    }

    // Documents whose files are gone from the folders walked.
    for (const auto& [hash, k] : known) {
      if (k.seen) continue;
      const std::string key = dbs[k.shard].get_document(k.id).get_value(kSlotOldestFirst);
      const std::string path = key.substr(key.find('\0') + 1);
      if (!in_scope(path, scopes)) continue;
      if (fs::exists(path, ec)) continue;  // e.g. now outside the walk's extensions
      dbs[k.shard].delete_document(k.id);
      ++report.removed;
      if (events.file_done) events.file_done(path, "removed", nullptr);
    }
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
      record_rules(db);
      db.set_metadata(std::string(kMetaUpdated), updated);
      db.commit();
    }
    if (!temp_root.empty()) {
      // One database from the writers' shards.
      Xapian::Database all;
      for (Xapian::WritableDatabase& db : dbs) {
        db.close();
      }
      for (const std::string& shard : writing.shards) all.add_database(Xapian::Database(shard));
      all.compact(options.db_path);
      all.close();
      fs::remove_all(temp_root, ec);
    } else if (fresh && report.added > 0) {
      // A new database written in batches has half-empty B-tree blocks
      // (about twice its compacted size); each is compacted once, as
      // xapian-compact would, and swapped into place while still locked.
      for (size_t s = 0; s < dbs.size(); ++s) compact_in_place(dbs[s], writing.shards[s]);
    }
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, options.db_path);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace briefing
