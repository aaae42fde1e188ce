#include "paths.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "errors.h"

namespace briefing {

std::string default_db_path() {
  if (const char* db = std::getenv("BRIEFING_DB"); db && *db) return db;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
  else if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir && *pw->pw_dir)
    base = std::filesystem::path(pw->pw_dir) / ".local/share";  // HOME unset: the account's home, as the shell would
  else
    throw Error("no database given and no home folder to keep one in; give --db or set BRIEFING_DB");
  return (base / "briefing-search" / "db").string();
}

std::string installed_data_dir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  std::filesystem::path dir = exe.parent_path().parent_path() / BRIEFING_DATA_SUBDIR;
  return std::filesystem::exists(dir / "countries.tsv", ec) ? dir.string() : std::string();
}

}  // namespace briefing
