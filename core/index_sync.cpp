#include "index_sync.h"

#include <xapian.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "file_reader.h"
#include "normaliser.h"
#include "schema.h"
#include "synonyms.h"

namespace fs = std::filesystem;

namespace briefing {
namespace {

struct Known {
  Xapian::docid id;
  std::string signature;
};

// A file found by the walk, with its identity and signature.
struct Candidate {
  fs::path path;
  std::string id_path;  // the path as indexed
  std::string signature;
};

std::string signature_of(const fs::path& p, std::error_code& ec) {
  auto size = fs::file_size(p, ec);
  if (ec) return {};
  auto mtime = fs::last_write_time(p, ec);
  if (ec) return {};
  return fmt::format("{}:{}", size, mtime.time_since_epoch().count());
}

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
  std::string walk(const std::string& input, std::vector<Candidate>& out) {
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
      if (!has_briefing_extension(p)) {
        ++report_.skipped;
        continue;
      }
      add(p, p.lexically_normal().string(), out);
    }
    std::string scope = root.string();
    if (scope.back() != '/') scope += '/';
    return scope;
  }

 private:
  void add(const fs::path& p, const std::string& id_path, std::vector<Candidate>& out) {
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec) {
      fail(id_path, fs::is_symlink(fs::symlink_status(p, ec)) ? "dangling symbolic link" : ec.message());
      return;
    }
    if (!fs::is_regular_file(status)) {
      fail(id_path, "not a regular file");
      return;
    }
    std::string sig = signature_of(p, ec);
    if (ec) {
      fail(id_path, ec.message());
      return;
    }
    out.push_back({p, id_path, sig});
  }

  void fail(const std::string& path, const std::string& reason) {
    ++report_.failed;
    if (events_.problem) events_.problem(path, reason, false);
  }

  const IndexEvents& events_;
  IndexReport& report_;
};

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
  std::vector<Candidate> files;
  std::vector<std::string> scopes;
  Walker walker(events, report);
  for (const std::string& input : options.inputs) {
    std::string scope = walker.walk(input, files);
    if (!scope.empty()) scopes.push_back(scope);
  }

  try {
    std::error_code ec;
    fs::create_directories(options.db_path, ec);
    if (ec) throw Error(fmt::format("cannot create database folder '{}': {}", options.db_path, ec.message()));
    Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
    // A database written with an older schema or other rules is
    // re-extracted in full; one from a newer indexer is left alone.
    std::string schema = db.get_metadata(std::string(kMetaSchemaVersion));
    if (!schema.empty() && std::atoi(schema.c_str()) > std::atoi(std::string(kSchemaVersion).c_str()))
      throw Error(fmt::format("database '{}' has schema version {}, newer than this indexer's {}; "
                              "use a newer indexer", options.db_path, schema, kSchemaVersion));
    bool rules_changed = schema != kSchemaVersion ||
                         db.get_metadata(std::string(kMetaRulesHash)) != rules->fingerprint;

    std::unordered_map<std::string, Known> known;
    {
      std::unordered_map<Xapian::docid, std::string> signatures;
      for (auto it = db.valuestream_begin(kSlotSignature); it != db.valuestream_end(kSlotSignature); ++it)
        signatures[it.get_docid()] = *it;
      for (auto it = db.valuestream_begin(kSlotPath); it != db.valuestream_end(kSlotPath); ++it)
        known.emplace(*it, Known{it.get_docid(), signatures[it.get_docid()]});
    }

    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_database(db);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);

    std::unordered_set<std::string> seen;
    size_t pending = 0;
    auto maybe_commit = [&] {
      if (++pending >= options.batch_size) {
        db.commit();
        pending = 0;
      }
    };
    for (const Candidate& c : files) {
      if (!seen.insert(c.id_path).second) continue;  // given twice
      auto k = known.find(c.id_path);
      bool exists = k != known.end();
      if (exists && !rules_changed && k->second.signature == c.signature) {
        ++report.unchanged;
        continue;
      }
      std::string error;
      auto content = read_briefing_file(c.path, options.max_file_bytes, &error);
      if (!content) {
        ++report.failed;
        if (events.problem) events.problem(c.id_path, error, false);
        // The index follows the folder: a file that can no longer be read
        // is not left behind in its old form.
        if (exists) {
          db.delete_document(k->second.id);
          maybe_commit();
        }
        continue;
      }
      std::string file_name = c.path.filename().string();
      Analysis analysis = extractor.analyse(content->text, file_name);
      for (const std::string& w : content->warnings) {
        ++report.warnings;
        if (events.problem) events.problem(c.id_path, w, true);
      }
      for (const std::string& w : analysis.briefing.warnings) {
        ++report.warnings;
        if (events.problem) events.problem(c.id_path, w, true);
      }
      Xapian::Document doc = build_document(analysis, SourceFile{c.id_path, c.signature}, normaliser, tg);
      db.replace_document(id_term(c.id_path), doc);
      if (exists) ++report.updated; else ++report.added;
      if (events.file_done) events.file_done(c.id_path, exists ? "updated" : "added");
      maybe_commit();
    }
    // Documents whose files are gone from the folders walked.
    for (const auto& [path, k] : known) {
      if (seen.count(path)) continue;
      bool in_scope = false;
      for (const std::string& scope : scopes)
        if (path == scope || (scope.back() == '/' && path.compare(0, scope.size(), scope) == 0))
          in_scope = true;
      if (!in_scope) continue;
      std::error_code ec;
      if (fs::exists(path, ec)) continue;  // e.g. now outside the walk's extensions
      db.delete_document(k.id);
      ++report.removed;
      if (events.file_done) events.file_done(path, "removed");
      maybe_commit();
    }
    if (rules_changed) write_synonyms(db, normaliser);
    db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
    db.set_metadata(std::string(kMetaRulesHash), rules->fingerprint);
    db.commit();
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, options.db_path);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace briefing
