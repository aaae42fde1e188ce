#pragma once
// `indexer --explain FILE`: what extraction finds in one file and why.
#include <ostream>
#include <string>

#include "rules.h"

namespace briefing {

// Prints every facet value with the rule that fired and the words it
// matched. Returns the exit status (0, or 1 when the file cannot be read).
int explain(std::ostream& out, const std::string& path, const RulesOptions& rules);

}  // namespace briefing
