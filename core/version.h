#pragma once
// The project's version, for --version and the man pages.
namespace briefing {
const char* version();
}  // namespace briefing
