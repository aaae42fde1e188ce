#pragma once
// A whole number of zero or more on a command line, for Boost.Program_options:
// "--jobs -1" is an error, not 18446744073709551615 writers.
#include <boost/any.hpp>
#include <boost/program_options/errors.hpp>
#include <boost/program_options/value_semantic.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace briefing {

struct Count {
  size_t value = 0;
  Count() = default;
  Count(size_t v) : value(v) {}  // NOLINT: default_value(10)
  operator size_t() const { return value; }
};

inline std::ostream& operator<<(std::ostream& out, const Count& c) { return out << c.value; }

// Found by Boost through argument-dependent look-up.
inline void validate(boost::any& v, const std::vector<std::string>& values, Count*, int) {
  namespace po = boost::program_options;
  po::validators::check_first_occurrence(v);
  const std::string& s = po::validators::get_single_string(values);
  // At most 15 digits (command_line.cpp's message says so): past every
  // count that means something, and far from wrapping.
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    throw po::invalid_option_value(s);
  v = Count(static_cast<size_t>(std::stoull(s)));
}

}  // namespace briefing
