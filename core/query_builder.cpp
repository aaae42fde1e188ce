#include "query_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

#include "stemmer.h"
#include "dates.h"
#include "errors.h"
#include "text.h"
#include "tokenizer.h"

namespace briefing {
namespace {

constexpr Xapian::termcount kMaxWildcardTerms = 10000;
// Words in one query: Xapian's match slows far faster than the query grows
// (a 100 kB query of two words repeated took 26 s on 600 briefings), and
// no one types more than this.
constexpr size_t kMaxQueryWords = 1000;

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// "country:ROK" in a query string: the value goes through the facet's
// normaliser and becomes a filter term.
// An exception thrown through Xapian's query parser leaks the parser's
// state (LeakSanitizer: 'date:2024-13' leaks 72 bytes in libxapian). The
// processors below keep their first exception here and match nothing;
// parse() rethrows it once the parser has returned.
struct ProcessorErrors {
  std::exception_ptr first;
  template <class F>
  Xapian::Query guard(F&& f) {
    try {
      return f();
    } catch (...) {
      if (!first) first = std::current_exception();
      return Xapian::Query::MatchNothing;
    }
  }
};

class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  FacetFieldProcessor(const Facet& facet, const Normaliser& normaliser, ProcessorErrors& errors)
      : facet_(facet), normaliser_(normaliser), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    return errors_.guard([&] { return Xapian::Query(normaliser_.term(facet_, value)); });
  }

 private:
  const Facet& facet_;
  const Normaliser& normaliser_;
  ProcessorErrors& errors_;
};

// "date:2024", "date:2024-03-05": one period.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(ProcessorErrors& errors) : errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    return errors_.guard([&] { return QueryBuilder::date_filter(value, value); });
  }

 private:
  ProcessorErrors& errors_;
};

// "date:2024-03..2024-06", "date:..2023", "date:2024..".
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  explicit DateRangeProcessor(ProcessorErrors& errors)
      : Xapian::RangeProcessor(kSlotDate, std::string(kFieldDate) + ":"), errors_(errors) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    return errors_.guard([&] { return QueryBuilder::date_filter(begin, end); });
  }

 private:
  ProcessorErrors& errors_;
};

// The query as quoted in an error message: one readable line, even for a
// 100 kB query.
std::string quoted(const std::string& query) {
  constexpr size_t kMax = 100;
  if (query.size() <= kMax) return query;
  return std::string(truncate_utf8(query, kMax)) + "…";
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Normaliser& normaliser)
    : db_(db), normaliser_(normaliser) {}

namespace {

// The days a date filter value covers, or an error saying what is wrong
// with it: its form, or a day the calendar has not ("2024-02-30").
DateSpan date_span_of(const std::string& value, const std::string& name) {
  if (auto span = parse_date_span(value)) return *span;
  std::string_view v = trim(value);
  const std::string shown = name.empty() ? fmt::format("bad date '{}'", value)
                                         : fmt::format("{}: bad date '{}'", name, value);
  bool form = v.size() >= 4 && v.size() <= 10 &&
              std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '/'; }) &&
              v[0] != '-' && v.substr(0, 4).find_first_of("-/") == std::string_view::npos && v.back() != '-' &&
              v.back() != '/' && (v.size() == 4 || v[4] == '-' || v[4] == '/');  // not "20245"
  if (form) {
    int year = std::stoi(std::string(v.substr(0, 4)));
    if (year < 1000 || year > 2999) throw Error(shown + ": years run from 1000 to 2999");
    throw Error(shown + ": no such month or day");
  }
  throw Error(shown + ": use YYYY, YYYY-MM or YYYY-MM-DD");
}

}  // namespace

Xapian::Query QueryBuilder::date_filter(const std::string& since, const std::string& until,
                                        const std::string& since_name, const std::string& until_name) {
  std::string low, high;
  if (!trim(since).empty()) low = date_span_of(since, since_name).first;
  if (!trim(until).empty()) high = date_span_of(until, until_name).last;
  if (low.empty() && high.empty()) throw Error("empty date range: give a start, an end or both");
  if (!low.empty() && !high.empty() && low > high)
    throw Error(fmt::format("date range {}..{} ends before it starts", since, until));
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDate, high);
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate, low);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, low, high);
}

Xapian::Query QueryBuilder::facet_filter(FacetId id, const std::vector<std::string>& values) const {
  const Facet& f = facet(id);
  std::vector<Xapian::Query> terms;
  for (const std::string& v : values)
    if (!trim(v).empty()) terms.emplace_back(normaliser_.term(f, v));
  if (terms.empty()) throw Error(fmt::format("--{} needs a value", f.name));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::dated() {
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate, std::string("0"));
}

namespace {

// "-china -country:russia": words only left out. Xapian matches nothing
// for them; "NOT china NOT country:russia" (FLAG_PURE_NOT) is every
// briefing without them.
std::string only_negative(const std::string& query) {
  std::vector<std::string> parts;
  bool quoted = false;
  std::string part;
  for (char c : query) {
    if (c == '"') quoted = !quoted;
    if (!quoted && is_ascii_space(c)) {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  if (parts.empty()) return query;
  // "-china AND -japan" is "-china -japan"; "-china OR -japan" is every
  // briefing without both.
  bool any_or = false, any_and = false;
  std::vector<std::string> words;
  for (const std::string& p : parts) {
    if (p == "AND" || p == "OR") {
      (p == "OR" ? any_or : any_and) = true;
      continue;
    }
    if (p.size() < 2 || p[0] != '-' || p[1] == '-') return query;
    words.push_back(p.substr(1));
  }
  if (words.empty() || (any_or && any_and)) return query;
  std::string out;
  if (any_or) {
    for (const std::string& w : words) out += (out.empty() ? "NOT (" : " AND ") + w;
    return out + ")";
  }
  for (const std::string& w : words) out += (out.empty() ? "NOT " : " NOT ") + w;
  return out;
}

bool is_operator_word(const std::string& word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ";
}

// `text` with each word (a run of Xapian's word characters) replaced by
// `f(word, before, after)`: before and after are the characters around it
// (0 at the ends).
template <typename F>
std::string map_words(const std::string& text, F f) {
  std::string out;
  for (Xapian::Utf8Iterator it(text), end; it != end;) {
    if (!Xapian::Unicode::is_wordchar(*it)) {
      Xapian::Unicode::append_utf8(out, *it);
      ++it;
      continue;
    }
    const unsigned before = out.empty() ? 0 : static_cast<unsigned char>(out.back());
    std::string word;
    for (; it != end && Xapian::Unicode::is_wordchar(*it); ++it) Xapian::Unicode::append_utf8(word, *it);
    out += f(word, before, it == end ? 0u : *it);
  }
  return out;
}

// The query's words in lower case, its operators as typed. Xapian leaves
// a capitalised word unstemmed, as a name: "Korea" missed "North Korea's",
// which "korea" finds.
// Kept as typed: a letter of a dotted acronym ("U.S.", which Xapian reads
// as "us" and "u.s." as the phrase "u s").
std::string lowercase_words(const std::string& text) {
  return map_words(text, [](const std::string& word, unsigned, unsigned after) {
    const bool acronym_letter = word.size() == 1 && after == '.';
    return is_operator_word(word) || acronym_letter ? word : Xapian::Unicode::tolower(word);
  });
}

// Whether a word is in a script written without spaces (Chinese,
// Japanese, Korean): Xapian's n-grams, no word to correct.
bool cjk_word(const std::string& word) {
  for (Xapian::Utf8Iterator it(word), end; it != end; ++it)
    if (*it >= 0x2E80) return true;
  return false;
}

}  // namespace

BuiltQuery QueryBuilder::parse(const std::string& query_string) const {
  BuiltQuery out{Xapian::Query::MatchAll};
  if (trim(query_string).empty()) return out;
  size_t words = 0;
  for (size_t i = 0; i < query_string.size(); ++i)
    if (!is_ascii_space(query_string[i]) && (i == 0 || is_ascii_space(query_string[i - 1]))) ++words;
  if (words > kMaxQueryWords) {
    std::string shown(truncate_utf8(query_string, 60));
    if (shown.size() < query_string.size()) shown += "…";
    throw Error(fmt::format("the query '{}' has {} words; a query may have at most {}: shorten it", shown, words,
                            kMaxQueryWords));
  }
  out.query = parse_with(only_negative(query_string));
  return out;
}

std::string QueryBuilder::corrected(const std::string& query_string) const {
  if (trim(query_string).empty()) return {};
  // Each word the index does not have, corrected from its spelling data;
  // the others as written. (Xapian's own correction also changes words
  // the index has: "nato thraets" became "into threats".)
  const std::string text = index_form(query_string, normaliser_.rules().variants);
  bool changed = false;
  std::string out = map_words(text, [&](const std::string& word, unsigned before, unsigned after) {
    // "country:japan" is a filter, and operators and numbers are no words
    if (after == ':' || before == ':' || is_operator_word(word) || cjk_word(word)) return word;
    const std::string lower = Xapian::Unicode::tolower(word);
    if (lower.find_first_of("0123456789") != std::string::npos || db_.get_termfreq(lower) > 0) return word;
    std::string suggestion = db_.get_spelling_suggestion(lower);
    if (suggestion.empty()) return word;
    changed = true;
    return suggestion;
  });
  return changed ? out : std::string();
}

Xapian::Query QueryBuilder::parse_with(const std::string& query_string) const {
  Xapian::Query query;
  ProcessorErrors errors;  // outlives qp, which holds the processors
  Xapian::QueryParser qp;
  qp.set_stemmer(english_stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db_);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR);
  qp.add_prefix(std::string(kFieldTitle), std::string(kPrefixTitle));
  qp.add_prefix("text", "");  // words anywhere (title and body), as without a prefix
  // Boolean filters, not exclusive: "country:japan country:finland" needs
  // both (a briefing names several countries); OR when written.
  for (const Facet& f : kFacets)
    qp.add_boolean_prefix(std::string(f.name), (new FacetFieldProcessor(f, normaliser_, errors))->release(),
                          false);
  qp.add_boolean_prefix("organization",
                        (new FacetFieldProcessor(facet(FacetId::kOrganisation), normaliser_, errors))->release(),
                        false);
  qp.add_boolean_prefix(std::string(kFieldDate), (new DateFieldProcessor(errors))->release(), false);
  qp.add_rangeprocessor((new DateRangeProcessor(errors))->release());
  const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                         Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS | Xapian::QueryParser::FLAG_CJK_NGRAM;
  // The same folding as the indexed text: accents, British spelling.
  std::string text = lowercase_words(index_form(query_string, normaliser_.rules().variants));
  try {
    query = qp.parse_query(text, flags);
    if (errors.first) std::rethrow_exception(errors.first);
  } catch (const Xapian::QueryParserError& e) {
    throw Error(fmt::format("bad query '{}': {}", quoted(query_string), e.get_msg()));
  } catch (const Xapian::WildcardError&) {
    throw Error(fmt::format("a wildcard in '{}' matches more than {} words; make it longer", quoted(query_string),
                            kMaxWildcardTerms));
  }
  // Text with nothing to search for ("-", '""', an emoji) matches nothing,
  // not everything.
  if (query.empty()) query = Xapian::Query::MatchNothing;
  return query;
}

BuiltQuery QueryBuilder::build(const SearchRequest& request, std::optional<FacetId> without) const {
  BuiltQuery built = parse(request.query);
  std::vector<Xapian::Query> filters, exclusions;
  for (const Filter& f : request.filters) {
    if (f.negate) {
      exclusions.push_back(facet_filter(f.facet, f.values));
    } else if (!without || *without != f.facet) {
      filters.push_back(facet_filter(f.facet, f.values));
    }
  }
  if (!request.since.empty() || !request.until.empty())
    filters.push_back(date_filter(request.since, request.until, "--since", "--until"));
  Xapian::Query& q = built.query;
  if (!filters.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  if (!exclusions.empty())
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                      Xapian::Query(Xapian::Query::OP_OR, exclusions.begin(), exclusions.end()));
  return built;
}

}  // namespace briefing
