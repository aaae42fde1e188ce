#pragma once
// Helpers for the end-to-end tests: a temporary folder per test, files
// written byte for byte, and the real indexer and searcher run as child
// processes with their stdout, stderr and exit status captured.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef INDEXER_BIN
#error "INDEXER_BIN must be defined (absolute path of the indexer binary)"
#endif
#ifndef SEARCHER_BIN
#error "SEARCHER_BIN must be defined (absolute path of the searcher binary)"
#endif

namespace e2e {

namespace fs = std::filesystem;

// A fresh folder under /tmp, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = "/tmp/briefing-e2e-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) FAIL("mkdtemp failed");
    path_ = fs::path(buf.data());
    fs::create_directories(path_ / "io");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

// Writes `content` as it is (no newline translation), creating folders.
inline void write_file(const fs::path& p, std::string_view content) {
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  REQUIRE(out.good());
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

inline std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

struct Run {
  std::string command;  // for messages
  int status = -1;      // exit status; 128 + signal when killed by a signal
  std::string out, err;
  std::vector<std::string> err_lines() const { return split_lines(err); }
  std::vector<std::string> out_lines() const { return split_lines(out); }
};

// Runs `program` with `args`; stdout and stderr go to files under
// `scratch/io` and are read back. The environment is cleaned of the
// variables that change the programs' behaviour.
inline Run run(const TempDir& scratch, const std::string& program, const std::vector<std::string>& args) {
  static int counter = 0;
  ++counter;
  const fs::path out_file = scratch.path() / "io" / ("out" + std::to_string(counter));
  const fs::path err_file = scratch.path() / "io" / ("err" + std::to_string(counter));
  // A home of its own: the default database never touches the user's.
  std::string cmd = "env -u BRIEFING_DATA_DIR -u BRIEFING_DB -u XDG_DATA_HOME HOME=" +
                    shell_quote((scratch.path() / "home").string()) + " NO_COLOR=1 " + shell_quote(program);
  for (const std::string& a : args) cmd += " " + shell_quote(a);
  Run r;
  r.command = cmd;
  cmd += " </dev/null >" + shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string());
  int raw = std::system(cmd.c_str());
  if (raw == -1) FAIL("could not run: " << cmd);
  if (WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
  else if (WIFSIGNALED(raw)) r.status = 128 + WTERMSIG(raw);
  r.out = read_file(out_file);
  r.err = read_file(err_file);
  return r;
}

inline Run indexer(const TempDir& scratch, const std::vector<std::string>& args) {
  return run(scratch, INDEXER_BIN, args);
}

inline Run searcher(const TempDir& scratch, const std::vector<std::string>& args) {
  return run(scratch, SEARCHER_BIN, args);
}

// The file names (no folders) of the results of a JSON search.
inline std::set<std::string> result_names(const nlohmann::json& j) {
  std::set<std::string> names;
  for (const auto& r : j.at("results")) names.insert(fs::path(r.at("path").get<std::string>()).filename().string());
  return names;
}

// Facet values and counts, in output order.
inline std::vector<std::pair<std::string, long>> facet_list(const nlohmann::json& j, const std::string& facet) {
  std::vector<std::pair<std::string, long>> list;
  for (const auto& v : j.at("facets").at(facet))
    list.emplace_back(v.at("value").get<std::string>(), v.at("count").get<long>());
  return list;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace e2e
