#pragma once
// The spelling data behind "did you mean" (Xapian's spelling table), made
// from the words a database holds rather than document by document: each
// unprefixed word that is not a number, with the number of documents that
// have it, read from the term list once at the end of a run.
//
// Counting each document's words as it was indexed cost a hash look-up a
// word, and handing the counts to Xapian every few thousand documents
// updated the same words again and again: about a tenth of all indexing
// time. Read from the term list, the data also follows deleted and changed
// documents (their words leave it).
#include <xapian.h>

#include <cstddef>

namespace briefing {

// The most words one document gives the spelling data. Xapian's spelling
// table costs about 50 us and a kilobyte a new word, so a file of two
// million distinct one-off tokens would take four times as long and twice
// the memory as indexing it plainly; a real briefing has a few hundred
// words.
inline constexpr size_t kMaxSpellingWords = 20000;

// Gives `doc` (about to be indexed) a term that limits its part in the
// spelling data to its kMaxSpellingWords most frequent words, when it has
// more (of words as frequent, the first in term order). Other documents
// leave it unchanged.
void limit_spelling_words(Xapian::Document& doc);

// Makes the spelling data of `db` match the words of its documents:
// adds, raises, lowers and removes what differs. Commits (documents
// included) every `changes_per_commit` words changed, so that memory stays
// bounded however large the vocabulary, and once at the end. Returns how
// many words changed.
size_t sync_spelling(Xapian::WritableDatabase& db, size_t changes_per_commit = 20000);

// Whether a term is a word the spelling data takes: unprefixed (prefixes
// are capitals) and not a number.
bool is_spelling_word(const std::string& term);

}  // namespace briefing
