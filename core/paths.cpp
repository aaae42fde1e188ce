#include "paths.h"

#include <cstdlib>
#include <filesystem>

namespace briefing {

std::string default_db_path() {
  if (const char* db = std::getenv("BRIEFING_DB"); db && *db) return db;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
  else base = ".";
  return (base / "briefing-search" / "db").string();
}

}  // namespace briefing
