#include "shards.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "errors.h"
#include "text.h"

namespace fs = std::filesystem;

namespace briefing {
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kShardPrefix = "shard-";

std::string shard_name(size_t i) { return fmt::format("{}{:03d}", kShardPrefix, i); }

// Shard folders listed in an existing stub, or none.
std::vector<std::string> read_stub(const std::string& root) {
  std::vector<std::string> shards;
  std::ifstream in(fs::path(root) / kStubName);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.rfind("auto ", 0) == 0) shards.push_back((fs::path(root) / std::string(trim(t.substr(5)))).string());
  }
  return shards;
}

}  // namespace

ShardLayout plan_shards(const std::string& root, size_t requested) {
  ShardLayout layout;
  layout.root = root;
  std::error_code ec;
  // One shard of a sharded index written alone would hold documents its
  // siblings hold too (each path belongs to one shard by its hash): the
  // whole index is to be given.
  {
    const fs::path here = fs::weakly_canonical(fs::path(root), ec);
    const fs::path parent = here.parent_path();
    if (!ec && !parent.empty())
      for (const std::string& shard : read_stub(parent.string()))
        if (fs::weakly_canonical(fs::path(shard), ec) == here)
          throw Error(fmt::format("'{}' is a shard of the index '{}'; index with --db '{}'", root,
                                  parent.string(), parent.string()));
  }
  std::vector<std::string> existing = read_stub(root);
  bool plain_exists = fs::exists(fs::path(root) / "iamglass", ec) || fs::exists(fs::path(root) / "iamchert", ec);
  if (!existing.empty()) {
    if (requested && requested != existing.size())
      throw Error(fmt::format("database '{}' has {} shards, not {}; index into a new folder to change the count",
                              root, existing.size(), requested));
    layout.shards = existing;
    return layout;
  }
  if (requested > 1 && plain_exists)
    throw Error(fmt::format("database '{}' is not sharded; index into a new folder to shard it", root));
  if (requested <= 1) {
    layout.shards = {root};
    return layout;
  }
  for (size_t i = 0; i < requested; ++i) layout.shards.push_back((fs::path(root) / shard_name(i)).string());
  return layout;
}

void refuse_foreign_folder(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  if (!read_stub(root).empty() || fs::exists(fs::path(root) / "iamglass", ec) ||
      fs::exists(fs::path(root) / "iamchert", ec))
    return;
  // (what a database, or its first build, puts there, while it is made
  // too: another indexer may be making it now)
  auto ours = [](const std::string& name) {
    auto ends = [&](std::string_view end) {
      return name.size() > end.size() && name.compare(name.size() - end.size(), end.size(), end) == 0;
    };
    return name == "flintlock" || name.rfind("iam", 0) == 0 || name.rfind(kStubName, 0) == 0 ||
           name.rfind(kShardPrefix, 0) == 0 || ends(".glass") || ends(".tmp") || ends(".DB") || ends(".baseA") ||
           ends(".baseB");
  };
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!ours(name))
      throw Error(fmt::format("--db '{}' holds other files ('{}') and no index; give a new or empty folder", root,
                              name));
  }
}

void write_stub(const ShardLayout& layout) {
  if (!layout.sharded()) return;
  std::ostringstream stub;
  for (const std::string& s : layout.shards) stub << "auto " << fs::path(s).filename().string() << "\n";
  fs::path tmp = fs::path(layout.root) / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << stub.str();
    if (!out) throw Error(fmt::format("cannot write the stub file in '{}'", layout.root));
  }
  std::error_code ec;
  fs::rename(tmp, fs::path(layout.root) / kStubName, ec);
  if (ec) throw Error(fmt::format("cannot write the stub file in '{}': {}", layout.root, ec.message()));
}

size_t shard_of(const std::string& path, size_t shard_count) {
  return static_cast<size_t>(fnv1a(path) % shard_count);
}

namespace {

// The stub file Xapian reads for `path`: the file itself, or a folder's
// XAPIANDB when the folder holds no database of its own; "" for neither.
fs::path stub_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return path;
  if (fs::is_directory(path, ec) && !fs::exists(path / "iamglass", ec) && !fs::exists(path / "iamchert", ec) &&
      fs::is_regular_file(path / "XAPIANDB", ec))
    return path / "XAPIANDB";
  return {};
}

void check_stub(const fs::path& path, std::vector<fs::path>& open, const std::string& named,
                std::vector<std::string>& databases) {
  fs::path stub = stub_file(path);
  std::error_code ec;
  if (stub.empty()) {
    fs::path folder = fs::weakly_canonical(path, ec);
    databases.push_back(ec ? path.string() : folder.string());
    return;
  }
  fs::path canonical = fs::weakly_canonical(stub, ec);
  if (ec) return;  // Xapian reports what cannot be read
  if (std::find(open.begin(), open.end(), canonical) != open.end() || open.size() > 16)
    throw Error(fmt::format("'{}' is a stub database that names itself (through '{}')", named, stub.string()));
  open.push_back(canonical);
  std::ifstream in(stub);
  std::string line;
  for (int n = 0; n < 10000 && std::getline(in, line); ++n) {
    std::istringstream words(line);
    std::string type, target;
    if (!(words >> type >> target) || (type != "auto" && type != "glass" && type != "chert")) continue;
    fs::path next(target);
    if (next.is_relative()) next = stub.parent_path() / next;
    check_stub(next, open, named, databases);
  }
  open.pop_back();
}

}  // namespace

std::vector<std::string> check_stub_cycles(const std::string& path) {
  std::vector<fs::path> open;
  std::vector<std::string> databases;
  check_stub(fs::path(path), open, path, databases);
  return databases;
}

}  // namespace briefing
