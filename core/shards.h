#pragma once
// How an index is laid out on disk: one Xapian database, or N shard
// databases under one folder with a Xapian stub file (DIR/XAPIANDB, one
// "auto shard-NNN" line each) so that opening DIR opens them all.
#include <string>
#include <vector>

namespace briefing {

struct ShardLayout {
  std::string root;                 // the --db folder
  std::vector<std::string> shards;  // database folders; {root} when not sharded
  bool sharded() const { return shards.size() > 1 || shards.front() != root; }
};

// The layout of the index at `root`: `requested` shards (0 = keep what is
// there; a new index then has one). Throws briefing::Error when the
// request contradicts an existing index.
ShardLayout plan_shards(const std::string& root, size_t requested);

// Throws briefing::Error when `root` is a folder that holds files of its
// own and no index (a user's documents given as --db): an index is made in
// a new or empty folder, or one that holds an index already.
void refuse_foreign_folder(const std::string& root);

// Creates the shard folders' stub file (for a sharded layout).
void write_stub(const ShardLayout& layout);

// Throws briefing::Error when the stub file at `path` (or a folder's
// XAPIANDB) names itself, directly or through other stubs: Xapian would
// recurse until the stack ran out. Returns the local databases `path`
// opens, as canonical folders (its own folder when it is no stub).
std::vector<std::string> check_stub_cycles(const std::string& path);

// The shard a path is kept in: a stable hash of the path.
size_t shard_of(const std::string& path, size_t shard_count);

}  // namespace briefing
