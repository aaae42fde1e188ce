#include "gen_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace bench {
namespace {

using Row = std::vector<std::string>;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// Rows of a TSV rule file: comments and blank lines left out.
std::vector<Row> read_rows(const std::string& dir, const std::string& name) {
  std::string path = dir + "/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(split(line, '\t'));
  }
  return rows;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string first_word(const std::string& phrase) {
  std::string p = phrase[0] == '=' ? phrase.substr(1) : phrase;
  return lower(p.substr(0, p.find_first_of(" -'.")));
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "Finnish", "Japanese", "Dutch": a one-word alias that reads as an adjective.
std::string adjective_of(const std::string& name, const std::vector<std::string>& aliases) {
  if (name == "United States") return "U.S.";
  for (const std::string& a : aliases) {
    if (a == name || a.find(' ') != std::string::npos || a[0] == '=' || ends_with(a, "s")) continue;
    for (const char* suffix : {"ish", "ese", "ian", "ean", "an", "ch", "i", "ic"})
      if (ends_with(a, suffix)) return a;
  }
  return {};
}

// Family name first in English-language press: a later "Minister X" would not
// be the surname the indexer derives, so such ministers get no short form.
bool family_name_first(const std::string& country) {
  static const char* kCountries[] = {"China",    "North Korea", "South Korea", "Taiwan",   "Vietnam",
                                     "Cambodia", "Laos",        "Myanmar",     "Mongolia", "Singapore",
                                     "Malaysia", "Indonesia",   "Brunei",      "Thailand"};
  return std::find(std::begin(kCountries), std::end(kCountries), country) != std::end(kCountries);
}

std::string surname_of(const std::string& name, const std::string& country) {
  if (family_name_first(country)) return {};
  std::vector<std::string> words = split(name, ' ');
  while (!words.empty() && (words.back() == "II" || words.back() == "III" || words.back() == "IV" ||
                            words.back() == "Jr." || words.back() == "Jr" || words.back() == "Sr."))
    words.pop_back();
  if (words.size() < 2) return {};
  const std::string& s = words.back();
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
  if (s.size() < 3 || s.find_first_of("-.'") != std::string::npos || (s[0] >= 'a' && s[0] <= 'z') ||
      std::find(std::begin(kMonths), std::end(kMonths), s) != std::end(kMonths))
    return {};
  return s;
}

}  // namespace

bool Rules::names_something(std::string_view text) const {
  return hits(country_trie, text) || hits(organisation_trie, text);
}

bool Rules::hits(const PhraseTrie& trie, std::string_view text) const {
  std::string buffer;
  std::vector<std::string_view> keys;
  std::vector<PhraseHit> names, places;
  tokenize(text, buffer, keys);
  trie.find_every(keys, names);
  place_trie.find_every(keys, places);
  for (const PhraseHit& n : names) {
    bool hidden = std::any_of(places.begin(), places.end(),
                              [&](const PhraseHit& p) { return p.begin <= n.begin && n.end <= p.end; });
    if (!hidden) return true;
  }
  return false;
}

namespace {

void add_trigger_keys(Rules& r, const std::string& phrase) {
  std::string buffer;
  std::vector<std::string_view> keys;
  bool prefix = !phrase.empty() && phrase.back() == '*';
  tokenize(prefix ? phrase.substr(0, phrase.size() - 1) : phrase, buffer, keys);
  if (keys.empty()) return;
  r.trigger_keys.emplace_back(keys.begin(), keys.end());
  r.trigger_is_prefix.push_back(prefix);
}

void load_countries(Rules& r, const std::string& dir) {
  for (const Row& row : read_rows(dir, "not-countries.txt")) r.place_trie.add(row[0], 0);
  for (const Row& row : read_rows(dir, "ambiguous-names.tsv")) {
    r.country_trie.add(row[0], 0);
    r.no_capital.insert(first_word(row[0]));
  }
  for (const Row& row : read_rows(dir, "countries.tsv")) {
    if (row.size() < 3) throw std::runtime_error("countries.tsv: short row");
    Country c;
    c.name = row[0];
    std::vector<std::string> aliases = split(row[2], '|');
    for (const std::string& a : aliases) {
      r.country_trie.add(a, 0);
      r.no_capital.insert(first_word(a));
      if (a[0] != '=' && a != c.name && a.size() > c.name.size() && a.find(' ') != std::string::npos)
        c.aliases.push_back(a);
    }
    c.adjective = adjective_of(c.name, aliases);
    r.countries.push_back(std::move(c));
  }
}

// Organisations are known first (so that triggers naming one are left
// out), then kept by the names that name no country ("Organization of
// American States" would add the United States), canonical name first.
void load_organisations(Rules& r, const std::string& dir) {
  std::vector<Row> rows = read_rows(dir, "organisations.tsv");
  for (const Row& row : rows) {
    if (row.size() < 2) throw std::runtime_error("organisations.tsv: short row");
    for (const std::string& a : split(row[1], '|')) {
      r.organisation_trie.add(a, 0);
      r.no_capital.insert(first_word(a));
      add_trigger_keys(r, a[0] == '=' ? a.substr(1) : a);  // keeps filler from forming it
    }
  }
  for (const Row& row : rows) {
    Organisation o;
    o.name = row[0];
    for (const std::string& a : split(row[1], '|')) {
      std::string text = a[0] == '=' ? a.substr(1) : a;
      if ((a[0] == '=' && text != o.name) || r.hits(r.country_trie, text)) continue;
      if (text == o.name) o.aliases.insert(o.aliases.begin(), text);
      else o.aliases.push_back(text);
    }
    if (!o.aliases.empty() && o.aliases[0] == o.name) r.organisations.push_back(std::move(o));
  }
}

// Every trigger labels; only those naming no country or organisation are
// inserted.
void load_topics(Rules& r, const std::string& dir) {
  for (const Row& row : read_rows(dir, "topics.tsv")) {
    if (row.size() < 2) throw std::runtime_error("topics.tsv: short row");
    int topic = static_cast<int>(r.topics.size());
    r.topics.push_back(row[0]);
    r.triggers.emplace_back();
    for (const std::string& t : split(row[1], '|')) {
      r.topic_trie.add(t, topic);
      add_trigger_keys(r, t);
      std::vector<std::string> forms = trigger_forms(t[0] == '=' ? t.substr(1) : t);
      if (std::none_of(forms.begin(), forms.end(), [&](const std::string& f) { return r.names_something(f); }))
        r.triggers.back().push_back(std::move(forms));
    }
  }
}

// Ministers of the four main roles, one row per person, whose names add no
// country, organisation or topic of their own.
void load_ministers(Rules& r, const std::string& dir) {
  static const char* kRoles[] = {"Defense Minister", "Foreign Minister", "Prime Minister",
                                 "Deputy Prime Minister"};
  std::unordered_map<std::string, int> country_index;
  for (size_t i = 0; i < r.countries.size(); ++i) country_index[r.countries[i].name] = static_cast<int>(i);
  std::unordered_set<std::string> seen;
  for (const Row& row : read_rows(dir, "ministers.tsv")) {
    if (row.size() < 3) throw std::runtime_error("ministers.tsv: short row");
    for (const std::string& name : split(row[0] + (row.size() > 3 ? "|" + row[3] : ""), '|'))
      for (const std::string& word : split(name, ' '))
        if (!word.empty()) r.no_capital.insert(first_word(word));
    auto c = country_index.find(row[1]);
    if (c == country_index.end() || std::find(std::begin(kRoles), std::end(kRoles), row[2]) == std::end(kRoles))
      continue;
    if (!seen.insert(row[0]).second) continue;
    if (r.names_something(row[0]) || r.topic_trie.occurs_in(row[0])) continue;
    r.countries[c->second].ministers.push_back(static_cast<int>(r.ministers.size()));
    r.ministers.push_back(Minister{row[0], c->second, row[2], surname_of(row[0], row[1])});
  }
  for (size_t i = 0; i < r.countries.size(); ++i)
    if (!r.countries[i].ministers.empty()) r.party_countries.push_back(static_cast<int>(i));
}

}  // namespace

Rules load_rules(const std::string& dir) {
  Rules r;
  load_countries(r, dir);
  load_organisations(r, dir);
  load_topics(r, dir);
  for (const Row& row : read_rows(dir, "roles.tsv"))
    if (row.size() >= 2)
      for (const std::string& t : split(row[1], '|')) r.no_capital.insert(first_word(t));
  for (const Row& row : read_rows(dir, "name-words.tsv")) r.no_capital.insert(lower(row[0]));
  for (const Row& row : read_rows(dir, "meeting-words.txt")) r.no_capital.insert(lower(row[0]));
  load_ministers(r, dir);
  for (const Row& row : read_rows(dir, "spelling-variants.tsv"))
    if (row.size() >= 2) r.to_british.emplace(lower(row[1]), lower(row[0]));
  if (r.party_countries.size() < 3 || r.topics.empty())
    throw std::runtime_error(fmt::format("{}: too few ministers or topics to generate from", dir));
  return r;
}

std::vector<std::string> trigger_forms(const std::string& trigger) {
  if (trigger.empty() || trigger.back() != '*') return {trigger};
  std::string t = trigger.substr(0, trigger.size() - 1);
  // Stems that are not words, and stems with their usual completions.
  static const std::pair<const char*, std::vector<const char*>> kEndings[] = {
      {"capabilit", {"y", "ies"}}, {"activit", {"y", "ies"}},   {"technolog", {"y", "ies"}},
      {"industr", {"y", "ies"}},   {"compan", {"y", "ies"}},    {"agenc", {"y", "ies"}},
      {"capacit", {"y", "ies"}},   {"extremis", {"m", "t"}},    {"wargam", {"es", "ing"}},
      {"deliver", {"y", "ies"}},   {"terror", {"ism", "ist"}},  {"cyber", {"", "attacks", "security", "space"}},
      {"Ukrain", {"e", "ian"}},    {"launch", {"", "es"}}};
  std::vector<std::string> forms;
  for (const auto& [stem, endings] : kEndings)
    if (ends_with(t, stem)) {
      for (const char* e : endings) forms.push_back(t + e);
      return forms;
    }
  return {t, t + "s"};
}

}  // namespace bench
