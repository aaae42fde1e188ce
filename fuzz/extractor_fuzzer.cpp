// libFuzzer target: the indexer's path for one file's bytes, without I/O:
// check_briefing_text (empty, binary, invalid UTF-8 dropped), then
// Extractor::analyse on the text that passed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "dates.h"
#include "extractor.h"
#include "file_reader.h"
#include "rules.h"
#include "text.h"

using namespace briefing;

namespace {

const Extractor& extractor() {
  static const Extractor e(Rules::load());
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor();  // the rules load once, not inside the first input's time
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  auto content = check_briefing_text(std::string(reinterpret_cast<const char*>(data), size), &error);
  if (!content) {
    if (error.empty()) std::abort();  // refused without a reason
    return 0;
  }
  if (!is_valid_utf8(content->text)) std::abort();  // the promise of check_briefing_text
  // The file name may carry a date; the input's first byte picks one of a few.
  static const char* kNames[] = {"briefing.txt", "2024-09-12-tokyo.txt", "notes.md", "2024-13-45-bad.txt"};
  const char* name = kNames[size ? data[0] % 4 : 0];
  Analysis a = extractor().analyse(content->text, name);
  if (!is_valid_utf8(a.briefing.title) || !is_valid_utf8(a.index_body)) std::abort();
  for (const auto& m : a.briefing.ministers)
    if (!is_valid_utf8(m.name)) std::abort();
  // A date is a real one, YYYY-MM-DD, or none ("2024-13-45" never gets in).
  const std::string& d = a.briefing.date;
  if (!d.empty()) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') std::abort();
    if (!is_valid_date(std::atoi(d.substr(0, 4).c_str()), std::atoi(d.substr(5, 2).c_str()),
                       std::atoi(d.substr(8, 2).c_str())))
      std::abort();
  }
  return 0;
}
