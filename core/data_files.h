#pragma once
// Reading the rule files: the embedded defaults from data/, or a user's own.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace briefing {

// One non-comment, non-blank line of a tab-separated file.
struct TsvRow {
  size_t line = 0;                // 1-based line number
  std::vector<std::string> cols;  // trimmed columns
};

// Rows of a TSV text; '#' lines and blank lines are skipped.
std::vector<TsvRow> parse_tsv(std::string_view content);

// The same rows without copying: f(line number, trimmed columns), the
// columns views into `content` (and the vector reused from row to row).
void for_each_tsv_row(std::string_view content,
                      const std::function<void(size_t, const std::vector<std::string_view>&)>& f);

// Splits on `sep`, trims each piece and leaves out empty ones.
std::vector<std::string> split_list(std::string_view s, char sep);

// The embedded default data file `name` (e.g. "topics.tsv").
// Throws std::runtime_error when the build has no such file.
std::string_view embedded_data(std::string_view name);

// The content of a user-given file. Throws std::runtime_error naming the
// file and the reason when it cannot be read.
std::string read_text_file(const std::string& path);

// The same for a rule file (--ministers, --topics, --data-dir's files):
// also refused, with the reason, when binary or not UTF-8.
std::string read_rule_file(const std::string& path);

}  // namespace briefing
