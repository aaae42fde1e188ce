#pragma once
// One normaliser per facet kind, shared by the indexer (what it writes) and
// the searcher (what users type): "ROK", "Republic of Korea" and
// "south korea" all give the term of South Korea.
#include <memory>
#include <string>
#include <string_view>

#include "rules.h"
#include "schema.h"

namespace briefing {

// Xapian terms are limited to about 245 bytes: every term is built here and
// cut on a UTF-8 boundary.
std::string make_term(std::string_view prefix, std::string_view key);

class Normaliser {
 public:
  explicit Normaliser(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

  // The folded key of a value of facet `f`.
  std::string key(const Facet& f, std::string_view value) const;

  // The term for a value of facet `f`.
  std::string term(const Facet& f, std::string_view value) const {
    return make_term(f.prefix, key(f, value));
  }

  // The display value that a typed value stands for ("ROK" -> "South
  // Korea"), or "" when the rules do not know it.
  std::string canonical(const Facet& f, std::string_view value) const;

  const Rules& rules() const { return *rules_; }

 private:
  std::shared_ptr<const Rules> rules_;
};

}  // namespace briefing
