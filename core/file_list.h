#pragma once
// The files a walk found, kept compactly: each folder's path once, and per
// file its name, size and modification time. The walk's list is what grows
// with the corpus in the indexer's memory: a path string a file took about
// 140 bytes (140 MB at a million files), this about 60.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace briefing {

class FileList {
 public:
  struct File {
    uint64_t name_offset = 0;  // in names_
    uint32_t name_length = 0;
    uint32_t folder = 0;       // in folders_
    uint64_t size = 0;
    int64_t mtime = 0;
    bool indexed = false;      // in the index already (in some form)
  };

  // Adds the file at `path` (absolute, as indexed).
  void add(std::string_view path, uint64_t size, int64_t mtime);

  // Sorts the files by folder, then name, and drops repeats (a folder and
  // a file in it both given). The order is deterministic but is not the
  // byte order of the full paths.
  void sort_unique();

  std::vector<File>& files() { return files_; }
  const std::vector<File>& files() const { return files_; }

  // The file's full path, as given to add().
  std::string path(const File& f) const;
  // Stored in kSlotSignature: a change re-indexes the file.
  static std::string signature(const File& f);

 private:
  std::string_view name(const File& f) const { return std::string_view(names_).substr(f.name_offset, f.name_length); }

  std::vector<File> files_;
  std::string names_;                 // every file name, one after another
  std::vector<std::string> folders_;  // with their trailing '/'
  std::unordered_map<std::string, uint32_t> folder_ids_;
};

}  // namespace briefing
