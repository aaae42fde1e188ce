#pragma once
// Everything extraction knows, loaded once from the data files: spelling
// variants, countries, organisations, topics, ministerial roles, name words.
#include <array>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "gazetteer.h"
#include "tokenizer.h"

namespace briefing {

// The target of data/participation.tsv's "absent" phrases in
// Rules::elsewhere ("elsewhere" phrases have 0).
constexpr uint32_t kElsewhereAbsent = 1;
// ... and of its "about" phrases: elsewhere, but only before the minister's
// name ("the statements of the Israeli Minister of Defense").
constexpr uint32_t kElsewhereAbout = 2;
// The target of data/participation.tsv's "subject" phrases in
// Rules::participation ("before" phrases have 0, "after" phrases 1).
constexpr uint32_t kParticipationSubject = 2;
// The targets of data/participation.tsv's "joined" and "aside" phrases in
// Rules::meeting_roles.
constexpr uint32_t kMeetingJoined = 0;
constexpr uint32_t kMeetingAside = 1;
constexpr uint32_t kMeetingHost = 2;

struct RulesOptions {
  // A topic rules file that replaces the default taxonomy ("" = default).
  std::string topics_file;
  // A folder whose files override the embedded defaults of the same name
  // (countries.tsv, organisations.tsv, ...). "" = $BRIEFING_DATA_DIR if set,
  // else the installed files beside the program (PREFIX/share/briefing-search),
  // else the embedded files.
  std::string data_dir;
  // Further ministers (name<TAB>country<TAB>role<TAB>aliases[<TAB>terms]), added to the
  // built-in knowledge base.
  std::vector<std::string> minister_files;
  // Load what finding things in text needs: the knowledge base of
  // ministers and the gazetteers' text matchers. Searching only looks typed
  // values up, and starts several times faster without them.
  bool extraction = true;
};

// Lines a rule file lists, folded: whole lines ("press release") and, for
// entries ending in ':', starts of lines ("from:").
struct LineList {
  std::unordered_set<std::string> lines;
  std::vector<std::string> prefixes;  // "from:", "skip to" (written "Skip to …")
  std::vector<std::string> inner;     // "cookies" (written "… cookies …"): anywhere in a line

  static LineList parse(std::string_view content);
  bool empty() const { return lines.empty() && prefixes.empty() && inner.empty(); }
  // `key` is a folded line.
  bool whole(const std::string& key) const { return lines.count(key) > 0; }
  // A prefix ending in a letter ends at a word's end: "Subscribe …" is no
  // start of "Subscribers".
  bool starts(const std::string& key) const;
  bool holds(const std::string& key) const;
};

// A single word's part in the title and minister rules
// (data/page-words.tsv).
enum class PageWordKind : uint8_t {
  kEnglish = 1, kOther = 2, kDateLabel = 4, kShare = 8, kInstitution = 16, kStateStyle = 32, kStaff = 64,
  kAgency = 128
};

// A list of English words some extraction rules look for around what they
// find (data/context-words.tsv, whose header says what each list does).
enum class ContextList : uint8_t {
  kCivilTrainingBefore,  // "religious" training
  kCivilTrainingAfter,   // training of "students"
  kMilitaryBody,         // the Fiji "Military" Forces and the ... Police on training
  kDelivery,             // "delivered", "supplied"
  kCivilGoods,           // "rice" delivered
  kMilitaryGoods,        // the delivery of "military" aid
  kGoodsEnd,             // the delivery of gas "to" Hungary
  kAddressLabel,         // "TO:" (as written)
  kGovernmentDomain,     // ".gov." (as written)
  kAfterYear,            // "in 2022 and"
  kFuture,               // "would", "upcoming"
  kMeetingNoun,          // did not take part in the "talks"
  kMeetingVerb,          // an officer "met" the minister
  kPlaceBeforeSurname,   // "visited" Montenegro
  kNotMeeting,           // trilateral "alliance"
  kStreet,               // "Street", "Rue"
  kStateStylePhrase,     // "Republic of" (several words)
  kCapitalsLink,         // "OF THE MINISTER ..."
  kHeadlineLink,         // "... EMIGRANTS OF THE"
  kWeekday,              // "Monday" ... "Sunday", in order
  kPlaceBeforeName,      // "In" New Delhi, India's Defence Minister
  kNotAfterHolder,       // Buenos Aires, "to" the ...
  kBeforeStaff,          // the Office of "His Highness" the Minister
  kLanguageMenu,         // Armenian | Russian | "English"
  kNewInPost,            // Albania's "newly appointed" Minister
  kCalledOff,            // a headline's talks "postponed"
  kLeftPost,             // Marcel Ciolacu "stepped" down as prime minister
  kSpeech,               // Tuggar "said"
  kStateNoun,            // the "country's" defence minister
  kPatronymic,           // Maktoum "bin" Mohammed: the father's name follows
  kPastMeeting,          // the "outcome" of the Japan-Australia meeting: an earlier one
  kCount
};

// Folded words, some of them prefixes ("purchas*").
struct WordSet {
  std::unordered_set<std::string> words;
  std::vector<std::string> prefixes;
  std::array<bool, 256> prefix_start{};  // the first bytes of prefixes
  void add(const std::string& key, bool prefix);
  bool has(const std::string& key) const;
};

// A topic that two words say together (data/topic-pairs.tsv): a word of
// `then` among the `window` words after a word of `first`, in a sentence,
// with no word of `stops` before it.
struct TopicPair {
  uint32_t topic = 0;  // an entry of Rules::topics
  WordSet first, then;
  size_t window = 0;
  WordSet stops;  // end the search for `then`
};

enum class NameWordKind {
  kHonorific, kParticle, kSuffix, kRank, kTitle, kMilitary, kFormer, kPostnominal, kAbbreviation, kStop,
  kPlace,  // "Street": a known name before it is a place's
  kStyle   // "Ambassador": another's title, or a minister's style (ministers.cpp)
};

// A minister known from data/ministers.tsv (or a user's own file).
// A period in office, in months since year 0 (year * 12 + month - 1), both
// ends included; an unknown start or an open end is the far past or future.
struct Term {
  int from = std::numeric_limits<int>::min();
  int to = std::numeric_limits<int>::max();
};

struct KnownMinister {
  std::string name;     // canonical full name
  std::string country;  // canonical country
  std::string role;     // canonical role
  std::vector<std::string> names;  // the name and its other forms ("Kamikawa Yoko")
  std::vector<Term> terms;  // in any of its roles; none when unknown
  // Whether the person held a post of theirs in the month of `iso_date`
  // ("2025-03-14"); true when the terms or the date are unknown.
  bool in_office(std::string_view iso_date) const;
};

class Rules {
 public:
  // Loads and checks every file. Throws std::runtime_error naming the file
  // and line of the first problem.
  static std::shared_ptr<const Rules> load(const RulesOptions& options = {});

  SpellingVariants variants;
  Gazetteer countries;
  Gazetteer organisations;
  Gazetteer topics;
  Gazetteer roles;
  // The knowledge base of ministers: names and aliases found in text, and
  // the people they name (one entry a person; rows of the same person with
  // several roles keep the first).
  std::vector<KnownMinister> known_ministers;
  PhraseMatcher known_minister_names;  // name or alias -> index in known_ministers
  // Every folded word of each known minister's name and aliases -> who has it.
  std::unordered_map<std::string, std::vector<uint32_t>> known_by_word;

  // Words that make a chain of countries ("Japan-Germany") a meeting of
  // them: "Meeting", "Talks", "2+2" (data/meeting-words.txt).
  PhraseMatcher meeting_words;
  // Lowercase portfolios before a lowercase "minister": "trade minister
  // Todd McClay" (data/portfolio-words.txt).
  PhraseMatcher portfolio_words;

  // Words that make a list of countries parties: target 0 when they come
  // before the list ("delegations from"), 1 after it ("attended")
  // (data/participation.tsv).
  PhraseMatcher participation;
  // Words that, in the sentence that names a minister once, say the
  // minister spoke elsewhere or took no part ("last month", "quoted by",
  // "did not take part") (data/participation.tsv, "elsewhere").
  PhraseMatcher elsewhere;  // target kElsewhereAbsent: "did not take part"; else 0
  // Words that, in the sentence that names a minister once, say the minister
  // took part in the meeting ("the talks were hosted by", target
  // kMeetingJoined), or, in the headline or the lead, that the meeting was
  // held beside a wider one ("on the sidelines of", target kMeetingAside),
  // or that a minister hosted a meeting ("hosted by", target kMeetingHost)
  // (data/participation.tsv, "joined", "aside" and "host").
  PhraseMatcher meeting_roles;

  // Capitals and the countries they are of (data/capitals.tsv): target i
  // is capital_countries[i].
  PhraseMatcher capitals;
  std::vector<std::string> capital_countries;

  // Titles that name a minister only in some countries ("foreign
  // secretary" -> United Kingdom), keyed by their tokens' keys joined by
  // spaces (data/title-countries.tsv).
  std::unordered_map<std::string, std::vector<std::string>> title_countries;

  // Countries that are also given names, folded ("chad"): followed by a
  // name word they are a person (data/not-countries.txt, "Chad <name>").
  std::unordered_set<std::string> given_name_countries;
  // Countries that are also surnames ("montenegro"): after a given name
  // they are a person ("<name> Montenegro", "Luís Montenegro").
  std::unordered_set<std::string> surname_countries;

  // Lines that are not a briefing's title: "press release" (the whole
  // line) and "from:" (a line starting with it) (data/title-labels.txt).
  LineList title_labels;
  // Lines that link to other stories: "related stories" (a block heading)
  // and "read more:" (a line starting with it) (data/link-lines.txt).
  LineList link_lines;

  // Whether a folded word (a token's key) has a part in data/page-words.tsv.
  bool page_word(const std::string& key, PageWordKind kind) const {
    auto it = page_words.find(key);
    return it != page_words.end() && (it->second & static_cast<uint8_t>(kind));
  }
  std::unordered_map<std::string, uint8_t> page_words;  // folded word -> PageWordKind bits

  // Whether a folded word (a token's key) or phrase is in a list of
  // data/context-words.tsv.
  bool context_word(const std::string& key, ContextList list) const {
    auto it = context_words.find(key);
    return it != context_words.end() && (it->second & (1u << static_cast<unsigned>(list)));
  }
  // A list's entries in the file's order, folded; those of address-label
  // and government-domain as written.
  const std::vector<std::string>& context_list(ContextList list) const {
    return context_lists[static_cast<size_t>(list)];
  }
  std::unordered_map<std::string, uint32_t> context_words;  // folded word -> bits of ContextList
  std::array<std::vector<std::string>, static_cast<size_t>(ContextList::kCount)> context_lists;

  // Topics two words near each other say (data/topic-pairs.tsv).
  std::vector<TopicPair> topic_pairs;

  // Changes whenever any rule changes: a database built with other rules is
  // re-indexed in full. Only made for extraction (RulesOptions::extraction).
  std::string fingerprint;

  // A folded word's part in names (data/name-words.tsv), or nullptr. Used
  // in searching too, since a typed name is keyed as the indexer keys it;
  // a search parses the file at its first look-up (most never make one).
  const NameWordKind* name_word(const std::string& key) const {
    name_words_ready();
    auto it = name_words_.find(key);
    return it == name_words_.end() ? nullptr : &it->second;
  }

  // The part in names of a word written so and only so ("=HE" in
  // data/name-words.tsv), or nullptr.
  const NameWordKind* name_word_as_written(std::string_view written) const {
    name_words_ready();
    if (name_words_written_.empty()) return nullptr;
    auto it = name_words_written_.find(std::string(written));
    return it == name_words_written_.end() ? nullptr : &it->second;
  }

  Rules() = default;
  Rules(const Rules&) = delete;
  Rules& operator=(const Rules&) = delete;

 private:
  void parse_name_words() const;
  // data/name-words.tsv parsed, at the first look-up.
  void name_words_ready() const {
    if (name_words_pending_) std::call_once(name_words_once_, [this] { parse_name_words(); });
  }

  mutable std::unordered_map<std::string, NameWordKind> name_words_;
  mutable std::unordered_map<std::string, NameWordKind> name_words_written_;
  mutable std::once_flag name_words_once_;
  bool name_words_pending_ = false;
  std::string name_words_source_;
  std::string_view name_words_content_;  // the built-in copy, or *name_words_file_
  std::shared_ptr<const std::string> name_words_file_;
};

}  // namespace briefing
