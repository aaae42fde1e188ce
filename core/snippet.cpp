#include "snippet.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "rules.h"
#include "stemmer.h"
#include "text.h"
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

// Whether `query` holds a wildcard: its words have no start known here.
bool has_wildcard(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i)
    if (has_wildcard(query.get_subquery(i))) return true;
  return false;
}

}  // namespace

SnippetQuery::SnippetQuery(const Xapian::Query& query) : stemmer(stemmer_for(query)) {
  word_starts_complete = !has_wildcard(query);
  for (auto t = query.get_terms_begin(); t != query.get_terms_end() && word_starts_complete; ++t) {
    std::string term = *t;
    if (term.empty()) continue;
    if (term[0] == 'Z') {
      term.erase(0, 1);
      // (a prefixed field's stem, "ZXTdefens", matches no word of a text)
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
      stems.push_back(term);
      term.resize(term.size() > 2 ? term.size() - 2 : 0);
    } else if (term[0] >= 'A' && term[0] <= 'Z') {
      continue;  // a prefixed term: a filter or a field, no word of a text
    } else {
      words.push_back(term);
    }
    if (std::any_of(term.begin(), term.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      word_starts_complete = false;
    // (an acronym's term joins its letters: "U.S." is "us")
    if (term.size() > 1) {
      std::string dotted(1, term[0]);
      for (size_t i = 1; i < term.size(); ++i) dotted += std::string(".") + term[i];
      word_starts.push_back(dotted);
    }
    word_starts.push_back(term);
  }
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Whether `c`, the byte just before or just after a word, ends the word
// for Xapian's tokenizer: not a letter, a digit, a byte of a wider
// character, or a joining mark ("o'neil", "at&t", "c++", "u.s.", "1,000").
// A stop or comma counts when `beyond`, the byte on its other side, is no
// letter or digit.
bool separates(char c, char beyond) {
  switch (c) {
    case ' ': case '\t': case '\r': case '\n': case '"': case '(': case ')': case '[': case ']':
    case '/': case '-': case ';': case ':': case '!': case '?':
      return true;
    case '.': case ',':
      return !is_ascii_alnum(beyond);
    default:
      return false;
  }
}

}  // namespace

bool SnippetQuery::may_match(const std::string& lowered, size_t at) const {
  size_t begin = at, end = at;
  while (begin > 0 && is_ascii_alnum(lowered[begin - 1])) --begin;
  while (end < lowered.size() && is_ascii_alnum(lowered[end])) ++end;
  if (begin == end) return true;
  if (begin > 0 && !separates(lowered[begin - 1], begin > 1 ? lowered[begin - 2] : ' ')) return true;
  if (end < lowered.size() && !separates(lowered[end], end + 1 < lowered.size() ? lowered[end + 1] : ' '))
    return true;
  const std::string word = lowered.substr(begin, end - begin);
  if (std::find(words.begin(), words.end(), word) != words.end()) return true;
  if (stems.empty()) return false;
  return std::find(stems.begin(), stems.end(), stemmer(word)) != stems.end();
}

namespace {

std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The first start of a word the query could match, at or after a place,
// in a text that only grows at its end, asked for places that never move
// back: each word start's next place is kept, and looked for again only
// once it is passed or the text has grown past where the last look ended.
// (Looking afresh each time read the text on to the end once per match
// for a word the text does not hold.)
class StartFinder {
 public:
  explicit StartFinder(const SnippetQuery& query)
      : query_(query), at_(query.word_starts.size(), kUnknown), looked_to_(query.word_starts.size(), 0) {}

  // The first possible match at or after `from`, no smaller than before.
  size_t next(const std::string& lowered, size_t from) {
    size_t first = std::string::npos;
    for (size_t i = 0; i < at_.size(); ++i) {
      const std::string& start = query_.word_starts[i];
      if (start.empty()) {  // (a stem of two letters or fewer: any word may match)
        first = std::min(first, from <= lowered.size() ? from : std::string::npos);
        continue;
      }
      size_t& at = at_[i];
      if (at == kUnknown || (at != std::string::npos && at < from)) {
        at = find(lowered, start, from);
      } else if (at == std::string::npos && looked_to_[i] < lowered.size()) {
        // The text grew: look on from where the last look ended (a start
        // that ran into the old end may match now).
        const size_t resume = looked_to_[i] >= start.size() ? looked_to_[i] - start.size() + 1 : 0;
        at = find(lowered, start, std::max(from, resume));
      }
      looked_to_[i] = lowered.size();
      first = std::min(first, at);
    }
    return first;
  }

 private:
  static constexpr size_t kUnknown = std::string::npos - 1;
  size_t find(const std::string& lowered, const std::string& start, size_t from) const {
    size_t at = lowered.find(start, from);
    while (at != std::string::npos && !query_.may_match(lowered, at)) at = lowered.find(start, at + 1);
    return at;
  }
  const SnippetQuery& query_;
  std::vector<size_t> at_;         // each start's next place, npos for none, kUnknown before the first look
  std::vector<size_t> looked_to_;  // how long the text was at the last look
};

constexpr size_t kMargin = 256;

// Where reading may start for a match first possible at `first`: a space at
// least a window and a margin before it (0 when there is none).
size_t safe_start(const std::string& folded, size_t first, size_t length) {
  if (first == std::string::npos || first < length + kMargin) return 0;
  const size_t space = folded.find_last_of(" \t\r\n", first - length - kMargin);
  return space == std::string::npos ? 0 : space + 1;
}

// The end of the first word after `from` that MSet::snippet() reads as a
// word of its own: letters and digits only (under 64 bytes, its longest
// word), blanks on both sides. npos when `folded` has none.
size_t plain_word_end_after(const std::string& folded, size_t from) {
  size_t p = folded.find_first_of(" \t\r\n", from);
  while (p != std::string::npos) {
    const size_t begin = folded.find_first_not_of(" \t\r\n", p);
    if (begin == std::string::npos) return std::string::npos;
    size_t end = folded.find_first_of(" \t\r\n", begin);
    if (end == std::string::npos) end = folded.size();
    if (end - begin < 60 && std::all_of(folded.begin() + begin, folded.begin() + end, is_ascii_alnum)) return end;
    p = end == folded.size() ? std::string::npos : end;
  }
  return std::string::npos;
}

// A text's index form, made a piece at a time: a snippet needs it only as
// far as MSet::snippet() reads. Pieces end before a space or a line break,
// which no word holds, so together they are the index form of the whole.
class FoldedText {
 public:
  FoldedText(std::string_view text, const SpellingVariants& variants) : text_(text), variants_(variants) {}

  // Folds on to the first space or line break at or after text offset `to`.
  void fold_to(size_t to) {
    if (done_ >= text_.size() || to <= done_) return;
    size_t end = to >= text_.size() ? std::string_view::npos : text_.find_first_of(" \n", to);
    if (end == std::string_view::npos) end = text_.size();
    std::vector<OffsetAnchor> anchors;
    const std::string piece = index_form(text_.substr(done_, end - done_), variants_, &anchors);
    for (const OffsetAnchor& a : anchors) anchors_.push_back({a.index_offset + folded_.size(), a.text_offset + done_});
    folded_ += piece;
    lowered_ += ascii_lowered(piece);
    done_ = end;
  }
  void fold_more() { fold_to(done_ + kPiece); }
  void fold_all() { fold_to(text_.size()); }
  bool complete() const { return done_ >= text_.size(); }

  const std::string& text() const { return folded_; }
  const std::string& lowered() const { return lowered_; }
  const std::vector<OffsetAnchor>& anchors() const { return anchors_; }

 private:
  static constexpr size_t kPiece = 1024;
  std::string_view text_;
  const SpellingVariants& variants_;
  size_t done_ = 0;  // text folded so far
  std::string folded_, lowered_;
  std::vector<OffsetAnchor> anchors_;
};

// Where MSet::snippet() is to read the index form: from `start`, and if
// the snippet then starts at its very first word, from `safe_start`.
struct Window {
  size_t start = 0;
  size_t safe_start = 0;
  // The plain word past which nothing is read (when the text was not
  // folded to its end), if a match comes before it.
  size_t stop = std::string::npos;
};

// Folds `folded` as far as MSet::snippet() reads, and says where it may
// start. How MSet::snippet() reads (Xapian 1.4, without
// SNIPPET_EXHAUSTIVE): it slides a window of `length` bytes over the
// words, keeps the last window scoring at least as much as the best so far,
// and stops at the first word whose window scores less than the best and
// starts past the best one's end.
//
// - Where it stops: past the last match, once a word ends more than two
//   windows on (every match has then left the window, and so has the best
//   one). So with no possible match between the last one and a plain word
//   ending 2 windows and a margin past it, the text after that word is
//   never read. Matches are looked for by the query's word starts, which
//   find every match and more. With no match at all, every window scores
//   nothing and the last one is kept: so the caller reads the whole text
//   again unless the snippet holds a match before the stop.
// - Where it may start: words before the first match score nothing, and
//   the window moves on with every word while the match is in it, so the
//   text more than a window before the first match changes nothing
//   (`safe_start`). Nearer: from a plain word a little before the first
//   possible match, the windows read score what they score from the safe
//   start, and once a window starts past that first word it is the same
//   window; the snippet is then the same unless the best window starts at
//   that very word, which the caller sees and reads again from
//   `safe_start`.
std::optional<Window> find_window(FoldedText* folded, const SnippetQuery& query, size_t length) {
  StartFinder starts(query);
  size_t first = std::string::npos, from = 0;
  for (;;) {
    folded->fold_more();
    first = starts.next(folded->lowered(), from);
    if (first != std::string::npos || folded->complete()) break;
    from = folded->lowered().size();
  }
  if (first == std::string::npos) return std::nullopt;  // (folded whole: nothing to skip)
  Window w;
  for (size_t last = first;;) {
    const size_t next = starts.next(folded->lowered(), last + 1);
    const size_t needed = last + 2 * length + kMargin;
    if (next != std::string::npos && next <= needed) {
      last = next;
      continue;
    }
    const size_t stop = plain_word_end_after(folded->text(), needed);
    if (stop != std::string::npos && (next == std::string::npos || next > stop)) {
      w.stop = stop;
      break;
    }
    if (stop != std::string::npos) {
      last = next;
      continue;
    }
    if (folded->complete()) break;
    folded->fold_more();
  }
  const std::string& text = folded->text();
  w.safe_start = safe_start(text, first, length);
  // A plain word starting a little before the first possible match.
  constexpr size_t kLead = 64;
  w.start = w.safe_start;
  if (first > kLead) {
    for (size_t p = first - kLead; p > w.safe_start;) {
      const size_t space = text.find_last_of(" \t\r\n", p);
      if (space == std::string::npos || space < w.safe_start) break;
      if (space + 1 < first && is_ascii_alnum(text[space + 1])) {
        w.start = space + 1;
        break;
      }
      if (space == 0) break;
      p = space - 1;
    }
  }
  return w;
}

// MSet::snippet()'s output: its text, the matches in it, and whether it
// was cut at either end.
struct Marked {
  std::string plain;
  std::vector<std::pair<size_t, size_t>> matches;
  bool cut_start = false, cut_end = false;
};

Marked mark(const std::string& raw) {
  Marked m;
  std::string s = unescape_html(raw);
  if (!s.empty() && s.front() == kOmit) {
    m.cut_start = true;
    s.erase(0, 1);
  }
  if (!s.empty() && s.back() == kOmit) {
    m.cut_end = true;
    s.pop_back();
  }
  for (char c : s) {
    if (c == kHiStart) m.matches.emplace_back(m.plain.size(), m.plain.size());
    else if (c == kHiEnd) { if (!m.matches.empty()) m.matches.back().second = m.plain.size(); }
    else m.plain += c;
  }
  return m;
}

}  // namespace

// Every window before the first match scores nothing, so the text before
// the window that holds it changes nothing (the margin covers the window's
// first words and a phrase's words before its last).
size_t snippet_scan_start(const std::string& folded, const SnippetQuery& query, size_t length) {
  if (!query.word_starts_complete || query.word_starts.empty()) return 0;
  return safe_start(folded, StartFinder(query).next(ascii_lowered(folded), 0), length);
}

Snippet make_snippet(const Xapian::MSet& mset, const std::string& full_text, const Rules& rules,
                     size_t length, const SnippetQuery* query, SnippetWork* work) {
  // The snippet comes from the first megabyte: a search that finds a huge
  // briefing stays quick (a 100 MB one took 15 s a search, all of it here).
  constexpr size_t kMaxSnippetSource = 1u << 20;
  std::string text(truncate_utf8(full_text, kMaxSnippetSource));
  // The marks below are bytes 1 to 3: the text's own (control characters
  // no briefing means) become spaces, or they would be read as marks.
  std::replace_if(text.begin(), text.end(), [](char c) { return c == kHiStart || c == kHiEnd || c == kOmit; }, ' ');
  FoldedText folded(text, rules.variants);
  std::optional<Window> window;
  if (query && query->word_starts_complete && !query->word_starts.empty())
    window = find_window(&folded, *query, length);
  else
    folded.fold_all();
  const Xapian::Stem& stemmer = query ? query->stemmer : english_stemmer();
  auto snippet_from = [&](size_t skip) {
    return mset.snippet(folded.text().substr(skip), length, stemmer, Xapian::MSet::SNIPPET_CJK_NGRAM,
                        std::string(1, kHiStart), std::string(1, kHiEnd), std::string(1, kOmit));
  };
  size_t skip = window ? window->start : 0;
  Marked marked;
  size_t at = std::string::npos;
  auto read_from = [&](size_t from) {
    skip = from;
    marked = mark(snippet_from(skip));
    at = folded.text().find(marked.plain, skip);
  };
  read_from(skip);
  // Read again (see find_window): the whole text, when no match came
  // before the stop; from the safe start, when the window starts at the
  // short lead's very first word.
  if (window && !folded.complete() &&
      (at == std::string::npos || marked.matches.empty() || at + marked.matches.front().first >= window->stop)) {
    folded.fold_all();
    read_from(skip);
    if (work) ++work->read_again;
  }
  if (window && skip != window->safe_start && (at == std::string::npos || at <= skip)) {
    read_from(window->safe_start);
    if (work) ++work->read_again;
  }
  if (work) {
    work->start = skip;
    work->folded = folded.text().size();
  }
  Snippet out;
  out.cut_start = marked.cut_start;
  out.cut_end = marked.cut_end;
  if (at == std::string::npos) {
    // Should not happen; show the index form rather than nothing.
    out.pieces.push_back({marked.plain, false});
    return out;
  }
  size_t pos = at;
  auto emit = [&](size_t from, size_t to, bool match) {
    size_t a = to_text_offset(folded.anchors(), from), b = to_text_offset(folded.anchors(), to);
    if (b > a) out.pieces.push_back({text.substr(a, b - a), match});
  };
  for (const auto& [b, e] : marked.matches) {
    emit(pos, at + b, false);
    emit(at + b, at + e, true);
    pos = at + e;
  }
  emit(pos, at + marked.plain.size(), false);
  return out;
}

}  // namespace briefing
