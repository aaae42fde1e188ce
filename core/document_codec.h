#pragma once
// The one place that turns an analysed briefing into a Xapian document (by
// walking the schema) and reads it back for display.
#include <xapian.h>

#include <string>
#include <string_view>

#include "briefing.h"
#include "extractor.h"
#include "normaliser.h"

namespace briefing {

// The unique-id term of a path: "Q" + path, or for very long paths a cut
// path and a hash so the term stays within Xapian's limit.
std::string id_term(std::string_view path);

// The display values joined in one facet slot, apart again.
std::vector<std::string> split_slot(const std::string& joined);

// The display values of facet `f` in a briefing (ministers by name).
std::vector<std::string> facet_values(const Briefing& b, FacetId f);

struct SourceFile {
  std::string path;       // as indexed
  std::string signature;  // size and modification time
};

// Builds the document; `tg` must have its stemmer (and database, for
// spelling data) set up by the caller.
Xapian::Document build_document(const Analysis& analysis, const SourceFile& file,
                                const Normaliser& normaliser, Xapian::TermGenerator& tg);

// What a stored document says, for output.
struct StoredBriefing {
  std::string path;
  Briefing briefing;  // title, date, facets (no evidence)
  std::string text;   // the body, for snippets
};

// Reads a document written by build_document. Throws std::runtime_error
// when its data is not ours.
StoredBriefing read_document(const Xapian::Document& doc);

}  // namespace briefing
