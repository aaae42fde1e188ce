#include <catch2/catch.hpp>

#include "normaliser.h"
#include "schema.h"
#include "test_rules.h"

using namespace briefing;

TEST_CASE("facets are found by name, plural and spelling", "[schema]") {
  REQUIRE(find_facet("country"));
  CHECK(find_facet("countries")->id == FacetId::kCountry);
  CHECK(find_facet("organization")->id == FacetId::kOrganisation);
  CHECK(find_facet("minister")->prefix == "XM");
  CHECK(find_facet("nonsense") == nullptr);
  CHECK(facet(FacetId::kTopic).name == "topic");
}

TEST_CASE("indexer and searcher meet in one term per value", "[schema]") {
  Normaliser n(test::default_rules());
  const Facet& country = facet(FacetId::kCountry);
  CHECK(n.term(country, "ROK") == n.term(country, "south korea"));
  CHECK(n.term(country, "Republic of Korea") == n.term(country, "South Korea"));
  CHECK(n.term(country, "U.S.") == n.term(country, "United States"));
  CHECK(n.term(country, "Japan") == "XCjapan");
  const Facet& minister = facet(FacetId::kMinister);
  CHECK(n.term(minister, "Antti Häkkänen") == n.term(minister, "antti hakkanen"));
  CHECK(n.term(minister, "hakkanen") == "XMhakkanen");
  const Facet& topic = facet(FacetId::kTopic);
  CHECK(n.term(topic, "Defence Technology") == n.term(topic, "defense technology"));
  CHECK(n.canonical(country, "DPRK") == "North Korea");
  CHECK(n.canonical(country, "Narnia").empty());
}

TEST_CASE("terms are cut on a UTF-8 boundary", "[schema]") {
  std::string long_value;
  for (int i = 0; i < 200; ++i) long_value += "ä";
  std::string term = make_term("XC", long_value);
  CHECK(term.size() <= 240);
  CHECK(term.size() % 2 == 0);  // "XC" + whole two-byte characters
}
