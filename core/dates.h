#pragma once
// Calendar dates in briefings ("12 September 2024", "September 12, 2024",
// "15 de mayo de 2025", "3. März 2024", "9. 9. 2024",
// "2024-09-12"), in file names, and in query ranges ("2024", "2024-03").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.h"

namespace briefing {

struct Date {
  int year = 0, month = 0, day = 0;
  std::string iso() const;   // "2024-09-12"
  std::string slot() const;  // "20240912", as stored in the date slot
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};

// A real calendar date in years 1000-2999.
bool is_valid_date(int year, int month, int day);

// 1-12 for an English month's name or abbreviation, folded ("september",
// "sept"), else 0.
int month_number(const std::string& key);

struct DateMention {
  Date date;
  size_t begin = 0, end = 0;  // tokens
};

// How a text writes an all-numeric date whose numbers do not say which is
// the day ("03/04/2025"): unknown (no such date is taken), day first (most
// of the world) or month first (the United States).
enum class NumericOrder { kUnknown, kDayFirst, kMonthFirst };

// Every full date (day, month and year) written in the text, in order.
std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& tokens,
                                    NumericOrder order = NumericOrder::kUnknown);

// Days written without a year ("On October 4", "4 October"), in order;
// the date's year is 0.
std::vector<DateMention> find_yearless_dates(const std::vector<Token>& tokens);

// The order of the text's all-numeric dates as its other dates tell it:
// one whose day is over 12 ("28/01/2025"), or one whose day the text also
// writes with the month's name in one reading only ("09/04/2025" and
// "Wednesday, April 9"). kUnknown when none tells, or they disagree.
NumericOrder order_by_other_dates(std::string_view text, const std::vector<Token>& tokens);
// The year of the first all-numeric date, even one whose day and month
// cannot be told apart ("03-02-2025": 2025), or 0. Days written without a
// year take it.
int first_numeric_year(const std::vector<Token>& tokens);

// A date given on its own (front matter, --since): any form find_dates
// knows, or an ISO 8601 timestamp ("2024-09-12T10:00:00+09:00"). nullopt
// when `s` holds no valid full date.
std::optional<Date> parse_date(std::string_view s, NumericOrder order = NumericOrder::kUnknown);

// YYYY-MM-DD anywhere in a file name ("2024-03-18-canberra.txt").
std::optional<Date> date_from_filename(std::string_view filename);

// A date of any precision, as typed in a filter: "2024", "2024-03",
// "2024-03-18" (or "2024/03/18"). Gives the first and last day it covers as
// slot strings. nullopt when the text is not such a date.
struct DateSpan {
  std::string first;  // "20240301"
  std::string last;   // "20240331"
};
std::optional<DateSpan> parse_date_span(std::string_view s);

}  // namespace briefing
