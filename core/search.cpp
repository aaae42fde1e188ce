#include "search.h"

#include <cctype>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "stemmer.h"
#include "errors.h"
#include "file_reader.h"
#include "match_list.h"
#include "front_matter.h"
#include "text.h"
#include "tokenizer.h"

namespace briefing {
namespace {

// Terms a "more like this" query may use: plain words, no prefixed terms.
class PlainWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && !(term[0] >= 'A' && term[0] <= 'Z') &&
           !std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
};

// The body of a hit, for its snippet: kept in the index (HTML pages and
// PDFs, whose conversion is slow, or everything with indexer --store-text),
// else read again from the text file, as notmuch does with mail; "" when
// the file cannot be read any more.
std::string snippet_source(const StoredBriefing& doc) {
  if (!doc.text.empty()) return doc.text;
  // No more than the indexer reads by default: a file grown to a gigabyte
  // since it was indexed gets no snippet rather than a gigabyte of memory.
  constexpr uint64_t kMaxFileBytes = uint64_t{64} << 20;
  std::string error;
  auto content = read_text_briefing(doc.path, kMaxFileBytes, &error);
  if (!content) return {};
  // Markdown's bold and emphasis marks would read like the hits' marks (in
  // one pass: erasing each in turn took seconds for a file of them).
  return without_emphasis_marks(parse_front_matter(content->text).body);
}

// Whether the request selects values of the facet (a filter, not --not-X).
bool selects(const SearchRequest& request, FacetId facet) {
  return std::any_of(request.filters.begin(), request.filters.end(),
                     [&](const Filter& x) { return x.facet == facet && !x.negate; });
}

// Facet counts over every match of `q` (exact), on `more`'s threads when
// it matches many.
FacetCounts count_all(const Xapian::Database& db, const Xapian::Query& q, FacetNames& names,
                      CountingHandles* more) {
  FacetCounts counts;
  counts.count(db, q, {}, &names, more);
  return counts;
}

Xapian::Query similar_query(const Xapian::Database& db, const std::string& path) {
  std::string id = id_term(path);
  Xapian::PostingIterator p = db.postlist_begin(id);
  if (p == db.postlist_end(id)) throw Error(fmt::format("'{}' is not in the index", path));
  Xapian::RSet rset;
  rset.add_document(*p);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(id));
  PlainWords decider;
  // Over several databases (shards, --db twice) the term frequencies of
  // them all, not of the shard that holds the briefing: the same words as
  // from one database.
  Xapian::ESet eset = enquire.get_eset(30, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  if (terms.empty()) {
    // Xapian weighs no word of it: each is in every briefing (a small
    // index, a copy of the file). Its own most frequent words then.
    constexpr size_t kMaxWords = 30;
    std::vector<std::pair<Xapian::termcount, std::string>> words;
    for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t)
      if (decider(*t)) words.emplace_back(t.get_wdf(), *t);
    std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (words.size() > kMaxWords) words.resize(kMaxWords);
    for (const auto& w : words) terms.emplace_back(w.second);
  }
  // No word to compare at all: nothing is like it, which is no match
  // rather than an error.
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                       Xapian::Query(id));
}

std::vector<TimelinePoint> make_timeline(const Xapian::ValueCountMatchSpy& dates, bool by_month) {
  std::map<std::string, Xapian::doccount> counts;
  for (auto v = dates.values_begin(); v != dates.values_end(); ++v) {
    const std::string d = *v;  // YYYYMMDD
    if (d.size() != 8) continue;
    counts[by_month ? d.substr(0, 4) + "-" + d.substr(4, 2) : d.substr(0, 4)] += v.get_termfreq();
  }
  std::vector<TimelinePoint> out;
  if (counts.empty()) return out;
  // Every period from the first to the last, empty ones included.
  int y = std::stoi(counts.begin()->first.substr(0, 4));
  int m = by_month ? std::stoi(counts.begin()->first.substr(5, 2)) : 1;
  const std::string last = counts.rbegin()->first;
  while (true) {
    std::string period = by_month ? fmt::format("{:04d}-{:02d}", y, m) : fmt::format("{:04d}", y);
    auto it = counts.find(period);
    out.push_back({period, it == counts.end() ? 0 : it->second});
    if (period >= last) break;
    if (by_month && ++m > 12) {
      m = 1;
      ++y;
    } else if (!by_month) {
      ++y;
    }
  }
  return out;
}

MeetingGraph make_graph(const Xapian::MSet& all) {
  MeetingGraph g;
  std::map<std::string, size_t> index;
  std::map<std::pair<size_t, size_t>, Xapian::doccount> edges;
  for (auto it = all.begin(); it != all.end(); ++it) {
    StoredBriefing doc = read_document(it.get_document());
    std::vector<size_t> here;
    for (const Minister& m : doc.briefing.ministers) {
      const std::string& name = m.known.empty() ? m.name : m.known;  // one person, one node
      auto [pos, added] = index.emplace(name, g.nodes.size());
      if (added) g.nodes.push_back({name, m.country, 0});
      MeetingGraph::Node& node = g.nodes[pos->second];
      if (node.country.empty()) node.country = m.country;
      if (std::find(here.begin(), here.end(), pos->second) == here.end()) {
        ++node.briefings;
        here.push_back(pos->second);
      }
    }
    // Who met whom: a briefing's first 64 ministers (a list of thousands of
    // names would take the square of them in memory).
    constexpr size_t kMaxJoined = 64;
    const size_t joined = std::min(here.size(), kMaxJoined);
    for (size_t i = 0; i < joined; ++i)
      for (size_t j = i + 1; j < joined; ++j) ++edges[{std::min(here[i], here[j]), std::max(here[i], here[j])}];
  }
  for (const auto& [pair, n] : edges) g.edges.push_back({pair.first, pair.second, n});
  return g;
}

// The page [offset, offset + limit) in Xapian's order by relevance, then
// kSlotNewestFirst, from `mset`: the matches in relevance order alone, from
// the first to one past the page. Ties inside the page are sorted by that
// value here; when a tie straddles one of its ends, the page depends on
// matches not fetched, and `mset` becomes exact(), the page fetched in
// Xapian's order.
std::vector<Xapian::MSetIterator> relevance_page(Xapian::MSet& mset, Xapian::doccount offset,
                                                 Xapian::doccount limit,
                                                 const std::function<Xapian::MSet()>& exact) {
  std::vector<Xapian::MSetIterator> page;
  const Xapian::doccount size = mset.size();
  auto weight = [&](Xapian::doccount i) { return mset[i].get_weight(); };
  const Xapian::doccount end = std::min(size, offset + limit);
  const bool straddles = (offset > 0 && offset < size && weight(offset - 1) == weight(offset)) ||
                         (end < size && end > offset && weight(end - 1) == weight(end));
  if (straddles) {
    mset = exact();
    for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
    return page;
  }
  std::vector<std::pair<std::string, Xapian::MSetIterator>> keyed;
  for (Xapian::doccount i = offset; i < end; ++i) {
    Xapian::MSetIterator it = mset[i];
    bool tied = (i > offset && weight(i - 1) == weight(i)) || (i + 1 < end && weight(i + 1) == weight(i));
    keyed.emplace_back(tied ? it.get_document().get_value(kSlotNewestFirst) : std::string(), it);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    double wa = a.second.get_weight(), wb = b.second.get_weight();
    return wa != wb ? wa > wb : a.first < b.first;
  });
  for (auto& [key, it] : keyed) page.push_back(it);
  return page;
}

}  // namespace

SearchResult run_search(const Xapian::Database& db, const SearchRequest& request,
                        const Normaliser& normaliser, FacetNames* names, CountingHandles* more) {
  std::optional<FacetNames> own_names;
  if (!names) names = &own_names.emplace(std::vector<Xapian::Database>{db});
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  QueryBuilder builder(db, normaliser);
  BuiltQuery built = builder.build(request);
  Xapian::Query query = built.query;
  if (!request.similar.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, similar_query(db, request.similar), query);

  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  // Equal scores come newest first, then by path hash (kSlotNewestFirst).
  // Xapian's own tie-break by value reads that value for every match; the
  // relevance order alone reads none and gives the same page unless a tie
  // straddles one of its ends (checked below: then the page is fetched
  // again in the exact order). Within the page, ties are sorted here.
  // Filters alone score every match alike: Xapian's tie-break at once.
  const bool filters_only = trim(request.query).empty() && request.similar.empty();
  const bool by_relevance = request.sort == SortOrder::kRelevance && !filters_only;
  switch (request.sort) {
    case SortOrder::kRelevance:
      if (filters_only) enquire.set_sort_by_relevance_then_value(kSlotNewestFirst, false);
      break;
    case SortOrder::kNewest:  // undated last; equal dates by path hash
      enquire.set_sort_by_value_then_relevance(kSlotNewestFirst, false);
      break;
    case SortOrder::kOldest:  // undated last; equal dates by path hash
      enquire.set_sort_by_value_then_relevance(kSlotOldestFirst, false);
      break;
  }
  FacetCounts counts;  // every facet
  Xapian::ValueCountMatchSpy dates(kSlotDate);
  std::vector<Xapian::MatchSpy*> others;
  if (!request.timeline.empty()) others.push_back(&dates);

  const Xapian::doccount all = db.get_doccount();
  // Xapian counts in 32 bits: a --limit or --offset past the documents is
  // cut to their number, never wrapped (--offset 4294967296 was page one).
  auto capped = [all](size_t n) { return static_cast<Xapian::doccount>(std::min<size_t>(n, all)); };
  Xapian::doccount limit = request.limit == 0 ? all : capped(request.limit);
  const Xapian::doccount offset = capped(request.offset);
  Xapian::MSet mset;
  try {
    // In relevance order, from the first match and one past the page, to
    // see the ties at its ends.
    const Xapian::doccount first = by_relevance ? 0 : offset;
    const Xapian::doccount max = by_relevance ? capped(size_t{offset} + limit + 1) : limit;
    if (request.facets) {
      // The facets counted over every match, the page ranked apart: the
      // ranking need not weigh every match then. A broad query is ranked
      // while other threads count.
      result.total = counts.count(db, query, others, names, more, [&] { mset = enquire.get_mset(first, max); });
    } else if (std::unique_ptr<MatchList> list = more && others.empty() ? match_list(db, query) : nullptr) {
      // One local database and a query read from its posting lists: the
      // matches counted there (a few instructions each), the page ranked
      // alone ("frigate" at 200,000 briefings, --count: 17.4 -> 14.1 ms).
      result.total = count_all(*list, db.get_lastdocid());
      mset = enquire.get_mset(first, max);
    } else {
      // check_at_least = every document: the total is exact.
      for (Xapian::MatchSpy* other : others) enquire.add_matchspy(other);
      mset = enquire.get_mset(first, max, all);
      result.total = mset.get_matches_estimated();
    }
  } catch (const Xapian::WildcardError&) {
    std::string shown(truncate_utf8(request.query, 100));
    if (shown.size() < request.query.size()) shown += "…";
    throw Error(fmt::format("a wildcard in '{}' matches too many words; make it longer", shown));
  }
  // The page, in order.
  std::vector<Xapian::MSetIterator> page;
  if (by_relevance) {
    page = relevance_page(mset, offset, limit, [&] {
      Xapian::Enquire exact(db);
      exact.set_query(query);
      exact.set_weighting_scheme(Xapian::BM25Weight());
      exact.set_sort_by_relevance_then_value(kSlotNewestFirst, false);
      return exact.get_mset(offset, limit);
    });
  } else {
    for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
  }

  // "Did you mean" only when nothing matched and the corrected query finds
  // something (Xapian also proposes words for queries that match).
  if (result.total == 0) {
    std::string suggestion = builder.corrected(request.query);
    if (!suggestion.empty() && suggestion != request.query) {
      SearchRequest corrected = request;
      corrected.query = suggestion;
      Xapian::Enquire check(db);
      check.set_query(builder.build(corrected).query);
      if (!check.get_mset(0, 1).empty()) result.suggestion = suggestion;
    }
  }

  size_t rank = request.offset;
  const SnippetQuery snippet_query(query);
  for (const Xapian::MSetIterator& it : page) {
    SearchHit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.doc = read_document(it.get_document());
    if (request.snippet_bytes > 0)
      hit.snippet =
          make_snippet(mset, snippet_source(hit.doc), normaliser.rules(), request.snippet_bytes, &snippet_query);
    hit.doc.text.clear();
    result.hits.push_back(std::move(hit));
  }

  for (size_t i = 0; request.facets && i < kFacets.size(); ++i) {
    const Facet& f = kFacets[i];
    if (request.multi_select && selects(request, f.id)) {
      // The facet's own selection left out, every other filter kept.
      Xapian::Query q = builder.build(request, f.id).query;
      if (!request.similar.empty())
        q = Xapian::Query(Xapian::Query::OP_FILTER, similar_query(db, request.similar), q);
      const FacetCounts own = count_all(db, q, *names, more);
      result.facets.push_back({&f, own.values(f.id, request.facet_limit), own.distinct(f.id)});
    } else {
      result.facets.push_back({&f, counts.values(f.id, request.facet_limit), counts.distinct(f.id)});
    }
  }

  if (!request.since.empty() || !request.until.empty()) {
    result.date_filtered = true;
    SearchRequest undated = request;
    undated.since.clear();
    undated.until.clear();
    Xapian::Query q(Xapian::Query::OP_AND_NOT, builder.build(undated).query, QueryBuilder::dated());
    Xapian::Enquire undated_only(db);
    undated_only.set_query(q);
    result.undated_excluded = undated_only.get_mset(0, 0, all).get_matches_estimated();
  }
  if (!request.timeline.empty()) {
    result.has_timeline = true;
    result.timeline = make_timeline(dates, request.timeline == "month");
    // Matches without a date are in no period: counted apart, so that the
    // periods and these add up to the total.
    Xapian::doccount dated = 0;
    for (const TimelinePoint& p : result.timeline) dated += p.count;
    result.timeline_undated = result.total > dated ? result.total - dated : 0;
  }
  if (request.graph) {
    Xapian::Enquire everything(db);
    everything.set_query(query);
    everything.set_docid_order(Xapian::Enquire::ASCENDING);
    everything.set_weighting_scheme(Xapian::BoolWeight());
    result.graph = make_graph(everything.get_mset(0, all));
  }
  return result;
}

namespace {

// Whether the regular file at `path` may be a Xapian database: a glass
// database in one file, or a stub file, whose lines (blank ones and
// "# comments" aside) start with a backend's name ("auto shard-000",
// "remote :tcp host:7001"). Xapian itself reads it when it opens it.
bool may_be_database_file(const std::string& path) {
  constexpr size_t kMaxStub = 1 << 20;
  std::ifstream in(path, std::ios::binary);
  std::string head(kMaxStub + 1, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.rfind("\x0f\x0dXapian ", 0) == 0) return true;  // a single-file database
  if (head.size() > kMaxStub || head.find('\0') != std::string::npos) return false;
  static const char* const kBackends[] = {"auto", "glass", "chert", "honey", "remote", "inmemory"};
  bool any = false;
  size_t start = 0;
  while (start < head.size()) {
    size_t end = head.find('\n', start);
    if (end == std::string::npos) end = head.size();
    std::string_view line = trim(std::string_view(head).substr(start, end - start));
    start = end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::string_view word = line.substr(0, line.find_first_of(" \t"));
    if (std::find(std::begin(kBackends), std::end(kBackends), word) == std::end(kBackends)) return false;
    any = true;
  }
  return any;
}

}  // namespace

void check_database_path(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string being_built = path + ".indexing";
  const Error in_progress(fmt::format(
      "database '{}' is not ready: a first build of it is in progress or was interrupted (its temporary shards "
      "are in '{}'); search it when the indexer has finished, or run the indexer again to finish it",
      path, being_built));
  if (!fs::exists(path, ec)) {
    if (fs::is_directory(being_built, ec)) throw in_progress;
    throw Error(fmt::format("no database at '{}' (create it with: indexer --db {} FOLDER)", path, path));
  }
  // Xapian says "Couldn't detect type of database" for one it may not read.
  const std::string glass = path + "/iamglass";
  if (::access(path.c_str(), R_OK) != 0 ||
      (fs::is_directory(path, ec) &&
       (::access(path.c_str(), X_OK) != 0 || (fs::exists(glass, ec) && ::access(glass.c_str(), R_OK) != 0))))
    throw Error(fmt::format("cannot read database '{}': {}", path, std::strerror(errno)));
  if (fs::is_directory(path, ec)) {
    // A database folder (glass, chert or honey), or a sharded index's
    // folder with its stub file.
    for (const char* marker : {"iamglass", "iamchert", "iamhoney", "XAPIANDB"})
      if (fs::exists(fs::path(path) / marker, ec)) return;
    if (fs::is_directory(being_built, ec)) throw in_progress;
    if (fs::is_empty(path, ec) && !ec)
      throw Error(fmt::format("no database in '{}' yet (create it with: indexer --db {} FOLDER)", path, path));
    throw Error(fmt::format("'{}' is not a Briefing Search database (a folder with no Xapian database in it)", path));
  }
  if (!fs::is_regular_file(path, ec))
    throw Error(fmt::format("'{}' is not a Briefing Search database (neither a folder nor a file)", path));
  if (!may_be_database_file(path))
    throw Error(fmt::format("'{}' is not a Briefing Search database (a file that is neither a Xapian database "
                            "nor a stub file naming databases)", path));
}

std::vector<FacetCount> list_facet(const Xapian::Database& db, const SearchRequest& request,
                                   const Facet& f, const std::string& match, const Normaliser& normaliser,
                                   FacetNames* names, CountingHandles* more) {
  std::optional<FacetNames> own_names;
  if (!names) names = &own_names.emplace(std::vector<Xapian::Database>{db});
  QueryBuilder builder(db, normaliser);
  // With --multi-select the facet's own selection is left out, as in the
  // facets of a search.
  Xapian::Query q = request.multi_select && selects(request, f.id) ? builder.build(request, f.id).query
                                                                  : builder.build(request).query;
  if (!request.similar.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, similar_query(db, request.similar), q);
  std::vector<FacetCount> all = count_all(db, q, *names, more).values(f.id);
  if (match.empty()) return all;
  std::string needle = fold_key(match);
  std::vector<FacetCount> out;
  for (FacetCount& c : all)
    if (fold_key(c.value).find(needle) != std::string::npos) out.push_back(std::move(c));
  return out;
}

std::vector<UnknownValue> unknown_filter_values(const Xapian::Database& db, const SearchRequest& request,
                                                const Normaliser& normaliser, FacetNames* names) {
  std::vector<UnknownValue> out;
  auto check = [&](const Facet& facet, const std::string& value) {
    if (trim(value).empty() || db.get_termfreq(normaliser.term(facet, value)) > 0) return;
    UnknownValue u{&facet, value, {}};
    // "missile defence": the values with "missile" or "defence" in them
    // (the first three words of a value are enough).
    size_t words = 0;
    for (const Token& word : tokenize(truncate_utf8(value, 200), normaliser.rules().variants)) {
      if (!word.is_word() || word.key.size() < 3 || ++words > 3) continue;
      for (const FacetCount& c : list_facet(db, SearchRequest{}, facet, word.key, normaliser, names))
        if (u.near.size() < 3 && std::find(u.near.begin(), u.near.end(), c.value) == u.near.end())
          u.near.push_back(c.value);
    }
    out.push_back(std::move(u));
  };
  for (const Filter& f : request.filters) {
    if (f.negate) continue;
    for (const std::string& value : f.values) check(briefing::facet(f.facet), value);
  }
  // The same for a field of the query ("topic:hybrid", "country:\"south
  // korea\""), not one negated ("NOT topic:x", "-topic:x") nor a wildcard.
  const std::string_view q = request.query;
  for (size_t colon = q.find(':'); colon != std::string_view::npos; colon = q.find(':', colon + 1)) {
    size_t b = colon;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(q[b - 1]))) --b;
    if (b == colon || (b > 0 && !std::isspace(static_cast<unsigned char>(q[b - 1])) && q[b - 1] != '(' &&
                       q[b - 1] != '+'))
      continue;
    const Facet* facet = find_facet(q.substr(b, colon - b));
    if (!facet) continue;
    const std::string_view before = trim(q.substr(0, b));
    if (before.size() >= 3 && before.substr(before.size() - 3) == "NOT") continue;
    size_t end;
    std::string value;
    if (colon + 1 < q.size() && q[colon + 1] == '"') {
      end = q.find('"', colon + 2);
      if (end == std::string_view::npos) continue;
      value = std::string(q.substr(colon + 2, end - colon - 2));
    } else {
      end = colon + 1;
      while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end])) && q[end] != ')') ++end;
      value = std::string(q.substr(colon + 1, end - colon - 1));
    }
    if (value.find('*') == std::string::npos) check(*facet, value);
  }
  return out;
}

}  // namespace briefing
