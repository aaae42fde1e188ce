#pragma once
// What the corpus generator takes from the project's rule files (read at run
// time from --data DIR): countries, ministers, topic triggers, organisations
// and spelling variants, kept only where they can be inserted without
// side effects (a trigger that names a country, a minister whose name
// contains a topic phrase, ...).
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gen_match.h"

namespace bench {

struct Country {
  std::string name;                  // canonical, as in gold.tsv
  std::string adjective;             // "Finnish", "U.S."; empty if none found
  std::vector<std::string> aliases;  // insertable other names ("Republic of Finland")
  std::vector<int> ministers;        // indexes into Rules::ministers
};

struct Minister {
  std::string name;     // as in ministers.tsv column 1 (and gold.tsv)
  int country;          // index into Rules::countries
  std::string role;     // Defense Minister, Foreign Minister, Prime Minister, ...
  std::string surname;  // for later mentions; empty when unsafe
};

struct Organisation {
  std::string name;                  // canonical
  std::vector<std::string> aliases;  // insertable forms, the canonical name first
};

struct Rules {
  std::vector<Country> countries;
  std::vector<int> party_countries;  // countries with at least one usable minister
  std::vector<Minister> ministers;
  std::vector<std::string> topics;
  // Per topic, the insertable triggers, each as its written forms
  // ("missile*": "missile", "missiles").
  std::vector<std::vector<std::vector<std::string>>> triggers;
  std::vector<Organisation> organisations;
  std::unordered_map<std::string, std::string> to_british;  // american -> british

  PhraseTrie topic_trie;   // target: topic index; labels documents
  PhraseTrie country_trie;       // country aliases and ambiguous names ("Korea")
  PhraseTrie organisation_trie;  // organisation aliases
  PhraseTrie place_trie;   // not-countries.txt: names that hide a country name
  // Trigger phrases as token keys, for keeping filler words inert.
  std::vector<std::vector<std::string>> trigger_keys;
  std::vector<bool> trigger_is_prefix;
  // Lowercase words that must not be capitalised at the start of a sentence
  // (first words of names, titles, honorifics, organisations).
  std::unordered_set<std::string> no_capital;

  // Whether `text` names a country or organisation outside a place name.
  bool names_something(std::string_view text) const;
  // Whether a phrase of `trie` occurs in `text` outside a place name.
  bool hits(const PhraseTrie& trie, std::string_view text) const;
};

// The words a trigger stands for: itself, or for a prefix trigger its usual
// completions ("missile*": "missile", "missiles"; "cyber*": "cyberattacks" ...).
std::vector<std::string> trigger_forms(const std::string& trigger);

// Reads DIR/{countries,ministers,topics,organisations}.tsv and the others;
// throws std::runtime_error with the file name on failure.
Rules load_rules(const std::string& dir);

}  // namespace bench
