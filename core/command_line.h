#pragma once
// What both programs do with a command line before and after Boost reads
// it: British and American spellings of flags, and errors with a hint.
#include <boost/program_options/errors.hpp>
#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <string>
#include <vector>

namespace briefing {

// The arguments, with the other spelling of a flag made the one the
// program knows: --organization is --organisation, --colour is --color
// (also in "--flag=value").
std::vector<std::string> command_line_arguments(int argc, char** argv);

// The one line a command-line error gets, with a hint where one helps:
// the closest flag to a mistyped one ("--contry": did you mean
// --country?), "--" before a query word that starts with '-', what a count
// must be.
std::string command_line_error(const std::string& program, const boost::program_options::error& e,
                               const boost::program_options::options_description& options);

// Whether option `name` was given on the command line (a default, or a
// bool_switch left off, is not).
bool given(const boost::program_options::variables_map& vm, const std::string& name);

// An option that rules others out, and why.
struct ExclusiveOption {
  std::string name;                 // "stats"
  std::string why;                  // "--stats describes the whole index"
  std::vector<std::string> others;  // options it is not given with; "query": query words
};

// The one line for the first option of `rules` given together with one of
// its others ("--stats and --count do not go together: --stats describes
// the whole index"), or "" when there is none.
std::string conflicting_options(const boost::program_options::variables_map& vm,
                                const std::vector<ExclusiveOption>& rules);

}  // namespace briefing
