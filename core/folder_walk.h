#pragma once
// Finds the briefing files under the folders and files given to the
// indexer, one at a time: nothing of the walk is kept but the listing of
// each folder on the way down, so the indexer's memory does not grow with
// the corpus.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace briefing {

struct WalkedFile {
  std::string path;  // absolute, as indexed
  uint64_t size = 0;
  int64_t mtime = 0;  // nanoseconds
  // When the file's inode last changed (nanoseconds): a write does it, and
  // no `touch -r` or copy with `cp -p` can set it back, nor can a new file
  // put in its place keep it; so does chmod.
  int64_t ctime = 0;
  // Stored in kSlotSignature: a change re-indexes the file.
  std::string signature() const;
};

struct WalkEvents {
  std::function<void(WalkedFile&& file)> file;
  // An input, folder or file that cannot be used, and why.
  std::function<void(const std::string& path, const std::string& reason)> problem;
  // A file of no known format (not counted as a problem).
  std::function<void(const std::string& path)> skipped;
  // A folder that exists but cannot be listed (after `problem` says why),
  // as "folder/": what the index holds under it stays.
  std::function<void(const std::string& folder)> unlisted;
};

struct WalkRoot {
  std::string path;  // canonical
  bool folder = false;
  // As the user wrote it; empty for the old path of an input that is a
  // symbolic link now (nothing to report about it).
  std::string given;
  // The folder with its trailing '/', or the file itself.
  std::string scope() const { return folder && path.back() != '/' ? path + "/" : path; }
  // Whether `file` is this root or under it, whatever the root is now: a
  // folder that was a file, or a file that was a folder, covers what the
  // index holds under its old form.
  bool covers(const std::string& file) const;
};

// The inputs as canonical paths. One that is neither a file nor a folder is
// reported and left out; one inside another (a folder and a file in it) is
// left out, so that no file is walked twice. One that does not exist is
// reported too, unless `gone` is given: then it goes there, as an absolute
// path with the folders that do exist made canonical (a folder moved away
// or deleted, whose documents the index may hold), once, and not when a
// folder given covers it; so does the path of an input that is a symbolic
// link now (`given` empty).
std::vector<WalkRoot> resolve_roots(const std::vector<std::string>& inputs, const WalkEvents& events,
                                    std::vector<WalkRoot>* gone = nullptr);

// Whether the walk takes the regular file at `path` for a briefing: a known
// extension, or an HTML page or PDF by its content.
bool is_briefing_file(const std::string& path);

// Calls events.file for every briefing file under `root` (known
// extensions, or an HTML page or PDF by its content), in the byte order of
// their full paths. Hidden files and folders (a name starting with '.') are
// left out, and symbolic links to folders are not followed.
void walk_files(const WalkRoot& root, const WalkEvents& events);

// About how many files walk_files will find (names with a briefing
// extension; nothing is opened): a total for a progress line.
size_t count_files(const WalkRoot& root);

}  // namespace briefing
