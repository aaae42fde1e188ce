#include "data_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "embedded_data.h"
#include "text.h"

namespace briefing {

void for_each_tsv_row(std::string_view content,
                      const std::function<void(size_t, const std::vector<std::string_view>&)>& f) {
  std::vector<std::string_view> cols;
  size_t line_no = 0;
  while (!content.empty()) {
    size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    cols.clear();
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      cols.push_back(trim(line.substr(start, tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    f(line_no, cols);
  }
}

std::vector<TsvRow> parse_tsv(std::string_view content) {
  std::vector<TsvRow> rows;
  for_each_tsv_row(content, [&](size_t line, const std::vector<std::string_view>& cols) {
    rows.push_back(TsvRow{line, std::vector<std::string>(cols.begin(), cols.end())});
  });
  return rows;
}

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t pos = s.find(sep, start);
    std::string_view piece = trim(s.substr(start, pos - start));
    if (!piece.empty()) out.emplace_back(piece);
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string_view embedded_data(std::string_view name) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.name == name) return f.content;
  throw std::runtime_error("no embedded data file named " + std::string(name));
}

std::string read_text_file(const std::string& path) {
  // A rule file: a regular file of sensible size, never a device or a pipe
  // (--ministers /dev/urandom read for ever).
  constexpr uintmax_t kMaxRuleFileBytes = 64u << 20;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw std::runtime_error(path + ": is a folder, not a file");
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
    throw std::runtime_error(path + ": not a regular file");
  if (std::filesystem::file_size(path, ec) > kMaxRuleFileBytes && !ec)
    throw std::runtime_error(path + ": larger than 64 MB; not a rule file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::runtime_error(path + ": read error");
  return ss.str();
}

std::string read_rule_file(const std::string& path) {
  std::string text = read_text_file(path);
  // (not a binary's bytes quoted as an unknown country: "--ministers /bin/ls")
  if (const size_t nul = text.find('\0'); nul != std::string::npos)
    throw std::runtime_error(path + ": binary file (NUL byte at offset " + std::to_string(nul) + "), not a rule file");
  if (!is_valid_utf8(text)) throw std::runtime_error(path + ": not UTF-8 text; rule files are UTF-8");
  return text;
}

}  // namespace briefing
