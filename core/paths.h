#pragma once
// Where things live when the user does not say.
#include <string>

namespace briefing {

// The database used without --db: $BRIEFING_DB, else
// $XDG_DATA_HOME/briefing-search/db, else ~/.local/share/briefing-search/db.
std::string default_db_path();

// The installed rule files next to the running program
// (PREFIX/share/briefing-search, the program in PREFIX/bin), or "" when
// there are none (a build tree: the built-in copies are used).
std::string installed_data_dir();

}  // namespace briefing
