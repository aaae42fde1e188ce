#include "file_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "text.h"

namespace briefing {

bool has_briefing_extension(const std::filesystem::path& path) {
  std::string ext = ascii_lower(path.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text";
}

std::optional<FileContent> read_briefing_file(const std::filesystem::path& path,
                                              uint64_t max_bytes, std::string* error) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) {
    *error = ec.message();
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    *error = "not a regular file";
    return std::nullopt;
  }
  uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    *error = ec.message();
    return std::nullopt;
  }
  if (size > max_bytes) {
    *error = fmt::format("too large ({} bytes; the limit is {}, see --max-size)", size, max_bytes);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("cannot open: {}", std::strerror(errno));
    return std::nullopt;
  }
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<uint64_t>(in.gcount()) != size) {
    *error = "read error";
    return std::nullopt;
  }
  return check_briefing_text(std::move(bytes), error);
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
