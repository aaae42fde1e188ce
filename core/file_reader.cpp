#include "file_reader.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "text.h"

namespace briefing {

bool has_briefing_extension(const std::filesystem::path& path) {
  std::string ext = ascii_lower(path.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text";
}

bool has_document_extension(const std::filesystem::path& path) {
  std::string ext = ascii_lower(path.extension().string());
  return has_briefing_extension(path) || ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".pdf";
}

Format sniff_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[512];
  in.read(head, sizeof head);
  return sniff_format(std::string_view(head, static_cast<size_t>(in.gcount())), path);
}

std::optional<std::string> read_file_bytes(const std::filesystem::path& path, uint64_t max_bytes,
                                           std::string* error) {
  // Opened without blocking and checked through the descriptor, so that a
  // FIFO or device put in a file's place after the walk is refused rather
  // than waited on (open() of a FIFO with no writer blocks for ever).
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    *error = errno == ELOOP ? "symbolic link loop" : fmt::format("cannot open: {}", std::strerror(errno));
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    *error = fmt::format("cannot read: {}", std::strerror(errno));
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = "not a regular file";
    return std::nullopt;
  }
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > max_bytes) {
    *error = fmt::format("too large ({} bytes; the limit is {}, see --max-size)", size, max_bytes);
    return std::nullopt;
  }
  std::string bytes(size, '\0');
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, bytes.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = fmt::format("read error: {}", std::strerror(errno));
      return std::nullopt;
    }
    if (n == 0) break;  // shrunk since fstat
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

std::optional<FileContent> read_text_briefing(const std::filesystem::path& path, uint64_t max_bytes,
                                              std::string* error) {
  auto bytes = read_file_bytes(path, max_bytes, error);
  if (!bytes) return std::nullopt;
  Format format = sniff_format(std::string_view(*bytes).substr(0, 512), path);
  if (format != Format::kText) {
    *error = fmt::format("{} file, not plain text", format_name(format));
    return std::nullopt;
  }
  return check_briefing_text(std::move(*bytes), error);
}

std::optional<FileContent> check_briefing_text(std::string bytes, std::string* error) {
  if (trim(bytes).empty()) {
    *error = "empty file: nothing to index";
    return std::nullopt;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string::npos) {
    *error = fmt::format("binary file (NUL byte at offset {})", nul);
    return std::nullopt;
  }
  FileContent content;
  if (is_valid_utf8(bytes)) {
    content.text = std::move(bytes);
  } else {
    size_t dropped = 0;
    content.text = drop_invalid_utf8(bytes, &dropped);
    content.warnings.push_back(
        fmt::format("invalid UTF-8: {} byte(s) left out of the index", dropped));
    if (trim(content.text).empty()) {
      *error = "no valid UTF-8 text";
      return std::nullopt;
    }
  }
  return content;
}

}  // namespace briefing
