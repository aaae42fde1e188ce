#pragma once
// A check shared by the facet counting tests: two counts list the same
// values of every facet with the same counts, in the same order.
#include <catch2/catch.hpp>

#include <vector>

#include "facet_counts.h"
#include "schema.h"

namespace briefing::test {

inline void check_same(const FacetCounts& x, const FacetCounts& y) {
  for (const Facet& f : kFacets) {
    INFO(f.name);
    std::vector<FacetCount> a = x.values(f.id), b = y.values(f.id);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].value == b[i].value);
      CHECK(a[i].count == b[i].count);
    }
  }
}

}  // namespace briefing::test
