// evaluate: extraction precision, recall and F1 per facet against gold
// labels. Usage: evaluate [--errors] DIR...   (each DIR holds gold.tsv)
#include <cstring>
#include <iostream>

#include "evaluation.h"

int main(int argc, char** argv) {
  bool errors = false;
  int dirs = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--errors") == 0) {
      errors = true;
      continue;
    }
    try {
      briefing::eval::Report r = briefing::eval::evaluate(argv[i]);
      std::cout << "== " << argv[i] << ": " << briefing::eval::format_report(r);
      if (errors)
        for (const std::string& e : r.errors) std::cout << "  " << e << "\n";
      ++dirs;
    } catch (const std::exception& e) {
      std::cerr << "evaluate: " << e.what() << "\n";
      return 2;
    }
  }
  if (!dirs) {
    std::cerr << "usage: evaluate [--errors] DIR...  (each DIR holds gold.tsv)\n";
    return 2;
  }
  return 0;
}
