#pragma once
// What extraction finds in one document: plain data, no Xapian.
#include <string>
#include <vector>

namespace briefing {

struct Minister {
  std::string name;     // as written in full: "Antti Häkkänen"
  std::string role;     // canonical role: "Defense Minister", or ""
  std::string country;  // canonical country, or "" when unknown
  std::string known;    // the knowledge base's name for the person ("Antony Blinken"), or ""
};

// Why a facet value was given: the rule that fired and the words it matched.
struct Evidence {
  std::string facet;    // "country", "minister", "topic", "organisation", "date", ...
  std::string value;    // the facet value it supports
  std::string rule;     // e.g. "gazetteer alias", "role + name", "front matter"
  std::string matched;  // the words in the document
};

struct Briefing {
  std::string title;
  std::string date;  // "YYYY-MM-DD" or "" when unknown
  std::vector<std::string> countries;      // canonical names, first mention first
  std::vector<std::string> parties;        // countries whose ministers took part
  std::vector<Minister> ministers;
  std::vector<std::string> topics;
  std::vector<std::string> organisations;
  std::string source;                      // front matter "source", if any
  std::vector<Evidence> evidence;
  std::vector<std::string> warnings;       // problems with the document itself
};

}  // namespace briefing
