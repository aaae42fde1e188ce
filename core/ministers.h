#pragma once
// Finds ministers in a token stream: "Japan's Defense Minister Minoru
// Kihara", "Minister of Defence, Finland Antti Häkkänen", "Antti Häkkänen,
// Finland's Minister of Defence", and later surname-only mentions
// ("Minister Kihara", "Mr Healey") linked to the full name.
#include <string_view>
#include <vector>

#include "briefing.h"
#include "gazetteer.h"
#include "rules.h"
#include "tokenizer.h"

namespace briefing {

// `countries` are the country mentions already found in `tokens`; `date`
// is the briefing's ("2025-03-14", or empty when unknown): a known name
// without a title, dated outside the person's terms, is no minister's.
// Returns ministers in order of first mention; evidence is appended.
// Where the text names each minister found: one past the last token of
// each naming ("Boris Pistorius", then "Pistorius"), in text order.
using MinisterPlaces = std::vector<size_t>;

std::vector<Minister> find_ministers(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Mention>& countries, const Rules& rules, std::string_view date,
                                     std::vector<Evidence>* evidence, std::vector<MinisterPlaces>* places = nullptr);

// The identity of a person's name for merging: first given name and
// surname, folded ("Lloyd J. Austin III" and "Lloyd Austin" -> "lloyd austin").
std::string person_key(std::string_view name, const Rules& rules);

// More keys a name is found by: the first name, for family names written
// first ("Wang Yi": "wang"), and each inner name with the last, and alone
// ("Rubén Ramírez Lezcano": "ramirez lezcano", "ramirez"), for the compound
// surnames of Spanish and Portuguese.
std::vector<std::string> inner_name_keys(std::string_view name, const Rules& rules);

// Whether a word is an institution's: "Ministry", "Ministère",
// "Department", "Government" (a letterhead's, or the place of a post:
// "Minister of State at the Department of Defence"; data/page-words.tsv).
bool is_institution_word(const Token& t, const Rules& rules);

// The folded surname of a name ("Lloyd J. Austin III" -> "austin").
std::string surname_key(std::string_view name, const Rules& rules);

}  // namespace briefing
