#include "file_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace briefing {

void FileList::add(std::string_view path, uint64_t size, int64_t mtime) {
  const size_t slash = path.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
  const std::string_view name = path.substr(folder.size());
  File f;
  // Files come folder by folder: most share the last one's.
  if (!files_.empty() && folders_[files_.back().folder] == folder) {
    f.folder = files_.back().folder;
  } else {
    auto [it, added] = folder_ids_.emplace(std::string(folder), static_cast<uint32_t>(folders_.size()));
    if (added) folders_.push_back(it->first);
    f.folder = it->second;
  }
  f.name_offset = names_.size();
  f.name_length = static_cast<uint32_t>(name.size());
  names_.append(name);
  f.size = size;
  f.mtime = mtime;
  files_.push_back(f);
}

void FileList::sort_unique() {
  // Folders ranked by their paths; files by folder rank, then name.
  std::vector<uint32_t> order(folders_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return folders_[a] < folders_[b]; });
  std::vector<uint32_t> rank(folders_.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  auto key_less = [&](const File& a, const File& b) {
    if (a.folder != b.folder) return rank[a.folder] < rank[b.folder];
    return name(a) < name(b);
  };
  std::stable_sort(files_.begin(), files_.end(), key_less);  // of a repeat, the first added stays
  files_.erase(std::unique(files_.begin(), files_.end(),
                           [&](const File& a, const File& b) { return a.folder == b.folder && name(a) == name(b); }),
               files_.end());
}

std::string FileList::path(const File& f) const {
  std::string p = folders_[f.folder];
  p.append(name(f));
  return p;
}

std::string FileList::signature(const File& f) { return fmt::format("{}:{}", f.size, f.mtime); }

}  // namespace briefing
