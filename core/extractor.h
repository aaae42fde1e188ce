#pragma once
// Text in, facets out: front matter, title, date, countries, ministers,
// topics and organisations of one document. Pure: no Xapian, no I/O.
#include <memory>
#include <string>
#include <string_view>

#include "briefing.h"
#include "rules.h"

namespace briefing {

struct Analysis {
  Briefing briefing;
  std::string body;        // the text after any front matter, as written
  std::string index_body;  // body in index form (see tokenizer.h)
  std::string index_title;
};

class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const Rules> rules);

  // `text` must be valid UTF-8. `file_name` (no folders needed) may carry a
  // date as YYYY-MM-DD.
  Analysis analyse(std::string_view text, std::string_view file_name) const;

  // Only the facets.
  Briefing extract(std::string_view text, std::string_view file_name = "") const {
    return analyse(text, file_name).briefing;
  }

  const Rules& rules() const { return *rules_; }

 private:
  std::shared_ptr<const Rules> rules_;
};

}  // namespace briefing
