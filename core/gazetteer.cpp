#include "gazetteer.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "data_files.h"
#include "text.h"

namespace briefing {
namespace {

// The look-up key of a typed or listed name: its token keys, space-joined,
// so "Defence  Technology" and "defense technology" meet.
std::string lookup_key(std::string_view s, const SpellingVariants& variants) {
  std::string key;
  for (const Token& t : tokenize(s, variants)) {
    if (!key.empty() && t.space_before) key += ' ';
    key += t.key;
  }
  return key;
}

}  // namespace

Gazetteer Gazetteer::parse(std::string_view tsv, std::string_view source, const Layout& layout,
                           const SpellingVariants& variants) {
  Gazetteer g;
  g.variants_ = &variants;
  g.longest_only_ = layout.aliases_are_names;
  g.text_matching_ = layout.text_matching;
  auto where = [&](size_t line) { return std::string(source) + ":" + std::to_string(line) + ": "; };
  for (const TsvRow& row : parse_tsv(tsv)) {
    if (row.cols.empty() || row.cols[0].empty() ||
        static_cast<int>(row.cols.size()) <= layout.alias_column)
      throw std::runtime_error(where(row.line) + "expected a name and aliases separated by tabs");
    uint32_t id = static_cast<uint32_t>(g.names_.size());
    g.names_.push_back(row.cols[0]);
    auto claim = [&](const std::string& key) {
      if (key.empty()) return;
      auto [it, inserted] = g.by_key_.emplace(key, id);
      if (!inserted && it->second != id)
        throw std::runtime_error(where(row.line) + "'" + key + "' already names " +
                                 g.names_[it->second]);
    };
    std::vector<std::string> aliases = split_list(row.cols[layout.alias_column], '|');
    // A name is its own alias; a topic's name is not one of its triggers
    // ("space" alone says little).
    // A name without letters ("-", the roles that are not a minister's) is
    // no alias: a hyphen in the text is not a title.
    const bool wordy = std::any_of(row.cols[0].begin(), row.cols[0].end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    });
    // (not where the name is listed to be matched as written: "=UN" is no
    // "Un" of "Kim Jong Un")
    const bool exact_name = std::find(aliases.begin(), aliases.end(), "=" + row.cols[0]) != aliases.end();
    if (layout.aliases_are_names && wordy && !exact_name) aliases.push_back(row.cols[0]);
    for (std::string alias : aliases) {
      CaseRule rule = layout.default_rule;
      uint32_t target = id;
      if (alias.size() > 1 && alias[0] == '~') {
        alias.erase(0, 1);
        target |= kWeak;
      }
      if (alias.size() > 1 && alias[0] == '=') {
        alias.erase(0, 1);
        rule = CaseRule::kExact;
      } else if (alias.find_first_of(" -.'") == std::string::npos) {
        rule = layout.single_word_rule;
      }
      if (g.text_matching_) g.matcher_.add(alias, target, rule, variants);
      g.aliases_.emplace_back(alias, id);
    }
    claim(lookup_key(row.cols[0], variants));
    if (layout.aliases_are_names)
      for (std::string alias : aliases) {
        if (alias.size() > 1 && alias[0] == '~') alias.erase(0, 1);
        if (alias.size() > 1 && alias[0] == '=') alias.erase(0, 1);
        claim(lookup_key(alias, variants));
      }
    if (layout.code_column >= 0 && static_cast<int>(row.cols.size()) > layout.code_column)
      g.by_key_.emplace(fold_key(row.cols[layout.code_column]), id);
  }
  return g;
}

Gazetteer Gazetteer::deferred(std::string_view tsv, std::shared_ptr<const std::string> file, std::string source,
                              Layout layout, const SpellingVariants& variants) {
  Gazetteer g;
  layout.text_matching = false;
  g.text_matching_ = false;
  g.variants_ = &variants;
  g.pending_ = std::make_shared<Pending>();
  g.pending_->tsv = tsv;
  g.pending_->file = std::move(file);
  g.pending_->source = std::move(source);
  g.pending_->layout = layout;
  g.pending_->variants = &variants;
  return g;
}

void Gazetteer::build_pending() {
  std::shared_ptr<Pending> p = pending_;  // kept alive while its once_flag runs this
  Gazetteer g = parse(p->tsv, p->source, p->layout, *p->variants);
  if (!p->ambiguous_tsv.empty()) g.add_ambiguous(p->ambiguous_tsv, p->ambiguous_source, *p->variants);
  *this = std::move(g);
  pending_ = std::move(p);
}

void Gazetteer::add_blockers(std::string_view lines, const SpellingVariants& variants) {
  if (!text_matching_) return;
  for (const TsvRow& row : parse_tsv(lines))
    if (!row.cols.empty()) {
      // "=Training Centre": only as written (a name), as in countries.tsv
      const std::string& phrase = row.cols[0];
      if (phrase.size() > 1 && phrase[0] == '=') matcher_.add(phrase.substr(1), kBlocked, CaseRule::kExact, variants);
      else matcher_.add(phrase, kBlocked, CaseRule::kAny, variants);
    }
}

void Gazetteer::add_ambiguous(std::string_view tsv, std::string_view source, const SpellingVariants& variants) {
  if (pending_) {  // with the rest, at the first look-up
    pending_->ambiguous_tsv = std::string(tsv);
    pending_->ambiguous_source = std::string(source);
    return;
  }
  for (const TsvRow& row : parse_tsv(tsv)) {
    auto where = std::string(source) + ":" + std::to_string(row.line) + ": ";
    if (row.cols.size() < 3) throw std::runtime_error(where + "expected 'name<TAB>default<TAB>others'");
    Ambiguity a;
    std::vector<std::string> names = split_list(row.cols[2], '|');
    names.insert(names.begin(), row.cols[1]);
    for (std::string n : names) {
      const bool unqualified = !n.empty() && n[0] == '~';
      if (unqualified) n.erase(0, 1);
      int id = lookup(n);
      if (id < 0) throw std::runtime_error(where + "'" + n + "' is not a known name");
      a.candidates.push_back(static_cast<uint32_t>(id));
      a.unqualified.push_back(unqualified);
    }
    const std::vector<std::string> words = phrase_keys(row.cols[0], variants);
    if (!words.empty()) a.key = words.back().substr(0, 4);
    a.fallback = a.candidates.front();
    if (text_matching_)
      matcher_.add(row.cols[0], kAmbiguous | static_cast<uint32_t>(ambiguous_.size()), CaseRule::kCapitalised,
                   variants);
    by_key_.emplace(lookup_key(row.cols[0], variants), a.fallback);
    ambiguous_.push_back(std::move(a));
  }
}

std::vector<Mention> Gazetteer::find(std::string_view text, const std::vector<Token>& tokens) const {
  std::vector<Mention> out;
  bool any_ambiguous = false;
  const std::vector<PhraseMatch> found =
      longest_only_ ? matcher_.find_all(text, tokens) : matcher_.find_every(text, tokens);
  // With every match kept (topics), a blocked phrase still covers what is
  // inside it ("Training Center" holds no "training").
  // reach[t]: the furthest end of a blocked phrase that starts at or before
  // token t (a match is inside one when its end is within that reach).
  std::vector<size_t> reach;
  if (!longest_only_)
    for (const PhraseMatch& m : found)
      if (m.entry == kBlocked) {
        if (reach.empty()) reach.assign(tokens.size() + 1, 0);
        reach[m.begin] = std::max(reach[m.begin], m.end);
      }
  for (size_t t = 1; t < reach.size(); ++t) reach[t] = std::max(reach[t], reach[t - 1]);
  bool any_weak = false;
  for (const PhraseMatch& m : found) {
    if (m.entry == kBlocked) continue;
    if (!reach.empty() && reach[m.begin] >= m.end) continue;
    any_ambiguous = any_ambiguous || (m.entry & kAmbiguous);
    any_weak = any_weak || (!(m.entry & kAmbiguous) && (m.entry & kWeak));
    out.push_back(m);
  }
  if (any_weak) {
    // A weak alias counts when its entry is found twice or more, by any
    // alias: one "allies" in passing is no alliance.
    std::unordered_map<uint32_t, size_t> times;
    for (const Mention& m : out)
      if (!(m.entry & kAmbiguous)) ++times[m.entry & ~kWeak];
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Mention& m) {
                               return !(m.entry & kAmbiguous) && (m.entry & kWeak) && times[m.entry & ~kWeak] < 2;
                             }),
              out.end());
    for (Mention& m : out)
      if (!(m.entry & kAmbiguous)) m.entry &= ~kWeak;
  }
  if (!any_ambiguous) return out;
  // (the entries named, gathered once: a text that says "Korea" a hundred
  // thousand times asks a hundred thousand times)
  std::unordered_set<uint32_t> present;
  // (and which are named by a form with no word like an ambiguous name
  // of theirs in it: "DPRK", not "North Korea")
  std::unordered_map<uint32_t, std::vector<const Mention*>> mentions_of;
  for (const Mention& x : out)
    if (!(x.entry & kAmbiguous)) {
      present.insert(x.entry);
      mentions_of[x.entry].push_back(&x);
    }
  std::unordered_map<std::string, bool> asked;  // prefix + entry -> answer
  auto named_unqualified = [&](uint32_t entry, const std::string& prefix) {
    auto [it, fresh] = asked.emplace(prefix + "\t" + std::to_string(entry), false);
    if (fresh)
      for (const Mention* x : mentions_of[entry]) {
        bool like = false;
        for (size_t t = x->begin; t < x->end && !like; ++t) like = tokens[t].key.rfind(prefix, 0) == 0;
        if (!like) {
          it->second = true;
          break;
        }
      }
    return it->second;
  };
  for (Mention& m : out) {
    if (!(m.entry & kAmbiguous)) continue;
    const Ambiguity& a = ambiguous_[m.entry & ~kAmbiguous];
    uint32_t chosen = a.fallback;
    size_t named = 0;
    for (size_t k = 0; k < a.candidates.size(); ++k) {
      const uint32_t c = a.candidates[k];
      if (!present.count(c) || (a.unqualified[k] && !named_unqualified(c, a.key))) continue;
      chosen = c;
      ++named;
    }
    m.entry = named == 1 ? chosen : a.fallback;
  }
  return out;
}

std::optional<Mention> Gazetteer::match_at(std::string_view text, const std::vector<Token>& tokens,
                                           size_t i) const {
  auto m = matcher_.match_at(text, tokens, i);
  if (!m || m->entry == kBlocked || (m->entry & kAmbiguous)) return std::nullopt;
  m->entry &= ~kWeak;
  return m;
}

int Gazetteer::lookup(std::string_view typed) const {
  ready();
  if (!variants_) return -1;
  auto it = by_key_.find(lookup_key(typed, *variants_));
  if (it == by_key_.end()) it = by_key_.find(fold_key(typed));
  return it == by_key_.end() ? -1 : static_cast<int>(it->second);
}

}  // namespace briefing
