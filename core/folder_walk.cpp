#include "folder_walk.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <sys/stat.h>
#include <cerrno>

#include "file_reader.h"

namespace fs = std::filesystem;

namespace briefing {
namespace {

bool hidden(std::string_view name) { return name.size() > 1 && name[0] == '.'; }

std::string join(const std::string& folder, std::string_view name) {
  std::string path = folder;
  if (path.empty() || path.back() != '/') path += '/';
  path += name;
  return path;
}

// The folder's entries by name, a folder's with a '/' after it (a file's
// name cannot end in one), sorted: that is the byte order of the full
// paths, "a-b/y.md" < "a.md" < "a/x.md" ('-' < '.' < '/'). Hidden entries
// and symbolic links to folders are left out. Reports a folder that cannot
// be listed.
std::vector<std::string> list_folder(const std::string& folder, const WalkEvents& events) {
  std::vector<std::string> entries;
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (hidden(name)) continue;
    std::error_code e;
    bool folder_entry = it->is_directory(e);  // follows symbolic links
    if (folder_entry && it->is_symlink(e)) continue;
    if (folder_entry) name += '/';
    entries.push_back(std::move(name));
  }
  // (a folder deleted since its parent was listed is gone, no problem: its
  // documents leave the index as its files' do)
  if (ec && ec != std::errc::no_such_file_or_directory && events.problem) {
    const bool slash = folder.size() > 1 && folder.back() == '/';
    events.problem(slash ? folder.substr(0, folder.size() - 1) : folder,
                   fmt::format("cannot list folder: {}", ec.message()));
    if (events.unlisted) events.unlisted(slash ? folder : folder + "/");
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

// A file found by the walk (or given), with its size and time.
void visit_file(const std::string& path, const WalkEvents& events) {
  const fs::path p(path);
  std::error_code ec;
  auto status = fs::status(p, ec);
  if (ec) {
    bool loop = ec == std::errc::too_many_symbolic_link_levels;
    std::error_code e;
    events.problem(path, loop ? "symbolic link loop"
                              : fs::is_symlink(fs::symlink_status(p, e)) ? "dangling symbolic link" : ec.message());
    return;
  }
  if (!fs::is_regular_file(status)) {
    events.problem(path, "not a regular file");
    return;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    events.problem(path, std::error_code(errno, std::generic_category()).message());
    return;
  }
  WalkedFile f;
  f.path = path;
  f.size = static_cast<uint64_t>(st.st_size);
  f.mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  f.ctime = static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  events.file(std::move(f));
}

// A Xapian database (this index's or another's) kept among the briefings:
// its files are none.
bool is_database_folder(const std::string& folder) {
  std::error_code ec;
  for (const char* mark : {"iamglass", "iamchert", "XAPIANDB"})
    if (fs::exists(fs::path(folder) / mark, ec)) return true;
  return false;
}

void walk_folder(const std::string& folder, const WalkEvents& events) {
  for (const std::string& name : list_folder(folder, events)) {
    const std::string path = join(folder, name);  // a folder's ends in '/'
    if (path.back() == '/') {
      if (!is_database_folder(path)) walk_folder(path, events);
      continue;
    }
    std::error_code ec;
    if (!has_document_extension(path) && !(fs::is_regular_file(path, ec) && is_briefing_file(path))) {
      if (events.skipped) events.skipped(path);
      continue;
    }
    visit_file(path, events);
  }
}

size_t count_folder(const std::string& folder) {
  size_t n = 0;
  WalkEvents quiet;
  for (const std::string& name : list_folder(folder, quiet)) {
    if (name.back() == '/') n += count_folder(join(folder, name));
    else if (has_document_extension(name)) ++n;
  }
  return n;
}

}  // namespace

std::string WalkedFile::signature() const { return fmt::format("{}:{}:{}", size, mtime, ctime); }

bool is_briefing_file(const std::string& path) {
  if (has_document_extension(path)) return true;
  const Format f = sniff_file(path);
  return f == Format::kHtml || f == Format::kPdf;
}

bool WalkRoot::covers(const std::string& file) const {
  if (file == path) return true;
  const std::string folder_scope = path.back() == '/' ? path : path + "/";
  return file.compare(0, folder_scope.size(), folder_scope) == 0;
}

std::vector<WalkRoot> resolve_roots(const std::vector<std::string>& inputs, const WalkEvents& events,
                                    std::vector<WalkRoot>* gone) {
  std::vector<WalkRoot> roots;
  for (const std::string& input : inputs) {
    if (input.empty()) {
      events.problem("''", "an empty path names no file or folder");
      continue;
    }
    std::error_code ec;
    fs::path root = fs::canonical(input, ec);
    if (ec) {
      std::error_code e;
      // (Not "gone/..": a ".." after a missing folder names no folder.)
      const fs::path given(input);
      const bool dots = std::any_of(given.begin(), given.end(), [](const fs::path& part) { return part == ".."; });
      const bool missing = ec == std::errc::no_such_file_or_directory && !dots &&
                           !fs::is_symlink(fs::symlink_status(input, e));
      fs::path was = missing ? fs::weakly_canonical(fs::absolute(input, e), e) : fs::path();
      if (gone && missing && !e && !was.empty()) gone->push_back({was.lexically_normal().string(), false, input});
      else events.problem(input, ec.message());
      continue;
    }
    auto status = fs::status(root, ec);
    if (!fs::is_regular_file(status) && !fs::is_directory(status)) {
      events.problem(input, "not a file or folder");
      continue;
    }
    roots.push_back({root.string(), fs::is_directory(status), input});
    // An input that is a symbolic link now (a folder moved to another disk,
    // a link left in its place): the index may hold documents under the
    // path it had, which nothing walks any more.
    std::error_code e;
    const fs::path written = fs::absolute(input, e).lexically_normal();
    std::string was = written.string();
    while (was.size() > 1 && was.back() == '/') was.pop_back();
    if (gone && !e && was != root.string() && fs::is_symlink(fs::symlink_status(written, e)))
      gone->push_back({was, false, ""});
  }
  // Inputs that are gone, once each, and not inside a root that is walked
  // (whose walk finds their files gone).
  if (gone) {
    std::vector<WalkRoot> once;
    for (const WalkRoot& g : *gone) {
      auto covers = [&](const WalkRoot& r) { return r.covers(g.path); };
      if (std::none_of(roots.begin(), roots.end(), [&](const WalkRoot& r) { return r.folder && covers(r); }) &&
          std::none_of(once.begin(), once.end(), covers))
        once.push_back(g);
    }
    *gone = std::move(once);
  }
  // Left out: a root inside (or equal to) an earlier one, or inside a later
  // folder.
  std::vector<WalkRoot> kept;
  for (size_t i = 0; i < roots.size(); ++i) {
    auto inside = [&](const WalkRoot& outer) {
      const std::string scope = outer.scope();
      return roots[i].path == outer.path || (outer.folder && roots[i].path.compare(0, scope.size(), scope) == 0);
    };
    bool repeat = false;
    for (size_t j = 0; j < roots.size() && !repeat; ++j)
      if (j != i) repeat = inside(roots[j]) && (j < i || roots[i].path != roots[j].path);
    if (!repeat) kept.push_back(roots[i]);
  }
  return kept;
}

void walk_files(const WalkRoot& root, const WalkEvents& events) {
  if (root.folder) walk_folder(root.path, events);
  else visit_file(root.path, events);
}

size_t count_files(const WalkRoot& root) { return root.folder ? count_folder(root.path) : 1; }

}  // namespace briefing
