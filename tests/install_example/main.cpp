// Extract facets from a text and search an index, in process.
#include <briefing/extractor.h>
#include <briefing/search.h>

#include <iostream>

int main(int argc, char** argv) {
  auto rules = briefing::Rules::load();
  briefing::Extractor extractor(rules);
  briefing::Briefing b = extractor.extract(
      "Japan's Defense Minister Minoru Kihara met Finland's Minister of Defence Antti Häkkänen.");
  for (const briefing::Minister& m : b.ministers) std::cout << m.name << " (" << m.country << ")\n";
  if (argc > 1) {
    Xapian::Database db(argv[1]);
    briefing::Normaliser normaliser(rules);
    briefing::SearchRequest request;
    request.query = "hybrid threats";
    briefing::SearchResult result = briefing::run_search(db, request, normaliser);
    std::cout << result.total << " briefings match 'hybrid threats'\n";
  }
}
