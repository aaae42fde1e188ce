#pragma once
// The built-in rules, loaded once for all tests.
#include <memory>

#include "rules.h"

namespace briefing::test {

inline std::shared_ptr<const Rules> default_rules() {
  static std::shared_ptr<const Rules> rules = Rules::load();
  return rules;
}

}  // namespace briefing::test
