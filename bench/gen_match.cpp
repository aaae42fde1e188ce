#include "gen_match.h"

namespace bench {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// E2 80 xx: dashes, quotes, ellipsis and other general punctuation.
bool is_general_punct(std::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80;
}

uint16_t bucket(std::string_view key) {
  return static_cast<uint16_t>(static_cast<unsigned char>(key[0]) |
                               (key.size() > 1 ? static_cast<unsigned char>(key[1]) << 8 : 0));
}

}  // namespace

void tokenize(std::string_view text, std::string& buffer, std::vector<std::string_view>& keys) {
  buffer.clear();
  buffer.reserve(text.size());  // keys never grow: the views stay valid
  keys.clear();
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    size_t start = buffer.size();
    if (is_general_punct(text, i)) {
      unsigned char k = static_cast<unsigned char>(text[i + 2]);
      if (k == 0x98 || k == 0x99) buffer += '\'';
      else buffer.append(text.substr(i, 3));
      i += 3;
    } else if (is_word_byte(c)) {
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])) &&
             !is_general_punct(text, i)) {
        char ch = text[i++];
        buffer += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
      }
    } else {
      buffer += text[i++];
    }
    keys.emplace_back(buffer.data() + start, buffer.size() - start);
  }
}

std::string_view PhraseTrie::intern(std::string_view key) {
  storage_.emplace_back(key);
  return storage_.back();
}

void PhraseTrie::add(std::string_view phrase, int target) {
  if (!phrase.empty() && phrase[0] == '=') phrase.remove_prefix(1);
  bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  std::string buffer;
  std::vector<std::string_view> keys;
  tokenize(phrase, buffer, keys);
  if (keys.empty()) return;
  size_t last = keys.size() - 1;
  uint32_t node = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i == last && prefix) {
      std::string_view p = intern(keys[i]);
      if (node == 0) root_prefixes_[bucket(p)].emplace_back(p, target);
      else nodes_[node].prefixes.emplace_back(p, target);
      return;
    }
    auto it = nodes_[node].next.find(keys[i]);
    if (it == nodes_[node].next.end()) {
      uint32_t fresh = static_cast<uint32_t>(nodes_.size());
      nodes_[node].next.emplace(intern(keys[i]), fresh);
      nodes_.emplace_back();
      node = fresh;
    } else {
      node = it->second;
    }
  }
  nodes_[node].targets.push_back(target);
}

void PhraseTrie::walk(const std::vector<std::string_view>& keys, uint32_t start,
                      std::vector<PhraseHit>& out) const {
  std::string_view first = keys[start];
  for (uint16_t b : {bucket(first), static_cast<uint16_t>(static_cast<unsigned char>(first[0]))}) {
    auto it = root_prefixes_.find(b);
    if (it != root_prefixes_.end())
      for (const auto& [p, target] : it->second)
        if (starts_with(first, p)) out.push_back({start, start + 1, target});
    if (first.size() == 1) break;
  }
  uint32_t node = 0;
  for (uint32_t i = start; i < keys.size(); ++i) {
    const Node& n = nodes_[node];
    for (const auto& [p, target] : n.prefixes)
      if (node != 0 && starts_with(keys[i], p)) out.push_back({start, i + 1, target});
    auto it = n.next.find(keys[i]);
    if (it == n.next.end()) return;
    node = it->second;
    for (int target : nodes_[node].targets) out.push_back({start, i + 1, target});
  }
  // Prefix entries at the end of the text cannot match: nothing follows.
}

void PhraseTrie::find_every(const std::vector<std::string_view>& keys, std::vector<PhraseHit>& out) const {
  for (uint32_t i = 0; i < keys.size(); ++i) walk(keys, i, out);
}

bool PhraseTrie::occurs_in(std::string_view text) const {
  std::string buffer;
  std::vector<std::string_view> keys;
  std::vector<PhraseHit> hits;
  tokenize(text, buffer, keys);
  find_every(keys, hits);
  return !hits.empty();
}

}  // namespace bench
