#include "explain.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "errors.h"
#include "extractor.h"
#include "file_reader.h"
#include "text.h"

namespace briefing {

int explain(std::ostream& out, const std::string& path, const RulesOptions& rules_options) {
  std::string error;
  std::optional<FileContent> content;
  if (path == "-") {
    // Standard input: the same checks as a file, and the default size limit
    // (--explain - < /dev/zero had filled the memory).
    constexpr size_t kMaxBytes = size_t{64} << 20;
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() <= kMaxBytes && std::cin.read(buffer, sizeof buffer).gcount() > 0)
      bytes.append(buffer, static_cast<size_t>(std::cin.gcount()));
    if (bytes.size() > kMaxBytes)
      throw Error("standard input: larger than 64 MB; not a briefing", exit_status::kFilesFailed);
    content = check_briefing_text(std::move(bytes), &error);
  } else {
    content = read_briefing_file(path, UINT64_MAX, &error);
  }
  if (!content)
    throw Error(fmt::format("{}: {}", path == "-" ? "standard input" : path, error), exit_status::kFilesFailed);
  Extractor extractor(Rules::load(rules_options));
  Analysis a = extractor.analyse(content->text, std::filesystem::path(path).filename().string());
  const Briefing& b = a.briefing;
  // What the file says, on one line each and without its control
  // characters (a title must not drive the terminal; a phrase found across
  // a wrapped line reads with a space).
  auto shown = [](std::string s) {
    std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return printable(s);
  };
  out << fmt::format("file: {}\ntitle: {}\ndate: {}\n", shown(path), shown(b.title),
                     b.date.empty() ? "(none)" : b.date);
  for (const std::string& w : content->warnings) out << "warning: " << shown(w) << "\n";
  for (const std::string& w : b.warnings) out << "warning: " << shown(w) << "\n";
  // Each value's evidence, in the order found (gathered once: a file can
  // name tens of thousands of values).
  std::unordered_map<std::string, std::vector<const Evidence*>> evidence_of;
  for (const Evidence& e : b.evidence) evidence_of[e.facet + '\0' + e.value].push_back(&e);
  auto print_evidence = [&](const std::string& facet, const std::string& value) {
    auto it = evidence_of.find(facet + '\0' + value);
    if (it == evidence_of.end()) return;
    for (const Evidence* e : it->second) out << fmt::format("      {}: \"{}\"\n", e->rule, shown(e->matched));
  };
  auto section = [&](const char* facet, const std::vector<std::string>& values) {
    out << fmt::format("\n{} ({}):\n", facet, values.size());
    for (const std::string& v : values) {
      out << "  " << shown(v) << "\n";
      print_evidence(facet, v);
    }
  };
  section("country", b.countries);
  section("party", b.parties);
  out << fmt::format("\nminister ({}):\n", b.ministers.size());
  for (const Minister& m : b.ministers) {
    out << fmt::format("  {} — role: {}, country: {}\n", shown(m.name), m.role.empty() ? "?" : shown(m.role),
                       m.country.empty() ? "?" : shown(m.country));
    print_evidence("minister", m.name);
  }
  section("topic", b.topics);
  section("organisation", b.organisations);
  for (const Evidence& e : b.evidence)
    if (e.facet == "date") out << fmt::format("\ndate from {}: \"{}\"\n", e.rule, shown(e.matched));
  return exit_status::kOk;
}

}  // namespace briefing
