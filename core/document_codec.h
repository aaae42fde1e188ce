#pragma once
// The one place that turns an analysed briefing into a Xapian document (by
// walking the schema) and reads it back for display.
#include <xapian.h>

#include <string>
#include <string_view>

#include "briefing.h"
#include "extractor.h"
#include "normaliser.h"
#include "schema.h"

namespace briefing {

// The unique-id term of a path: "Q" + path, or for very long paths a cut
// path and a hash so the term stays within Xapian's limit.
std::string id_term(std::string_view path);

// The path's part of the sort keys (kSlotOldestFirst, kSlotNewestFirst):
// eight bytes of its hash, which order equal dates the same way in any
// database that holds the document (two copies of the path itself were
// 1.3 % of a compacted index of 20,000 briefings).
std::string path_key(std::string_view path);

// What kSlotSignature holds for a file's signature (size, times and what
// the document was made with): 16 bytes of two hashes of it, compared
// for equality only.
std::string signature_key(std::string_view signature);

// Calls f(facet, value) for each tagged display value in `slot`: every
// facet's values, each after its facet's prefix, separated by
// kValueSeparator ("XCJapan\x1fXCFinland\x1fXPJapan"), as the document data
// keeps them (StoredBriefing::facets); pieces with an unknown tag are
// skipped.
template <class F>
void for_each_facet_value(std::string_view slot, F&& f) {
  while (!slot.empty()) {
    size_t sep = slot.find(kValueSeparator);
    std::string_view piece = slot.substr(0, sep);
    slot = sep == std::string_view::npos ? std::string_view() : slot.substr(sep + 1);
    if (piece.size() <= 2) continue;
    for (const Facet& facet : kFacets)
      if (piece[1] == facet.prefix[1] && piece[0] == facet.prefix[0]) {
        f(facet, piece.substr(2));
        break;
      }
  }
}

// The display values of facet `f` in a briefing (ministers by name).
std::vector<std::string> facet_values(const Briefing& b, FacetId f);

struct SourceFile {
  std::string path;       // as indexed
  std::string signature;  // size and modification time
  bool store_text = false;  // keep the body in the document data (snippets without the file)
};

class FacetDictionary;

// Builds the document; `tg` must have its stemmer (and database, for
// spelling data) set up by the caller. With a `dictionary` (the one saved
// into the database before its next commit) the facet values are also
// stored as ids (kSlotFacetIds), which makes counting them fast.
Xapian::Document build_document(const Analysis& analysis, const SourceFile& file,
                                const Normaliser& normaliser, Xapian::TermGenerator& tg,
                                FacetDictionary* dictionary = nullptr);

// What a stored document says, for output.
struct StoredBriefing {
  std::string path;   // as indexed (absolute), its bytes even when not UTF-8
  Briefing briefing;  // title, date, facets (no evidence)
  std::string text;   // the body, when the index keeps it (indexer --store-text); else ""
  std::string facets;  // every facet's tagged display values (for_each_facet_value)
};

// Reads a document written by build_document. Throws std::runtime_error
// when its data is not ours.
StoredBriefing read_document(const Xapian::Document& doc);

// The document's tagged display values (StoredBriefing::facets); "" when
// its data is not ours.
std::string display_values(const Xapian::Document& doc);

}  // namespace briefing
