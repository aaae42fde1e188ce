#include <catch2/catch.hpp>

#include "evaluation.h"

using namespace briefing::eval;

namespace {

void require_floor(Report& r, const char* facet, double floor) {
  INFO(facet);
  REQUIRE(r.facets.count(facet));
  CHECK(r.facets[facet].precision() >= floor);
  CHECK(r.facets[facet].recall() >= floor);
}

}  // namespace

// Extraction on the bundled corpus must keep precision and recall of at
// least 0.95 for each facet. `evaluate --errors corpus` lists what is wrong.
TEST_CASE("extraction accuracy on corpus/ against gold labels", "[accuracy]") {
  Report r = evaluate(CORPUS_DIR);
  INFO(format_report(r));
  REQUIRE(r.documents >= 40);
  for (const char* facet : {"countries", "ministers", "topics", "date", "organisations"}) require_floor(r, facet, 0.95);
  // Who took part is harder (delegations named without their ministers).
  require_floor(r, "parties", 0.9);
}

// The development set imitates real publishers' house styles and was
// labelled apart from the rules; it measures, it is not tuned to.
TEST_CASE("extraction accuracy on the development set", "[accuracy]") {
  Report r = evaluate(DEVSET_DIR);
  INFO(format_report(r));
  REQUIRE(r.documents >= 60);
  for (const char* facet : {"countries", "ministers", "topics", "date", "organisations"}) require_floor(r, facet, 0.9);
  require_floor(r, "parties", 0.8);
}

// Briefings in house styles the rules had not seen, which then led to rule
// changes (tests/probes/README.md): held to the level reached, titles
// included.
TEST_CASE("extraction accuracy on the probes", "[accuracy]") {
  Report r = evaluate(PROBES_DIR);
  INFO(format_report(r));
  REQUIRE(r.documents >= 30);
  for (const char* facet : {"countries", "ministers", "topics", "date", "organisations", "parties"})
    require_floor(r, facet, 0.9);
  require_floor(r, "title", 0.95);
}
