#include "search.h"

#include <fmt/format.h>

#include <algorithm>

#include "errors.h"
#include "tokenizer.h"

namespace briefing {
namespace {

// Markers that cannot occur in escaped snippet text.
constexpr char kHiStart = '\x01';
constexpr char kHiEnd = '\x02';
constexpr char kOmit = '\x03';

// Undoes the HTML escaping of MSet::snippet().
std::string unescape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    static const std::pair<const char*, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [name, ch] : kEntities) {
      size_t len = std::char_traits<char>::length(name);
      if (s.compare(i, len, name) == 0) {
        out += ch;
        i += len - 1;
        done = true;
        break;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

// Maps an offset in the index form to the text as written.
size_t to_text_offset(const std::vector<OffsetAnchor>& anchors, size_t index_offset) {
  auto it = std::upper_bound(anchors.begin(), anchors.end(), index_offset,
                             [](size_t off, const OffsetAnchor& a) { return off < a.index_offset; });
  if (it == anchors.begin()) return index_offset;
  --it;
  size_t odd = std::distance(anchors.begin(), it) % 2;  // inside a replaced word
  if (odd == 0 && index_offset != it->index_offset) return it->text_offset;  // clamp to its start
  return it->text_offset + (index_offset - it->index_offset);
}

}  // namespace

Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, const Rules& rules,
                     size_t length) {
  Snippet out;
  std::vector<Token> tokens = tokenize(text, rules.variants);
  std::vector<OffsetAnchor> anchors;
  std::string folded = index_form(text, tokens, &anchors);
  std::string raw = mset.snippet(folded, length, Xapian::Stem("english"),
                                 Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 std::string(1, kHiStart), std::string(1, kHiEnd), std::string(1, kOmit));
  std::string s = unescape_html(raw);
  if (!s.empty() && s.front() == kOmit) {
    out.cut_start = true;
    s.erase(0, 1);
  }
  if (!s.empty() && s.back() == kOmit) {
    out.cut_end = true;
    s.pop_back();
  }
  // Plain snippet text and where the matches lie in it.
  std::string plain;
  std::vector<std::pair<size_t, size_t>> matches;
  for (char c : s) {
    if (c == kHiStart) matches.emplace_back(plain.size(), plain.size());
    else if (c == kHiEnd) { if (!matches.empty()) matches.back().second = plain.size(); }
    else plain += c;
  }
  size_t at = folded.find(plain);
  if (at == std::string::npos) {
    // Should not happen; show the index form rather than nothing.
    out.pieces.push_back({plain, false});
    return out;
  }
  size_t pos = at;
  auto emit = [&](size_t from, size_t to, bool match) {
    size_t a = to_text_offset(anchors, from), b = to_text_offset(anchors, to);
    if (b > a) out.pieces.push_back({text.substr(a, b - a), match});
  };
  for (const auto& [b, e] : matches) {
    emit(pos, at + b, false);
    emit(at + b, at + e, true);
    pos = at + e;
  }
  emit(pos, at + plain.size(), false);
  return out;
}

SearchResult run_search(const Xapian::Database& db, const SearchRequest& request,
                        const Normaliser& normaliser) {
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  QueryBuilder builder(db, normaliser);
  Xapian::Query query = builder.build(request);
  result.description = query.get_description();

  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  // Equal scores (filter-only queries) fall back to document order.
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (const Facet& f : kFacets) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f.slot));
    enquire.add_matchspy(spies.back().get());
  }
  // Every document is looked at, so the facet counts are exact.
  Xapian::MSet mset;
  try {
    mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                            static_cast<Xapian::doccount>(request.limit), db.get_doccount());
  } catch (const Xapian::WildcardError&) {
    throw Error(fmt::format("a wildcard in '{}' matches too many words; make it longer", request.query));
  }
  result.total = mset.get_matches_estimated();  // exact: check_at_least covers every document

  size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.doc = read_document(it.get_document());
    hit.snippet = make_snippet(mset, hit.doc.text, normaliser.rules());
    hit.doc.text.clear();
    result.hits.push_back(std::move(hit));
  }

  // A slot holds all of a document's values joined; split and add up.
  for (size_t i = 0; i < kFacets.size(); ++i) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto v = spies[i]->values_begin(); v != spies[i]->values_end(); ++v) {
      const std::string joined = *v;
      size_t start = 0;
      while (start <= joined.size()) {
        size_t sep = joined.find(kValueSeparator, start);
        std::string value = joined.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
        if (!value.empty()) counts[value] += v.get_termfreq();
        if (sep == std::string::npos) break;
        start = sep + 1;
      }
    }
    std::vector<FacetCount> list;
    for (auto& [value, count] : counts) list.push_back({value, count});
    std::stable_sort(list.begin(), list.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    result.facets.emplace_back(&kFacets[i], std::move(list));
  }
  return result;
}

}  // namespace briefing
