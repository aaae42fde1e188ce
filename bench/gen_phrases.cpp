// The sentences and mentions the composer writes: filler, country names,
// ministers' titles and first and later mentions, dates, the labelled
// sentence templates, and British spelling.
#include <fmt/format.h>

#include <algorithm>

#include "gen_document.h"
#include "gen_text.h"

namespace bench {
namespace {

// Plural names take "the" and a bare apostrophe ("the Philippines'");
// "Cyprus" and "Laos" take neither ("Cyprus's").
bool plural_name(const std::string& name) {
  static const char* kPlural[] = {"Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles"};
  return name.rfind("United ", 0) == 0 || (name.size() > 8 && name.compare(name.size() - 8, 8, " Islands") == 0) ||
         std::find(std::begin(kPlural), std::end(kPlural), name) != std::end(kPlural);
}

bool needs_article(const std::string& name) {
  return plural_name(name) || name.find("Republic") != std::string::npos || name.find(" of ") != std::string::npos ||
         name == "Holy See";
}

bool ends_with_preposition(const std::string& t) {
  for (const char* p : {" of", " to", " from", " by", " for", " with", " in"}) {
    size_t n = std::char_traits<char>::length(p);
    if (t.size() > n && t.compare(t.size() - n, n, p) == 0) return true;
  }
  return false;
}

}  // namespace

void Composer::filler_words(int n, std::string& out) {
  for (int i = 0; i < n; ++i) {
    double r = rng_.real();
    const Word& w = r < 0.40 ? lex_.function_word(rng_) : r < 0.66 ? lex_.core_word(rng_) : lex_.synthetic_word(rng_);
    if (i) out += (n > 10 && i > 3 && i < n - 2 && rng_.chance(0.06)) ? ", " : " ";
    out += british_ ? w.uk : w.us;
  }
}

size_t Composer::filler_sentence(std::string& out) {
  const Word* first;
  do {
    double r = rng_.real();
    first = r < 0.5 ? &lex_.function_word(rng_) : r < 0.8 ? &lex_.core_word(rng_) : &lex_.synthetic_word(rng_);
  } while (!first->can_start);
  size_t at = out.size();
  out += british_ ? first->uk : first->us;
  capitalise(out, at);
  out += ' ';
  int n = rng_.between(6, 24);
  filler_words(n, out);
  out += '.';
  return static_cast<size_t>(n) + 1;
}

std::string Composer::country(int c, bool possessive) {
  const Country& k = rules_.countries[c];
  std::string name = (!possessive && !k.aliases.empty() && rng_.chance(0.12)) ? rng_.pick(k.aliases) : k.name;
  bool plural = plural_name(name);
  if (needs_article(name)) name = "the " + name;
  if (possessive) name += plural ? (curly_ ? "’" : "'") : (curly_ ? "’s" : "'s");
  return name;
}

std::string Composer::title_of(const Minister& m) {
  const std::string& c = rules_.countries[m.country].name;
  if (m.role == "Defense Minister") {
    if (c == "United States") return rng_.chance(0.5) ? "Secretary of Defense" : "Defense Secretary";
    if (c == "United Kingdom") return rng_.chance(0.6) ? "Defense Secretary" : "Secretary of State for Defense";
    static const char* kTitles[] = {"Defense Minister", "Defense Minister", "Minister of Defense",
                                    "Minister for Defense", "Minister of National Defense"};
    return rng_.pick(kTitles);
  }
  if (m.role == "Foreign Minister") {
    if (c == "United States") return "Secretary of State";
    if (c == "United Kingdom") return "Foreign Secretary";
    if (c == "India") return "External Affairs Minister";
    static const char* kTitles[] = {"Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs"};
    return rng_.pick(kTitles);
  }
  if (m.role == "Prime Minister") return (c == "Germany" || c == "Austria") ? "Chancellor" : "Prime Minister";
  return m.role;
}

// "Japan's Defense Minister Minoru Kihara", "Minister of Defence, Finland
// Antti Häkkänen", "Antti Häkkänen, Finland's Minister of Defence," ... The
// last form ends in a comma: every use continues the sentence.
std::string Composer::first_mention(const Minister& m) {
  std::string title = title_of(m);
  const std::string& adjective = rules_.countries[m.country].adjective;
  switch (rng_.below(5)) {
    case 1:
      if (title.rfind("Minister ", 0) == 0) return title + ", " + country(m.country, false) + " " + m.name;
      break;
    case 2:
      return m.name + ", " + country(m.country, true) + " " + title + ",";
    case 3:
      if (!adjective.empty()) return adjective + " " + title + " " + m.name;
      break;
    case 4:
      return title + " " + m.name + " of " + country(m.country, false);
  }
  return country(m.country, true) + " " + title + " " + m.name;
}

std::string Composer::later_mention(const Person& p) {
  if (p.later.empty()) return p.m->name;
  return rng_.chance(0.5) ? p.later + " " + p.m->surname : p.m->surname;
}

std::string Composer::date_text(int y, int m, int d) {
  switch (rng_.below(4)) {
    case 0: return fmt::format("{} {} {}", d, kMonths[m - 1], y);
    case 1: return fmt::format("{} {}, {}", kMonths[m - 1], d, y);
    case 2: return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    default: return fmt::format("{} {}, {}", kMonthAbbrev[m - 1], d, y);
  }
}

std::string Composer::trigger_sentence(const std::string& trigger) {
  std::string t = trigger;
  if (ends_with_preposition(t)) t += " materiel";
  std::string f;
  filler_words(rng_.between(3, 8), f);
  switch (rng_.below(6)) {
    case 0: return "The ministers discussed " + t + " and " + f + ".";
    case 1: return "Both sides agreed to deepen cooperation on " + t + ".";
    case 2: return "Discussions also covered " + t + ", " + f + ".";
    case 3: return "They reviewed progress on " + t + " and agreed to " + f + ".";
    case 4: return "Officials were instructed to prepare proposals on " + t + ".";
    default: return later_mention(rng_.pick(people_)) + " underlined the importance of " + t + ".";
  }
}

std::string Composer::country_sentence(int c) {
  const std::string& adjective = rules_.countries[c].adjective;
  switch (rng_.below(6)) {
    case 0: return "The ministers also exchanged views on developments involving " + country(c, false) + ".";
    case 1: return country(c, true) + " recent statements were also discussed.";
    case 2: return "Officials noted the position of " + country(c, false) + ".";
    case 3:
      if (!adjective.empty()) return "The " + adjective + " delegation was briefed on the outcome.";
      [[fallthrough]];
    case 4: return "They agreed to stay in close contact with " + country(c, false) + ".";
    default: return "The situation concerning " + country(c, false) + " was also raised.";
  }
}

std::string Composer::organisation_sentence(const Organisation& o) {
  const std::string& name = rng_.chance(0.6) ? o.aliases[0] : rng_.pick(o.aliases);
  switch (rng_.below(3)) {
    case 0: return "The talks took place on the margins of the " + name + " meeting.";
    case 1: return "Both ministers welcomed closer engagement with " + name + " partners.";
    default: return "They reaffirmed their support for " + name + " initiatives in the region.";
  }
}

std::string Composer::person_sentence(const Person& p) {
  std::string f;
  filler_words(rng_.between(4, 12), f);
  std::string who = later_mention(p);
  switch (rng_.below(5)) {
    case 0: return who + " said the talks had been " + f + ".";
    case 1: return who + " noted that " + f + ".";
    case 2:
      capitalise(f);
      return (curly_ ? "“" : "\"") + f + (curly_ ? ",” " : ",\" ") + who + " told reporters.";
    case 3: return "According to " + who + ", " + f + ".";
    default: return who + " thanked the hosts for " + f + ".";
  }
}

void Composer::to_british(std::string& text) {
  std::string out, word;
  out.reserve(text.size() + 64);
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z'))) ++j;
    if (j == i) {
      out += text[i++];
      continue;
    }
    word.assign(text, i, j - i);
    bool capital = word[0] >= 'A' && word[0] <= 'Z';
    if (capital) word[0] = static_cast<char>(word[0] - 'A' + 'a');
    auto it = word.size() >= 5 ? rules_.to_british.find(word) : rules_.to_british.end();
    if (it != rules_.to_british.end()) {
      size_t at = out.size();
      out += it->second;
      if (capital) capitalise(out, at);
    } else {
      out.append(text, i, j - i);
    }
    i = j;
  }
  text.swap(out);
}

}  // namespace bench
