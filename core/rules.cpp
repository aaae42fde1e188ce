#include "rules.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_set>
#include <stdexcept>

#include <fmt/format.h>

#include "data_files.h"
#include "paths.h"
#include "text.h"

namespace briefing {
namespace {

// Bumped whenever extraction code changes what it produces.
constexpr const char* kExtractorVersion = "extract-37";

// A rule file: the built-in copy, not copied (a search starts with no
// copy of its rule files), or a file's content, read.
struct Source {
  std::string name;          // shown in error messages
  std::string_view content;  // the built-in copy, or *file
  std::shared_ptr<const std::string> file;
};

Source file_source(const std::string& path) {
  auto file = std::make_shared<const std::string>(read_rule_file(path));
  return {path, *file, file};
}

Source data_file(const std::string& name, const std::string& dir) {
  if (!dir.empty()) {
    std::filesystem::path p = std::filesystem::path(dir) / name;
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return file_source(p.string());
  }
  return {"data/" + name + " (built in)", embedded_data(name), nullptr};
}

// A month written "YYYY-MM", or "YYYY" (its first month as a start, its
// last as an end), in months since year 0; nullopt when malformed.
std::optional<int> term_month(std::string_view s, bool end) {
  auto digits = [](std::string_view d) {
    return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!(s.size() == 4 || (s.size() == 7 && s[4] == '-')) || !digits(s.substr(0, 4))) return std::nullopt;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  if (s.size() == 4) return year * 12 + (end ? 11 : 0);
  if (!digits(s.substr(5))) return std::nullopt;
  const int month = std::stoi(std::string(s.substr(5)));
  if (month < 1 || month > 12) return std::nullopt;
  return year * 12 + month - 1;
}

// "2017-12/2021-12|2025-12/": periods in office (an empty end: still).
std::vector<Term> parse_terms(std::string_view column, const std::string& where) {
  std::vector<Term> terms;
  for (const std::string& period : split_list(column, '|')) {
    const size_t slash = period.find('/');
    const std::string_view p(period);
    Term t;
    std::optional<int> from, to;
    if (slash != std::string::npos) {
      if (slash > 0) from = term_month(p.substr(0, slash), false);
      if (slash + 1 < p.size()) to = term_month(p.substr(slash + 1), true);
    }
    if (slash == std::string::npos || (slash > 0 && !from) || (slash + 1 < p.size() && !to) ||
        (from && to && *from > *to))
      throw std::runtime_error(where + "bad term '" + period + "' (expected START/END, each YYYY-MM or YYYY, END empty while in office)");
    if (from) t.from = *from;
    if (to) t.to = *to;
    terms.push_back(t);
  }
  return terms;
}

}  // namespace

bool KnownMinister::in_office(std::string_view iso_date) const {
  if (terms.empty() || iso_date.size() < 7) return true;
  const std::optional<int> month = term_month(iso_date.substr(0, 7), false);
  if (!month) return true;
  return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.from <= *month && *month <= t.to; });
}

namespace {

void load_known_ministers(Rules& rules, const std::vector<Source>& sources) {
  std::unordered_map<std::string, uint32_t> by_name;
  std::unordered_set<uint32_t> terms_unknown;  // a row of theirs gives none
  for (const Source& src : sources) {
    for (const TsvRow& row : parse_tsv(src.content)) {
      auto where = src.name + ":" + std::to_string(row.line) + ": ";
      if (row.cols.size() < 3 || row.cols[0].empty())
        throw std::runtime_error(where + "expected 'name<TAB>country<TAB>role[<TAB>aliases[<TAB>terms]]'");
      int country = rules.countries.lookup(row.cols[1]);
      if (country < 0) throw std::runtime_error(where + "unknown country '" + row.cols[1] + "'");
      int role = rules.roles.lookup(row.cols[2]);
      if (role < 0) throw std::runtime_error(where + "unknown role '" + row.cols[2] + "'");
      std::string key = fold_key(row.cols[0]);
      auto [it, added] = by_name.emplace(key, static_cast<uint32_t>(rules.known_ministers.size()));
      uint32_t id = it->second;
      if (added)
        rules.known_ministers.push_back({row.cols[0], rules.countries.name(static_cast<uint32_t>(country)),
                                         rules.roles.name(static_cast<uint32_t>(role)), {}, {}});
      // (a person's terms are known only when each row of theirs gives them)
      std::vector<Term> terms = row.cols.size() > 4 ? parse_terms(row.cols[4], where) : std::vector<Term>{};
      if (terms.empty()) terms_unknown.insert(id);
      std::vector<Term>& all = rules.known_ministers[id].terms;
      all.insert(all.end(), terms.begin(), terms.end());
      std::vector<std::string> names = row.cols.size() > 3 ? split_list(row.cols[3], '|') : std::vector<std::string>{};
      names.insert(names.begin(), row.cols[0]);
      std::vector<std::string>& forms = rules.known_ministers[id].names;
      for (const std::string& n : names)
        if (std::find(forms.begin(), forms.end(), n) == forms.end()) forms.push_back(n);
      for (const std::string& n : names) {
        rules.known_minister_names.add(n, id, CaseRule::kCapitalised, rules.variants);
        auto add_word = [&](const std::string& key) {
          auto& ids = rules.known_by_word[key];
          if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        };
        std::vector<Token> tokens = tokenize(n, rules.variants);
        std::string joined;  // "Sa'ar", "Kosiniak-Kamysz": the joined word too
        for (size_t i = 0; i < tokens.size(); ++i) {
          const Token& t = tokens[i];
          if (t.is_word() && t.space_before) joined.clear();
          if (t.is_word() && t.key.size() > 1) add_word(t.key);
          const bool joins = (t.is("-") || t.is("'")) && i > 0 && tokens[i - 1].is_word() && i + 1 < tokens.size() &&
                             tokens[i + 1].is_word() && !t.space_before && !tokens[i + 1].space_before;
          if (joins) {
            if (joined.empty()) joined = tokens[i - 1].key;
            joined += t.key + tokens[i + 1].key;
            add_word(joined);
          } else if (!t.is_word()) {
            joined.clear();
          }
        }
      }
    }
  }
  for (uint32_t id : terms_unknown) rules.known_ministers[id].terms.clear();
}

}  // namespace

LineList LineList::parse(std::string_view content) {
  LineList out;
  auto cut_ellipsis = [](std::string& key, bool front) {
    for (std::string_view e : {"...", "\xE2\x80\xA6"}) {
      if (key.size() < e.size()) continue;
      if (front ? key.compare(0, e.size(), e) == 0 : key.compare(key.size() - e.size(), e.size(), e) == 0) {
        key = std::string(trim(front ? std::string_view(key).substr(e.size())
                                     : std::string_view(key).substr(0, key.size() - e.size())));
        return true;
      }
    }
    return false;
  };
  for (const TsvRow& row : parse_tsv(content)) {
    if (row.cols.empty()) continue;
    std::string key = std::string(trim(row.cols[0]));
    const bool open_front = cut_ellipsis(key, true);
    const bool open_end = cut_ellipsis(key, false);
    key = fold_key(key);
    if (key.empty()) continue;
    if (open_front && open_end) out.inner.push_back(key);
    else if (open_end || key.back() == ':' || key.back() == '|') out.prefixes.push_back(key);
    else out.lines.insert(key);
  }
  return out;
}

namespace {
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
// `part` at `at` in `key`, not inside a longer word at either end.
bool word_at(const std::string& key, size_t at, const std::string& part) {
  if (key.compare(at, part.size(), part) != 0) return false;
  if (at > 0 && word_char(key[at - 1]) && word_char(part.front())) return false;
  size_t end = at + part.size();
  return end == key.size() || !word_char(key[end]) || !word_char(part.back());
}
}  // namespace

bool LineList::starts(const std::string& key) const {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return word_at(key, 0, p); });
}

bool LineList::holds(const std::string& key) const {
  for (const std::string& w : inner)
    for (size_t at = key.find(w); at != std::string::npos; at = key.find(w, at + 1))
      if (word_at(key, at, w)) return true;
  return false;
}

// Name words steer finding ministers in text and key names the same way in
// the indexer and the searcher ("Gilberto Teodoro Jr." is "gilberto
// teodoro").
void Rules::parse_name_words() const {
  for (const TsvRow& row : parse_tsv(name_words_content_)) {
    auto where = [&] { return name_words_source_ + ":" + std::to_string(row.line) + ": "; };
    if (row.cols.size() < 2) throw std::runtime_error(where() + "expected 'word<TAB>kind'");
    static const std::pair<const char*, NameWordKind> kKinds[] = {
        {"honorific", NameWordKind::kHonorific}, {"particle", NameWordKind::kParticle},
        {"suffix", NameWordKind::kSuffix},       {"stop", NameWordKind::kStop},
        {"place", NameWordKind::kPlace},         {"style", NameWordKind::kStyle},
        {"rank", NameWordKind::kRank},           {"title", NameWordKind::kTitle},
        {"military", NameWordKind::kMilitary},   {"former", NameWordKind::kFormer},
        {"postnominal", NameWordKind::kPostnominal}, {"abbreviation", NameWordKind::kAbbreviation}};
    const NameWordKind* k = nullptr;
    for (const auto& [name, kind] : kKinds)
      if (row.cols[1] == name) k = &kind;
    if (!k) throw std::runtime_error(where() + "unknown kind '" + row.cols[1] + "'");
    // ("=HE": only as written, where the folded word is another's: "He")
    if (row.cols[0].size() > 1 && row.cols[0][0] == '=') {
      name_words_written_[row.cols[0].substr(1)] = *k;
      continue;
    }
    std::string key = fold_key(row.cols[0]);
    if (!key.empty() && key.back() == '.') key.pop_back();
    name_words_[key] = *k;
  }
}

void WordSet::add(const std::string& key, bool prefix) {
  if (!prefix) {
    words.insert(key);
    return;
  }
  prefixes.push_back(key);
  if (!key.empty()) prefix_start[static_cast<unsigned char>(key[0])] = true;
}

bool WordSet::has(const std::string& key) const {
  if (words.count(key)) return true;
  if (key.empty() || !prefix_start[static_cast<unsigned char>(key[0])]) return false;
  for (const std::string& p : prefixes)
    if (key.size() >= p.size() && key.compare(0, p.size(), p) == 0) return true;
  return false;
}

std::shared_ptr<const Rules> Rules::load(const RulesOptions& options) {
  // Rule files: --data-dir, else $BRIEFING_DATA_DIR, else the installed
  // copies beside the program, else the built-in ones.
  std::string dir = options.data_dir;
  std::string named = "--data-dir";
  if (dir.empty())
    if (const char* env = std::getenv("BRIEFING_DATA_DIR")) {
      dir = env;
      named = "BRIEFING_DATA_DIR";
    }
  std::error_code ec;
  if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
    throw std::runtime_error(fmt::format("{} '{}' is not a folder of rule files", named, dir));
  if (dir.empty()) dir = installed_data_dir();

  auto rules = std::make_shared<Rules>();
  uint64_t hash = fnv1a(kExtractorVersion);
  auto take = [&](Source s) {
    if (options.extraction) hash = fnv1a(s.content, fnv1a(s.name, hash));  // the searcher needs no fingerprint
    return s;
  };

  Source variants = take(data_file("spelling-variants.tsv", dir));
  rules->variants = SpellingVariants::parse(variants.content, variants.name);
  const SpellingVariants& v = rules->variants;
  const bool matching = options.extraction;
  // A file that only finding things in text reads: a search, which looks
  // typed values up, neither reads nor copies it.
  auto matching_file = [&](const char* name) { return matching ? take(data_file(name, dir)) : Source{}; };

  Source countries = take(data_file("countries.tsv", dir));
  // Searching only looks values up: the gazetteers are parsed when first
  // asked (Gazetteer::deferred).
  auto gazetteer = [&](Source& src, Gazetteer::Layout layout) {
    layout.text_matching = matching;
    return matching ? Gazetteer::parse(src.content, src.name, layout, v)
                    : Gazetteer::deferred(src.content, src.file, src.name, layout, v);
  };
  rules->countries = gazetteer(countries, {2, 1, CaseRule::kCapitalised, CaseRule::kCapitalised});
  Source blockers = matching_file("not-countries.txt");
  std::string phrases;  // the lines that are phrases: "Chad <name>" lines are not
  for (const TsvRow& row : matching ? parse_tsv(blockers.content) : std::vector<TsvRow>{}) {
    if (row.cols.empty()) continue;
    constexpr std::string_view kName = " <name>";
    constexpr std::string_view kBefore = "<name> ";
    const std::string& line = row.cols[0];
    if (line.size() > kName.size() && line.compare(line.size() - kName.size(), kName.size(), kName) == 0)
      rules->given_name_countries.insert(fold_key(line.substr(0, line.size() - kName.size())));
    else if (line.size() > kBefore.size() && line.compare(0, kBefore.size(), kBefore) == 0)
      rules->surname_countries.insert(fold_key(line.substr(kBefore.size())));
    else
      phrases += line + "\n";
  }
  rules->countries.add_blockers(phrases, v);
  Source ambiguous = take(data_file("ambiguous-names.tsv", dir));
  rules->countries.add_ambiguous(ambiguous.content, ambiguous.name, v);

  Source orgs = take(data_file("organisations.tsv", dir));
  rules->organisations = gazetteer(orgs, {1, -1, CaseRule::kCapitalised, CaseRule::kCapitalised});
  Source not_orgs = matching_file("not-organisations.txt");
  if (matching) rules->organisations.add_blockers(not_orgs.content, v);

  Source topics = options.topics_file.empty()
                      ? take(data_file("topics.tsv", dir))
                      : take(file_source(options.topics_file));
  rules->topics = gazetteer(topics, {1, -1, CaseRule::kAny, CaseRule::kAny, false});
  Source not_topics = matching_file("not-topics.txt");
  if (matching) rules->topics.add_blockers(not_topics.content, v);
  if (matching && rules->topics.size() == 0)
    throw std::runtime_error(topics.name + ": no topics defined");

  Source roles = take(data_file("roles.tsv", dir));
  rules->roles = gazetteer(roles, {1, -1, CaseRule::kAny, CaseRule::kCapitalised});

  Source meetings = matching_file("meeting-words.txt");
  for (const TsvRow& row : matching ? parse_tsv(meetings.content) : std::vector<TsvRow>{})
    if (!row.cols.empty()) rules->meeting_words.add(row.cols[0], 0, CaseRule::kAny, v);

  Source portfolios = matching_file("portfolio-words.txt");
  for (const TsvRow& row : matching ? parse_tsv(portfolios.content) : std::vector<TsvRow>{})
    if (!row.cols.empty()) rules->portfolio_words.add(row.cols[0], 0, CaseRule::kAny, v);

  Source participation = matching_file("participation.tsv");
  for (const TsvRow& row : matching ? parse_tsv(participation.content) : std::vector<TsvRow>{}) {
    if (row.cols.size() < 2 || (row.cols[1] != "before" && row.cols[1] != "after" && row.cols[1] != "subject" &&
                                row.cols[1] != "elsewhere" && row.cols[1] != "absent" && row.cols[1] != "about" &&
                                row.cols[1] != "joined" && row.cols[1] != "aside" && row.cols[1] != "host"))
      throw std::runtime_error(participation.name + ":" + std::to_string(row.line) +
                               ": expected 'phrase<TAB>before|after|subject|elsewhere|absent|about|joined|aside|host'");
    if (row.cols[1] == "elsewhere") rules->elsewhere.add(row.cols[0], 0, CaseRule::kAny, v);
    else if (row.cols[1] == "absent") rules->elsewhere.add(row.cols[0], kElsewhereAbsent, CaseRule::kAny, v);
    else if (row.cols[1] == "about") rules->elsewhere.add(row.cols[0], kElsewhereAbout, CaseRule::kAny, v);
    else if (row.cols[1] == "joined") rules->meeting_roles.add(row.cols[0], kMeetingJoined, CaseRule::kAny, v);
    else if (row.cols[1] == "aside") rules->meeting_roles.add(row.cols[0], kMeetingAside, CaseRule::kAny, v);
    else if (row.cols[1] == "host") rules->meeting_roles.add(row.cols[0], kMeetingHost, CaseRule::kAny, v);
    else if (row.cols[1] == "subject") rules->participation.add(row.cols[0], kParticipationSubject, CaseRule::kAny, v);
    else rules->participation.add(row.cols[0], row.cols[1] == "before" ? 0 : 1, CaseRule::kAny, v);
  }

  Source title_countries = matching_file("title-countries.tsv");
  for (const TsvRow& row : matching ? parse_tsv(title_countries.content) : std::vector<TsvRow>{}) {
    if (row.cols.size() < 2 || row.cols[0].empty())
      throw std::runtime_error(title_countries.name + ":" + std::to_string(row.line) +
                               ": expected 'title<TAB>country|country...'");
    std::vector<std::string> countries;
    for (const std::string& c : split_list(row.cols[1], '|')) {
      const int k = rules->countries.lookup(c);
      if (k < 0)
        throw std::runtime_error(title_countries.name + ":" + std::to_string(row.line) + ": unknown country '" +
                                 c + "'");
      countries.push_back(rules->countries.name(static_cast<uint32_t>(k)));
    }
    std::string key;
    for (const std::string& k : phrase_keys(row.cols[0], v)) key += (key.empty() ? "" : " ") + k;
    rules->title_countries[key] = std::move(countries);
  }

  Source capitals = matching_file("capitals.tsv");
  for (const TsvRow& row : matching ? parse_tsv(capitals.content) : std::vector<TsvRow>{}) {
    if (row.cols.size() < 2 || row.cols[1].empty())
      throw std::runtime_error(capitals.name + ":" + std::to_string(row.line) + ": expected 'country<TAB>capital|capital...'");
    const int k = rules->countries.lookup(row.cols[0]);
    if (k < 0)
      throw std::runtime_error(capitals.name + ":" + std::to_string(row.line) + ": unknown country '" + row.cols[0] +
                               "'");
    const auto target = static_cast<uint32_t>(rules->capital_countries.size());
    rules->capital_countries.push_back(rules->countries.name(static_cast<uint32_t>(k)));
    for (const std::string& capital : split_list(row.cols[1], '|'))
      rules->capitals.add(capital, target, CaseRule::kCapitalised, v);
  }

  Source labels = matching_file("title-labels.txt");
  if (matching) rules->title_labels = LineList::parse(labels.content);
  Source links = matching_file("link-lines.txt");
  if (matching) rules->link_lines = LineList::parse(links.content);

  Source page_words = matching_file("page-words.tsv");
  for (const TsvRow& row : matching ? parse_tsv(page_words.content) : std::vector<TsvRow>{}) {
    static const std::pair<const char*, PageWordKind> kKinds[] = {
        {"english", PageWordKind::kEnglish},        {"other", PageWordKind::kOther},
        {"date-label", PageWordKind::kDateLabel},   {"share", PageWordKind::kShare},
        {"institution", PageWordKind::kInstitution}, {"state-style", PageWordKind::kStateStyle},
        {"staff", PageWordKind::kStaff},            {"agency", PageWordKind::kAgency}};
    const PageWordKind* k = nullptr;
    for (const auto& [name, kind] : kKinds)
      if (row.cols.size() >= 2 && row.cols[1] == name) k = &kind;
    if (!k || row.cols[0].empty())
      throw std::runtime_error(page_words.name + ":" + std::to_string(row.line) +
                               ": expected 'word<TAB>english|other|date-label|share|institution|state-style|staff|"
                               "agency'");
    // (a date's label may be two words, "Last updated"; the others are
    // compared with one word)
    if (*k != PageWordKind::kDateLabel && row.cols[0].find(' ') != std::string::npos)
      throw std::runtime_error(page_words.name + ":" + std::to_string(row.line) + ": '" + row.cols[0] +
                               "' is more than one word");
    rules->page_words[fold_key(row.cols[0])] |= static_cast<uint8_t>(*k);
  }

  Source context = matching_file("context-words.tsv");
  static_assert(static_cast<size_t>(ContextList::kCount) <= 32, "Rules::context_words holds a list a bit");
  // How a list's entries are kept: one folded word, a folded phrase of
  // several, or as written (compared so: "TO:", ".gov.").
  enum class Entry { kWord, kPhrase, kWritten };
  struct ListName {
    const char* name;
    ContextList list;
    Entry entry;
  };
  static const ListName kLists[] = {
      {"civil-training-before", ContextList::kCivilTrainingBefore, Entry::kWord},
      {"civil-training-after", ContextList::kCivilTrainingAfter, Entry::kWord},
      {"military-body", ContextList::kMilitaryBody, Entry::kWord},
      {"delivery", ContextList::kDelivery, Entry::kWord},
      {"civil-goods", ContextList::kCivilGoods, Entry::kWord},
      {"military-goods", ContextList::kMilitaryGoods, Entry::kWord},
      {"goods-end", ContextList::kGoodsEnd, Entry::kWord},
      {"address-label", ContextList::kAddressLabel, Entry::kWritten},
      {"government-domain", ContextList::kGovernmentDomain, Entry::kWritten},
      {"after-year", ContextList::kAfterYear, Entry::kWord},
      {"future", ContextList::kFuture, Entry::kWord},
      {"meeting-noun", ContextList::kMeetingNoun, Entry::kWord},
      {"meeting-verb", ContextList::kMeetingVerb, Entry::kWord},
      {"place-before-surname", ContextList::kPlaceBeforeSurname, Entry::kWord},
      {"not-meeting", ContextList::kNotMeeting, Entry::kWord},
      {"street", ContextList::kStreet, Entry::kWord},
      {"state-style-phrase", ContextList::kStateStylePhrase, Entry::kPhrase},
      {"capitals-link", ContextList::kCapitalsLink, Entry::kWord},
      {"headline-link", ContextList::kHeadlineLink, Entry::kWord},
      {"weekday", ContextList::kWeekday, Entry::kWord},
      {"place-before-name", ContextList::kPlaceBeforeName, Entry::kWord},
      {"not-after-holder", ContextList::kNotAfterHolder, Entry::kWord},
      {"before-staff", ContextList::kBeforeStaff, Entry::kWord},
      {"language-menu", ContextList::kLanguageMenu, Entry::kWord},
      {"new-in-post", ContextList::kNewInPost, Entry::kWord},
      {"called-off", ContextList::kCalledOff, Entry::kWord},
      {"left-post", ContextList::kLeftPost, Entry::kWord},
      {"speech", ContextList::kSpeech, Entry::kWord},
      {"state-noun", ContextList::kStateNoun, Entry::kWord},
      {"patronymic", ContextList::kPatronymic, Entry::kWord},
      {"past-meeting", ContextList::kPastMeeting, Entry::kWord}};
  constexpr size_t kDaysInWeek = 7;
  std::vector<std::string>& weekdays = rules->context_lists[static_cast<size_t>(ContextList::kWeekday)];
  for (const TsvRow& row : matching ? parse_tsv(context.content) : std::vector<TsvRow>{}) {
    const std::string where = context.name + ":" + std::to_string(row.line) + ": ";
    if (row.cols.size() < 2 || row.cols[0].empty()) throw std::runtime_error(where + "expected 'word<TAB>list'");
    const ListName* list = nullptr;
    for (const ListName& l : kLists)
      if (row.cols[1] == l.name) list = &l;
    if (!list) throw std::runtime_error(where + "unknown list '" + row.cols[1] + "'");
    const ContextList which = list->list;
    const Entry entry = list->entry;
    if (entry == Entry::kWord && row.cols[0].find(' ') != std::string::npos)
      throw std::runtime_error(where + "'" + row.cols[0] + "' is more than one word");
    if (which == ContextList::kWeekday && weekdays.size() == kDaysInWeek)
      throw std::runtime_error(where + "more than seven weekdays (one name a day)");
    const std::string key = fold_key(row.cols[0]);
    rules->context_words[key] |= 1u << static_cast<unsigned>(which);
    rules->context_lists[static_cast<size_t>(which)].push_back(entry == Entry::kWritten ? row.cols[0] : key);
  }
  // (the week's order tells which day comes before another)
  if (matching && weekdays.size() != kDaysInWeek)
    throw std::runtime_error(context.name + ": 'weekday' needs the seven days of the week in order, not " +
                             std::to_string(weekdays.size()));

  Source pairs = matching_file("topic-pairs.tsv");
  for (const TsvRow& row : matching ? parse_tsv(pairs.content) : std::vector<TsvRow>{}) {
    const std::string where = pairs.name + ":" + std::to_string(row.line) + ": ";
    if (row.cols.size() < 4) throw std::runtime_error(where + "expected 'topic<TAB>first<TAB>then<TAB>window[<TAB>stops]'");
    constexpr size_t kMaxWindow = 12;
    const std::string& w = row.cols[3];
    const bool digits =
        !w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    const size_t window = digits ? std::stoul(w) : 0;
    if (window < 1 || window > kMaxWindow)
      throw std::runtime_error(where + "window '" + w + "' is not a number from 1 to " + std::to_string(kMaxWindow));
    const int topic = rules->topics.lookup(row.cols[0]);
    if (topic < 0) {
      if (options.topics_file.empty()) throw std::runtime_error(where + "unknown topic '" + row.cols[0] + "'");
      continue;  // a taxonomy of the user's own without it
    }
    TopicPair pair;
    pair.topic = static_cast<uint32_t>(topic);
    pair.window = window;
    auto words = [&](const std::string& list, WordSet& set) {
      if (list.empty()) return;
      for (const std::string& item : split_list(list, '|')) {
        std::string_view word = trim(item);
        const bool prefix = !word.empty() && word.back() == '*';
        if (prefix) word.remove_suffix(1);
        if (word.empty() || word.find_first_of(" -") != std::string_view::npos)
          throw std::runtime_error(where + "'" + std::string(word) + "' is no single word (a hyphen is a word of its own)");
        const std::string key = v.normalise(fold_key(word));
        set.add(key, prefix);
      }
    };
    words(row.cols[1], pair.first);
    words(row.cols[2], pair.then);
    if (row.cols.size() > 4) words(row.cols[4], pair.stops);
    rules->topic_pairs.push_back(std::move(pair));
  }

  Source words = take(data_file("name-words.tsv", dir));
  rules->name_words_source_ = std::move(words.name);
  rules->name_words_content_ = words.content;
  rules->name_words_file_ = std::move(words.file);
  rules->name_words_pending_ = true;
  // Extraction needs them at once, and reports a bad file before indexing.
  if (options.extraction) rules->name_word("");
  if (options.extraction) {
    std::vector<Source> kb{take(data_file("ministers.tsv", dir))};
    for (const std::string& f : options.minister_files) kb.push_back(take(file_source(f)));
    load_known_ministers(*rules, kb);
    // A known minister's name that holds another country's name ("Luís
    // Montenegro", Portugal's prime minister) names no country.
    std::string names;
    for (const KnownMinister& k : rules->known_ministers)
      for (const std::string& n : k.names)
        for (const Mention& m : rules->countries.find(n, tokenize(n, v)))
          if (rules->countries.name(m.entry) != k.country) {
            names += n + "\n";
            break;
          }
    rules->countries.add_blockers(names, v);
  }
  if (options.extraction) rules->fingerprint = fmt::format("{:016x}", hash);
  return rules;
}

}  // namespace briefing
