#include "file_reader.h"

#include <algorithm>
#include <cctype>

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
                                           std::string* error, bool* unreadable) {
  if (unreadable) *unreadable = false;
  auto cannot = [&](const char* what) {
    *error = fmt::format("{}: {}", what, std::strerror(errno));
    if (unreadable) *unreadable = true;
    return std::nullopt;
  };
  // Opened without blocking and checked through the descriptor, so that a
  // FIFO or device put in a file's place after the walk is refused rather
  // than waited on (open() of a FIFO with no writer blocks for ever).
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno != ELOOP) return cannot("cannot open");
    *error = "symbolic link loop";
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return cannot("cannot read");
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
    if (n < 0) return cannot("read error");
    if (n == 0) break;  // shrunk since fstat
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

std::string from_utf16(std::string bytes, size_t* replaced) {
  if (replaced) *replaced = 0;
  // Text in UTF-16 has NUL bytes (in its spaces and line breaks); without
  // them a leading "\xff\xfe" is just two bad bytes.
  if (bytes.find('\0') == std::string::npos) return bytes;
  auto utf8 = utf16_to_utf8(bytes);
  if (!utf8) return bytes;
  if (replaced) {
    // U+FFFD written out, less those the text had as such.
    auto count = [](std::string_view s, std::string_view what, size_t step) {
      size_t n = 0;
      for (size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1))
        if (at % step == 0) ++n;
      return n;
    };
    const std::string_view units = std::string_view(bytes).substr(2);
    const size_t had = count(units, bytes[0] == '\xff' ? "\xfd\xff" : "\xff\xfd", 2);
    const size_t now = count(*utf8, "\xEF\xBF\xBD", 1);
    *replaced = now > had ? now - had : 0;
  }
  return std::move(*utf8);
}

std::string to_valid_utf8(std::string bytes, std::vector<std::string>* warnings) {
  if (is_valid_utf8(bytes)) return bytes;
  // Mostly ASCII, with no well-formed or cut UTF-8 sequence (a lead byte
  // and a continuation byte): a legacy 8-bit encoding ("r\xe9gion"), read
  // as Windows-1252, which covers Latin-1.
  size_t high = 0;
  bool utf8_like = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) continue;
    ++high;
    const auto next = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    if (c >= 0xC2 && c <= 0xF4 && next >= 0x80 && next <= 0xBF) utf8_like = true;
  }
  if (!utf8_like && high * 4 <= bytes.size()) {
    warnings->push_back("invalid UTF-8: read as Windows-1252 (Latin-1)");
    return windows1252_to_utf8(bytes);
  }
  // UTF-8 with damaged bytes: those are left out.
  size_t dropped = 0;
  std::string text = drop_invalid_utf8(bytes, &dropped);
  warnings->push_back(fmt::format("invalid UTF-8: {} byte(s) left out of the index", dropped));
  return text;
}

std::string declared_charset(std::string_view html) {
  // (In the first few KB, where a page's <head> declares it; the HTML
  // standard looks in the first 1024 bytes, but pages put comments and
  // scripts first.)
  constexpr size_t kHeadBytes = 4096;
  const std::string head = ascii_lower(html.substr(0, kHeadBytes));
  const std::string_view h(head);
  // The name after `key` and "=" in `tag`: "koi8-r" from `charset = "koi8-r"`.
  auto value_of = [](std::string_view tag, std::string_view key) -> std::string {
    for (size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
      size_t i = tag.find_first_not_of(" \t\r\n", at + key.size());
      if (i == std::string_view::npos || tag[i] != '=') continue;
      i = tag.find_first_not_of(" \t\r\n\"'", i + 1);
      if (i == std::string_view::npos) continue;
      size_t end = i;
      while (end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[end])) || std::strchr("-_.:", tag[end])))
        ++end;
      if (end > i) return std::string(tag.substr(i, end - i));
    }
    return "";
  };
  if (const size_t start = h.find_first_not_of(" \t\r\n"); start != std::string_view::npos &&
                                                              h.compare(start, 5, "<?xml") == 0) {
    std::string name = value_of(h.substr(start, h.find("?>", start) - start), "encoding");
    if (!name.empty()) return name;
  }
  for (size_t at = h.find("<meta"); at != std::string_view::npos; at = h.find("<meta", at + 5)) {
    if (at + 5 < h.size() && !std::isspace(static_cast<unsigned char>(h[at + 5])) && h[at + 5] != '/') continue;
    std::string name = value_of(h.substr(at, h.find('>', at) - at), "charset");
    if (!name.empty()) return name;
  }
  return "";
}

std::optional<std::string> from_declared_charset(std::string_view html, std::vector<std::string>* warnings) {
  // A byte-order mark says what the page is, whatever it declares (and
  // from_utf16 has read UTF-16 with its mark already).
  for (std::string_view bom : {"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF"})
    if (html.substr(0, bom.size()) == bom) return std::nullopt;
  if (is_valid_utf8(html)) return std::nullopt;
  const std::string label = declared_charset(html);
  std::string charset = charset_name(label);
  // A page that says UTF-8 and is not is damaged UTF-8: to_valid_utf8's.
  if (charset.empty() || charset == "UTF-8") return std::nullopt;
  // Browsers read a page that says Latin-1 or ASCII as Windows-1252 (the
  // HTML standard's table of encodings), and so do such pages' writers:
  // "\x93quoted\x94" is in quotes.
  if (charset == "ISO-8859-1" || charset == "US-ASCII") charset = "windows-1252";
  size_t dropped = 0;
  auto text = charset_to_utf8(html, charset, &dropped);
  if (text && dropped > 0)
    warnings->push_back(fmt::format("invalid {} (the page's charset): {} byte(s) left out of the index", label, dropped));
  return text;
}

std::optional<FileContent> read_text_briefing(const std::filesystem::path& path, uint64_t max_bytes,
                                              std::string* error) {
  auto bytes = read_file_bytes(path, max_bytes, error);
  if (!bytes) return std::nullopt;
  std::string text = from_utf16(std::move(*bytes));
  Format format = sniff_format(std::string_view(text).substr(0, 512), path);
  if (format != Format::kText) {
    *error = fmt::format("{} file, not plain text", format_name(format));
    return std::nullopt;
  }
  return check_briefing_text(std::move(text), error);
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
  content.text = to_valid_utf8(std::move(bytes), &content.warnings);
  // Old Mac line ends (CR alone): lines all the same.
  if (content.text.find('\r') != std::string::npos && content.text.find('\n') == std::string::npos)
    std::replace(content.text.begin(), content.text.end(), '\r', '\n');
  if (trim(content.text).empty()) {
    *error = "no valid UTF-8 text";
    return std::nullopt;
  }
  return content;
}

}  // namespace briefing
