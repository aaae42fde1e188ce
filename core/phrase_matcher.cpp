#include "phrase_matcher.h"

namespace briefing {

void PhraseMatcher::add(std::string_view phrase, uint32_t target, CaseRule rule,
                        const SpellingVariants& variants) {
  bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  std::vector<Token> tokens = tokenize(phrase, variants);
  if (tokens.empty()) return;
  Entry entry{target, rule, {}};
  if (rule == CaseRule::kExact)
    for (const Token& t : tokens) entry.exact.emplace_back(t.text(phrase));
  uint32_t node = 0;
  size_t last = prefix ? tokens.size() - 1 : tokens.size();
  if (last > 0) first_words_.set(first_word_slot(tokens[0].key));
  for (size_t i = 0; i < last; ++i) {
    if (tokens[i].is_word()) words_.insert(tokens[i].key);
    auto it = nodes_[node].next.find(tokens[i].key);
    if (it == nodes_[node].next.end()) {
      uint32_t id = static_cast<uint32_t>(nodes_.size());
      nodes_[node].next.emplace(tokens[i].key, id);
      nodes_.emplace_back();
      node = id;
    } else {
      node = it->second;
    }
  }
  if (prefix && node == 0) {
    // (an empty stem would match any word: every first byte)
    if (tokens.back().key.empty()) prefix_starts_.set();
    else prefix_starts_.set(static_cast<unsigned char>(tokens.back().key.front()));
  }
  if (prefix)
    nodes_[node].prefixes.emplace_back(tokens.back().key, std::move(entry));
  else
    nodes_[node].entries.push_back(std::move(entry));
}

bool PhraseMatcher::accepts(const Entry& e, std::string_view text,
                            const std::vector<Token>& tokens, size_t begin,
                            size_t end) const {
  switch (e.rule) {
    case CaseRule::kAny:
      return true;
    case CaseRule::kCapitalised:
      return tokens[begin].capitalised || tokens[begin].kind != TokenKind::kWord;
    case CaseRule::kExact:
      if (e.exact.size() != end - begin) return false;
      for (size_t k = 0; k < e.exact.size(); ++k)
        if (tokens[begin + k].text(text) != e.exact[k]) return false;
      return true;
  }
  return false;
}

template <typename F>
void PhraseMatcher::walk(std::string_view text, const std::vector<Token>& tokens, size_t i,
                         F&& f) const {
  uint32_t node = 0;
  for (size_t j = i; j < tokens.size(); ++j) {
    // A phrase does not run across a line break, unless the break only
    // wraps running text.
    if (j > i && tokens[j].break_before && !tokens[j].soft_break) break;
    const Node& n = nodes_[node];
    if (!n.prefixes.empty() && tokens[j].is_word() && (j > i || prefix_may_start(tokens[j].key))) {
      const std::string& key = tokens[j].key;
      // (the first byte compared first: the root holds a hundred prefixes
      // or so, and this runs for every token of a text)
      for (const auto& [stem, entry] : n.prefixes)
        if ((stem.empty() || (!key.empty() && key[0] == stem[0] && key.compare(0, stem.size(), stem) == 0)) &&
            accepts(entry, text, tokens, i, j + 1))
          f(j + 1, entry.target);
    }
    auto it = n.next.find(tokens[j].key);
    if (it == n.next.end()) break;
    node = it->second;
    for (const Entry& e : nodes_[node].entries)
      if (accepts(e, text, tokens, i, j + 1)) f(j + 1, e.target);
  }
}

std::optional<PhraseMatch> PhraseMatcher::match_at(std::string_view text,
                                                   const std::vector<Token>& tokens,
                                                   size_t i) const {
  std::optional<PhraseMatch> best;
  if (i >= tokens.size() || !may_start(tokens[i].key)) return best;
  walk(text, tokens, i, [&](size_t end, uint32_t target) {
    if (!best || end > best->end) best = PhraseMatch{i, end, target};
  });
  return best;
}

std::vector<PhraseMatch> PhraseMatcher::find_every(std::string_view text,
                                                   const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> out;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (may_start(tokens[i].key))
      walk(text, tokens, i, [&](size_t end, uint32_t target) { out.push_back({i, end, target}); });
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text,
                                                 const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> out;
  for (size_t i = 0; i < tokens.size();) {
    // Only words, numbers and a few punctuation marks can start a phrase.
    if (may_start(tokens[i].key)) {
      if (auto m = match_at(text, tokens, i)) {
        out.push_back(*m);
        i = m->end;
        continue;
      }
    }
    ++i;
  }
  return out;
}

}  // namespace briefing
