// End-to-end tests of the searcher's analyst features (sorting, facet
// modes, lists, timelines, suggestions, synonyms, similar briefings, output
// formats, the meeting graph) and of the knowledge base of ministers.
#include <catch2/catch.hpp>

#include "e2e_support.h"
