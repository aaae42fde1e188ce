#include "shards.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "errors.h"
#include "text.h"

namespace fs = std::filesystem;

namespace briefing {
namespace {

constexpr const char* kStubName = "XAPIANDB";

std::string shard_name(size_t i) { return fmt::format("shard-{:03d}", i); }

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

}  // namespace briefing
