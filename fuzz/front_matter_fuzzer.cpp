// libFuzzer target: parse_front_matter on arbitrary bytes. Besides crashes
// and sanitizer reports, checks that the body it returns is the input's own
// tail at body_offset, as the extractor relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "front_matter.h"

using namespace briefing;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  FrontMatter fm = parse_front_matter(text);
  if (fm.body_offset > text.size()) std::abort();
  if (fm.body.data() != text.data() + fm.body_offset) std::abort();
  if (fm.body_offset + fm.body.size() != text.size()) std::abort();
  if (!fm.present && !fm.fields.empty()) std::abort();
  for (const auto& [key, values] : fm.fields) {
    (void)fm.first(key);
    for (const std::string& v : values)
      if (v.size() > text.size()) std::abort();
  }
  return 0;
}
