#pragma once
// Named things with aliases, loaded from the data files: countries,
// organisations, topics (with trigger phrases) and ministerial roles.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "phrase_matcher.h"
#include "tokenizer.h"

namespace briefing {

// A gazetteer entry found in a token stream.
using Mention = PhraseMatch;

class Gazetteer {
 public:
  struct Layout {
    int alias_column = 1;     // column holding '|'-separated aliases
    int code_column = -1;     // optional extra look-up key (ISO code)
    CaseRule default_rule = CaseRule::kCapitalised;
    // Single-word aliases use this rule instead (roles: "Minister" must be
    // capitalised while "defense minister" need not be).
    CaseRule single_word_rule = CaseRule::kCapitalised;
    // Aliases name one entry only and can be typed to look it up. Trigger
    // phrases (topics) may serve several entries and are not look-up keys.
    bool aliases_are_names = true;
    // Build the matcher that finds mentions in text (find, match_at).
    // Without it only look-ups work (lookup, name, aliases): what a search
    // needs, and much quicker to load.
    bool text_matching = true;
  };

  Gazetteer() = default;
  // Rows "name<TAB>...aliases..."; an alias starting with '=' is matched
  // case-sensitively. Throws std::runtime_error naming `source` and the line
  // for a malformed row or an alias given to two entries.
  static Gazetteer parse(std::string_view tsv, std::string_view source, const Layout& layout,
                         const SpellingVariants& variants);

  // The same for look-ups only (no text matching), parsed at the first
  // look-up: a search that filters by no facet never pays for it. A
  // malformed row is reported (file and line) by that look-up.
  // `tsv` stays where it is: built-in data, or a file's content that
  // `file` keeps.
  static Gazetteer deferred(std::string_view tsv, std::shared_ptr<const std::string> file, std::string source,
                            Layout layout, const SpellingVariants& variants);

  // Phrases (one a line) that contain an alias but are not a mention of it,
  // such as "South China Sea".
  void add_blockers(std::string_view lines, const SpellingVariants& variants);

  // Names that stand for one of several entries ("Korea"): rows
  // "name<TAB>default<TAB>other|other". find() gives such a mention the one
  // candidate the text names otherwise, else the default. Throws
  // std::runtime_error naming `source` and the line for an unknown entry.
  void add_ambiguous(std::string_view tsv, std::string_view source, const SpellingVariants& variants);

  // Mentions in a token stream, left to right, blockers left out. Names
  // take the longest match; trigger phrases (aliases_are_names false) give
  // every match.
  std::vector<Mention> find(std::string_view text, const std::vector<Token>& tokens) const;
  // The mention starting at token i, if any (blockers give none).
  std::optional<Mention> match_at(std::string_view text, const std::vector<Token>& tokens,
                                  size_t i) const;

  // Whether an alias or a blocked phrase has the word (a token key) whole.
  bool has_word(const std::string& key) const {
    ready();
    return matcher_.has_word(key);
  }

  // The entry a user-typed name, alias or code refers to, or -1.
  int lookup(std::string_view typed) const;

  const std::string& name(uint32_t entry) const {
    ready();
    return names_[entry];
  }

  // Every alias as listed (without its '=' mark) and the entry it names.
  const std::vector<std::pair<std::string, uint32_t>>& aliases() const {
    ready();
    return aliases_;
  }
  size_t size() const {
    ready();
    return names_.size();
  }

 private:
  static constexpr uint32_t kBlocked = 0xFFFFFFFFu;
  static constexpr uint32_t kAmbiguous = 0x80000000u;  // | index into ambiguous_
  static constexpr uint32_t kWeak = 0x40000000u;       // | entry: a "~" alias, found alone it says nothing
  struct Ambiguity {
    uint32_t fallback;
    std::vector<uint32_t> candidates;  // fallback included
    // Per candidate: named only by a form without the name in it counts
    // ("~North Korea": "DPRK" says bare "Korea" is the North, "North
    // Korea" does not).
    std::vector<bool> unqualified;
    std::string key;  // the first four letters of the name's last word, folded
  };
  std::vector<Ambiguity> ambiguous_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t> by_key_;  // folded alias -> entry
  std::vector<std::pair<std::string, uint32_t>> aliases_;
  PhraseMatcher matcher_;
  const SpellingVariants* variants_ = nullptr;
  bool longest_only_ = true;
  bool text_matching_ = true;

  // What a deferred gazetteer is parsed from, at its first use.
  struct Pending {
    std::string_view tsv;
    std::shared_ptr<const std::string> file;  // what `tsv` is in, if not built in
    std::string source, ambiguous_tsv, ambiguous_source;
    Layout layout;
    const SpellingVariants* variants = nullptr;
    std::once_flag once;
  };
  std::shared_ptr<Pending> pending_;
  void ready() const {
    if (pending_) std::call_once(pending_->once, [this] { const_cast<Gazetteer*>(this)->build_pending(); });
  }
  void build_pending();
};

}  // namespace briefing
