#include "ministers.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <optional>
#include <unordered_set>

#include <unicode/unistr.h>

#include "dates.h"
#include "text.h"

namespace briefing {
namespace {

constexpr size_t kMaxNameWords = 5;

// How much a canonical role says: a portfolio beats a head-of-government
// title, which beats a bare "Minister".
int role_rank(const std::string& role) {
  if (role.empty()) return -1;
  if (role == "Minister" || role == "Secretary") return 0;
  if (role == "Prime Minister" || role == "Deputy Prime Minister" || role == "Minister of State")
    return 1;
  return 2;
}

// The rules of sightings that give no minister's title: a known name
// alone, an honorific and a name ("Mr Healey").
constexpr const char* kKnownNameRule = "known minister";
constexpr const char* kHonorificRule = "honorific + surname";
constexpr const char* kListRule = "name (country) among ministers";

// One place in the text that names a minister.
struct Sighting {
  size_t first_token = 0;
  size_t end_token = 0;  // one past the name
  size_t name_end = 0;   // the same, for a name after an honorific (which leaves end_token 0)
  size_t name_stop() const { return std::max(end_token, name_end); }
  std::string name;     // as written
  size_t units = 0;     // name units (1 = surname only)
  std::string role;
  std::string country;
  bool weak = false;    // may only link to a name found elsewhere ("Mr Healey")
  int known = -1;       // index in Rules::known_ministers, when recognised
  bool shared_country = false;  // the country said for the one before ("X's A and B")
  std::string text_country, text_role;  // as the text gave them, before the knowledge base
  std::string title;  // the one title given, as keys ("foreign secretary"), for Rules::title_countries
  std::string rule;
  std::string matched;
  bool headline = false;  // on a line in title case, no sentence's
};

struct NameUnit {
  std::string key;
  bool lower_tail = false;  // hyphenated with a lowercase part ("Won-sik")
  bool fathers = false;     // after "bin", "ibn": the father's name begins here
};

// A nickname in quotes inside a name (Gilberto "Gibo" Teodoro Jr.): from
// token i, an opening quote after a space, one word and the closing quote.
// The token after it, or 0 when there is none.
size_t nickname_end(const std::vector<Token>& tokens, size_t i) {
  auto quote = [&](size_t k) {
    const std::string& q = tokens[k].key;
    return q == "\"" || q == "'" || q == "\xE2\x80\x9C" || q == "\xE2\x80\x9D";  // (’ is keyed "'")
  };
  // One word: "Deeply Concerned" in quotes after a name is a quotation.
  if (i + 2 >= tokens.size() || !quote(i) || !tokens[i].space_before || tokens[i + 1].space_before) return 0;
  const Token& word = tokens[i + 1];
  if (!word.is_word() || !(word.capitalised || word.all_caps) || word.break_before) return 0;
  return quote(i + 2) && !tokens[i + 2].space_before && !tokens[i + 2].break_before ? i + 3 : 0;
}

// A name without its nickname in quotes: "Gilberto Teodoro Jr.".
std::string without_nickname(const std::string& name) {
  static const SpellingVariants kNone;
  if (name.find_first_of("\"'\xE2") == std::string::npos) return name;
  const std::vector<Token> tokens = tokenize(name, kNone);
  for (size_t i = 1; i < tokens.size(); ++i)
    if (size_t past = nickname_end(tokens, i)) {
      std::string without = name.substr(0, tokens[i].begin);
      while (!without.empty() && without.back() == ' ') without.pop_back();
      without += ' ';
      without += name.substr(past < tokens.size() ? tokens[past].begin : name.size());
      return without;
    }
  return name;
}

// "bin", "ibn" in a name (data/context-words.tsv's "patronymic"): the
// father's name follows.
bool patronymic(const Token& t, const Rules& rules) {
  return !t.capitalised && rules.context_word(t.key, ContextList::kPatronymic);
}

// The parts of a name that identify a person: words joined by hyphens or
// apostrophes, without initials, honorifics, particles, suffixes and
// nicknames.
std::vector<NameUnit> name_units(std::string_view name, const Rules& rules) {
  std::vector<Token> tokens = tokenize(name, rules.variants);
  std::vector<NameUnit> units;
  bool father_next = false;
  size_t last_in_unit = tokens.size();  // the last token a unit holds
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (size_t past = units.empty() ? 0 : nickname_end(tokens, i)) {
      i = past - 1;
      continue;
    }
    const Token& t = tokens[i];
    if (!t.is_word()) continue;
    const NameWordKind* kind = rules.name_word(t.key);
    // "Kosiniak-Kamysz", "Won-sik": one unit; "al-Sudani" is "sudani"
    // (the particle is left out, as typed in a search).
    bool joined = i >= 2 && !t.space_before && (tokens[i - 1].key == "-" || tokens[i - 1].key == "'") &&
                  !units.empty() && last_in_unit == i - 2;
    if (joined) {
      units.back().key += tokens[i - 1].key + t.key;
      if (!t.capitalised) units.back().lower_tail = true;
      last_in_unit = i;
      continue;
    }
    if (kind && *kind != NameWordKind::kStop) {
      if (!units.empty() && patronymic(t, rules)) father_next = true;
      continue;
    }
    // No name starts with a title's words: "Minister Kihara", "Foreign
    // Secretary Lammy" (typed as a filter) are Kihara and Lammy.
    if (kind && units.empty()) continue;
    // An initial: one letter, usually with a dot.
    if (t.key.size() == 1 && (i + 1 < tokens.size() && tokens[i + 1].key == ".")) continue;
    if (t.key.size() == 1 && tokens.size() > 1) continue;
    units.push_back({t.key, false, father_next});
    father_next = false;
    last_in_unit = i;
  }
  return units;
}

// A generational suffix ("Jr", "III"), capitalised as after a name.
bool is_suffix(const Token& w, const Rules& rules) {
  const NameWordKind* k = w.is_word() ? rules.name_word(w.key) : nullptr;
  return k && *k == NameWordKind::kSuffix && (w.capitalised || w.all_caps);
}

// A suffix written short, whose dot is its own ("Jr.", "Sr."), rather than a
// word ("Neto", "Filho") or a numeral ("III"), after which a dot ends the
// sentence: no vowel, and not only the letters of a numeral.
bool suffix_takes_dot(const Token& w) {
  const std::string_view k = w.key;
  return k.find_first_of("aeiouy") == std::string_view::npos && k.find_first_not_of("ivxl") != std::string_view::npos;
}

// A suffix that is a word ("Neto", "Filho"): it counts as one of the name's
// words ("Agostinho Neto" has two).
bool suffix_is_word(const Token& w) {
  const std::string_view k = w.key;
  return k.find_first_of("aeiouy") != std::string_view::npos && k.find_first_not_of("ivxl") != std::string_view::npos;
}

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& tokens,
         const std::vector<Mention>& countries, const Rules& rules, std::string_view date = {})
      : text_(text), tokens_(tokens), countries_(countries), rules_(rules), date_(date),
        country_begin_(tokens.size() + 1, -1), country_end_(tokens.size() + 1, -1),
        role_begin_(tokens.size() + 1, -1), role_end_(tokens.size() + 1, -1) {
    for (size_t k = 0; k < countries.size(); ++k) {
      country_begin_[countries[k].begin] = static_cast<int>(k);
      country_end_[countries[k].end] = static_cast<int>(k);
    }
    roles_ = rules.roles.find(text, tokens);
    add_lowercase_ministers();
    for (size_t k = 0; k < roles_.size(); ++k) {
      role_begin_[roles_[k].begin] = static_cast<int>(k);
      if (role_end_[roles_[k].end] < 0) role_end_[roles_[k].end] = static_cast<int>(k);
    }
  }

  std::vector<Sighting> run() {
    std::vector<Sighting> out;
    for (size_t r = 0; r < roles_.size(); ++r) r = from_role(r, out);
    from_honorifics(out);
    from_knowledge_base(out);
    from_country_and_surname(out);
    from_bracketed_countries(out);
    from_plural_title(out);
    for (Sighting& s : out) recognise(s);
    // India's Foreign Secretary is an official (data/title-countries.tsv).
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Sighting& s) {
                               auto it = s.title.empty() ? rules_.title_countries.end()
                                                         : rules_.title_countries.find(s.title);
                               return s.known < 0 && it != rules_.title_countries.end() &&
                                      std::find(it->second.begin(), it->second.end(), s.country) == it->second.end();
                             }),
              out.end());
    // A country's name or its people's is no one's name ("the Foreign
    // Minister and the South Korean minister"): a mention that begins at
    // or before the name's first token and ends at or after its end (the
    // furthest end of those that begin by each place, found by bisection:
    // a text may have thousands of both).
    std::vector<std::pair<size_t, size_t>> reach;  // (begin, furthest end of mentions begun by then)
    for (const Mention& m : countries_) reach.emplace_back(m.begin, m.end);
    std::sort(reach.begin(), reach.end());
    for (size_t i = 1; i < reach.size(); ++i) reach[i].second = std::max(reach[i].second, reach[i - 1].second);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Sighting& s) {
                               auto it = std::upper_bound(reach.begin(), reach.end(),
                                                          std::make_pair(s.first_token, SIZE_MAX));
                               return s.known < 0 && it != reach.begin() && s.name_stop() <= std::prev(it)->second;
                             }),
              out.end());
    // A headline in capitals cannot say where a name ends ("BURKINABE
    // FOREIGN MINISTER DELIVERS SPECIAL MESSAGE"): there only a known name
    // is one.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Sighting& s) {
                               return s.known < 0 && s.units >= 2 && !in_sentence(s.first_token) &&
                                      all_caps_name(s);
                             }),
              out.end());
    for (Sighting& s : out) s.headline = !in_sentence(s.first_token);
    return out;
  }

 private:
  // Past the end, a token of nothing: a look one or two tokens ahead at
  // the text's end ("... the Defence Minister Gen") reads no further.
  const Token& tok(size_t i) const {
    static const Token kNone{};
    return i < tokens_.size() ? tokens_[i] : kNone;
  }
  bool at(size_t i, std::string_view key) const { return i < tokens_.size() && tokens_[i].key == key; }

  // The text of tokens [begin, end), a name hyphenated at the end of a
  // line joined again ("Gërvalla-\nSchwarz": the one place where a token
  // without space before it has some, see unwrapped()), and a known name's
  // word cut at a line's end, made one token by join_cut_words(), written
  // whole ("Ibrahimo-\nvić": "Ibrahimović").
  std::string span(size_t begin, size_t end) const {
    std::string out;
    size_t from = tokens_[begin].begin;
    auto cut = [&](size_t upto, size_t resume) {
      out += text_.substr(from, upto - from);
      from = resume;
    };
    for (size_t k = begin; k < end; ++k) {
      const Token& t = tokens_[k];
      if (k > begin && !t.space_before && t.begin > tokens_[k - 1].end) cut(tokens_[k - 1].end, t.begin);
      const std::string_view word = text_.substr(t.begin, t.end - t.begin);
      if (const size_t hyphen = word.find('-'); t.is_word() && hyphen != std::string_view::npos) {
        size_t rest = hyphen + 1;
        while (rest < word.size() && std::isspace(static_cast<unsigned char>(word[rest]))) ++rest;
        if (rest > hyphen + 1) cut(t.begin + hyphen, t.begin + rest);
      }
    }
    out += text_.substr(from, tokens_[end - 1].end - from);
    return out;
  }

  const NameWordKind* kind(size_t i) const {
    if (i >= tokens_.size()) return nullptr;
    const NameWordKind* k = rules_.name_word(tokens_[i].key);
    const Token& t = tokens_[i];
    // (a capitalised word after it, on the same line)
    const bool name_follows = i + 1 < tokens_.size() && tokens_[i + 1].is_word() && tokens_[i + 1].capitalised &&
                              tokens_[i + 1].space_before && !tokens_[i + 1].break_before;
    // A word of names only as written ("HE Sheikh Saoud", not "He said"),
    // before a word of a name in lower case.
    if (t.all_caps && name_follows && !tokens_[i + 1].all_caps)
      if (const NameWordKind* w = rules_.name_word_as_written(text_.substr(t.begin, t.end - t.begin))) return w;
    // A one-letter honorific ("U Than Swe") only before a word of a name on
    // the same line: "U.S." and "U-turn" are none.
    if (k && *k == NameWordKind::kHonorific && t.key.size() == 1 && !(t.capitalised && name_follows)) return nullptr;
    // A particle or a stop word written with accents its folded form lacks
    // is another word: Vietnamese "Đỗ" (a surname) is not Portuguese "do",
    // and "Saïd" (a given name) is not "said".
    if (k && (*k == NameWordKind::kParticle || *k == NameWordKind::kStop) && t.end - t.begin != t.key.size())
      return nullptr;
    // A title word before a military rank is part of it: "Vice Admiral",
    // "Air Vice Marshal" ("Vice" is otherwise a title: "Vice President").
    if (k && *k == NameWordKind::kTitle && name_follows) {
      static const NameWordKind kMilitary = NameWordKind::kMilitary;
      const NameWordKind* next = rules_.name_word(tokens_[i + 1].key);
      if (next && *next == NameWordKind::kMilitary) return &kMilitary;
    }
    return k;
  }

  // (a style, "Ambassador", is a title too but where titled_known_minister
  // says otherwise)
  bool is_kind(size_t i, NameWordKind k) const {
    const NameWordKind* p = kind(i);
    return p && (*p == k || (k == NameWordKind::kTitle && *p == NameWordKind::kStyle));
  }

  // A capitalised word that can be part of a name.
  bool name_word(size_t i) const {
    const Token& t = tok(i);
    if (!t.is_word() || !(t.capitalised || t.all_caps)) return false;
    if (const NameWordKind* k = kind(i)) {
      // "Said bin Mohammed Al-Saqri": a stop word that begins a name
      // joined by a particle ("bin", "al") is a given name.
      // (where a name starts: "Kono Said bin Laden" is "Kono said")
      const bool given = *k == NameWordKind::kStop && i + 2 < tokens_.size() &&
                         is_kind(i + 1, NameWordKind::kParticle) && !tok(i + 1).capitalised &&
                         tok(i + 2).is_word() && tok(i + 2).capitalised && !tok(i + 1).break_before &&
                         (i == 0 || !tok(i - 1).is_word() || is_kind(i - 1, NameWordKind::kHonorific));
      // "Salim bin Nasser bin Said Al Aufi": a stop word right after a
      // patronymic particle is the father's name.
      const bool father = *k == NameWordKind::kStop && i > 0 && patronymic(tok(i - 1), rules_) &&
                          !tok(i - 1).capitalised && !tok(i).break_before;
      // "Mr January Makamba": a month's name right after an honorific,
      // before another name word, is a given name (after a title it may be
      // a headline's: "Foreign Minister March Manila Visit Postponed").
      const bool month = *k == NameWordKind::kStop && t.key.size() >= 5 &&
                         i > 0 && is_kind(i - 1, NameWordKind::kHonorific) &&
                         month_number(t.key) > 0 && i + 1 < tokens_.size() && !tok(i + 1).break_before &&
                         tok(i + 1).capitalised && name_word(i + 1);
      // "Gen. Brown" is a rank; "Gen Nakatani" a given name.
      if (!given && !father && !month && ((*k != NameWordKind::kRank && *k != NameWordKind::kAbbreviation) ||
                     (at(i + 1, ".") && !tok(i + 1).space_before)))
        return false;
    }
    if (role_begin_[i] >= 0) return false;
    // A page's footer: "... Foreign Minister of Taiwan   Page 1 of 2"
    if (t.key == "page" && i + 1 < tokens_.size() && tok(i + 1).kind == TokenKind::kNumber) return false;
    return true;
  }

  // "and" in Spanish or Portuguese before a known minister's name joins
  // two people, not two surnames: "Sandra Lazo y José Múcio".
  bool joins_people(size_t i) const {
    return (at(i, "y") || at(i, "e")) && !tok(i).capitalised && i + 1 < tokens_.size() &&
           rules_.known_minister_names.match_at(text_, tokens_, i + 1).has_value();
  }

  bool initial_at(size_t i) const {
    return i + 1 < tokens_.size() && tok(i).is_word() && tok(i).capitalised &&
           tok(i).key.size() == 1 && at(i + 1, ".") && !tok(i + 1).space_before;
  }

  // A given name written short, with its dot: "Md. Shahriar Alam".
  bool abbreviation_at(size_t i) const {
    return i + 2 < tokens_.size() && is_kind(i, NameWordKind::kAbbreviation) && tok(i).capitalised &&
           at(i + 1, ".") && !tok(i + 1).space_before && tok(i + 2).is_word() && !tok(i + 2).break_before;
  }

  // "H.E.", "H.H.": an honorific written as initials (four tokens).
  bool dotted_honorific_at(size_t i) const {
    if (!initial_at(i) || !initial_at(i + 2) || tok(i + 2).space_before) return false;
    const NameWordKind* k = rules_.name_word(tok(i).key + "." + tok(i + 2).key);
    return k && *k == NameWordKind::kHonorific;
  }
  // An honorific, written as a word ("Mr", "Hon") or dotted ("H.E.").
  bool honorific_at(size_t k) const { return is_kind(k, NameWordKind::kHonorific) || dotted_honorific_at(k); }
  // A peer's style, which goes before a surname alone: "Lord Collins",
  // "Baroness Chapman".
  bool peer_at(size_t k) const {
    return at(k, "lord") || at(k, "baroness") || at(k, "baron") || at(k, "viscount") || at(k, "lady");
  }


  // After a title, its words in the original language in brackets ("The
  // Minister of Foreign Affairs (Ministro de Relaciones Exteriores), Mario
  // Lubetkin"): where the text goes on, else i.
  // Two words at least: "(left)", "(centre)" in a caption say where
  // someone stands, and the name after them is someone else's.
  // Also the government the post is in: "Minister of Foreign Affairs and
  // International Cooperation in the Government of National Unity (GNU),
  // Taher Salem Al-Baour".
  size_t past_aside(size_t i) const {
    if (at(i, "in") && !tok(i).capitalised) {
      size_t k = i + 1;
      if (at(k, "the")) ++k;
      if (k >= tokens_.size() || !tok(k).capitalised || !is_institution_word(tok(k), rules_)) return i;
      for (size_t words = 0; k < tokens_.size() && words < 8 && !tok(k).break_before; ++words, ++k)
        if (!(tok(k).is_name_link() || (tok(k).is_word() && tok(k).capitalised))) break;
      return past_aside(k) > k || at(k, ",") ? past_aside(k) : i;
    }
    if (!at(i, "(")) return i;
    size_t words = 0;
    bool acronym = false;  // "(GNU)": a body's short name
    for (size_t k = i + 1; k < tokens_.size() && k < i + 20; ++k) {
      if (tok(k).break_before || at(k, "(")) return i;
      if (at(k, ")")) return words >= 2 || (words == 1 && acronym) ? k + 1 : i;
      if (tok(k).is_word()) {
        ++words;
        acronym = tok(k).all_caps && tok(k).end - tok(k).begin >= 2;
      }
    }
    return i;
  }

  // Skips hyphen- or apostrophe-joined parts after the word ending at i
  // ("Kosiniak-Kamysz", "Won-sik", "O'Brien"), not a possessive "'s".
  // (At most a few parts: "Kosiniak-Kamysz", "Al-Khater"; a run of a
  // million joined parts is no name.)
  size_t joined_tail(size_t i) const {
    constexpr int kMaxJoined = 6;
    for (int joined = 0; joined < kMaxJoined && i + 1 < tokens_.size() && (at(i, "-") || (at(i, "'") && !at(i + 1, "s"))) &&
                         !tok(i).space_before && !tok(i + 1).space_before && tok(i + 1).is_word();
         ++joined)
      i += 2;
    return i;
  }

  struct NameSpan {
    size_t begin = 0, end = 0;
    size_t words = 0;
  };

  // A title of someone else's before a name the knowledge base knows as a
  // minister's, set off by a comma after a minister's title: a style ("the
  // Minister of Foreign Affairs, Ambassador Yusuf Maitama Tuggar"). An
  // unknown name after it is an official's ("the Assistant Foreign Minister
  // for Arab Affairs, Ambassador Ahmad Al-Bakr"), but after a Minister of
  // State's title, a junior minister's ("the Minister of State for Foreign
  // Affairs, Ambassador Bianca Odumegwu-Ojukwu").
  bool titled_known_minister(size_t i) const {
    const NameWordKind* k = kind(i);
    if (!k || *k != NameWordKind::kStyle || i < 2 || !at(i - 1, ",") || i + 1 >= tokens_.size()) return false;
    const bool known = rules_.known_minister_names.match_at(text_, tokens_, i + 1).has_value();
    // a minister's title ending shortly before, in the same sentence ("...
    // for Foreign Affairs and East African Cooperation, Ambassador ...")
    constexpr size_t kNear = 24;
    for (size_t j = i - 1; j > 0 && j + kNear > i; --j) {
      if (at(j - 1, ".") || tok(j).break_before) break;
      if (const int r = role_end_[j]; r >= 0) {
        const Mention& role = roles_[static_cast<size_t>(r)];
        const std::string& name = rules_.roles.name(role.entry);
        const bool junior = role.begin > 0 && deputy_word(role.begin - 1);
        return name != "-" && (known || (name == "Minister of State" && !junior));
      }
    }
    return false;
  }

  // "Assistant", "Deputy", "Vice" before a title: a junior official's.
  bool deputy_word(size_t k) const { return at(k, "assistant") || at(k, "deputy") || at(k, "vice"); }

  // The end of the words of a title or portfolio from token i on (before
  // token `limit` at most): capitalised words and "of", "for", "the",
  // "and", on one line.
  size_t title_words_end(size_t i, size_t limit) const {
    while (i < tokens_.size() && i < limit && !tok(i).break_before &&
           (tok(i).is_name_link() || tok(i).capitalised || tok(i).all_caps))
      ++i;
    return i;
  }

  // A name written from token i on ("Lloyd J. Austin III", "Won-sik").
  std::optional<NameSpan> name_forward(size_t i) const {
    const size_t n = tokens_.size();
    // "the Hon", "Shri", "Adm.", "Colonel General" before the name are not
    // part of it (this follows a minister's title).
    // "His Excellency", "Her Excellency": the pronoun goes with the honorific.
    if (i + 1 < n && (at(i, "his") || at(i, "her")) && is_kind(i + 1, NameWordKind::kHonorific)) ++i;
    // "Yang Berhormat", "Yang Amat Berhormat" (Malaysia): a style.
    if (i + 2 < n && at(i, "yang") && (is_kind(i + 1, NameWordKind::kHonorific) ||
                                       (at(i + 1, "amat") && is_kind(i + 2, NameWordKind::kHonorific))))
      i += at(i + 1, "amat") ? 2 : 1;
    // A rank without its dot before two name words is a rank too ("Defence
    // Minister Gen Nattaphon Narkphanit"), unless it begins a known name
    // ("Gen Nakatani").
    auto bare_rank = [&](size_t k) {
      return is_kind(k, NameWordKind::kRank) && !at(k + 1, ".") && k + 2 < n && name_word(k + 1) &&
             name_word(k + 2) && !tok(k + 1).break_before && !tok(k + 2).break_before &&
             !rules_.known_minister_names.match_at(text_, tokens_, k);
    };
    // "Senator the Hon. Kamina Johnson Smith", "the Most Hon. Andrew
    // Holness": "the" and "Most" between or before honorifics.
    auto styled = [&](size_t k) {
      if (at(k, "the") && k + 1 < n) ++k;
      if (at(k, "most") && k + 1 < n) ++k;
      return k > i && k < n && honorific_at(k) ? k : i;
    };
    // Ranks of several words: "General of the Army", "Admiral of the
    // Fleet", "Army General", "Fleet Admiral" (their length, else 0).
    auto service_rank = [&](size_t k) -> size_t {
      if (is_kind(k, NameWordKind::kMilitary) && at(k + 1, "of") && at(k + 2, "the")) {
        if (at(k + 3, "army") || at(k + 3, "fleet")) return 4;
        if (at(k + 3, "air") && at(k + 4, "force")) return 5;
      }
      if ((at(k, "army") || at(k, "fleet")) && tok(k).capitalised && is_kind(k + 1, NameWordKind::kMilitary))
        return 2;
      // "Air Marshal", "Air Chief Marshal", "Air Vice Marshal"
      if (at(k, "air") && tok(k).capitalised) {
        if (is_kind(k + 1, NameWordKind::kMilitary)) return 2;
        if ((at(k + 1, "chief") || at(k + 1, "vice")) && is_kind(k + 2, NameWordKind::kMilitary)) return 3;
      }
      return 0;
    };

    i = styled(i);
    // "Pehin Datu Lailaraja Major General (Rtd) Dato Paduka Seri Haji Halbi"
    // (Brunei): a Pehin title's words up to the next honorific or rank.
    if (at(i, "pehin"))
      for (size_t k = i + 1; k < n && k < i + 6 && !tok(k).break_before && tok(k).is_word() && tok(k).capitalised;
           ++k)
        if (k > i + 1 && k + 1 < n && (is_kind(k, NameWordKind::kMilitary) || is_kind(k, NameWordKind::kRank) ||
                                       (is_kind(k, NameWordKind::kHonorific) && !at(k, "datu")))) {
          i = k;
          break;
        }
    while (i < n && (is_kind(i, NameWordKind::kHonorific) || is_kind(i, NameWordKind::kMilitary) ||
                     service_rank(i) ||
                     titled_known_minister(i) ||
                     (is_kind(i, NameWordKind::kRank) && at(i + 1, ".") && !tok(i + 1).space_before) ||
                     (is_kind(i, NameWordKind::kRank) && is_kind(i + 1, NameWordKind::kMilitary)) ||  // "Major General"
                     // "Major-General", "Maj-Gen", "Lt-Gen"
                     (is_kind(i, NameWordKind::kRank) && at(i + 1, "-") &&
                      (is_kind(i + 2, NameWordKind::kMilitary) || is_kind(i + 2, NameWordKind::kRank))) ||
                     dotted_honorific_at(i) || bare_rank(i))) {
      if (dotted_honorific_at(i)) i += 3;
      if (const size_t words = service_rank(i)) i += words - 1;
      ++i;
      // "Adm.", "Dato'"
      if ((at(i, ".") || at(i, "'")) && !tok(i).space_before) ++i;
      // "Colonel-General", "Lieutenant-General", "General-in-Chief"
      while (at(i, "-") && i + 1 < n && (is_kind(i + 1, NameWordKind::kMilitary) || is_kind(i + 1, NameWordKind::kRank)))
        i += 2;
      if (at(i, "-") && i + 3 < n && at(i + 1, "in") && at(i + 2, "-") && at(i + 3, "chief")) i += 4;
      // "Major General (Retd.) Aruna Jayasekara": a retired officer's mark
      if (at(i, "(") && i + 2 < n && is_kind(i + 1, NameWordKind::kPostnominal)) {
        size_t close = i + 2;
        if (at(close, ".")) ++close;
        if (close < n && at(close, ")")) i = close + 1;
      }
      i = styled(i);
    }
    // An organisation is no person: "Chairperson of the Council of
    // Ministers of the EU Ivana Smith"
    // (a short name in title case may be a given name: "Jef Van Dyck", "Un
    // Chol Ho")
    if (auto org = i < n ? rules_.organisations.match_at(text_, tokens_, i) : std::nullopt;
        org && (org->end > i + 1 || tok(i).all_caps))
      return std::nullopt;
    NameSpan s{i, i, 0};
    while (i < n && s.words < kMaxNameWords) {
      if (i > s.begin && tok(i).break_before) break;
      // "Mohamad Haji Hasan": an honorific inside a name is left out of its
      // key (name_units), not the end of it.
      if (s.words > 0 && is_kind(i, NameWordKind::kHonorific) && tok(i).capitalised && i + 1 < n &&
          name_word(i + 1) && !tok(i + 1).break_before) {
        ++i;
        continue;
      }
      // (A letter and its dot before more of the name is an initial, not a
      // numeral: "S.V. Lavrov".)
      const bool initial = tok(i).key.size() == 1 && at(i + 1, ".") && i + 2 < n && name_word(i + 2) &&
                           !tok(i + 2).break_before;
      if (s.words > 0 && !initial && is_kind(i, NameWordKind::kSuffix) && (tok(i).capitalised || tok(i).all_caps)) {
        if (suffix_is_word(tok(i))) ++s.words;
        ++i;
        if (at(i, ".") && !tok(i).space_before && suffix_takes_dot(tok(i - 1))) ++i;
        s.end = i;
        break;
      }
      // Gilberto "Gibo" Teodoro Jr.
      if (size_t past = s.words > 0 ? nickname_end(tokens_, i) : 0; past && past < n && name_word(past) &&
                                                                   !tok(past).break_before) {
        i = past;
        continue;
      }
      if (s.words >= 2 && at(i, ",") && i + 1 < n && is_kind(i + 1, NameWordKind::kSuffix)) {
        ++i;
        continue;
      }
      // "Saud al-Faisal": a particle joined to the name by a hyphen.
      if (is_kind(i, NameWordKind::kParticle) && s.words > 0 && at(i + 1, "-") && !tok(i + 1).space_before &&
          i + 2 < n && !tok(i + 2).space_before && tok(i + 2).is_word()) {
        i = joined_tail(i + 1);
        ++s.words;
        s.end = i;
        continue;
      }
      if (s.words > 0 && joins_people(i)) break;
      // "von der Leyen", "Mohammed Al Bowardi"; capitalised, one that
      // begins a name before a word of it: "El Moctar Ould Djay", "Di Maio"
      const bool leading = s.words == 0 && tok(i).capitalised && tok(i).key.size() > 1 && i + 1 < n &&
                           name_word(i + 1) && !tok(i + 1).break_before;
      if (is_kind(i, NameWordKind::kParticle) && (s.words > 0 || !tok(i).capitalised || leading) && i + 1 < n &&
          (name_word(i + 1) || is_kind(i + 1, NameWordKind::kParticle) ||
           // "Halbi bin Haji Mohd Yussof": an honorific after the particle
           (s.words > 0 && is_kind(i + 1, NameWordKind::kHonorific) && tok(i + 1).capitalised && i + 2 < n &&
            name_word(i + 2) && !tok(i + 2).break_before))) {
        ++i;
        continue;
      }
      if (initial_at(i) || abbreviation_at(i)) {
        i += 2;
        ++s.words;
        continue;
      }
      if (!name_word(i)) break;
      // A country's name starts a name only when a name word follows
      // ("Israel Katz"), never on its own.
      if (country_begin_[i] >= 0 && !(i + 1 < n && name_word(i + 1) && !tok(i + 1).break_before))
        break;
      i = joined_tail(i + 1);
      // "Mohammed Shia' al-Sudani": an apostrophe that ends a word (an
      // ʿayn) inside a name
      // (not a possessive: "Richard Marles' Canberra speech")
      if (at(i, "'") && !tok(i).space_before && i + 1 < n && tok(i + 1).space_before && !tok(i + 1).break_before &&
          is_kind(i + 1, NameWordKind::kParticle))
        ++i;
      ++s.words;
      s.end = i;
    }
    if (s.words == 0 || s.end == s.begin) return std::nullopt;
    // One letter alone is no name ("the foreign minister I speak to").
    if (s.words == 1 && s.end == s.begin + 1 && tok(s.begin).key.size() == 1) return std::nullopt;
    // Trailing initials or particles are not a name's end.
    return s;
  }

  // The "bin" a few capitalised words (a father's styles and names) before
  // token j, after a name word of the son's; else 0.
  size_t patronymic_before(size_t j, size_t floor) const {
    constexpr size_t kMaxStyles = 6;
    for (size_t k = j; k > floor + 1 && k + kMaxStyles > j; --k) {
      if (tok(k).break_before) return 0;
      if (patronymic(tok(k - 1), rules_)) return name_word(k - 2) && !tok(k - 1).break_before ? k - 1 : 0;
      if (!tok(k - 1).is_word() || !tok(k - 1).capitalised) return 0;
    }
    return 0;
  }

  // A name that ends at token `last` (inclusive), read backwards.
  std::optional<NameSpan> name_backward(size_t last, size_t floor = 0) const {
    NameSpan s{last + 1, last + 1, 0};
    size_t i = last + 1;
    if (is_kind(last, NameWordKind::kSuffix) || (at(last, ".") && last > 0 && is_kind(last - 1, NameWordKind::kSuffix)))
      i = at(last, ".") ? last - 1 : last;
    // ("... Pedro Neto.": the dot ends the sentence)
    if (i == last - 1 && !suffix_takes_dot(tok(i))) s.begin = s.end = last;
    if (i < s.end && suffix_is_word(tok(i))) s.words = 1;
    while (i > floor && s.words < kMaxNameWords) {
      size_t j = i - 1;
      // Gilberto "Gibo" Teodoro Jr., Secretary of National Defense
      if (s.words > 0 && j >= floor + 3 && j >= 2 && nickname_end(tokens_, j - 2) == j + 1 && name_word(j - 3) &&
          !tok(j - 2).break_before) {
        i = j - 2;
        continue;
      }
      // Walk back over joined parts ("Kosiniak-Kamysz").
      size_t start = j;
      while (start >= 2 && (at(start - 1, "-") || at(start - 1, "'")) && !tok(start).space_before &&
             !tok(start - 1).space_before && tok(start - 2).is_word())
        start -= 2;
      // "Halbi bin Haji Mohd Yussof", "Erywan bin Pehin Datu Pekerma Jaya
      // Haji Mohd Yusof": the father's styles after "bin" are inside the
      // son's name.
      if (s.words > 0 && start == j && is_kind(j, NameWordKind::kHonorific))
        if (const size_t bin = patronymic_before(j, floor)) {
          s.begin = i = bin;
          continue;
        }
      if (at(j, ".") && j > 0 && (initial_at(j - 1) || abbreviation_at(j - 1))) {
        if (j >= 3 && dotted_honorific_at(j - 3)) break;  // "H.E. Abdulkadir Mohamed Nur"
        start = j - 1;
      } else if (!name_word(start) && !(is_kind(start, NameWordKind::kParticle) && (s.words > 0 || start < j))) {
        break;
      }
      // "Al-Khater" is a name word; "bint" in "Lolwah bint Rashid" is not one
      if (!is_kind(start, NameWordKind::kParticle) || start < j) ++s.words;
      s.begin = start;
      i = start;
      if (tok(start).break_before) break;
    }
    if (s.words == 0) return std::nullopt;
    // (an organisation is no person: "... of the East African Community")
    if (auto org = rules_.organisations.match_at(text_, tokens_, s.begin);
        org && (org->end > s.begin + 1 || tok(s.begin).all_caps))
      return std::nullopt;
    return s;
  }

  // The first of up to two words in lower case before token i that say a
  // title's holder is new to the post ("newly appointed",
  // data/context-words.tsv's "new-in-post"); i when there is none.
  size_t past_new_in_post(size_t i) const {
    for (size_t words = 0; words < 2 && i >= 2 && tok(i - 1).is_word() && !tok(i - 1).capitalised &&
                           rules_.context_word(tok(i - 1).key, ContextList::kNewInPost);
         ++words)
      --i;
    return i;
  }

  // The country written just before token i: "Japan's", "Finnish", "Japan".
  int country_before(size_t i) const {
    // (not across a paragraph or a line of its own: "... in Seoul, Republic
    // of Korea" / "Minister for Foreign Affairs, Hon. ...")
    if (i < tokens_.size() && tok(i).break_before && !tok(i).soft_break) return -1;
    // (past words that say the holder is new to the post: "Albania's newly
    // appointed Minister")
    i = past_new_in_post(i);
    // (past a junior's word: "Cyprus's Deputy Minister for Migration and
    // International Protection", a title the role table has as "Minister")
    if (i >= 2 && deputy_word(i - 1) && tok(i - 1).capitalised && !tok(i - 1).break_before) {
      --i;
      if (at(i - 1, "first") && tok(i - 1).capitalised && !tok(i - 1).break_before) --i;
    }
    // (past "represented by": "Cyprus was represented by Deputy Minister
    // ...", the country sends the minister)
    if (i >= 3 && at(i - 1, "by") && at(i - 2, "represented") && !tok(i - 2).capitalised) {
      i -= 2;
      if (at(i - 1, "was") || at(i - 1, "is") || at(i - 1, "were") || at(i - 1, ",")) --i;
    }
    if (i >= 1 && country_end_[i] >= 0) return country_end_[i];
    if (i >= 2 && at(i - 1, "s") && at(i - 2, "'") && country_end_[i - 2] >= 0)
      return country_end_[i - 2];
    // "Barbados' Prime Minister": a name ending in "s" takes the apostrophe
    // alone.
    if (i >= 2 && at(i - 1, "'") && country_end_[i - 1] >= 0 && !tok(i - 2).key.empty() &&
        tok(i - 2).key.back() == 's')
      return country_end_[i - 1];
    return -1;
  }

  // "- Germany – Federal Minister of Defence Boris Pistorius": a country that
  // labels a list item or line, then a dash or colon.
  int list_label_before(size_t i) const {
    if (i < 2) return -1;
    const std::string& mark = tok(i - 1).key;
    if (mark != "-" && mark != "–" && mark != "—" && mark != ":") return -1;
    int m = country_end_[i - 1];
    if (m < 0) return -1;
    size_t start = countries_[static_cast<size_t>(m)].begin;
    // (not a news dateline in capitals: "SINGAPORE – Defense Secretary Pete
    // Hegseth met ...", a line that starts with the place)
    bool dateline = tok(start).break_before && mark != ":";
    for (size_t k = start; dateline && k + 1 < i; ++k) dateline = tok(k).all_caps && tok(k).key.size() > 3;
    if (dateline) return -1;
    bool line_start = tok(start).break_before ||
                      (start >= 1 && tok(start - 1).break_before && tok(start - 1).kind == TokenKind::kPunct);
    return line_start ? m : -1;
  }

  // The country of a table's row, in the cell before token i's: "Albania |
  // Igli Hasani | ..." (-1: none).
  int row_country(size_t i) const {
    if (i < 2 || !at(i - 1, "|") || tok(i).break_before) return -1;
    const int m = country_end_[i - 1];
    if (m < 0) return -1;
    const size_t begin = countries_[static_cast<size_t>(m)].begin;
    return tok(begin).break_before || (begin > 0 && at(begin - 1, "|")) ? m : -1;
  }

  std::string country_name(int mention) const {
    return mention < 0 ? std::string() : rules_.countries.name(countries_[static_cast<size_t>(mention)].entry);
  }

  // "of Australia", "of the Republic of Korea", ", Finland": a country right
  // after the role. Moves i past it.
  int country_after(size_t& i, bool allow_comma) const {
    size_t j = i;
    if (at(j, "of") || at(j, "for")) {
      ++j;
      if (at(j, "the")) ++j;
    } else if ((at(j, "de") || at(j, "du")) && !tok(j).capitalised && j + 1 < tokens_.size() &&
               country_begin_[j + 1] >= 0) {
      ++j;  // "Canciller de Cuba Bruno Rodríguez": a title in Spanish or French
    } else if (at(j, "in") && at(j + 1, "the") && j + 2 < tokens_.size() && country_begin_[j + 2] >= 0) {
      // "Minister of Foreign Affairs in the Syrian caretaker government"
      const int m = country_begin_[j + 2];
      const size_t end = countries_[static_cast<size_t>(m)].end;
      for (size_t k = end; k < end + 3 && k < tokens_.size() && tok(k).is_word(); ++k)
        if (at(k, "government") || at(k, "cabinet")) {
          i = k + 1;
          return m;
        }
      return -1;
    } else if (at(j, "in") && at(j + 1, "the")) {
      // "acting minister of foreign affairs in the Taliban-led interim
      // government of Afghanistan"
      constexpr size_t kMaxWords = 6;
      for (size_t k = j + 2; k < j + 2 + kMaxWords && k + 1 < tokens_.size() && !tok(k).break_before; ++k) {
        if (at(k, "government") || at(k, "cabinet")) {
          size_t c = k + 1;
          if (!at(c, "of")) return -1;
          if (at(++c, "the")) ++c;
          if (c >= tokens_.size() || country_begin_[c] < 0) return -1;
          const int m = country_begin_[c];
          i = countries_[static_cast<size_t>(m)].end;
          return m;
        }
        if (at(k, ",") || at(k, ".") || country_begin_[k] >= 0) return -1;
      }
      return -1;
    } else if (allow_comma && at(j, ",")) {
      ++j;
      // (a known name that begins with a country's: "the Israeli Minister
      // of Defense, Israel Katz")
      if (j < tokens_.size() && rules_.known_minister_names.match_at(text_, tokens_, j)) return -1;
    } else {
      return -1;
    }
    if (j < tokens_.size() && country_begin_[j] >= 0) {
      int m = country_begin_[j];
      i = countries_[static_cast<size_t>(m)].end;
      return m;
    }
    return -1;
  }

  // "Minister of Foreign Affairs and the Public Service of The Bahamas",
  // "Minister of Foreign and CARICOM Affairs of Trinidad and Tobago": more of
  // a portfolio from token i, then its country (-1: none).
  // Not across another person or body: an honorific or a title ("... and
  // Mr Paul Roe of Fiji", "... and Head of Mission Ann Lee of Fiji"), or an
  // institution ("... and The Embassy of Japan").
  int country_after_portfolio(size_t i) const {
    constexpr size_t kMaxWords = 8;
    for (size_t end = i + kMaxWords; i < tokens_.size() && i < end && !tok(i).break_before; ++i) {
      if (at(i, "of") || at(i, "for")) {
        size_t k = i;
        if (const int country = country_after(k, /*allow_comma=*/false); country >= 0) return country;
        continue;
      }
      if (at(i, "and") || at(i, "the") || at(i, "&")) continue;
      if (!tok(i).is_word() || !(tok(i).capitalised || tok(i).all_caps)) return -1;
      if (is_kind(i, NameWordKind::kHonorific) || is_kind(i, NameWordKind::kTitle) ||
          is_kind(i, NameWordKind::kRank) || is_kind(i, NameWordKind::kMilitary) || is_institution_word(tok(i), rules_) ||
          (role_begin_[i] >= 0 && i > 0))
        return -1;
    }
    return -1;
  }

  // "PAT CONROY, MINISTER FOR DEFENCE INDUSTRY AND CAPABILITY DELIVERY:": in
  // capitals the end of a portfolio that ends before token `end` looks like
  // a name, so a name in capitals is dropped.
  void drop_name_in_capitals(std::optional<NameSpan>& name, size_t end) const {
    if (name && tok(end - 1).all_caps && tok(name->begin).all_caps) name.reset();
  }

  // "Minister for Foreign and European Affairs and Trade Ian Borg": a
  // portfolio the role table does not list, then the name.
  bool portfolio(size_t role_begin, size_t end, const std::string& chain_role,
                 std::vector<Sighting>& out) const {
    // "Assistant Secretary for European Affairs ...": a career official's
    // post (an Assistant Minister is a minister)
    if (role_begin > 0 && at(role_begin - 1, "assistant") && at(role_begin, "secretary")) return false;
    size_t j = end;
    bool foreign = false, defense = false;
    int country = country_before(role_begin);
    size_t floor = end;  // the name starts after the last country or joining word
    // Where the run stood before its last joining words: "... Industry Piyush
    // Goyal and others" ends at "Goyal".
    size_t run_end = j, run_floor = floor;
    // Where the run stood at its last "and": its end, floor, country and kind.
    size_t and_end = 0, and_floor = 0;
    int and_country = -1;
    bool and_foreign = false, and_defense = false;
    bool after_country = false;  // the last thing read was "of COUNTRY"
    std::optional<NameSpan> styled;  // a name after honorifics that end the run
    bool other_office = false;       // the run stopped before "and [the] Chief of ..."
    while (j < tokens_.size() && !tok(j).break_before) {
      // Another title begins another minister ("... of Tajikistan Sirojiddin
      // Muhriddin and the Minister of Foreign Affairs of Turkmenistan ...").
      if (j > end && role_begin_[j] >= 0) break;
      // "Minister of External Relations H.E. Mr. Téte António": honorifics
      // end the portfolio, the name follows them.
      // (Not another person joined on: "Minister of Tourism and Mr Paul Roe".)
      if (j > end && honorific_at(j)) {
        // (a peer by the title alone: "Minister for Africa Lord Collins")
        if (auto named = name_forward(j); named && (named->words >= 2 || peer_at(j)) && !at(j - 1, "and") &&
                                          !at(j - 1, "&"))
          styled = named;
        break;
      }
      // "First Secretary of the Party Central Committee and President of the
      // Republic, Miguel Díaz-Canel": another office, no minister's, joined on.
      // (not "... Councillor and Head of the Federal Department of Foreign
      // Affairs": a ministry's head is its minister)
      // "Minister of Interior Danilo Šaranović and the Chief of the General
      // Staff ...": the run so far names the minister, the office after
      // "and" is another person's.
      if (j > end && tok(j).capitalised && at(j + 1, "of") && is_kind(j, NameWordKind::kTitle) && !at(j, "head") &&
          (at(j - 1, "and") || (at(j - 1, "the") && j > 1 && at(j - 2, "and")))) {
        if (run_end <= end || run_end >= j) return false;
        other_office = true;
        j = run_end;
        floor = run_floor;
        break;
      }
      // "Minister of State with responsibility for European Affairs",
      // "... for Security, Defence and the Fight against Crime": words that
      // join a portfolio's.
      if ((at(j, "with") || at(j, "responsible")) && !tok(j).capitalised) {
        const size_t past = at(j, "with") && at(j + 1, "responsibility") ? j + 2 : j + 1;
        if (at(past, "for") && !tok(past).capitalised) {
          floor = j = past + 1;
          after_country = false;
          continue;
        }
      }
      if (j > end && at(j, "against") && !tok(j).capitalised && tok(j - 1).capitalised && j + 1 < tokens_.size() &&
          tok(j + 1).capitalised && !tok(j + 1).break_before) {
        floor = ++j;
        after_country = false;
        continue;
      }
      if (at(j, "and") || at(j, "of") || at(j, "for") || at(j, "the") || at(j, "&")) {
        if (run_end == j) run_floor = floor;
        if ((at(j, "and") || at(j, "&")) && run_end == j) {
          and_end = run_end;
          and_floor = run_floor;
          and_country = country;
          and_foreign = foreign;
          and_defense = defense;
        }
        floor = ++j;
        after_country = false;
        continue;
      }
      if (country_begin_[j] >= 0 && j > 0 && (at(j - 1, "of") || (at(j - 1, "the") && j > 1 && at(j - 2, "of")))) {
        country = country_begin_[j];
        floor = j = countries_[static_cast<size_t>(country)].end;
        after_country = true;
        continue;
      }
      // "... Cooperation Lolwah bint Rashid Al-Khater": a particle inside the name
      if (j > end && is_kind(j, NameWordKind::kParticle) && !tok(j).capitalised && j + 1 < tokens_.size() &&
          tok(j + 1).is_word() && tok(j + 1).capitalised && !tok(j + 1).break_before) {
        ++j;
        continue;
      }
      // (joined to the next word by a hyphen: "Minister of Interior Mazen
      // al-Faraya")
      if (j > end && is_kind(j, NameWordKind::kParticle) && !tok(j).capitalised && j + 2 < tokens_.size() &&
          at(j + 1, "-") && !tok(j + 1).space_before && !tok(j + 2).space_before && tok(j + 2).is_word() &&
          tok(j + 2).capitalised) {
        j = run_end = joined_tail(j + 1);
        run_floor = floor;
        after_country = false;
        continue;
      }
      // (a middle initial's dot: "... of Agriculture Brooke L. Rollins")
      if (j > end && at(j, ".") && !tok(j).space_before && tok(j - 1).is_word() && tok(j - 1).all_caps &&
          tok(j - 1).end - tok(j - 1).begin == 1 && j + 1 < tokens_.size() && tok(j + 1).is_word() &&
          tok(j + 1).capitalised && !tok(j + 1).break_before) {
        ++j;
        continue;
      }
      if (!tok(j).is_word() || !(tok(j).capitalised || tok(j).all_caps)) break;
      foreign = foreign || at(j, "foreign") || at(j, "external");
      defense = defense || at(j, "defense") || at(j, "armed");
      j = run_end = joined_tail(j + 1);
      run_floor = floor;
      after_country = false;
    }
    // The run ended on joining words, not on "of COUNTRY" ("... Cooperation
    // of the United Republic of Tanzania, Hon. Mahmoud Thabit Kombo").
    if (run_end > end && run_end < j && floor == j && !after_country) {
      j = run_end;
      floor = run_floor;
    }
    // The name: right after the last country or joining word ("... of the
    // Philippines Gilberto C. Teodoro Jr."), else the last words of the run
    // ("... and Trade Ian Borg"), else after a comma ("..., the Hon Pat
    // Conroy MP").
    std::optional<NameSpan> name = styled;
    // A letterhead: "The Hon Pat Conroy MP" / "Minister for Defence Industry
    // and Capability Delivery": a line of a name, then a line of its title.
    if (!name && role_begin > 0 && tok(role_begin).break_before && (j >= tokens_.size() || tok(j).break_before)) {
      size_t line = role_begin - 1;
      while (line > 0 && !tok(line).break_before) --line;
      if (auto above = name_forward(line); above && above->words >= 2) {
        size_t k = above->end;
        while (k < role_begin && (is_kind(k, NameWordKind::kPostnominal) || at(k, ","))) ++k;
        if (k == role_begin) name = above;
      }
    }
    // "the Premier of Western Australia, Roger Cook", "the Minister of
    // Defence and Territorial Cohesion, Janine Lélis": the words right after
    // "of" or "and" are the post's, where a name follows the comma.
    auto post_before_comma_name = [&](const NameSpan& n) {
      if (n.begin == 0 || !(at(n.begin - 1, "of") || at(n.begin - 1, "and") || at(n.begin - 1, "for") ||
                            at(n.begin - 1, "&")))
        return false;
      if (!at(j, ",") || j + 1 >= tokens_.size() || tok(j + 1).break_before) return false;
      const auto after = name_forward(j + 1);
      return after && after->words >= 2;
    };
    if (!name && floor > end && floor < j) {
      name = name_forward(floor);
      if (name && (name->words < 2 || name->end < j || post_before_comma_name(*name))) name.reset();
      drop_name_in_capitals(name, end);
    }
    if (!name) {
      name = name_backward(j - 1, floor);
      if (name && (name->words < 2 || name->begin <= end)) name.reset();
      drop_name_in_capitals(name, end);
      if (name && post_before_comma_name(*name)) name.reset();
      // "... Finance Kaleb Udui Jr.": the suffix's dot is the name's
      if (name && is_kind(name->end - 1, NameWordKind::kSuffix) && at(name->end, ".") &&
          !tok(name->end).space_before && suffix_takes_dot(tok(name->end - 1)))
        ++name->end;
    }
    // "... of Internal Affairs Daniella Misail-Nichitin and Romania's Deputy
    // Prime Minister ...": no name after the last "and", but the run before
    // it ends with one.
    if (!name && and_end > end && and_end < j) {
      name = name_backward(and_end - 1, and_floor);
      if (name && (name->words < 2 || name->begin <= end)) name.reset();
      drop_name_in_capitals(name, end);
      if (name) {
        j = and_end;
        country = and_country;
        foreign = and_foreign;
        defense = and_defense;
      }
    }
    if (!name && other_office) return false;
    if (!name && at(past_aside(j), ",")) j = past_aside(j);
    if (!name && at(j, ",")) {
      size_t k = j + 1;
      // (more of the portfolio first: "... for Europe, North America and
      // Overseas Territories, Stephen Doughty")
      if (const size_t comma = portfolio_goes_on(j)) k = comma + 1;
      else if (const size_t holder = portfolio_ends_in_name(j, country < 0 ? &country : nullptr)) k = holder;
      if (at(k, "the")) ++k;
      if (k < tokens_.size() && !tok(k).break_before) name = name_forward(k);
      if (name && name->words < 2) name.reset();
      // (a title between two names, each with a title of its own: the
      // first one's, as in from_role_inner)
      if (name && own_title_after(name->end) && name_before_comma(role_begin)) name.reset();
      if (name) j = k;
    }
    if (!name) return false;
    // (a portfolio's own words are no name: "the Secretary of State for
    // Civil Protection and the ...", data/portfolio-words.txt)
    if (auto m = rules_.portfolio_words.match_at(text_, tokens_, name->begin); m && m->end == name->end) return false;
    if (country < 0) country = own_people_abroad(end, std::min(name->begin, j));
    Sighting s;
    s.first_token = name->begin;
    s.end_token = name->end;
    s.name = span(name->begin, name->end);
    s.units = name->words;
    // (the portfolio says which minister only after a plain "Minister": a
    // Minister of State or a Deputy Prime Minister "for ... Defence" is no
    // defence minister)
    s.role = foreign ? "Foreign Minister" : defense ? "Defense Minister" : "Minister";
    if (role_rank(chain_role) > 0) s.role = chain_role;
    s.country = country_name(country);
    s.rule = "role + portfolio + name";
    s.matched = name->end <= role_begin
                    ? span(name->begin, j)  // (a letterhead's name above its title)
                    : span(country >= 0 && countries_[static_cast<size_t>(country)].end <= role_begin
                               ? countries_[static_cast<size_t>(country)].begin : role_begin, name->end);
    out.push_back(std::move(s));
    return true;
  }

  // Handles the role mention r and what stands around it; returns the last
  // role index consumed (for role chains).
  size_t from_role(size_t r, std::vector<Sighting>& out) const {
    size_t before = out.size();
    size_t last = from_role_inner(r, out);
    if (last == r && !rules_.title_countries.empty())
      for (size_t k = before; k < out.size(); ++k)
        for (size_t t = roles_[r].begin; t < roles_[r].end; ++t)
          out[k].title += (t > roles_[r].begin ? " " : "") + tok(t).key;
    // "Japanese Minister for Foreign Affairs Yoko Kamikawa and Minister of
    // Defense Minoru Kihara": the country is said once for both.
    if (out.size() > before && before > 0 && out.back().country.empty()) {
      const Sighting& prev = out[before - 1];
      size_t b = roles_[r].begin;
      if (b >= 1 && at(b - 1, "and") && prev.end_token == b - 1) {
        out.back().country = prev.country;
        out.back().shared_country = true;
      }
    }
    return last;
  }

  size_t from_role_inner(size_t r, std::vector<Sighting>& out) const {
    const Mention& first = roles_[r];
    std::string role = rules_.roles.name(first.entry);
    size_t end = first.end;
    size_t last = r;
    // "Deputy Chairman of the Cabinet of Ministers and Foreign Minister
    // Rashid Meredov": a title that is no minister's, then one that is, read
    // on its own.
    if (role == "-" && r + 1 < roles_.size() && at(end, "and") && roles_[r + 1].begin == end + 1 &&
        rules_.roles.name(roles_[r + 1].entry) != "-")
      return r;
    // "Deputy Prime Minister and Minister for Defence": one person.
    while (last + 1 < roles_.size()) {
      const Mention& next = roles_[last + 1];
      bool joined = (at(end, "and") || at(end, ",") || at(end, "/") || at(end, "&")) && next.begin == end + 1;
      if (!joined) break;
      ++last;
      end = next.end;
      const std::string& other = rules_.roles.name(next.entry);
      if (role_rank(other) > role_rank(role)) role = other;
    }
    if (role == "-") return last;  // "Secretary-General": not a minister
    if (held_no_longer(first.begin)) return last;  // "former Prime Minister"
    if (served_by_staff(first.begin)) return last;  // "the Adviser to the Minister of Defence"
    if (role == "counterpart") {
      // "Chief of Defence Admiral Emil Eftimov and his Romanian
      // counterpart General Gheorghiță Vlad": an officer's counterpart.
      if (is_kind(end, NameWordKind::kMilitary) || (is_kind(end, NameWordKind::kRank) && at(end + 1, ".")))
        return last;
      role = out.empty() || out.back().role.empty() ? "Minister" : out.back().role;
    }
    bool generic = role_rank(role) == 0;
    // (after a title that ends in "minister", "and" joins another person:
    // "Poland's foreign minister and Þorgerður Katrín talk ...", not more
    // of a portfolio, as in "Minister for Foreign Affairs and Trade")
    const bool title_ends = at(end - 1, "minister") || at(end - 1, "secretary");
    // (nor is a portfolio word after a title with a portfolio of its own:
    // "Minister of State for Defence Procurement and Industry Maria Eagle")
    bool more_portfolio = !title_ends && end < tokens_.size() && !tok(end).break_before && role_begin_[end] < 0 &&
                          tok(end).capitalised && is_kind(end, NameWordKind::kStop) && !at(end + 1, "of");
    // (the title's own words name a portfolio, "of" or "for" in them; a
    // state's style is no more of it: "Minister for Foreign Affairs /
    // Kingdom of Norway")
    if (more_portfolio) {
      more_portfolio = false;
      for (size_t k = first.begin; k < end; ++k) more_portfolio = more_portfolio || at(k, "of") || at(k, "for");
    }
    if ((at(end, "for") || at(end, "of") || (at(end, "and") && !title_ends) || more_portfolio ||
         (tok(first.begin).capitalised &&
          ((at(end, "with") && at(end + 1, "responsibility")) || (at(end, "responsible") && at(end + 1, "for"))))) &&
        portfolio(first.begin, end, role, out))
      return last;
    // A bare lowercase "minister" names no one; "Britain's minister for
    // defence procurement, Maria Eagle," does, and so does one after a
    // lowercase portfolio: "trade minister Todd McClay".
    size_t begin = first.begin;
    // ("Dominic LeBlanc, the minister responsible for Canada-U.S. trade,":
    // a name, then "the" and the post, set off by commas)
    const bool post_after = at(end, "for") || at(end, "of") || (at(end, "responsible") && at(end + 1, "for"));
    if (generic && !(tok(first.begin).capitalised || tok(first.begin).all_caps) && end - first.begin < 3 &&
        !post_in_apposition(first.begin)) {
      begin = lowercase_portfolio_before(first.begin);
      if (begin == first.begin || held_no_longer(begin)) return last;  // "former finance minister"
    }
    // "Acting Defense Minister"
    if (begin > 0 && at(begin - 1, "acting")) --begin;
    int country = country_before(begin);
    if (country < 0) country = list_label_before(begin);
    // "Pakistan's Interior Minister Mohsin Naqvi": a portfolio the role
    // table does not list, of one or two capitalised words, between the
    // country and "Minister".
    if (country < 0 && generic && tok(first.begin).capitalised)
      for (size_t words = 1; words <= 2 && begin >= words && country < 0; ++words) {
        const Token& w = tok(begin - words);
        const NameWordKind* kind = rules_.name_word(w.key);  // (portfolio words are "stop" words)
        if (!w.is_word() || !w.capitalised || w.break_before || country_end_[begin - words + 1] >= 0 ||
            (kind && *kind != NameWordKind::kStop))
          break;
        country = country_before(begin - words);
        if (country >= 0) begin -= words;
      }
    size_t prefix_start = begin;
    if (country >= 0) prefix_start = countries_[static_cast<size_t>(country)].begin;

    size_t i = end;
    // "Minister of Defence II" (Brunei's second minister of a ministry): the
    // post's number, then the name.
    if (i + 1 < tokens_.size() && (tok(i).key == "ii" || tok(i).key == "iii") && tok(i).all_caps &&
        !tok(i + 1).break_before && (at(i + 1, ",") || tok(i + 1).capitalised))
      ++i;
    int after = country_after(i, /*allow_comma=*/true);
    if (country < 0) country = after;
    if (country < 0 && (at(i, "and") || at(i, "of") || at(i, "for"))) country = country_after_portfolio(i);
    if (at(past_aside(i), ",")) i = past_aside(i);
    // "Minister of State at the Department of Defence, Thomas Byrne TD": the
    // department the post is in, then the name.
    if ((at(i, "at") || at(i, "in")) && i + 2 < tokens_.size()) {
      size_t k = at(i + 1, "the") ? i + 2 : i + 1;
      if (k < tokens_.size() && is_institution_word(tok(k), rules_))
        for (size_t j = k + 1; j < tokens_.size() && j < k + 10 && !tok(j).break_before; ++j) {
          if (at(j, ",")) {
            i = j;
            break;
          }
          if (!tok(j).is_word() || !(tok(j).capitalised || at(j, "of") || at(j, "for") || at(j, "and"))) break;
        }
    }
    // "Deputy Chairman of the Cabinet of Ministers in charge of the oil and
    // gas complex, Batyr Amanov": what the post is in charge of, then the name.
    if (at(i, "in") && at(i + 1, "charge") && at(i + 2, "of"))
      for (size_t j = i + 3; j < tokens_.size() && j < i + 16 && !tok(j).break_before; ++j) {
        if (at(j, ",")) {
          i = j;
          break;
        }
        if (!tok(j).is_word()) break;
      }
    const bool comma_after = at(i, ",");
    if (at(i, ",") && i + 1 < tokens_.size() && !tok(i + 1).break_before) {
      // "defence minister, Richard Marles," — only when a name follows
      // ("..., the Hon. Samuel Okudzeto Ablakwa, MP": name_forward passes
      // over the style).
      auto probe = name_forward(i + 1);
      const size_t holder_comma = portfolio_goes_on(i);
      if ((probe && probe->words == 1 && (is_kind(probe->end, NameWordKind::kStop) || at(probe->end, "and"))) ||
          holder_comma != 0) {
        // "Minister of Foreign Affairs, African Cooperation and Moroccan
        // Expatriates, Mr. Nasser Bourita": more of the portfolio, then the name.
        probe.reset();
        const size_t i_comma = i;
        for (size_t k = i + 1; k < tokens_.size() && k < i + 24 && !tok(k).break_before && !at(k, "."); ++k)
          if (at(k, ",") && k >= holder_comma) {
            size_t n = at(k + 1, "the") ? k + 2 : k + 1;
            if (auto name = name_forward(n); name && name->words >= 2) {
              i = n;
              probe = name;
              // the portfolio's country at its end: "... and Immigration of Belize,"
              const int c = country_end_[k];
              if (country < 0 && c >= 0) {
                size_t b = countries_[static_cast<size_t>(c)].begin;
                if (b > 0 && at(b - 1, "the")) --b;
                if (b > 0 && at(b - 1, "of")) country = c;
              }
              if (country < 0) country = own_people_abroad(i_comma + 1, k);
            }
            break;
          }
        if (!probe) {
          // No second comma: the portfolio's last words are its holder's
          // name, then a verb ("..., African Cooperation and Moroccan
          // Expatriates Nasser Bourita received ...").
          const size_t run_end = title_words_end(i_comma + 1, i_comma + 24);
          const bool verb_after = run_end < tokens_.size() && run_end > i_comma + 3 && tok(run_end).is_word() &&
                                  !tok(run_end).capitalised && !tok(run_end).all_caps && !tok(run_end).break_before;
          // (only portfolio words before the name, not another person's
          // title: "Singapore's Defence Minister, Ng and Chief of Defence
          // Force Aaron Beng inspected", "..., Kihara and Foreign Minister
          // Yoko Kamikawa held talks")
          auto only_portfolio = [&](size_t from, size_t to) {
            bool portfolio_word = false;
            for (size_t k = from; k < to; ++k) {
              if (role_begin_[k] >= 0 || is_kind(k, NameWordKind::kTitle) || is_kind(k, NameWordKind::kMilitary) ||
                  is_kind(k, NameWordKind::kRank) || is_kind(k, NameWordKind::kHonorific))
                return false;
              portfolio_word = portfolio_word || is_kind(k, NameWordKind::kStop);
            }
            return portfolio_word;
          };
          if (verb_after)
            if (auto name = name_backward(run_end - 1, i_comma + 2);
                name && name->words >= 2 && name->end == run_end && name->begin > i_comma + 2 &&
                only_portfolio(i_comma + 1, name->begin)) {
              i = name->begin;
              probe = name;
              if (country < 0) country = own_people_abroad(i_comma + 1, name->begin);
            }
        }
      } else if (probe && !(probe->words == 1 && (probe->end >= tokens_.size() || tok(probe->end).break_before))) {
        // (one word after the comma that ends a heading is a place: "...,
        // New Zealand Minister of Foreign Affairs, Adelaide")
        ++i;
      } else if (probe) {
        i = tokens_.size();
      }
    }
    if (i < tokens_.size() && !tok(i).break_before) {
      auto name = name_forward(i);
      // In capitals, one word and then an article is a verb: "THE VISITING
      // MINISTER PAID A COURTESY CALL".
      if (name && name->words == 1 && tok(name->begin).all_caps && name->end < tokens_.size() &&
          (at(name->end, "a") || at(name->end, "an") || at(name->end, "the")) && tok(name->end).all_caps &&
          !tok(name->end).break_before)
        name.reset();
      // "General Natthaphon Narkphanit, Deputy Minister of Defence, Gen.
      // Songwit Noonpackdee, Chief of Defence Forces": a title between two
      // names, each with a title of its own, is the first one's.
      if (name && comma_after && own_title_after(name->end) && name_before_comma(prefix_start)) name.reset();
      // A title spoken to, then one word and a full stop, is no name: a
      // journalist's "Minister, Tagesspiegel. On Taurus: ..."
      if (name && comma_after && generic && name->words == 1 && name->end < tokens_.size() && at(name->end, "."))
        name.reset();
      if (name) {
        size_t after_name = name->end;
        if (country < 0 && at(after_name, "of")) country = country_after(after_name, /*allow_comma=*/false);
        Sighting s;
        s.first_token = name->begin;
        s.end_token = name->end;
        s.name = span(name->begin, name->end);
        s.units = name->words;
        s.role = role;
        s.country = country_name(country);
        s.rule = generic ? "title + surname" : "role + name";
        s.matched = span(prefix_start, name->end);
        out.push_back(std::move(s));
        return last;
      }
    }
    // A bare "Minister" names no one before it; "Minister for Defence
    // Industry" does ("The Hon Pat Conroy MP, Minister for Defence Industry").
    if (generic && !post_after && end - first.begin < 3) return last;
    // "Antti Häkkänen, Finland's Minister of Defence,", "the Hon Pio
    // Tikoduadua, Minister for Home Affairs": the name before.
    size_t k = prefix_start;
    // ("Ivan Fictionov, the country's defence minister": the state said as
    // a noun, data/context-words.tsv's "state-noun")
    if (k >= 5 && at(k - 1, "s") && at(k - 2, "'") && !tok(k - 1).space_before && !tok(k - 2).space_before &&
        rules_.context_word(tok(k - 3).key, ContextList::kStateNoun) && at(k - 4, "the") && at(k - 5, ","))
      k -= 3;
    // (past words that say the holder is new to the post: "Henry Quartey,
    // the newly appointed Minister for the Interior")
    if (const size_t m = past_new_in_post(k); m < k && (at(m - 1, "the") || at(m - 1, ","))) k = m;
    if (k > 0 && at(k - 1, "the")) --k;
    // "Hoàng Xuân Chiến, member of the Party Central Committee and Deputy
    // Minister of National Defence": back over the other membership.
    if (k >= 4 && at(k - 1, "and")) {
      constexpr size_t kMaxClause = 16;
      for (size_t m = k - 2; m > 1 && m + kMaxClause > k; --m) {
        if (tok(m).break_before || at(m, ",") || at(m, ".")) break;
        if (at(m, "member") || at(m, "members")) {
          size_t c = at(m - 1, "a") ? m - 1 : m;
          if (c >= 2 && at(c - 1, ",")) k = c;
          break;
        }
      }
    }
    // "Salman bin Hamad Al Khalifa, the Crown Prince and Prime Minister":
    // back over another title of a few capitalised words.
    if (k >= 4 && at(k - 1, "and") && !at(k - 2, ",")) {
      size_t m = k - 2, words = 0;
      while (m > 0 && words < 4 && tok(m).is_word() && (tok(m).capitalised || tok(m).all_caps) &&
             !tok(m).break_before) {
        --m;
        ++words;
      }
      if (words > 0 && m > 0 && at(m, "the")) --m;
      if (words > 0 && at(m, ",")) k = m + 1;
    }
    // "Sheikh Hamdan bin Mohammed ..., Crown Prince of Dubai, Deputy Prime
    // Minister and Minister of Defence": back over another title, of a
    // place, set off by commas.
    if (k >= 5 && at(k - 1, ",")) {
      size_t m = k - 2, words = 0;
      bool of = false;
      // (on one line of the text: not through a table's rows, which a
      // wrapped text's lines join)
      auto line_break_after = [&](size_t t) {
        return text_.substr(tok(t).end, tok(t + 1).begin - tok(t).end).find('\n') != std::string_view::npos;
      };
      while (m > 0 && words < 8 && !tok(m).break_before && !line_break_after(m) &&
             ((tok(m).is_word() && (tok(m).capitalised || tok(m).all_caps)) || at(m, "of") || at(m, "the"))) {
        of = of || at(m, "of");
        --m;
        ++words;
      }
      if (of && words >= 3 && at(m, ",") && !line_break_after(m) && m >= 1 && tok(m - 1).is_word() &&
          tok(m - 1).capitalised && role_end_[k - 1] < 0)
        k = m + 1;
    }
    // "Manasseh Sogavare, who is now Minister of Finance", "..., now
    // Minister of ...": back over the words that say it is held now.
    if (k >= 4 && at(k - 1, "now") && at(k - 2, "is") && at(k - 3, "who") && at(k - 4, ","))
      k -= 3;
    else if (k >= 2 && at(k - 1, "now") && at(k - 2, ","))
      k -= 1;
    // (or a table's cell before: "Albania | Igli Hasani | Minister for
    // Europe and Foreign Affairs", a row of delegations)
    const bool cell = k >= 2 && at(k - 1, "|") && !tok(k - 1).break_before;
    if (k >= 2 && (at(k - 1, ",") || cell)) {
      // "Pat Conroy MP, Minister for ...", "Mahmoud Thabit Kombo (MP),
      // Minister ...", "Mulambo Haimbe, SC, MP, Minister ...".
      size_t last_word = k - 2;
      for (size_t m = k - 2; m > 0; --m) {
        if (is_kind(m, NameWordKind::kPostnominal)) last_word = m - 1;
        else if (!at(m, ",") && !at(m, "(") && !at(m, ")")) break;
      }
      while (last_word > 0 && (at(last_word, ",") || at(last_word, "("))) --last_word;
      auto name = name_backward(last_word);
      // (a place, not a name: "Speaking at Camp Shamrock, the Tánaiste
      // said")
      if (name && name->begin > 0 && (at(name->begin - 1, "at") || at(name->begin - 1, "in")) &&
          !tok(name->begin - 1).capitalised)
        name.reset();
      // "... of the Republic of Tajikistan Sirojiddin Muhriddin, Deputy
      // Prime Minister ...": the country of a title before is no name's.
      if (name && name->words >= 3)
        for (const Mention& c : countries_)
          if (c.begin <= name->begin && name->begin < c.end && c.end < name->end && c.begin > 0 &&
              (at(c.begin - 1, "of") || at(c.begin - 1, "the"))) {
            name->words -= std::min(name->words - 1, c.end - name->begin);
            name->begin = c.end;
            break;
          }
      if (name) {
        // "..., Minister of Foreign Affairs, Migration and Tunisians Abroad,":
        // the portfolio that goes on names the state's own people abroad
        // "Benjamin Haddad, Minister Delegate for Europe (France)": the
        // state in brackets after the title.
        if (country < 0) country = bracketed_country(end);
        if (country < 0 && cell) country = row_country(name->begin);
        if (country < 0 && at(end, ",")) {
          size_t clause_end = end + 1;
          while (clause_end < tokens_.size() && clause_end < end + 16 && !at(clause_end, ".") &&
                 !tok(clause_end).break_before && (at(clause_end, ",") || at(clause_end, "and") ||
                                                    (tok(clause_end).is_word() && tok(clause_end).capitalised)))
            ++clause_end;
          country = own_people_abroad(end, clause_end);
        }
        Sighting s;
        s.first_token = name->begin;
        s.end_token = end;
        s.name = span(name->begin, name->end);
        s.units = name->words;
        s.role = role;
        s.country = country_name(country);
        s.weak = name->words < 2;
        s.rule = "name, role";
        s.matched = span(name->begin, end);
        out.push_back(std::move(s));
      }
    }
    return last;
  }

  // A portfolio for the state's own people abroad names the state: "...,
  // Cooperation and Mauritanians Abroad,", "..., African Cooperation and
  // Moroccan Expatriates," (a demonym, then "Abroad", "Expatriates" or
  // "Diaspora", between tokens `from` and `to`); -1 when none.
  int own_people_abroad(size_t from, size_t to) const {
    for (size_t k = from + 1; k < to && k < tokens_.size(); ++k)
      if ((at(k, "abroad") || at(k, "expatriates") || at(k, "diaspora")) && country_end_[k] >= 0 &&
          countries_[static_cast<size_t>(country_end_[k])].begin >= from)
        return country_end_[k];
    return -1;
  }

  // Whether what follows a name ending before token e says it is a person's
  // and the sentence goes on ("..., Ahmed Attaf, held talks", "..., Mohamed
  // Salem Ould Merzoug, who is ...", "..., Stephen Doughty."), not a place
  // ("..., Kuala Lumpur, Malaysia", "..., Buenos Aires, to the ...") or a
  // list ("..., Penny Wong and Richard Marles").
  bool ends_like_a_holder(size_t e) const {
    // (past letters after the name: "..., Jim O'Callaghan TD, today ...")
    while (e < tokens_.size() && is_kind(e, NameWordKind::kPostnominal) && !tok(e).break_before) ++e;
    if (e >= tokens_.size() || at(e, ".") || tok(e).break_before) return true;
    if (!at(e, ",") || e + 1 >= tokens_.size()) return false;
    const Token& next = tok(e + 1);
    if (!next.is_word() || next.capitalised || next.all_caps) return false;
    // ("..., Aleksa Bečić, with whom he discussed ...": a person's)
    if (at(e + 2, "whom")) return true;
    // (not a word that goes on a place or a list: "to", "of",
    // data/context-words.tsv's "not-after-holder")
    return !rules_.context_word(next.key, ContextList::kNotAfterHolder);
  }

  // The country in brackets after a title ending before token k, after the
  // rest of its portfolio ("... for Europe (France)"); else -1.
  int bracketed_country(size_t k) const {
    for (size_t words = 0; k + 2 < tokens_.size() && words < 8 && !tok(k).break_before; ++words, ++k) {
      if (at(k, "(")) {
        const int c = country_begin_[k + 1];
        return c >= 0 && at(countries_[static_cast<size_t>(c)].end, ")") ? c : -1;
      }
      if (!(tok(k).is_name_link() || (tok(k).is_word() && tok(k).capitalised)))
        return -1;
    }
    return -1;
  }

  // Whether more of a portfolio follows the comma at token c, then a comma
  // and its holder: "..., National Community Abroad and African Affairs, Mr.
  // Ahmed Attaf", "..., Foreign Trade and Immigration of Belize, the Hon.
  // Eamon Courtenay", "..., Cooperation and Mauritanians Abroad, Mohamed
  // Salem Ould Merzoug", "... for Europe, North America and Overseas
  // Territories, Stephen Doughty". The words between the commas are
  // capitalised or join them, and begin no title; without an honorific
  // after them, one of them is a portfolio's word ("Affairs",
  // "Cooperation": data/name-words.tsv, stop) and a name of two words
  // follows. Returns the comma before the holder, else 0.
  size_t portfolio_goes_on(size_t c) const {
    auto styled_at = [&](size_t k) { return honorific_at(k) || (at(k, "the") && honorific_at(k + 1)); };
    if (!at(c, ",") || styled_at(c + 1)) return 0;
    bool portfolio_word = false;
    for (size_t k = c + 1, item = c; k < tokens_.size() && k < c + 24 && !tok(k).break_before; ++k) {
      if (at(k, ",")) {
        if (k == item + 1 || k + 1 >= tokens_.size()) return 0;
        if (styled_at(k + 1)) return k;
        const size_t n = at(k + 1, "the") ? k + 2 : k + 1;
        auto name = portfolio_word && n < tokens_.size() && !tok(n).break_before ? name_forward(n) : std::nullopt;
        if (name && name->words >= 2 && ends_like_a_holder(name->end)) return k;
        // another item of the portfolio: "..., African Integration, Chadians
        // Abroad and International Cooperation, Abderaman Koulamallah"
        item = k;
        continue;
      }
      if (k > c + 1 && role_begin_[k] >= 0) return 0;
      // (not another person's title: "..., the Chief of the Joint Staff ...,
      // Brigadier General Xavier Isaac")
      if (is_kind(k, NameWordKind::kTitle) || is_kind(k, NameWordKind::kMilitary) || is_kind(k, NameWordKind::kRank))
        return 0;
      if (at(k, "and") || at(k, "&") || at(k, "of") || at(k, "the") || at(k, "for")) continue;
      // ("the Fight against Crime")
      if (at(k, "against") && k > c + 1 && tok(k - 1).capitalised && k + 1 < tokens_.size() && tok(k + 1).capitalised)
        continue;
      if (!(tok(k).is_word() && (tok(k).capitalised || tok(k).all_caps))) return 0;
      portfolio_word = portfolio_word || is_kind(k, NameWordKind::kStop);
    }
    return 0;
  }

  // More of a portfolio after the comma at token c, then its holder's name
  // with no comma between: "Minister for Home Affairs, Security and
  // Employment Byron Camilleri said". The words are portfolio words
  // (data/name-words.tsv, stop), the last two joined by "and" or "&"; the
  // name has two words or more and ends like a holder's. The state may
  // come between: "Minister of Investment, Industry and Trade of Uzbekistan
  // Laziz Kudratov" (then `*state` is its mention). Returns the name's first
  // token, else 0.
  size_t portfolio_ends_in_name(size_t c, int* state = nullptr) const {
    if (!at(c, ",")) return 0;
    bool joined = false;
    size_t k = c + 1;
    for (; k < tokens_.size() && k < c + 16 && !tok(k).break_before; ++k) {
      if (at(k, "and") || at(k, "&")) {
        if (joined || k == c + 1) return 0;
        joined = true;
        continue;
      }
      if (at(k, ",") && !joined && k > c + 1) continue;
      if (joined && at(k, "of") && !at(k - 1, "and") && !at(k - 1, "&")) break;
      if (!tok(k).is_word() || !tok(k).capitalised) return 0;
      if (!is_kind(k, NameWordKind::kStop)) break;
    }
    int of_state = -1;
    if (at(k, "of")) {
      size_t after = k;
      of_state = country_after(after, /*allow_comma=*/false);
      if (of_state < 0) return 0;
      k = after;
    }
    if (!joined || at(k - 1, "and") || at(k - 1, "&") || k >= tokens_.size() || tok(k).break_before) return 0;
    auto name = name_forward(k);
    // (after the state, the words are the holder's however they end)
    if (!name || name->words < 2 || (of_state < 0 && !ends_like_a_holder(name->end))) return 0;
    if (state && of_state >= 0) *state = of_state;
    return k;
  }

  // ", Chief of Defence Forces", ", Minister of International Relations":
  // a title of someone's own (a capitalised word, then "of" or "for") after
  // the name ending before token e.
  bool own_title_after(size_t e) const {
    if (!at(e, ",") || e + 2 >= tokens_.size()) return false;
    const size_t t = e + 1;
    if (!tok(t).is_word() || !tok(t).capitalised || tok(t).break_before) return false;
    // A title the role table knows: ", Deputy Prime Minister and Minister of
    // Foreign Affairs of New Zealand".
    if (role_begin_[t] >= 0) return true;
    for (size_t q = t + 1; q < t + 4 && q < tokens_.size(); ++q) {
      if (!(at(q, "of") || at(q, "for"))) continue;
      auto other = name_forward(t);
      return !other || other->words < 2;
    }
    return false;
  }

  // A name of two words or more, then a comma, before the title starting at
  // token k ("General Natthaphon Narkphanit, Deputy Minister ...").
  bool name_before_comma(size_t k) const {
    if (k > 0 && at(k - 1, "the")) --k;
    if (k < 3 || !at(k - 1, ",")) return false;
    auto name = name_backward(k - 2);
    if (!name || name->words < 2) return false;
    // (a place, not a person: "In New Delhi, India's Defence Minister, ...",
    // "At Camp David, the Secretary of Defense, ...": data/context-words.tsv's
    // "place-before-name")
    const size_t b = name->begin;
    return b == 0 || !rules_.context_word(tok(b - 1).key, ContextList::kPlaceBeforeName);
  }

  // "Mr Healey", "Dr. Ng": links to a minister named in full elsewhere.
  void from_honorifics(std::vector<Sighting>& out) const {
    for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
      if (!is_kind(i, NameWordKind::kHonorific) || !(tok(i).capitalised || tok(i).all_caps)) continue;
      size_t j = i + 1;
      if (at(j, ".") && !tok(j).space_before) ++j;
      if (j >= tokens_.size() || !name_word(j)) continue;
      size_t end = joined_tail(j + 1);
      // "Mr. Aziz Akhannouch": the surname is the last of the words that
      // follow (surname_key), not "Aziz", which had linked to another known
      // Aziz.
      if (auto name = name_forward(j); name && name->words >= 2) end = name->end;
      Sighting s;
      s.first_token = j;
      s.name_end = end;
      s.name = span(j, end);
      s.units = 1;
      s.weak = true;
      s.rule = kHonorificRule;
      s.matched = span(i, end);
      out.push_back(std::move(s));
    }
  }

  // "We, Alexander Dobrindt (Germany), Gerhard Karner (Austria), ... and
  // Tomasz Siemoniak (Poland), are united ...": names, each with its
  // country in brackets, two or more in a list, one of them a minister
  // found already: each one that country's minister.
  // For each token, whether a sighting's name covers it: 2 a name's, 1
  // only a weak sighting's (a surname alone), else 0.
  std::vector<char> sighted_tokens(const std::vector<Sighting>& out) const {
    std::vector<char> covered(tokens_.size() + 1, 0);
    for (const Sighting& f : out)
      for (size_t t = f.first_token; t < f.name_stop() && t < tokens_.size(); ++t)
        covered[t] = std::max<char>(covered[t], f.weak ? 1 : 2);
    return covered;
  }

  void from_bracketed_countries(std::vector<Sighting>& out) const {
    struct Item {
      NameSpan name;
      int country;
    };
    // "NAME (COUNTRY)" ending at the ")" before token k, else nullopt.
    auto item_at = [&](size_t open) -> std::optional<Item> {
      if (open < 2 || !at(open, "(") || country_begin_[open + 1] < 0) return std::nullopt;
      const int c = country_begin_[open + 1];
      if (!at(countries_[static_cast<size_t>(c)].end, ")")) return std::nullopt;
      auto name = name_backward(open - 1);
      if (!name || name->words < 2 || name->end != open) return std::nullopt;
      return Item{*name, c};
    };
    // The tokens of the names found so far (weak ones apart), and those
    // names: looked up, not scanned, for each item (a hostile text may hold
    // thousands of both).
    const std::vector<char> covered = sighted_tokens(out);
    std::unordered_set<std::string> names;
    for (const Sighting& f : out)
      if (!f.weak) names.insert(f.name);
    auto covered_by = [&](const NameSpan& n, char least) {
      for (size_t t = n.begin; t < n.end; ++t)
        if (covered[t] >= least) return true;
      return false;
    };
    // (a known name, or one a minister's title gave, here or elsewhere)
    auto minister_at = [&](const NameSpan& n) {
      return rules_.known_minister_names.match_at(text_, tokens_, n.begin) || covered_by(n, 2) ||
             names.count(span(n.begin, n.end)) > 0;
    };
    // (a name found already, in the list: not sighted twice)
    auto sighted_at = [&](const NameSpan& n) {
      return covered_by(n, 1) || rules_.known_minister_names.match_at(text_, tokens_, n.begin).has_value();
    };
    for (size_t open = 0; open < tokens_.size(); ++open) {
      std::vector<Item> items;
      size_t k = open;
      while (auto item = item_at(k)) {
        items.push_back(*item);
        size_t next = countries_[static_cast<size_t>(item->country)].end + 1;  // past ")"
        if (at(next, ",")) ++next;
        if (at(next, "and")) ++next;
        // (the next item's "(": past its name, at most four words)
        size_t paren = next;
        while (paren < tokens_.size() && paren < next + 5 && !at(paren, "(") && tok(paren).is_word()) ++paren;
        if (paren == next || !at(paren, "(")) break;
        k = paren;
      }
      if (items.empty()) continue;
      open = countries_[static_cast<size_t>(items.back().country)].end;
      if (items.size() < 2 ||
          std::none_of(items.begin(), items.end(), [&](const Item& it) { return minister_at(it.name); }))
        continue;
      for (const Item& it : items) {
        const std::string matched = span(it.name.begin, countries_[static_cast<size_t>(it.country)].end + 1);
        if (sighted_at(it.name)) {
          // (a known name in the list is a minister's here, whatever its
          // terms: "Tomasz Siemoniak (Poland)" among interior ministers)
          for (size_t i = out.size(); i-- > 0;)
            if (out[i].first_token == it.name.begin && out[i].rule == kKnownNameRule) {
              out[i].rule = kListRule;
              out[i].matched = matched;
              break;
            }
          continue;
        }
        Sighting s;
        s.first_token = it.name.begin;
        s.end_token = it.name.end;
        s.name = span(it.name.begin, it.name.end);
        s.units = it.name.words;
        s.role = "Minister";
        s.country = country_name(it.country);
        s.rule = kListRule;
        s.matched = matched;
        out.push_back(std::move(s));
      }
    }
  }

  // "The two home affairs ministers, Kazembe Kazembe of Zimbabwe and Leon
  // Schreiber of South Africa, met": a plural minister's title, a comma,
  // then two names or more, each with "of COUNTRY" after it.
  void from_plural_title(std::vector<Sighting>& out) const {
    std::vector<char> covered;  // sighted_tokens(out), once a list is found
    struct Item {
      NameSpan name;
      int country;
    };
    for (size_t k = 0; k + 2 < tokens_.size(); ++k) {
      if (!tok(k).is("ministers") || !at(k + 1, ",")) continue;
      // (not "the former foreign ministers, ...")
      bool former = false;
      for (size_t b = k; b > 0 && b + 4 > k; --b) former = former || is_kind(b - 1, NameWordKind::kFormer);
      if (former) continue;
      std::vector<Item> items;
      size_t p = k + 2;
      while (p < tokens_.size() && !tok(p).break_before) {
        auto name = name_forward(p);
        if (!name || name->words < 2 || !at(name->end, "of")) break;
        size_t c = name->end + 1;
        if (at(c, "the")) ++c;
        if (c >= tokens_.size() || country_begin_[c] < 0) break;
        const int country = country_begin_[c];
        items.push_back(Item{*name, country});
        p = countries_[static_cast<size_t>(country)].end;
        if (at(p, ",")) ++p;
        if (at(p, "and")) ++p;
        else if (!at(p - 1, ",")) break;
      }
      if (items.size() < 2) continue;
      if (covered.empty()) covered = sighted_tokens(out);
      // The portfolio before "ministers": "foreign", "defence" (up to three words back).
      std::string role = "Minister";
      for (size_t b = k; b > 0 && b + 3 >= k; --b) {
        if (at(b - 1, "foreign")) role = "Foreign Minister";
        if (at(b - 1, "defense")) role = "Defense Minister";
      }
      for (const Item& it : items) {
        bool seen = false;
        for (size_t t = it.name.begin; t < it.name.end; ++t) seen = seen || covered[t];
        if (seen) continue;
        Sighting s;
        s.first_token = it.name.begin;
        s.end_token = it.name.end;
        s.name = span(it.name.begin, it.name.end);
        s.units = it.name.words;
        s.role = role;
        s.country = country_name(it.country);
        s.rule = "plural title, then name of country";
        s.matched = span(k > 0 ? k - 1 : k, countries_[static_cast<size_t>(it.country)].end);
        out.push_back(std::move(s));
      }
    }
  }

  // Whether every word of a sighting's name is in capitals.
  bool all_caps_name(const Sighting& s) const {
    size_t end = s.name_stop();
    if (end <= s.first_token || end > tokens_.size()) return false;
    for (size_t k = s.first_token; k < end; ++k)
      if (tok(k).is_word() && !tok(k).all_caps) return false;
    return true;
  }

  // Whether the line of token i has a lowercase word: a sentence, not a
  // headline in title case ("Penny Wong Visit Sparks Row").
  // (Worked out for every line at once: a line of 300,000 names was read
  // once a name.)
  bool in_sentence(size_t i) const {
    if (sentence_line_.empty()) {
      sentence_line_.assign(tokens_.size(), false);
      for (size_t b = 0; b < tokens_.size();) {
        size_t e = b + 1;
        while (e < tokens_.size() && !tok(e).break_before) ++e;
        bool sentence = false;
        for (size_t k = b; k < e && !sentence; ++k)
          sentence = tok(k).is_word() && !tok(k).capitalised && !tok(k).all_caps && tok(k).end - tok(k).begin > 3 &&
                     !is_kind(k, NameWordKind::kParticle);
        std::fill(sentence_line_.begin() + static_cast<std::ptrdiff_t>(b),
                  sentence_line_.begin() + static_cast<std::ptrdiff_t>(e), sentence);
        b = e;
      }
    }
    return i < sentence_line_.size() && sentence_line_[i];
  }

  // The end of a known name written in full from token `end` on: "Iván
  // Velásquez Gómez", "Mohammed bin Salman bin Abdulaziz Al Saud".
  size_t written_on(size_t end) const {
    const size_t n = tokens_.size();
    for (size_t k = end; k < n && !tok(k).break_before && tok(k).space_before && !joins_people(k);) {
      if (name_word(k) && country_begin_[k] < 0) {
        end = k = joined_tail(k + 1);
      } else if (is_kind(k, NameWordKind::kParticle) && k + 1 < n && !tok(k + 1).break_before &&
                 (name_word(k + 1) || is_kind(k + 1, NameWordKind::kParticle))) {
        ++k;
      } else {
        break;
      }
    }
    return end;
  }

  // Known ministers' names in the text, also with a middle initial the
  // knowledge base does not write ("David J. McGuinty" for David
  // McGuinty), in text order.
  std::vector<PhraseMatch> known_names() const {
    std::vector<PhraseMatch> matches = rules_.known_minister_names.find_all(text_, tokens_);
    // The tokens without such initials (a capital letter and its dot
    // between two capitalised words), and where each came from.
    auto initial_at = [&](size_t i) {
      return i > 0 && i + 2 < tokens_.size() && tok(i).key.size() == 1 && tok(i).capitalised && at(i + 1, ".") &&
             !tok(i + 1).space_before && tok(i - 1).is_word() && tok(i - 1).capitalised && tok(i + 2).is_word() &&
             tok(i + 2).capitalised && tok(i + 2).key.size() > 1 && !tok(i).break_before;
    };
    // (Most texts have none: their tokens are not copied.)
    size_t first = 0;
    while (first < tokens_.size() && !initial_at(first)) ++first;
    if (first == tokens_.size()) return matches;
    std::vector<Token> without(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(first));
    std::vector<size_t> origin(first);
    std::iota(origin.begin(), origin.end(), size_t{0});
    for (size_t i = first; i < tokens_.size(); ++i) {
      if (initial_at(i)) {
        ++i;
        continue;
      }
      without.push_back(tok(i));
      origin.push_back(i);
    }
    std::vector<char> taken(tokens_.size(), 0);
    for (const PhraseMatch& m : matches) std::fill(taken.begin() + m.begin, taken.begin() + m.end, 1);
    const size_t found = matches.size();
    for (const PhraseMatch& m : rules_.known_minister_names.find_all(text_, without)) {
      const size_t begin = origin[m.begin], end = origin[m.end - 1] + 1;
      if (end - begin == m.end - m.begin) continue;  // (no initial inside: found above)
      if (std::any_of(taken.begin() + begin, taken.begin() + end, [](char c) { return c != 0; })) continue;
      matches.push_back({begin, end, m.entry});
    }
    if (matches.size() > found)
      std::sort(matches.begin(), matches.end(), [](const PhraseMatch& a, const PhraseMatch& b) { return a.begin < b.begin; });
    return matches;
  }

  // A surname right after a country's possessive, with no title, when it
  // is one known minister's of that country ("Norway's Sandvik", "Japan's
  // Nakatani said"): the wire's second mention. Not a full name ("Japan's
  // Gen Nakatani", found as such), nor a surname several known ministers
  // have, nor one of another country's ("Japan's Wang": someone else).
  void from_country_and_surname(std::vector<Sighting>& out) const {
    std::vector<char> taken(tokens_.size() + 1, 0);
    for (const Sighting& s : out)
      for (size_t k = s.first_token; k < s.name_stop() && k < tokens_.size(); ++k) taken[k] = 1;
    for (size_t k = 3; k < tokens_.size(); ++k) {
      const Token& word = tok(k);
      if (taken[k] || !word.is_word() || !word.capitalised || word.all_caps || word.break_before) continue;
      int m = -1;
      if (at(k - 1, "s") && at(k - 2, "'") && !tok(k - 1).space_before) m = country_end_[k - 2];
      if (m < 0) continue;
      // (one word: a capitalised word after it goes on with the name)
      if (tok(k + 1).is_word() && (tok(k + 1).capitalised || tok(k + 1).all_caps) && !tok(k + 1).break_before)
        continue;
      auto it = rules_.known_by_word.find(surname_key(span(k, k + 1), rules_));
      if (it == rules_.known_by_word.end() || it->second.size() != 1) continue;
      const KnownMinister& known = rules_.known_ministers[it->second.front()];
      if (known.country != country_name(m)) continue;
      // (in office on the briefing's date, when both are known: "Japan's
      // Kishida" in a 2026 story may be the former prime minister)
      if (!date_.empty() && !known.terms.empty() && !known.in_office(date_)) continue;
      Sighting s;
      s.first_token = k;
      s.end_token = k + 1;
      s.name = span(k, k + 1);
      s.units = 1;
      s.known = static_cast<int>(it->second.front());
      s.country = known.country;
      s.rule = "country's + surname";
      s.matched = span(countries_[static_cast<size_t>(m)].begin, k + 1);
      out.push_back(std::move(s));
    }
  }

  // Names of known ministers written anywhere ("Germany's Boris Pistorius
  // confirmed", "Kihara Minoru"), even without a title.
  void from_knowledge_base(std::vector<Sighting>& out) const {
    // The sightings a match overlaps, found through their starts (a long
    // text names the same minister thousands of times: no pair-by-pair
    // scan).
    const size_t earlier = out.size();
    std::vector<size_t> by_start(earlier);
    for (size_t i = 0; i < earlier; ++i) by_start[i] = i;
    std::sort(by_start.begin(), by_start.end(),
              [&](size_t a, size_t b) { return out[a].first_token < out[b].first_token; });
    size_t longest = 0, longest_new = 0;
    for (size_t i = 0; i < earlier; ++i) longest = std::max(longest, out[i].end_token - out[i].first_token);
    const std::vector<PhraseMatch> matches = known_names();
    // "President Maia Sandu ... said Maia Sandu": a known name that another
    // title (data/name-words.tsv, title, or one of the role table's that is
    // no minister's; not a rank, which a minister may hold) comes right
    // before, or after it set off by a comma, anywhere in the text is that
    // person's everywhere, unless a minister's title names them (a sighting
    // of its own).
    std::unordered_set<size_t> titled_other;
    // (after_other_title and before_other_title of each match, asked once)
    std::vector<char> after_title(matches.size()), before_title(matches.size());
    for (size_t i = 0; i < matches.size(); ++i) {
      const PhraseMatch& m = matches[i];
      after_title[i] = after_other_title(m.begin, m.end);
      size_t j = m.begin > 0 ? m.begin - 1 : 0;
      if (j > 0 && at(j, ".")) --j;
      // A rank before a known minister's name, in a briefing dated in the
      // person's term, is the minister's own ("when I met Admiral Dong
      // Jun", China's Minister of National Defense).
      const KnownMinister& known = rules_.known_ministers[m.entry];
      if (after_title[i] && m.begin > 0 && !date_.empty() && !known.terms.empty() && known.in_office(date_) &&
          (is_kind(j, NameWordKind::kRank) || is_kind(j, NameWordKind::kMilitary)) && role_end_[j + 1] < 0 &&
          !(j > 0 && is_kind(j - 1, NameWordKind::kTitle)))
        after_title[i] = false;
      const bool other_before = m.begin > 0 && (is_kind(j, NameWordKind::kTitle) ||
                                                (role_end_[m.begin] >= 0 &&
                                                 rules_.roles.name(roles_[static_cast<size_t>(role_end_[m.begin])].entry) == "-"));
      before_title[i] = before_other_title(m.end);
      if ((after_title[i] && other_before) || before_title[i]) titled_other.insert(m.entry);
    }
    for (size_t i = 0; i < matches.size(); ++i) {
      const PhraseMatch& m = matches[i];
      // (a father's name in a longer one: "Sheikh Hamdan bin Mohammed bin
      // Rashid Al Maktoum" names the son)
      if (m.begin > 0 && patronymic(tok(m.begin - 1), rules_)) continue;
      bool seen = false;
      auto visit = [&](Sighting& s) {
        if (!(m.begin < s.end_token && s.first_token < m.end)) return;
        if (s.known < 0 && s.units >= 2) s.known = static_cast<int>(m.entry);
        seen = true;
      };
      const size_t from = m.begin > longest ? m.begin - longest : 0;
      auto it = std::lower_bound(by_start.begin(), by_start.end(), from,
                                 [&](size_t i, size_t token) { return out[i].first_token < token; });
      for (; it != by_start.end() && out[*it].first_token < m.end; ++it) visit(out[*it]);
      for (size_t k = out.size(); k > earlier && out[k - 1].first_token + longest_new >= m.begin; --k)
        visit(out[k - 1]);
      if (seen || after_title[i] || titled_other.count(m.entry) || before_title[i]) continue;
      // (a place named after the person, up to two words of its own between:
      // "Hun Sen Street", "Manohar Parrikar Vijay Dwar")
      size_t place = m.end;
      while (place < tokens_.size() && place < m.end + 2 && tok(place).is_word() && tok(place).capitalised &&
             !tok(place).break_before && !is_kind(place, NameWordKind::kPlace))
        ++place;
      if (place < tokens_.size() && is_kind(place, NameWordKind::kPlace) && !tok(place).break_before) continue;
      size_t end = in_sentence(m.begin) ? written_on(m.end) : m.end;
      Sighting s;
      s.first_token = m.begin;
      s.end_token = end;
      s.name = span(m.begin, end);
      s.units = 2;
      s.known = static_cast<int>(m.entry);
      s.rule = kKnownNameRule;
      s.matched = s.name;
      longest_new = std::max(longest_new, end - m.begin);
      out.push_back(std::move(s));
    }
  }

  // "trade minister Todd McClay": a lowercase "minister" right after a
  // portfolio of data/portfolio-words.txt, which the role table's
  // single-word "Minister" (capitalised only) does not find.
  // "Dominic LeBlanc, the minister responsible for Canada-U.S. trade,":
  // a name of two words or more, a comma, "the", then "minister" at token k
  // and its post ("for", "of", "responsible for").
  bool post_in_apposition(size_t k) const {
    if (k < 4 || !at(k - 1, "the") || !at(k - 2, ",")) return false;
    if (!(at(k + 1, "for") || at(k + 1, "of") || (at(k + 1, "responsible") && at(k + 2, "for")))) return false;
    auto name = name_backward(k - 3);
    return name && name->words >= 2 && name->end == k - 2;
  }

  void add_lowercase_ministers() {
    const int minister = rules_.roles.lookup("Minister");
    if (minister < 0) return;
    std::vector<char> covered(tokens_.size() + 1, 0);
    for (const Mention& m : roles_)
      for (size_t t = m.begin; t < m.end; ++t) covered[t] = 1;
    const size_t before = roles_.size();
    for (size_t k = 1; k < tokens_.size(); ++k)
      if (!covered[k] && tok(k).is("minister") && !tok(k).capitalised && !tok(k).all_caps &&
          ((lowercase_portfolio_before(k) != k && !covered[k - 1]) || post_in_apposition(k)))
        roles_.push_back(Mention{k, k + 1, static_cast<uint32_t>(minister)});
    if (roles_.size() != before)
      std::sort(roles_.begin(), roles_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }

  // Where a lowercase portfolio of data/portfolio-words.txt ends right
  // before the role at token i ("trade minister", "home affairs minister"):
  // its first token, else i.
  size_t lowercase_portfolio_before(size_t i) const {
    constexpr size_t kMaxWords = 3;
    for (size_t words = kMaxWords; words >= 1; --words) {
      if (i < words) continue;
      const size_t k = i - words;
      // words on the role's line, lowercase but for the first ("Trade
      // minister Todd McClay said" at the start of a sentence)
      bool plain = true;
      for (size_t t = k; t <= i && plain; ++t)
        plain = !tok(t).break_before || t == k;
      for (size_t t = k; t < i && plain; ++t)
        plain = tok(t).is_word() && !tok(t).all_caps && (t == k || !tok(t).capitalised);
      if (!plain) continue;
      if (auto m = rules_.portfolio_words.match_at(text_, tokens_, k); m && m->end == i) return k;
    }
    return i;
  }

  // "former", "ex-" or "the late" before the role at token i, or before
  // the country that comes first ("the former Dutch prime minister").
  bool held_no_longer(size_t i) const {
    auto former_at = [&](size_t k) {
      // "by then defence minister Mariusz Błaszczak"; "my predecessor,
      // Secretary Enrique Manalo"
      if (k >= 1 && (is_kind(k - 1, NameWordKind::kFormer) || (at(k - 1, "then") && !tok(k - 1).capitalised)))
        return true;
      if (k >= 2 && at(k - 1, ",") && is_kind(k - 2, NameWordKind::kFormer) && !tok(k - 2).capitalised) return true;
      // "ex-minister", "then-Defence Minister" (the hyphen says which "Then")
      return k >= 2 && at(k - 1, "-") && !tok(k - 1).space_before &&
             (is_kind(k - 2, NameWordKind::kFormer) || at(k - 2, "then"));
    };
    if (i > 0 && at(i - 1, "acting")) --i;
    if (former_at(i)) return true;
    // (an agency's acronym between: "then-DAPA Minister Eom Dong-hwan")
    if (i > 0 && tok(i - 1).is_word() && tok(i - 1).all_caps && tok(i - 1).key.size() >= 2 && former_at(i - 1))
      return true;
    int country = country_before(i);
    if (country >= 0 && former_at(countries_[static_cast<size_t>(country)].begin)) return true;
    return then_covers(i);
  }

  // "then Foreign Minister Yoko Kamikawa and Defense Minister Minoru
  // Kihara": a "then" before the first of two titles joined by "and",
  // each with its name, covers the second too.
  bool then_covers(size_t i) const {
    if (i < 3 || !at(i - 1, "and")) return false;
    for (size_t m = i - 2, words = 0; m > 0 && words < 5 && tok(m).is_word() && (tok(m).capitalised || tok(m).all_caps);
         --m, ++words) {
      if (role_end_[m] < 0) continue;
      size_t b = roles_[static_cast<size_t>(role_end_[m])].begin;
      // (not a title written otherwise, another's style: "then secretary
      // of state Antony Blinken and Foreign Minister Penny Wong")
      if (tok(b).capitalised != tok(i).capitalised) return false;
      if (const int c = country_before(b); c >= 0) b = countries_[static_cast<size_t>(c)].begin;
      return b >= 1 && at(b - 1, "then") && !tok(b - 1).capitalised;
    }
    return false;
  }

  // A role that is not a minister's now: "Secretary-General", "former
  // Defence Minister".
  bool other_role(const Mention& r) const {
    // "Ministers" is listed as no minister's title (no one person follows
    // it), but "Prime Ministers Keir Starmer and Donald Tusk" are ministers.
    if (r.end > r.begin && tok(r.end - 1).is("ministers")) return false;
    return rules_.roles.name(r.entry) == "-" || held_no_longer(r.begin) || served_by_staff(r.begin);
  }

  // A minister's title that names whom a staff serves, not the name after
  // it: "the Adviser to the Minister of Defence, Mr X", "the Director
  // General of the Office of His Highness the Minister of Foreign Affairs,
  // Mr Y" (data/page-words.tsv, "staff").
  bool served_by_staff(size_t i) const {
    size_t k = i;
    // (past "the", "His Highness": data/context-words.tsv's "before-staff")
    while (k > 0 && rules_.context_word(tok(k - 1).key, ContextList::kBeforeStaff)) --k;
    // ("the Adviser to the Saudi Minister of Defence")
    if (const int country = country_before(k); country >= 0) {
      k = countries_[static_cast<size_t>(country)].begin;
      while (k > 0 && at(k - 1, "the")) --k;
    }
    if (k < 2 || !(at(k - 1, "to") || at(k - 1, "of")) || tok(k - 1).capitalised) return false;
    const Token& before = tok(k - 2);
    return before.is_word() && rules_.page_word(before.key, PageWordKind::kStaff);
  }

  // "President Prabowo Subianto", "NATO Secretary General Mark Rutte",
  // "Nato's secretary general, Mark Rutte": a title that is not a
  // minister's comes just before.
  bool after_other_title(size_t i, size_t end) const {
    if (i == 0) return false;
    size_t j = i - 1;
    if (at(j, ".") && j > 0) --j;  // "Gen."
    if (is_kind(j, NameWordKind::kTitle)) return !titled_known_minister(j);
    // A rank alone says nothing (a known minister can be a general: "in the
    // presence of General Abdel Mageed Saqr, ..., Minister of Defense"),
    // after a title that is no minister's it does ("the Chief of Defence
    // Staff, Gen. Christopher Musa").
    if (is_kind(j, NameWordKind::kRank) || is_kind(j, NameWordKind::kMilitary)) {
      // (the end of a title that is no minister's: "NATO Secretary General
      // Mark Rutte")
      if (role_end_[j + 1] >= 0 || (j > 0 && is_kind(j - 1, NameWordKind::kTitle))) return true;
      if (j >= 2 && at(j - 1, ","))
        for (size_t k = j - 1; k-- > 0 && k + 8 > j;) {
          if (is_kind(k, NameWordKind::kTitle)) return true;
          if (at(k, ",") || at(k, ".") || (tok(k).break_before && !tok(k).soft_break)) break;
        }
      // "counterpart" before the rank ("my counterpart, Admiral Dong Jun"),
      // or a minister's title of his own after the name: else the rank is
      // the person's title ("former chief of staff Lt. Gen. Benny Gantz",
      // "a visit by General Prabowo Subianto").
      size_t before = j;
      while (before > 0 && (at(before - 1, ",") || at(before - 1, "."))) --before;
      if (before > 0 && (at(before - 1, "counterpart") || at(before - 1, "counterparts"))) return false;
      // (his own title, set off after the name: "General Abdel Mageed Saqr,
      // Commander-in-Chief of the Armed Forces, Minister of Defense", not
      // "General Prabowo Subianto met Defence Minister Sjafrie")
      if (!at(end, ",")) return true;
      constexpr size_t kNear = 20;
      for (size_t k = end + 1; k < tokens_.size() && k < end + kNear && !at(k, "."); ++k) {
        if (role_begin_[k] >= 0)
          return rules_.roles.name(roles_[static_cast<size_t>(role_begin_[k])].entry) == "-";
        const Token& t = tok(k);
        if (t.is_word() && !t.capitalised && !t.all_caps &&
            !(t.is_name_link() || t.is("in") || t.is("member") || t.is("a")))
          return true;
      }
      return true;
    }
    // "President of Latvia Edgars Rinkēvičs"
    if (country_end_[i] >= 0) {
      size_t c = countries_[static_cast<size_t>(country_end_[i])].begin;
      if (c >= 2 && at(c - 1, "of") && is_kind(c - 2, NameWordKind::kTitle)) return true;
      // "President of the Republic of Indonesia Prabowo Subianto"
      if (c >= 3 && at(c - 1, "the") && at(c - 2, "of") && is_kind(c - 3, NameWordKind::kTitle)) return true;
    }
    // "the High Representative of the European Union, Ms Kaja Kallas": back
    // over honorifics, a comma and the title's "of ..." to the nearest title.
    size_t k = i;
    auto honorific_before = [&](size_t at_k) {
      return is_kind(at_k - 1, NameWordKind::kHonorific) ||
             (at(at_k - 1, ".") && at_k > 1 && is_kind(at_k - 2, NameWordKind::kHonorific));
    };
    while (k > 0 && honorific_before(k)) --k;
    // "Crown Prince Mohammed bin Salman"
    if (k < i && k > 0 && (is_kind(k - 1, NameWordKind::kTitle) || is_kind(k - 1, NameWordKind::kMilitary)))
      return true;
    while (k > 0 && (honorific_before(k) || at(k - 1, "the"))) --k;
    const bool comma = k > 0 && at(k - 1, ",");
    if (comma) --k;
    // "under the then minister, Salviano ...", "former minister Javier
    // García", "his predecessor as minister, ...": a post held then, in up
    // to three lowercase words after "former" or "then".
    for (size_t p = k, words = 0; p > 0 && words <= 3; --p, ++words) {
      const Token& w = tok(p - 1);
      if (!w.is_word() || w.capitalised || w.all_caps) break;
      if (words > 0 && (is_kind(p - 1, NameWordKind::kFormer) || at(p - 1, "then"))) return true;
    }
    // "his predecessor, Joseph Wu", "succeeding Laurynas Kasčiūnas", "took
    // over the portfolio from Bjørn Arild Gram": someone who held the post.
    if (k > 0 && is_kind(k - 1, NameWordKind::kFormer)) return true;
    // (a portfolio of up to three words between it and an honorific that
    // is a title: "former Foreign Affairs CS Alfred Mutua")
    if (!comma && k < i)
      for (size_t p = k, words = 0; p > 0 && words <= 3; --p, ++words) {
        if (is_kind(p - 1, NameWordKind::kFormer)) return words > 0;
        if (!tok(p - 1).is_word() || !(tok(p - 1).capitalised || tok(p - 1).is_name_link())) break;
      }
    if (k > 1 && at(k - 1, "from"))
      // ("took over the foreign ministry in November last year from")
      for (size_t o = k - 1; o > 1 && o + 12 > k; --o)
        if (at(o - 1, "over") && (at(o - 2, "took") || at(o - 2, "take") || at(o - 2, "takes") ||
                                  at(o - 2, "taking") || at(o - 2, "taken")))
          return true;
    for (int steps = 0; k > 0 && steps < 12; ++steps, --k) {
      if (role_end_[k] >= 0) return other_role(roles_[static_cast<size_t>(role_end_[k])]);
      const size_t t = k - 1;
      // "Vice-President of the European Commission, Kaja Kallas"; not
      // "Senator the Hon Penny Wong".
      // ("President of the Republic Alexander Stubb": a title of something,
      // without the comma, too.)
      if (is_kind(t, NameWordKind::kTitle) || is_kind(t, NameWordKind::kMilitary)) return comma || at(t + 1, "of");
      if (tok(t).break_before && t + 1 < i) return false;
      if (!(tok(t).is_name_link() || at(t, "-") || tok(t).capitalised || tok(t).all_caps))
        return false;
      // "Prime Ministers Keir Starmer and Donald Tusk": another person's
      // name before "and", not a title's words ("Foreign Affairs and").
      if (at(t, "and") && t > 0) {
        auto other = name_backward(t - 1);
        if (other && other->words >= 2) return false;
      }
    }
    return false;
  }

  // "Mark Rutte, Nato's secretary general", "Mark Rutte, the former Dutch
  // prime minister": such a title follows the name ending before token i.
  bool before_other_title(size_t i) const {
    if (gave_up_title(i)) return true;
    if (!at(i, ",")) return false;
    // "David Francis, a senior fellow at the Atlantic Council", "Mohammad
    // Mustafa, a Kabul shopkeeper": someone else of that name, unless the
    // words say a minister ("..., a former foreign minister" is no more one,
    // nor "..., a former Latvian foreign and defence minister")
    if (at(i + 1, "a") || at(i + 1, "an")) {
      bool former = false;
      for (size_t k = i + 2; k < tokens_.size() && k < i + 10 && !at(k, ",") && !at(k, "."); ++k) {
        former = former || is_kind(k, NameWordKind::kFormer);
        if (role_begin_[k] >= 0) return former || other_role(roles_[static_cast<size_t>(role_begin_[k])]);
      }
      return true;
    }
    // "Jorge Faurie, who served as foreign minister under Mauricio Macri",
    // "..., who was defence minister until 2019": a title held before.
    if (at(i + 1, "who")) {
      size_t k = i + 2;
      if (at(k, "served") && at(k + 1, "as")) k += 2;
      else if (at(k, "was") || (at(k, "had") && at(k + 1, "been"))) k += at(k, "was") ? 1 : 2;
      else return false;
      if (at(k, "a") || at(k, "an") || at(k, "the") || at(k, "previously") || at(k, "formerly") || at(k, "once")) ++k;
      return title_after_owner(k);
    }
    ++i;
    if (at(i, "the")) ++i;
    // "Prabowo Subianto, then Indonesia's defence minister and now its
    // president": a title held then.
    const bool then = at(i, "then") && !tok(i).capitalised;
    if (then) ++i;
    // Whose title it is: "Nato's", "the EU's", "Dutch".
    for (size_t words = 0; i < tokens_.size() && words < 4 && role_begin_[i] < 0; ++words) {
      if (is_kind(i, NameWordKind::kFormer) || country_begin_[i] >= 0 || tok(i).capitalised || tok(i).all_caps)
        ++i;
      else if ((at(i, "'") && at(i + 1, "s")))
        i += 2;
      else
        return false;
      if (at(i, "-") && is_kind(i - 1, NameWordKind::kFormer)) ++i;
    }
    if (i >= tokens_.size() || role_begin_[i] < 0) return false;
    const Mention& role = roles_[static_cast<size_t>(role_begin_[i])];
    return (then || other_role(role)) && !names_next(role.end);
  }

  // "Marcel Ciolacu stepped down as prime minister", "resigned as Foreign
  // Minister": a word of data/context-words.tsv's "left-post" at token i,
  // then "as" ("down as", "from the post of") and a title, up to three
  // words (a country's) before it.
  bool gave_up_title(size_t i) const {
    if (i >= tokens_.size() || !tok(i).is_word() || tok(i).capitalised ||
        !rules_.context_word(tok(i).key, ContextList::kLeftPost))
      return false;
    size_t k = i + 1;
    if (at(k, "down")) ++k;
    if (at(k, "from") && at(k + 1, "the") && at(k + 2, "post") && at(k + 3, "of")) k += 3;
    if (!at(k, "as") && !at(k, "of")) return false;
    ++k;
    if (at(k, "the")) ++k;
    return title_after_owner(k);
  }

  // A title begins at token k, or after up to three words that say whose
  // it is ("Nato's", "Romania's", "Latvian").
  bool title_after_owner(size_t k) const {
    for (size_t words = 0; k < tokens_.size() && words < 3 && role_begin_[k] < 0; ++words, ++k)
      if (!(country_begin_[k] >= 0 || tok(k).capitalised || (at(k, "'") && at(k + 1, "s")) || at(k, "s")))
        return false;
    return k < tokens_.size() && role_begin_[k] >= 0;
  }

  // A name comes after the title ending before token i, so the title is
  // that person's: "Mr David Lammy, the High Representative of the European
  // Union, Ms Kaja Kallas", "…, NATO Secretary General Mark Rutte".
  bool names_next(size_t i) const {
    if (at(i, "of") || at(i, "for")) {
      i = title_words_end(i, tokens_.size());
      if (!at(i, ",")) return false;
      ++i;
    }
    if (i >= tokens_.size() || tok(i).break_before) return false;
    if (is_kind(i, NameWordKind::kHonorific)) return true;
    auto name = name_forward(i);
    return name && name->words >= 2;
  }

  // Who a sighting is, from the knowledge base: a full name as listed, or a
  // surname only one known minister has. Fills in a missing country or role.
  void recognise(Sighting& s) const {
    if (s.units >= 2) {
      s.name = without_nickname(s.name);  // "Gilberto "Gibo" Teodoro Jr." is known by his name
      std::vector<Token> t = tokenize(s.name, rules_.variants);
      auto m = rules_.known_minister_names.match_at(s.name, t, 0);
      // "M. Sébastien Lecornu" (French "Monsieur"): a letter before a
      // known full name is no initial of it.
      if (!m && t.size() > 3 && t[0].is_word() && t[0].key.size() == 1 && t[1].is(".")) {
        auto rest = rules_.known_minister_names.match_at(s.name, t, 2);
        if (rest && rest->end == t.size()) {
          m = rest;
          s.name = s.name.substr(t[2].begin);
        }
      }
      // "Gilberto C. Teodoro, Jr.", listed as "Gilberto Teodoro": middle
      // initials and a generational suffix left out.
      if (!m || m->end != t.size()) {
        const std::string bare = without_initials_and_suffix(s.name, t);
        if (bare.size() != s.name.size()) {
          const std::vector<Token> bt = tokenize(bare, rules_.variants);
          auto bm = rules_.known_minister_names.match_at(bare, bt, 0);
          if (bm && bm->end == bt.size()) m = bm, t = bt;
        }
      }
      if (m && m->end == t.size()) {
        s.known = static_cast<int>(m->entry);
      } else if (m && m->end >= 2 && t[m->end].capitalised) {
        // A title-case headline ran on past the name: "Chan Chun Sing
        // Receives New Zealand Minister". A suffix is still the name
        // ("José Múcio Monteiro Filho"), and so is the rest of a name
        // written in full in a sentence ("Iván Velásquez Gómez").
        s.known = static_cast<int>(m->entry);
        if (in_sentence(s.first_token)) return finish_known(s);
        const NameWordKind* next = rules_.name_word(t[m->end].key);
        if (!next || *next != NameWordKind::kSuffix) s.name = s.name.substr(0, t[m->end - 1].end);
      }
    }
    if (s.known < 0 && s.units == 1) {
      auto it = rules_.known_by_word.find(surname_key(s.name, rules_));
      if (it != rules_.known_by_word.end() && it->second.size() == 1) s.known = static_cast<int>(it->second[0]);
      // (two known ministers folded alike, told apart by the accents as
      // written: "Orbán" is Viktor Orbán, "Orban" either him or Ludovic Orban)
      if (it != rules_.known_by_word.end() && it->second.size() > 1 &&
          std::any_of(s.name.begin(), s.name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        int only = -1;
        for (uint32_t id : it->second) {
          const std::string& full = rules_.known_ministers[id].name;
          const size_t space = full.rfind(' ');
          if (full.compare(space == std::string::npos ? 0 : space + 1, std::string::npos, s.name) != 0) continue;
          only = only < 0 ? static_cast<int>(id) : -2;
        }
        if (only >= 0) s.known = only;
      }
    }
    if (s.known >= 0) finish_known(s);
  }

  // `name` (tokens `t`) without its middle initials ("C.") and a
  // generational suffix at its end (", Jr.", " III").
  std::string without_initials_and_suffix(const std::string& name, const std::vector<Token>& t) const {
    size_t end = t.size();  // the suffix, its dot and a comma before it
    if (end > 0 && t[end - 1].is(".")) --end;
    if (end > 2 && is_suffix(t[end - 1], rules_)) {
      --end;
      if (t[end - 1].is(",")) --end;
    } else {
      end = t.size();
    }
    std::string out;
    size_t from = 0;  // the byte the next piece copied starts at
    for (size_t i = 1; i + 2 < end; ++i)
      if (t[i].is_word() && t[i].key.size() == 1 && t[i + 1].is(".") && t[i + 2].is_word() && t[i].space_before) {
        out += name.substr(from, t[i].begin - from);
        from = t[i + 2].begin;
      }
    out += name.substr(from, (end < t.size() ? t[end - 1].end : name.size()) - from);
    return out;
  }

  // A sighting of a known minister takes what the knowledge base knows.
  void finish_known(Sighting& s) const {
    const KnownMinister& k = rules_.known_ministers[static_cast<size_t>(s.known)];
    s.text_country = s.country;
    s.text_role = s.role;
    // A surname is only trusted when the title agrees with what is known,
    // and the country said, and a peer's style ("Lord Collins") is a
    // British minister's.
    const bool peer = peer_at(s.first_token) || (s.first_token > 0 && peer_at(s.first_token - 1));
    if (s.units == 1 && ((!s.role.empty() && role_rank(s.role) > 0 && s.role != k.role) ||
                         (!s.country.empty() && !s.shared_country && s.rule != "name, role" && s.country != k.country) ||
                         (peer && k.country != "United Kingdom"))) {
      s.known = -1;
      return;
    }
    // "Abdullah bin Zayed, Indian External Affairs Minister discuss ...": a
    // title after a comma that gives a known minister another country is
    // someone else's (a headline's or a list's next subject).
    if (s.rule == "name, role" && !s.country.empty() && s.country != k.country) {
      s.country = k.country;
      s.role = k.role;
    }
    // "Norway's Minister of Defence Tore O. Sandvik and Defence Secretary
    // John Healey": the country said for the first is not a known second's.
    if (s.shared_country && s.country != k.country) s.country = k.country;
    if (s.country.empty()) s.country = k.country;
    if (role_rank(s.role) <= 0) s.role = k.role;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<Mention>& countries_;
  const Rules& rules_;
  std::string_view date_;  // the briefing's, "YYYY-MM-DD", or empty
  std::vector<int> country_begin_, country_end_, role_begin_, role_end_;
  mutable std::vector<bool> sentence_line_;  // by token: its line has a lowercase word (in_sentence)
  std::vector<Mention> roles_;
};

struct Person {
  size_t first_token;
  Minister m;
  MinisterPlaces places;
  std::vector<NameUnit> units;
  bool full;
  int known;  // index in Rules::known_ministers, or -1
  bool titled = false;  // a sighting with a minister's title, or in a list of ministers
  bool shared_country = false;  // its country is only one said for another ("X's A and B")
  std::vector<size_t> evidence;  // the entries recorded for the person
};

// A name as it is shown: as written, but words written in capitals
// (transcripts "NAKATANI", Japanese style "KIHARA Minoru") in title case;
// generational suffixes ("III") stay as they are.
std::string display_name(const std::string& name, const Rules& rules) {
  static const SpellingVariants kNone;
  std::string written = without_nickname(name);
  std::vector<Token> tokens = tokenize(written, kNone);
  // "Gilberto C. Teodoro, Jr." is written "Gilberto C. Teodoro Jr." in
  // the facet, as most write it: one person, one way of writing.
  size_t last = tokens.size();
  if (last > 0 && tokens[last - 1].is(".")) --last;
  if (last >= 3 && tokens[last - 2].is(",") && is_suffix(tokens[last - 1], rules)) {
    written.replace(tokens[last - 2].begin, tokens[last - 1].begin - tokens[last - 2].begin, " ");
    tokens = tokenize(written, kNone);
  }
  // Initials in capitals in a longer name in title case stay ("KP Sharma
  // Oli"); a family name in capitals does not ("KIHARA Minoru", "WU
  // Jaushieh").
  const size_t words = std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word(); });
  const size_t caps = std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word() && t.all_caps; });
  std::string out;
  size_t copied = 0;
  for (const Token& t : tokens) {
    if (!t.is_word() || !t.all_caps || t.end - t.begin < 2) continue;
    std::string word(written.substr(t.begin, t.end - t.begin));
    if (word == "II" || word == "III" || word == "IV") continue;
    if (word.size() == 2 && words >= 3 && caps == 1) continue;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    u.toLower();
    u.replace(0, 1, icu::UnicodeString(u, 0, 1).toUpper());
    std::string titled;
    u.toUTF8String(titled);
    out += written.substr(copied, t.begin - copied) + titled;
    copied = t.end;
  }
  out += written.substr(copied);
  // A name wrapped onto the next line ("Alexander\nSchallenberg") is one line.
  if (out.find_first_of("\n\r\t") != std::string::npos) {
    std::string one;
    for (char c : out) {
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (!space) one += c;
      else if (!one.empty() && one.back() != ' ') one += ' ';
    }
    out = std::move(one);
  }
  // A typographic apostrophe is typography ("Gideon Sa’ar" is "Gideon
  // Sa'ar"): one person, one way of writing.
  if (out.find("\xE2\x80\x99") == std::string::npos && out.find("\xE2\x80\x98") == std::string::npos &&
      out.find("\xCA\xBC") == std::string::npos)
    return out;
  std::string plain;
  plain.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "\xE2\x80\x99") == 0 || out.compare(i, 3, "\xE2\x80\x98") == 0) {
      plain += '\'';
      i += 2;
    } else if (out.compare(i, 2, "\xCA\xBC") == 0) {
      plain += '\'';
      i += 1;
    } else {
      plain += out[i];
    }
  }
  return plain;
}

std::string surname_of(const std::vector<NameUnit>& units) {
  if (units.empty()) return {};
  // Korean-style names put the family name first: "Shin Won-sik".
  if (units.size() >= 2 && units.back().lower_tail) return units.front().key;
  return units.back().key;
}

void merge_into(Minister& into, const Sighting& s) {
  if (role_rank(s.role) > role_rank(into.role)) into.role = s.role;
  if (into.country.empty()) into.country = s.country;
}

}  // namespace

bool is_institution_word(const Token& t, const Rules& rules) {
  return t.is_word() && rules.page_word(t.key, PageWordKind::kInstitution);
}

std::string surname_key(std::string_view name, const Rules& rules) {
  return surname_of(name_units(name, rules));
}

std::string person_key(std::string_view name, const Rules& rules) {
  std::vector<NameUnit> units = name_units(name, rules);
  if (units.empty()) return fold_key(name);
  if (units.size() == 1) return units.front().key;
  return units.front().key + " " + units.back().key;
}

// Whether `name`, written with initials ("D. N. Dhungyel"), has the
// initials of `units` ("Dina Nath Dhungyel"): as many, the same letters,
// and the same last unit.
bool initials_agree(std::string_view name, const std::vector<NameUnit>& units, const Rules& rules) {
  std::vector<NameUnit> own = name_units(name, rules);
  if (own.size() != 1 || units.size() < 2 || units.back().key != own.front().key) return false;
  std::vector<char> initials;
  for (const Token& t : tokenize(name, rules.variants))
    if (t.is_word() && t.key.size() == 1) initials.push_back(t.key[0]);
  if (initials.size() != units.size() - 1) return false;
  for (size_t k = 0; k < initials.size(); ++k)
    if (units[k].key.empty() || units[k].key[0] != initials[k]) return false;
  return true;
}

std::vector<std::string> inner_name_keys(std::string_view name, const Rules& rules) {
  std::vector<NameUnit> units = name_units(name, rules);
  std::vector<std::string> keys;
  // The first word too: a family name written first ("Wang Yi", "Phan Văn
  // Giang") is what a user types.
  if (units.size() >= 2) keys.push_back(units.front().key);
  for (size_t i = 1; i + 1 < units.size(); ++i) {
    keys.push_back(units[i].key + " " + units.back().key);
    keys.push_back(units[i].key);
  }
  return keys;
}

// Text wrapped at a width (PDF text, plain-text mail): most of its long
// lines go on in the next one, mid-sentence. Then a line break inside a
// paragraph is a space, for names too ("... Affairs Alexander" /
// "Schallenberg welcomed ..."), even after a line cut short before a long
// word ("... Minister of Defence, Dragan" / "Krapović, ..."), and a name
// hyphenated at the end of a line is one word ("Gërvalla-" / "Schwarz"):
// the tokens with those breaks cleared.
static std::optional<std::vector<Token>> unwrapped(std::string_view text, const std::vector<Token>& tokens) {
  constexpr size_t kLongLine = 40;   // of the lines that tell wrapped text
  constexpr size_t kRunOnLine = 24;  // of a line that goes on in the next
  size_t long_lines = 0, running_on = 0;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; start = nl + 1, nl = text.find('\n', start)) {
    std::string_view line = trim(text.substr(start, nl - start));
    if (line.size() < kLongLine) continue;
    ++long_lines;
    const char last = line.back();
    if (std::isalnum(static_cast<unsigned char>(last)) || last == ',' || last == '-' ||
        static_cast<unsigned char>(last) >= 0x80)
      ++running_on;
  }
  if (long_lines < 4 || running_on * 2 < long_lines) return std::nullopt;
  std::vector<Token> out = tokens;
  for (size_t k = 1; k < out.size(); ++k) {
    if (!out[k].break_before) continue;
    std::string_view gap = text.substr(out[k - 1].end, out[k].begin - out[k - 1].end);
    if (std::count(gap.begin(), gap.end(), '\n') != 1) continue;
    size_t line_start = text.rfind('\n', out[k - 1].begin);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (trim(text.substr(line_start, out[k - 1].end - line_start)).size() < kRunOnLine) continue;
    // (a line that begins with a field's label is a line of its own:
    // "Minister: Rt Hon Winston Peters" / "Date lodged: 14 July 2025")
    size_t label = k;
    while (label < out.size() && label < k + 3 && out[label].is_word() && (label == k || !out[label].break_before))
      ++label;
    if (label > k && label < out.size() && out[label].key == ":" && !out[label].break_before) continue;
    out[k].break_before = false;
    if (k >= 2 && out[k - 1].key == "-" && !out[k - 1].space_before && out[k - 2].is_word() && out[k].capitalised)
      out[k].space_before = false;
  }
  return out;
}

std::vector<Minister> find_ministers(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Mention>& countries, const Rules& rules, std::string_view date,
                                     std::vector<Evidence>* evidence, std::vector<MinisterPlaces>* places) {
  const std::optional<std::vector<Token>> joined = unwrapped(text, tokens);
  const std::vector<Token>& toks = joined ? *joined : tokens;
  std::vector<Sighting> sightings = Finder(text, toks, countries, rules, date).run();
  std::vector<Person> people;
  auto record = [&](const Sighting& s, Person& p) {
    // (where the name ends: "Sheikh Abdullah bin Zayed" is sighted as a
    // role's name and an honorific's, one naming)
    p.places.push_back(s.name_stop());
    p.titled = p.titled || !(s.rule == kKnownNameRule || s.rule == kHonorificRule);
    if (evidence) {
      p.evidence.push_back(evidence->size());
      evidence->push_back({"minister", p.m.name, s.rule, s.matched});
    }
  };
  // Full names first, in text order; then surnames link to them. A name
  // that is an initial and a surname ("B.Battsetseg") is a surname.
  for (Sighting& s : sightings)
    if (s.units >= 2 && s.known < 0 && name_units(s.name, rules).size() < 2) s.units = 1;
  // A surname that a headline in title case ran on from ("Secretary Burgum
  // Convenes Freely Associated States Ministers", with "Doug Burgum" in the
  // text): an unknown name in title case begun by the last name of another
  // full name is that surname. (Not in a sentence: "Ahmed Moallim Fiqi"
  // with "Abiy Ahmed".)
  {
    std::vector<std::vector<NameUnit>> units(sightings.size());
    std::unordered_map<std::string, std::string> first_by_last;  // full names' last unit -> first unit
    for (size_t i = 0; i < sightings.size(); ++i) {
      if (sightings[i].units < 2) continue;
      units[i] = name_units(sightings[i].name, rules);
      if (units[i].size() >= 2) first_by_last.emplace(units[i].back().key, units[i].front().key);
    }
    for (size_t i = 0; i < sightings.size(); ++i) {
      Sighting& s = sightings[i];
      if (s.units < 2 || s.known >= 0 || !s.headline || units[i].size() < 2) continue;
      auto it = first_by_last.find(units[i].front().key);
      if (it == first_by_last.end() || it->second == units[i].back().key) continue;  // ("Kihara Minoru")
      const size_t space = s.name.find(' ');
      if (space == std::string::npos) continue;
      s.name.resize(space);
      s.units = 1;
    }
  }
  // "Ramírez Lezcano" is "Rubén Ramírez Lezcano" (the last units of a
  // longer name), and "Carlos Ramiro Martínez" is "Carlos Ramiro Martínez
  // Alvarado" (the first units: the second surname left out).
  // (Not the father's name in a son's: "Mohammed bin Rashid Al Maktoum"
  // in "Maktoum bin Mohammed bin Rashid Al Maktoum".)
  auto part_of = [](const std::vector<NameUnit>& longer, const std::vector<NameUnit>& shorter) {
    auto same = [](const NameUnit& a, const NameUnit& b) { return a.key == b.key; };
    return shorter.size() >= 2 && longer.size() > shorter.size() &&
           ((std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin(), same) &&
             !longer[longer.size() - shorter.size()].fathers) ||
            std::equal(shorter.begin(), shorter.end(), longer.begin(), same));
  };
  // The people a sighting can be, found through what they share with it
  // (its known minister; its first two, last two, or first and last name
  // units, which part_of and the key need): a text naming thousands of
  // people, many with one given name, is not compared pair by pair.
  std::unordered_map<int, std::vector<size_t>> by_known;
  std::unordered_map<std::string, std::vector<size_t>> by_pair;  // "h:" first two, "t:" last two, "e:" ends
  auto pair_keys = [](const std::vector<NameUnit>& u) {
    std::vector<std::string> keys;
    if (u.size() < 2) return keys;
    keys.push_back("h:" + u[0].key + " " + u[1].key);
    keys.push_back("t:" + u[u.size() - 2].key + " " + u.back().key);
    keys.push_back("e:" + u.front().key + " " + u.back().key);
    return keys;
  };
  auto index_person = [&](size_t i) {
    const Person& p = people[i];
    if (p.known >= 0) by_known[p.known].push_back(i);
    for (std::string& k : pair_keys(p.units)) by_pair[std::move(k)].push_back(i);
    if (!p.units.empty()) by_pair["l:" + p.units.back().key].push_back(i);
  };
  std::unordered_map<std::string, size_t> nicknames;  // key -> person
  for (const Sighting& s : sightings) {
    if (s.units < 2) continue;
    std::vector<NameUnit> units = name_units(s.name, rules);
    std::string key = units.empty() ? fold_key(s.name) : units.front().key + " " + units.back().key;
    auto is_same = [&](const Person& p) {
      if (s.known >= 0 && p.known == s.known) return true;
      if (part_of(p.units, units) || part_of(units, p.units)) return true;
      // A known name in initials ("D. N. Dhungyel") and the name in full
      // with those initials ("Dina Nath Dhungyel").
      if (p.units.size() == 1 && units.size() >= 2 && initials_agree(p.m.name, units, rules)) return true;
      if (units.size() == 1 && p.units.size() >= 2 && initials_agree(s.name, p.units, rules)) return true;
      return p.units.size() >= 2 && p.units.front().key + " " + p.units.back().key == key;
    };
    // (the first in text order, as a scan would find)
    size_t found = people.size();
    auto consider = [&](const std::vector<size_t>* candidates) {
      if (candidates)
        for (size_t i : *candidates)
          if (i < found && is_same(people[i])) found = i;
    };
    auto in = [](auto& map, const auto& k) { auto it = map.find(k); return it == map.end() ? nullptr : &it->second; };
    if (units.empty()) {
      for (size_t i = 0; i < people.size() && found == people.size(); ++i)
        if (is_same(people[i])) found = i;
    } else {
      if (s.known >= 0) consider(in(by_known, s.known));
      if (units.size() >= 2)
        for (const std::string& k : pair_keys(units)) consider(in(by_pair, k));
      else
        consider(in(by_pair, "e:" + key));
      consider(in(by_pair, "l:" + units.back().key));
    }
    // "João Ernesto dos Santos "Liberdade"", then "Minister Liberdade":
    // a nickname in quotes after a full name is that person's.
    auto note_nickname = [&](size_t person) {
      if (size_t stop = s.name_stop(); stop > 0 && nickname_end(toks, stop))
        nicknames.emplace(toks[stop + 1].key, person);
    };
    if (found == people.size()) {
      people.push_back({s.first_token, Minister{display_name(s.name, rules), s.role, s.country, ""}, {}, units, true,
                        s.known, false, s.shared_country, {}});
      index_person(people.size() - 1);
      note_nickname(people.size() - 1);
      record(s, people.back());
      continue;
    }
    note_nickname(found);
    Person* same = &people[found];
    // The fuller form is the display name ("Lloyd J. Austin III"); of two
    // as full, the one the knowledge base writes ("Gen Nakatani" over a
    // caption's "NAKATANI Gen").
    const int known = same->known >= 0 ? same->known : s.known;
    if (s.name.size() > same->m.name.size() ||
        (s.name.size() == same->m.name.size() && known >= 0 &&
         fold_key(s.name) == fold_key(rules.known_ministers[static_cast<size_t>(known)].name) &&
         fold_key(same->m.name) != fold_key(s.name)))
      same->m.name = display_name(s.name, rules);
    const bool reindex = (units.size() > same->units.size()) || (same->known < 0 && s.known >= 0);
    if (units.size() > same->units.size()) same->units = units;
    if (same->known < 0) same->known = s.known;
    if (reindex) index_person(found);  // (its old keys stay: each candidate is checked)
    same->first_token = std::min(same->first_token, s.first_token);
    // ("Poland's foreign minister and Þorgerður Katrín talk ...", then
    // "Foreign Minister Þorgerður Katrín Gunnarsdóttir", known as Iceland's)
    if (same->shared_country && !s.shared_country && !s.country.empty()) {
      same->m.country = s.country;
      same->shared_country = false;
    }
    merge_into(same->m, s);
    record(s, *same);
  }
  // A surname is the first person (in the order above) with its known
  // minister, else with that surname, else with it as any unit of the name.
  std::unordered_map<int, size_t> first_known;
  std::unordered_map<std::string, size_t> first_surname, first_unit;
  auto index_surnames = [&](size_t i) {
    const Person& p = people[i];
    if (p.known >= 0) first_known.emplace(p.known, i);
    first_surname.emplace(surname_of(p.units), i);
    for (const NameUnit& u : p.units) first_unit.emplace(u.key, i);
  };
  for (size_t i = 0; i < people.size(); ++i) index_surnames(i);
  for (const Sighting& s : sightings) {
    if (s.units >= 2) continue;
    std::string key = surname_key(s.name, rules);
    if (key.empty()) continue;
    Person* match = nullptr;
    auto first_of = [&](const auto& map, const auto& k) {
      auto it = map.find(k);
      if (it != map.end()) match = &people[it->second];
    };
    if (s.known >= 0) first_of(first_known, s.known);
    if (!match) first_of(first_surname, key);
    if (!match) first_of(nicknames, key);
    if (!match) first_of(first_unit, key);
    if (match && s.known >= 0 && match->known != s.known) {
      // "Sayyid Badr" below "Sayyid Badr bin Hamad bin Hamood Albusaidi" is
      // the man named above, not the known minister with that given name
      // (Badr Abdelatty): only what the text says of him counts.
      Sighting own = s;
      own.known = -1;
      own.country = s.text_country;
      own.role = s.text_role;
      merge_into(match->m, own);
      record(own, *match);
      continue;
    }
    if (match) {
      // "MINISTER MARGHERITA" and "SHRI PABITRA MARGHERITA": a surname's
      // person is shown by the fuller name an honorific gave.
      if (s.weak && match->units.size() == 1 && match->known < 0) {
        std::vector<NameUnit> units = name_units(s.name, rules);
        if (units.size() >= 2 && units.back().key == match->units.front().key) {
          match->m.name = display_name(s.name, rules);
          match->units = std::move(units);
        }
      }
      merge_into(match->m, s);
      record(s, *match);
      continue;
    }
    if (s.weak) continue;
    // A surname that names one known minister is shown under the full
    // name, so one person is one facet value across briefings.
    std::string shown = s.known >= 0 ? rules.known_ministers[static_cast<size_t>(s.known)].name : display_name(s.name, rules);
    people.push_back({s.first_token, Minister{shown, s.role, s.country, ""}, {}, name_units(shown, rules),
                      s.known >= 0, s.known, false, s.shared_country, {}});
    index_surnames(people.size() - 1);
    record(s, people.back());
  }
  // A name the knowledge base writes otherwise, with the same first and last
  // name ("Mohamad Haji Hasan" is Mohamad Hasan): that person.
  for (Person& p : people) {
    if (p.known >= 0 || p.units.size() < 2) continue;
    auto it = rules.known_by_word.find(p.units.back().key);
    if (it == rules.known_by_word.end()) continue;
    const std::string key = p.units.front().key + " " + p.units.back().key;
    for (uint32_t id : it->second) {
      const KnownMinister& k = rules.known_ministers[id];
      if (!p.m.country.empty() && p.m.country != k.country) continue;
      if (std::any_of(k.names.begin(), k.names.end(), [&](const std::string& n) { return person_key(n, rules) == key; })) {
        p.known = static_cast<int>(id);
        if (p.m.country.empty()) p.m.country = k.country;
        if (p.m.role.empty()) p.m.role = k.role;
        break;
      }
    }
  }
  std::stable_sort(people.begin(), people.end(),
                   [](const Person& a, const Person& b) { return a.first_token < b.first_token; });
  // (each person's evidence under the name it is shown by, which a
  // fuller form may have changed since: "D. N. Dhungyel", then "Dina Nath
  // Dhungyel")
  if (evidence)
    for (const Person& p : people)
      for (size_t e : p.evidence) (*evidence)[e].value = p.m.name;
  // A known name written without a minister's title, in a briefing dated
  // when the person held none of their posts, is a former (or a future)
  // minister's: "Boris Johnson" in 2025, "Friedrich Merz" before May 2025.
  std::vector<size_t> dropped_evidence;
  people.erase(std::remove_if(people.begin(), people.end(),
                              [&](const Person& p) {
                                if (p.known < 0 || p.titled ||
                                    rules.known_ministers[static_cast<size_t>(p.known)].in_office(date))
                                  return false;
                                dropped_evidence.insert(dropped_evidence.end(), p.evidence.begin(), p.evidence.end());
                                return true;
                              }),
               people.end());
  if (evidence && !dropped_evidence.empty()) {
    std::sort(dropped_evidence.begin(), dropped_evidence.end());
    for (size_t i = dropped_evidence.size(); i-- > 0;)
      evidence->erase(evidence->begin() + static_cast<std::ptrdiff_t>(dropped_evidence[i]));
  }
  std::vector<Minister> out;
  if (places) places->clear();
  for (Person& p : people) {
    if (p.known >= 0) p.m.known = rules.known_ministers[static_cast<size_t>(p.known)].name;
    out.push_back(std::move(p.m));
    if (places) {
      std::sort(p.places.begin(), p.places.end());
      p.places.erase(std::unique(p.places.begin(), p.places.end()), p.places.end());
      places->push_back(std::move(p.places));
    }
  }
  return out;
}

}  // namespace briefing
