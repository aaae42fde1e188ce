#pragma once
// A hit's snippet: Xapian's MSet::snippet() over the index form of its text,
// the matches shown in the text as written.
#include <xapian.h>

#include <string>
#include <vector>

namespace briefing {

class Rules;

// A snippet as pieces of the text as written, matches marked.
struct Snippet {
  struct Piece {
    std::string text;
    bool match = false;
  };
  bool cut_start = false;  // starts inside the text
  bool cut_end = false;    // ends before the text does
  std::vector<Piece> pieces;
};

// What highlighting the matches of one query needs, made once for all its
// hits.
struct SnippetQuery {
  explicit SnippetQuery(const Xapian::Query& query);

  // stemmer_for(query): most words of a text are not stemmed.
  Xapian::Stem stemmer;
  // Lowercase starts that every word the query could match in a text
  // begins with ("cybersec" for the stemmed term Zcybersecur: an English
  // stem shares all but at most its last two letters with its word,
  // "dying" -> "die"). Their first occurrence in a text is no later than
  // its first match. Each comes written with dots too, as in an acronym
  // ("u.s" for "us", the term of "U.S.").
  std::vector<std::string> word_starts;
  // False when the query matches words no start stands for (wildcards,
  // words outside ASCII): the whole text is scanned.
  bool word_starts_complete = true;
  // The query's words (its unstemmed terms) and stems (its Z terms).
  std::vector<std::string> words, stems;

  // Whether the word around `at` in `lowered` (a text's index form, ASCII
  // letters lowered) could match. False only when it surely cannot: a word
  // of ASCII letters and digits that Xapian reads as a word of its own,
  // neither a query word nor a word with a query stem.
  bool may_match(const std::string& lowered, size_t at) const;
};

// Where MSet::snippet() may start reading the index form `folded` of a
// text and give the snippet of `length` bytes it gives for the whole: a
// space at least a window and a margin before the first start of a word
// the query could match. 0 when none occurs or the query's starts are not
// complete.
size_t snippet_scan_start(const std::string& folded, const SnippetQuery& query, size_t length);

// What making one snippet took (for tests and measurements).
struct SnippetWork {
  size_t start = 0;       // where MSet::snippet() read the index form from
  size_t folded = 0;      // bytes of the index form made
  size_t read_again = 0;  // times MSet::snippet() was run again
};

// The snippet of `text` for the query of `mset`, `length` bytes; matches
// are found in the index form and shown in the text as written. With
// `query` (the query of `mset`), only the part of the text that
// MSet::snippet() would read for it is folded and read: from a little
// before the first word that could match to where it stops, past the best
// window. The snippet is the same as from the whole text.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, const Rules& rules,
                     size_t length = 240, const SnippetQuery* query = nullptr, SnippetWork* work = nullptr);

}  // namespace briefing
