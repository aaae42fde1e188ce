#pragma once
// Where things live when the user does not say.
#include <string>

namespace briefing {

// The database used without --db: $BRIEFING_DB, else
// $XDG_DATA_HOME/briefing-search/db, else ~/.local/share/briefing-search/db.
std::string default_db_path();

}  // namespace briefing
