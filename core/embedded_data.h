#pragma once
// The data files under data/, compiled into the binary (see embed_data.cmake).
#include <string_view>
#include <vector>

namespace briefing {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "countries.tsv"
  std::string_view content;  // the file's bytes
};

// Every file of data/ that the build embeds.
const std::vector<EmbeddedFile>& embedded_files();

}  // namespace briefing
