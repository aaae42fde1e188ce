#include "gen_lexicon.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace bench {
namespace {

const char* kFunctionWords[] = {
    "the", "the", "the", "of", "of", "and", "and", "to", "in", "a", "that", "for", "on", "with", "as",
    "by", "at", "from", "its", "their", "was", "were", "is", "be", "been", "has", "have", "had", "which",
    "this", "these", "those", "an", "also", "both", "further", "while", "would", "will", "should",
    "could", "not", "but", "or", "into", "over", "between", "among", "after", "before", "during",
    "such", "more", "most", "other", "all", "each", "new", "his", "her", "they", "it", "than", "about",
    "through", "across", "within", "including", "towards", "upon", "whose", "where", "when", "well",
    "very", "two", "three", "several", "many", "close", "continued", "further", "particular"};

// Real words of ministry readouts. Words that start a topic trigger
// ("missile", "alliance") are removed at run time, so the list can be
// written freely; the spelling-variant words give British documents their
// spelling ("organisation", "programme").
const char* kCoreWords[] = {
    "minister", "ministers", "ministry", "ministries", "delegation", "delegations", "counterpart",
    "readout", "statement", "communique", "declaration", "press", "conference", "remarks", "visit",
    "visits", "meeting", "meetings", "talks", "dialogue", "consultations", "framework", "agreement",
    "agreements", "memorandum", "understanding", "arrangement", "roadmap", "initiative", "initiatives",
    "region", "regional", "stability", "security", "peace", "prosperity", "deterrence", "posture",
    "capability", "readiness", "resilience", "sovereignty", "integrity", "commitment", "commitments",
    "ties", "relations", "relationship", "partners", "partnership", "partnerships", "officials",
    "senior", "working", "level", "mechanism", "defense", "forces", "navy", "army", "air", "force",
    "personnel", "officers", "command", "headquarters", "port", "call", "vessel", "vessels", "aircraft",
    "fighter", "frigate", "frigates", "destroyer", "submarine", "submarines", "patrol", "border",
    "airspace", "territory", "situation", "developments", "concerns", "concern", "tensions",
    "escalation", "restraint", "diplomacy", "diplomatic", "strategic", "operational", "logistics",
    "cooperation", "coordination", "consultation", "exchange", "exchanges", "views", "common",
    "shared", "values", "principles", "international", "law", "order", "rules", "status", "quo",
    "coercion", "unilateral", "attempts", "change", "force", "unacceptable", "grave", "threat",
    "threats", "challenges", "environment", "outlook", "future", "progress", "steps", "measures",
    "policy", "policies", "strategy", "budget", "spending", "investment", "investments", "funding",
    "organization", "organizations", "organizational", "program", "programs", "center", "centers",
    "honor", "honored", "favorable", "labor", "neighbor", "neighbors", "neighboring", "behavior",
    "endeavor", "endeavors", "recognize", "recognized", "emphasize", "emphasized", "prioritize",
    "prioritized", "modernize", "modernization", "stabilize", "stabilization", "mobilize",
    "standardize", "standardization", "harmonize", "analyze", "analyzed", "utilize", "minimize",
    "maximize", "finalize", "finalized", "organize", "organized", "realize", "realized",
    "characterized", "criticized", "optimize", "maneuver", "maneuvers", "armored", "harbor",
    "kilometers", "theater", "caliber", "rigor", "vigor", "welcomed", "welcomes", "reaffirmed",
    "reaffirm", "underlined", "underscored", "stressed", "noted", "agreed", "discussed", "reviewed",
    "confirmed", "expressed", "shared", "highlighted", "acknowledged", "committed", "pledged",
    "decided", "announced", "signed", "concluded", "launched", "held", "received", "hosted", "met",
    "visited", "briefed", "invited", "thanked", "congratulated", "condemned", "deplored", "urged",
    "called", "opened", "closed", "explained", "outlined", "assessed", "examined", "deepen",
    "strengthen", "enhance", "expand", "promote", "maintain", "ensure", "pursue", "advance",
    "continue", "develop", "explore", "build", "support", "respect", "uphold", "contribute",
    "important", "significant", "concrete", "practical", "substantive", "candid", "productive",
    "constructive", "frank", "cordial", "warm", "friendly", "mutual", "bilateral", "trilateral",
    "multilateral", "comprehensive", "enduring", "robust", "steadfast", "stable", "open", "free",
    "inclusive", "transparent", "peaceful", "sustainable", "early", "next", "recent", "current",
    "upcoming", "annual", "regular", "senior", "vice", "staff", "talks", "year", "years", "month",
    "months", "week", "anniversary", "occasion", "framework", "capital", "embassy", "ambassador",
    "envoy", "secretariat", "parliament", "government", "governments", "nation", "nations",
    "country", "countries", "people", "citizens", "communities", "society", "economy", "economic",
    "trade", "energy", "infrastructure", "ports", "roads", "health", "education", "youth",
    "scholarship", "students", "culture", "cultural", "tourism", "agriculture", "fisheries",
    "water", "coastal", "northern", "southern", "eastern", "western", "island", "islands",
    "waters", "routes", "corridor", "facilities", "equipment", "platforms", "systems", "assets",
    "units", "brigade", "battalion", "squadron", "fleet", "garrison", "academy", "college",
    "institute", "university", "experts", "specialists", "researchers", "engineers", "veterans",
    "families", "casualties", "victims", "condolences", "gratitude", "appreciation", "solidarity",
    "friendship", "trust", "confidence", "transparency", "accountability", "governance",
    "reform", "reforms", "implementation", "follow", "steps", "timeline", "milestones"};

// Syllables for synthetic words: onset + nucleus + coda.
const char* kOnsets[] = {"",  "",  "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p",  "r",  "s",
                         "t", "v", "w", "b", "d", "l", "m", "n", "r", "s", "t", "br", "tr", "st", "pl",
                         "gr", "ch", "sh", "th"};
const char* kNuclei[] = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "ai", "ea", "ou", "io"};
const char* kCodas[] = {"", "", "", "", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "nt"};
const char* kEndings[] = {"", "", "", "s", "s", "ed", "ing", "ation", "al", "ly", "ment", "ity", "er", "ism"};

std::string syllable(Rng& rng) {
  return std::string(rng.pick(kOnsets)) + rng.pick(kNuclei) + rng.pick(kCodas);
}

// Removes from `vocab` every word that lets filler text form a phrase of
// `rules`: one-word triggers outright; for longer phrases whose words could
// all occur in filler, one word of it (preferring a word that is not a
// function word).
void remove_phrase_words(const Rules& rules, std::set<std::string>& vocab,
                         const std::unordered_set<std::string>& function_words) {
  auto present = [&](std::string_view key, bool prefix) {
    if (key == ",") return true;
    auto it = vocab.lower_bound(std::string(key));
    return it != vocab.end() && (prefix ? starts_with(*it, key) : *it == key);
  };
  auto erase = [&](std::string_view key, bool prefix) {
    auto it = vocab.lower_bound(std::string(key));
    while (it != vocab.end() && (prefix ? starts_with(*it, key) : *it == key)) it = vocab.erase(it);
  };
  for (size_t t = 0; t < rules.trigger_keys.size(); ++t) {
    const std::vector<std::string>& keys = rules.trigger_keys[t];
    bool prefix = rules.trigger_is_prefix[t];
    size_t last = keys.size() - 1;
    bool all = true;
    for (size_t i = 0; i < keys.size() && all; ++i) all = present(keys[i], prefix && i == last);
    if (!all) continue;
    size_t victim = last;
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] != "," && !function_words.count(keys[i])) {
        victim = i;
        break;
      }
    erase(keys[victim], prefix && victim == last);
  }
}

}  // namespace

Lexicon::Lexicon(const Rules& rules, uint64_t seed, size_t synthetic_words) {
  Rng rng(seed ^ 0x1e71c0ULL);
  std::unordered_set<std::string> function_words(std::begin(kFunctionWords), std::end(kFunctionWords));
  std::set<std::string> vocab(std::begin(kFunctionWords), std::end(kFunctionWords));
  vocab.insert(std::begin(kCoreWords), std::end(kCoreWords));
  std::vector<std::string> synthetic;  // in rank order
  std::unordered_set<std::string> made;
  size_t attempts = 0;
  while (synthetic.size() < synthetic_words && attempts++ < synthetic_words * 20) {
    std::string stem = syllable(rng) + syllable(rng);
    if (rng.chance(0.3)) stem += syllable(rng);
    if (stem.size() < 4) continue;
    int forms = rng.between(1, 4);
    for (int f = 0; f < forms; ++f) {
      std::string w = stem + rng.pick(kEndings);
      if (!vocab.count(w) && made.insert(w).second) synthetic.push_back(w);
    }
  }
  for (const std::string& w : synthetic) vocab.insert(w);
  size_t before = vocab.size();
  remove_phrase_words(rules, vocab, function_words);
  removed_ = before - vocab.size();

  auto make = [&](const std::string& us) {
    auto it = rules.to_british.find(us);
    return Word{us, it == rules.to_british.end() ? us : it->second, !rules.no_capital.count(us)};
  };
  std::unordered_set<std::string> once;
  for (const char* w : kFunctionWords)
    if (vocab.count(w)) function_.push_back(make(w));  // repeats weight the common ones
  for (const char* w : kCoreWords)
    if (vocab.count(w) && once.insert(w).second) core_.push_back(make(w));
  for (const std::string& w : synthetic)
    if (vocab.count(w)) synthetic_.push_back(make(w));
  zipf_log_span_ = std::log((static_cast<double>(synthetic_.size()) + kZipfShift) / kZipfShift);
  for (const Word& w : synthetic_) {
    if (places_.size() >= 2000) break;
    if (w.can_start && w.us.size() >= 6 && w.us.find_first_of("aeiou") != std::string::npos) {
      std::string p = w.us;
      p[0] = static_cast<char>(p[0] - 'a' + 'A');
      places_.push_back(p);
    }
  }
}

// Rank r has weight 1 / (r + shift): the inverse of the continuous
// cumulative distribution, in constant time.
const Word& Lexicon::synthetic_word(Rng& rng) const {
  double rank = kZipfShift * std::exp(rng.real() * zipf_log_span_) - kZipfShift;
  return synthetic_[std::min(static_cast<size_t>(rank), synthetic_.size() - 1)];
}

}  // namespace bench
