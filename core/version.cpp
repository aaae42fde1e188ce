#include "version.h"

namespace briefing {
const char* version() { return BRIEFING_VERSION; }
}  // namespace briefing
