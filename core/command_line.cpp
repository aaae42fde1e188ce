#include "command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace briefing {
namespace {

namespace po = boost::program_options;

// The flags some users spell the other way.
const std::pair<std::string, std::string> kOtherSpellings[] = {
    {"--organization", "--organisation"},
    {"--not-organization", "--not-organisation"},
    {"--colour", "--color"},
};

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> command_line_arguments(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {  // the rest is the query
      for (; i < argc; ++i) args.emplace_back(argv[i]);
      break;
    }
    for (const auto& [other, known] : kOtherSpellings)
      if (a == other || a.rfind(other + "=", 0) == 0) a = known + a.substr(other.size());
    args.push_back(std::move(a));
  }
  return args;
}

std::string command_line_error(const std::string& program, const po::error& e,
                               const po::options_description& options) {
  std::string line = e.what();
  if (const auto* unknown = dynamic_cast<const po::unknown_option*>(&e)) {
    const std::string name = unknown->get_option_name();
    if (name.size() > 2 && name[0] == '-' && name[1] != '-') {
      line += fmt::format("; a query word that starts with '-' goes after --: {} -- {}", program, name);
    } else if (name.rfind("--", 0) == 0) {
      std::string typed = name.substr(2), best;
      size_t best_distance = 3;
      for (const auto& option : options.options()) {
        const std::string& candidate = option->long_name();
        size_t d = edit_distance(typed, candidate);
        if (!candidate.empty() && d < best_distance) {
          best_distance = d;
          best = candidate;
        }
      }
      if (!best.empty()) line += fmt::format("; did you mean --{}?", best);
    }
  } else if (dynamic_cast<const po::invalid_option_value*>(&e)) {
    line += " (a whole number from 0 to 999999999999999)";
  }
  return fmt::format("{}; see {} --help", line, program);
}

bool given(const po::variables_map& vm, const std::string& name) {
  return vm.count(name) > 0 && !vm[name].defaulted();
}

std::string conflicting_options(const po::variables_map& vm, const std::vector<ExclusiveOption>& rules) {
  for (const ExclusiveOption& rule : rules) {
    if (!given(vm, rule.name)) continue;
    for (const std::string& other : rule.others)
      if (given(vm, other))
        return fmt::format("--{} and {} do not go together: {}", rule.name,
                           other == "query" ? "query words" : "--" + other, rule.why);
  }
  return "";
}

}  // namespace briefing
