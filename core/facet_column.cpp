#include "facet_column.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "errors.h"
#include "facet_dictionary.h"
#include "schema.h"

namespace briefing {
namespace {

constexpr char kMagic[8] = {'B', 'F', 'C', 'O', 'L', '0', '0', '2'};
constexpr uint32_t kByteOrder = 0x01020304;

struct Header {
  char magic[8];
  uint32_t byte_order;
  uint32_t last_docid;
  uint64_t revision;
  uint64_t ids;  // how many
  uint32_t uuid_size;
  uint32_t id_bytes;  // 2 or 4
  char tag[kFacetTagBytes];
  uint32_t unused;
  char uuid[56];
};
static_assert(sizeof(Header) == 104);

std::string path_in(const std::string& folder) {
  return (std::filesystem::path(folder) / std::string(kFacetColumnFile)).string();
}

// A file descriptor, closed when it goes.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Writes all of `bytes` to `fd`; false on an error (errno says which).
bool write_all(int fd, const void* bytes, size_t size) {
  const char* p = static_cast<const char*>(bytes);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// Removes the files that indexers killed while writing a column left in
// `folder` (named for a process that is gone).
void remove_left_behind(const std::string& folder) {
  const std::string stem = std::string(kFacetColumnFile) + ".new-";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    const long pid = std::atol(name.c_str() + stem.size());
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
      std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace

bool FacetColumn::describes(const Xapian::Database& db) const {
  try {
    return db.size() == 1 && db.get_revision() == revision_ && db.get_lastdocid() == last_ &&
           db.get_uuid() == uuid_;
  } catch (const Xapian::Error&) {  // a backend without revisions or UUIDs
    return false;
  }
}

struct FacetColumn::File {
  Fd file;
};

std::optional<FacetColumn> FacetColumn::open(const std::string& folder, const Xapian::Database& db, Access access) {
  auto file = std::make_shared<File>();
  file->file.fd = ::open(path_in(folder).c_str(), O_RDONLY | O_CLOEXEC);
  const int fd = file->file.fd;
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(Header)) return std::nullopt;
  Header h;
  if (::pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) return std::nullopt;
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.byte_order != kByteOrder ||
      h.uuid_size > sizeof h.uuid || h.ids > std::numeric_limits<uint32_t>::max() ||
      (h.id_bytes != 2 && h.id_bytes != 4))
    return std::nullopt;
  const uint64_t offsets = 4 * (uint64_t{h.last_docid} + 1);
  if (static_cast<uint64_t>(st.st_size) != sizeof h + offsets + h.ids * h.id_bytes) return std::nullopt;
  FacetColumn column;
  column.last_ = h.last_docid;
  column.revision_ = static_cast<Xapian::rev>(h.revision);
  column.uuid_.assign(h.uuid, h.uuid_size);
  column.tag_.assign(h.tag, sizeof h.tag);
  column.ids_ = static_cast<uint32_t>(h.ids);
  column.id_bytes_ = h.id_bytes;
  column.offsets_at_ = sizeof h;
  column.ids_at_ = sizeof h + offsets;
  if (static_cast<uint64_t>(column.revision_) != h.revision || !column.describes(db)) return std::nullopt;
  if (access == Access::kRead) {
    column.file_ = std::move(file);
    return column;
  }
  void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) return std::nullopt;
  const size_t size = static_cast<size_t>(st.st_size);
  column.map_ = std::shared_ptr<const char>(static_cast<const char*>(map),
                                            [size](const char* p) { ::munmap(const_cast<char*>(p), size); });
  return column;
}

std::optional<FacetColumn::Ids> FacetColumn::Reader::ids(Xapian::docid did) {
  const FacetColumn& c = *column_;
  if (did == 0 || did > c.last_) return Ids{nullptr, 0, c.id_bytes_};
  const char* at = bytes(offsets_, c.offsets_at_ + uint64_t{did - 1} * 4, 8);
  if (!at) return std::nullopt;
  uint32_t range[2];  // the first id and the one after the last
  std::memcpy(range, at, sizeof range);
  if (range[0] > range[1] || range[1] > c.ids_) return std::nullopt;  // (damaged since it was opened)
  const uint32_t n = range[1] - range[0];
  if (n == 0) return Ids{nullptr, 0, c.id_bytes_};
  const char* first = bytes(ids_, c.ids_at_ + uint64_t{range[0]} * c.id_bytes_, size_t{n} * c.id_bytes_);
  if (!first) return std::nullopt;
  return Ids{first, n, c.id_bytes_};
}

const char* FacetColumn::Reader::bytes(Block& block, uint64_t pos, size_t size) {
  if (column_->map_) return column_->map_.get() + pos;  // (checked against the file's size when opened)
  // How far apart the places asked for are, on average over the last few.
  const uint64_t gap = pos >= block.last ? pos - block.last : kFar;
  block.gap = (block.gap * 7 + std::min(gap, kFar)) / 8;
  block.last = pos;
  if (block.size && pos >= block.at && pos + size <= block.at + block.size) return block.bytes.get() + (pos - block.at);
  // Reading 4 KB costs 1.4 us here, as much as a few bytes (a system
  // call), and 64 KB 6.1 us: 64 KB at a time pays where they are less than
  // 12 KB apart (the first 64 KB read also faults its buffer in, 160 us).
  constexpr size_t kSmall = 4096, kLarge = 64 * 1024;
  const size_t next = block.gap < 12 * 1024 ? kLarge : kSmall;
  const uint64_t start = pos / kSmall * kSmall;
  const size_t want = std::max<size_t>(next, (pos + size - start + kSmall - 1) / kSmall * kSmall);
  if (block.capacity < want) {
    block.bytes.reset(new char[want]);
    block.capacity = want;
  }
  block.size = 0;
  size_t got = 0;
  while (got < want) {
    const ssize_t n = ::pread(column_->file_->file.fd, block.bytes.get() + got, want - got,
                              static_cast<off_t>(start + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the end of the file, or an error
    got += static_cast<size_t>(n);
  }
  if (got < pos + size - start) return nullptr;
  block.at = start;
  block.size = got;
  return block.bytes.get() + (pos - start);
}

bool FacetColumn::update(const std::string& folder) {
  const Xapian::Database db(folder);
  if (open(folder, db)) return false;  // describes this commit already
  const std::string uuid = db.get_uuid();
  const std::string path = path_in(folder);
  // None when a document has no ids, ids of another dictionary, or ids
  // that do not decode (then the value stream is read).
  auto none = [&] {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return false;
  };
  const Xapian::docid last = db.get_lastdocid();
  std::vector<uint32_t> offsets(size_t{last} + 1, 0);
  std::vector<uint32_t> ids;
  std::string tag;
  uint32_t largest = 0;
  Xapian::doccount documents = 0;
  Xapian::docid did = 0;  // offsets up to it are filled in
  for (auto v = db.valuestream_begin(kSlotFacetIds); v != db.valuestream_end(kSlotFacetIds); ++v) {
    const std::string value = *v;
    if (value.size() < kFacetTagBytes) return none();
    if (tag.empty()) tag = value.substr(0, kFacetTagBytes);
    if (value.compare(0, kFacetTagBytes, tag) != 0) return none();
    const Xapian::docid at = v.get_docid();
    for (; did < at; ++did) offsets[did] = static_cast<uint32_t>(ids.size());  // no ids before it
    const unsigned char* p = reinterpret_cast<const unsigned char*>(value.data()) + kFacetTagBytes;
    const unsigned char* end = reinterpret_cast<const unsigned char*>(value.data()) + value.size();
    while (p < end) {
      const uint32_t id = read_facet_id(p, end);
      if (id == UINT32_MAX) return none();
      ids.push_back(id);
      largest = std::max(largest, id);
    }
    if (ids.size() >= std::numeric_limits<uint32_t>::max()) return none();  // too many for the layout
    offsets[at] = static_cast<uint32_t>(ids.size());
    did = at + 1;
    ++documents;
  }
  if (documents != db.get_doccount()) return none();
  for (; did <= last; ++did) offsets[did] = static_cast<uint32_t>(ids.size());
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.byte_order = kByteOrder;
  h.last_docid = last;
  h.revision = db.get_revision();
  h.ids = ids.size();
  h.id_bytes = largest <= UINT16_MAX ? 2 : 4;
  if (!tag.empty()) std::memcpy(h.tag, tag.data(), kFacetTagBytes);
  h.uuid_size = static_cast<uint32_t>(std::min(uuid.size(), sizeof h.uuid));
  std::memcpy(h.uuid, uuid.data(), h.uuid_size);
  const std::vector<uint16_t> narrow = h.id_bytes == 2 ? std::vector<uint16_t>(ids.begin(), ids.end())
                                                      : std::vector<uint16_t>();
  const void* data = h.id_bytes == 2 ? static_cast<const void*>(narrow.data()) : ids.data();
  // Written whole under another name, then renamed over the old one.
  const std::string temp = path + ".new-" + std::to_string(::getpid());
  remove_left_behind(folder);
  {
    Fd file{::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (file.fd < 0 || !write_all(file.fd, &h, sizeof h) ||
        !write_all(file.fd, offsets.data(), offsets.size() * sizeof offsets[0]) ||
        !write_all(file.fd, data, ids.size() * h.id_bytes) || ::fsync(file.fd) != 0) {
      const std::string why = std::strerror(errno);
      ::unlink(temp.c_str());
      throw Error(fmt::format("{}: cannot write the facet column: {}", temp, why));
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    throw Error(fmt::format("{}: cannot rename the facet column into place: {}", path, why));
  }
  return true;
}

}  // namespace briefing
