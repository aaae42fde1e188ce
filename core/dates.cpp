#include "dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>
#include <unordered_map>

#include "text.h"

namespace briefing {

std::string Date::iso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }
std::string Date::slot() const { return fmt::format("{:04d}{:02d}{:02d}", year, month, day); }

namespace {

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<size_t>(month - 1)];
}

// Month names in Spanish, French, Portuguese, Italian, German, Romanian, Dutch,
// Indonesian and Hungarian, as
// folded keys ("März" -> "marz", "août" -> "aout", "março" -> "marco",
// "Jänner" -> "janner"). Whole names only, and only in dates written day
// first with a year, as these languages write them ("15 de mayo de 2025");
// names spelled as in English (April, August, September, November) are
// English. A table here rather than a file of data/: parse_date() serves
// the file readers and front matter, which have no Rules.
struct MonthName {
  std::string_view key;
  int month;
};
constexpr std::array<MonthName, 78> kOtherMonths{{
    // Spanish ("setiembre" in Peru and Uruguay)
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    // French
    {"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6}, {"juillet", 7},
    {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"decembre", 12},
    // Portuguese (abril and agosto as in Spanish)
    {"janeiro", 1}, {"fevereiro", 2}, {"marco", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    // Italian (marzo and agosto as in Spanish, novembre as in French)
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    // German ("Jänner" in Austria, "Maerz" without the umlaut; mai as in French)
    {"januar", 1}, {"janner", 1}, {"februar", 2}, {"marz", 3}, {"maerz", 3}, {"juni", 6}, {"juli", 7},
    {"oktober", 10}, {"dezember", 12},
    // Romanian (mai as in French)
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6}, {"iulie", 7},
    {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12},
    // Dutch (juni, juli and oktober as in German)
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    // Indonesian and Malay (januari, februari and mei as in Dutch, juni and
    // juli as in German)
    {"maret", 3}, {"agustus", 8}, {"desember", 12},
    // Hungarian (januar, februar and oktober as in German; november and
    // december as in English), written after the year: "2025. november 20."
    {"marcius", 3}, {"aprilis", 4}, {"majus", 5}, {"junius", 6}, {"julius", 7}, {"augusztus", 8},
    {"szeptember", 9}}};

constexpr bool all_distinct(const std::array<MonthName, kOtherMonths.size()>& names) {
  for (size_t a = 0; a < names.size(); ++a) {
    if (names[a].month < 1 || names[a].month > 12) return false;
    for (size_t b = a + 1; b < names.size(); ++b)
      if (names[a].key == names[b].key) return false;
  }
  return true;
}
static_assert(all_distinct(kOtherMonths), "a month name listed twice, or a month out of 1-12");


bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Day of month from "12" or "12th"; 0 when it is not one.
int day_number(const Token& t) {
  std::string_view k = t.key;
  if (t.kind == TokenKind::kWord && k.size() >= 3) {
    std::string_view suffix = k.substr(k.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") k.remove_suffix(2);
  }
  if (k.empty() || k.size() > 2 || !all_digits(k)) return 0;
  return std::stoi(std::string(k));
}

int year_number(const Token& t) {
  if (t.kind != TokenKind::kNumber || t.key.size() != 4) return 0;
  return std::stoi(t.key);
}

bool is_month_token(const Token& t, int* month) {
  if (t.kind != TokenKind::kWord || !(t.capitalised || t.all_caps)) return false;
  *month = month_number(t.key);
  return *month != 0;
}

// 1-12 for a month name of another language (kOtherMonths), else 0.
// (Looked up by hash: a day number before a word is common, and the table
// long.)
int other_month(std::string_view key) {
  static const std::unordered_map<std::string_view, int> kByKey = [] {
    std::unordered_map<std::string_view, int> m;
    for (const MonthName& name : kOtherMonths) m.emplace(name.key, name.month);
    return m;
  }();
  auto it = kByKey.find(key);
  return it == kByKey.end() ? 0 : it->second;
}

// A month name as German writes it: one of another language's, or one
// spelled the same in English and German ("September").
bool german_month(const std::string& key) {
  return key == "april" || key == "august" || key == "september" || key == "november" || other_month(key) != 0;
}

// An English month name as is_month_token() takes it, or one of another
// language in any case ("mayo", "Mars", "MÄRZ").
bool is_any_month_token(const Token& t, int* month) {
  if (is_month_token(t, month)) return true;
  if (t.kind != TokenKind::kWord) return false;
  *month = other_month(t.key);
  return *month != 0;
}

// The day of a date written day first, and the token after it: "12",
// "12th", "3." (German), "1er" (French), "1º" and "1°" (Spanish,
// Portuguese, Italian). 0 when token i is no such day.
int leading_day(const std::vector<Token>& tokens, size_t i, size_t* next) {
  const Token& t = tokens[i];
  int day = day_number(t);
  size_t j = i + 1;
  if (!day && t.kind == TokenKind::kWord && !t.key.empty() && t.key[0] == '1' &&
      (t.key == "1er" || t.key == "1o" || t.key == "1\xC2\xBA"))
    day = 1;
  if (!day) return 0;
  if (j < tokens.size() && !tokens[j].space_before &&
      (tokens[j].key == "." || (day == 1 && tokens[j].key == "\xC2\xB0")))
    ++j;
  *next = j;
  return day;
}

// Skips an abbreviation's dot after a month name ("Sept.").
size_t skip_dot(const std::vector<Token>& tokens, size_t i) {
  return i < tokens.size() && tokens[i].key == "." && !tokens[i].space_before ? i + 1 : i;
}

size_t skip_comma(const std::vector<Token>& tokens, size_t i) {
  return i < tokens.size() && tokens[i].key == "," ? i + 1 : i;
}

bool is_weekday(const std::string& key) {
  static const std::array<const char*, 18> kDays{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "weds"};
  for (const char* d : kDays)
    if (key == d) return true;
  return false;
}

// Skips a weekday in brackets after the day: "September 19 (Thu.), 2024",
// as the Korean and Japanese foreign ministries write it.
size_t skip_weekday(const std::vector<Token>& tokens, size_t i) {
  const size_t n = tokens.size();
  if (i + 2 >= n || tokens[i].key != "(" || !is_weekday(tokens[i + 1].key)) return i;
  size_t j = skip_dot(tokens, i + 2);
  return j < n && tokens[j].key == ")" ? j + 1 : i;
}

// Three numbers, day and month in either order, then a four-digit year:
// "28/01/2025", "8-20-2025".
std::optional<std::array<int, 3>> numeric_date_at(const std::vector<Token>& tokens, size_t i) {
  const size_t n = tokens.size();
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kNumber && t.key.size() <= 2 && i + 4 < n &&
      (tokens[i + 1].key == "/" || tokens[i + 1].key == "-") && tokens[i + 3].key == tokens[i + 1].key &&
      !tokens[i + 1].space_before && !tokens[i + 2].space_before && !tokens[i + 3].space_before &&
      !tokens[i + 4].space_before && tokens[i + 2].kind == TokenKind::kNumber &&
      tokens[i + 4].kind == TokenKind::kNumber && tokens[i + 2].key.size() <= 2 && tokens[i + 4].key.size() == 4) {
    // (Not a part of a longer code: "Number: 10-03-2-1876-1/25".)
    const std::string& sep = tokens[i + 1].key;
    const bool after_number = i >= 2 && tokens[i - 1].key == sep && !tokens[i - 1].space_before &&
                              !t.space_before && tokens[i - 2].kind == TokenKind::kNumber;
    const bool before_number = i + 6 < n && tokens[i + 5].key == sep && !tokens[i + 5].space_before &&
                               !tokens[i + 6].space_before && tokens[i + 6].kind == TokenKind::kNumber;
    if (after_number || before_number) return std::nullopt;
    return std::array<int, 3>{std::stoi(t.key), std::stoi(tokens[i + 2].key), std::stoi(tokens[i + 4].key)};
  }
  return std::nullopt;
}

// A word between the days of a range: "3 to 4", "3-4", "3 and 4".
bool range_word(const std::string& key) {
  return key == "to" || key == "-" || key == "\xE2\x80\x93" || key == "\xE2\x80\x94" || key == "and" ||
         key == "until" || key == "till";
}

// A date starting at token i, if any.
std::optional<DateMention> date_at(const std::vector<Token>& tokens, size_t i, NumericOrder order) {
  const size_t n = tokens.size();
  auto make = [&](int y, int m, int d, size_t end) -> std::optional<DateMention> {
    // (a year a briefing may name: "Tel: 2404 2661/2/3" is no date)
    constexpr int kFirstYear = 1800, kLastYear = 2199;
    if (!is_valid_date(y, m, d) || y < kFirstYear || y > kLastYear) return std::nullopt;
    return DateMention{Date{y, m, d}, i, end};
  };
  const Token& t = tokens[i];
  int month = 0;
  // 2024-09-12 (not the end of a number written in groups: "2404 2661/2/3")
  const bool in_number = i > 0 && tokens[i - 1].kind == TokenKind::kNumber && !t.break_before;
  if (t.kind == TokenKind::kNumber && t.key.size() == 4 && i + 4 < n && !in_number &&
      (tokens[i + 1].key == "-" || tokens[i + 1].key == "/") &&
      tokens[i + 3].key == tokens[i + 1].key && !tokens[i + 1].space_before &&
      !tokens[i + 2].space_before && !tokens[i + 3].space_before &&
      !tokens[i + 4].space_before && tokens[i + 2].kind == TokenKind::kNumber &&
      tokens[i + 4].kind == TokenKind::kNumber && tokens[i + 2].key.size() <= 2 &&
      tokens[i + 4].key.size() <= 2)
    return make(std::stoi(t.key), std::stoi(tokens[i + 2].key), std::stoi(tokens[i + 4].key), i + 5);
  // 2024.11.20 (Korean style) and 27.12.2024 (European style)
  if (t.kind == TokenKind::kNumber && i + 4 < n && tokens[i + 1].key == "." && tokens[i + 3].key == "." &&
      !tokens[i + 1].space_before && !tokens[i + 2].space_before && !tokens[i + 3].space_before &&
      !tokens[i + 4].space_before && tokens[i + 2].kind == TokenKind::kNumber &&
      tokens[i + 4].kind == TokenKind::kNumber && tokens[i + 2].key.size() <= 2) {
    const std::string& a = t.key;
    const std::string& c = tokens[i + 4].key;
    if (a.size() == 4 && c.size() <= 2)
      return make(std::stoi(a), std::stoi(tokens[i + 2].key), std::stoi(c), i + 5);
    if (a.size() <= 2 && c.size() == 4) {
      const int first = std::stoi(a), second = std::stoi(tokens[i + 2].key);
      // (month first where day first cannot be: "Date Posted: 09.26.2024",
      // DVIDS)
      if (second > 12 && first <= 12) return make(std::stoi(c), first, second, i + 5);
      return make(std::stoi(c), second, first, i + 5);
    }
  }
  // 9. 9. 2024 and 9.9. 2024 (Central European style, a space after a
  // dot): day first wherever it is written so, not one part of a longer
  // dotted number ("1.9. 9. 2024", "3.12. 2024.5").
  if (t.kind == TokenKind::kNumber && t.key.size() <= 2 && i + 4 < n && tokens[i + 1].key == "." &&
      !tokens[i + 1].space_before && tokens[i + 2].kind == TokenKind::kNumber && tokens[i + 2].key.size() <= 2 &&
      tokens[i + 3].key == "." && !tokens[i + 3].space_before && tokens[i + 4].kind == TokenKind::kNumber &&
      tokens[i + 4].key.size() == 4 && (tokens[i + 2].space_before || tokens[i + 4].space_before)) {
    const bool after_number = i >= 2 && tokens[i - 1].key == "." && !tokens[i - 1].space_before &&
                              !t.space_before && tokens[i - 2].kind == TokenKind::kNumber;
    const bool before_number = i + 6 < n && tokens[i + 5].key == "." && !tokens[i + 5].space_before &&
                               !tokens[i + 6].space_before && tokens[i + 6].kind == TokenKind::kNumber;
    if (after_number || before_number) return std::nullopt;
    // "Figure 3. 4. 2024 shows", "page 12. 3. 2025": numbered things.
    if (i > 0) {
      const std::string& before = tokens[i - 1].key;
      for (const char* word : {"figure", "fig", "table", "page", "p", "pp", "section", "chapter", "article", "art",
                               "paragraph", "para", "item", "no", "version", "annex", "point"})
        if (before == word) return std::nullopt;
    }
    return make(std::stoi(tokens[i + 4].key), std::stoi(tokens[i + 2].key), std::stoi(t.key), i + 5);
  }
  // "2025. november 20." (Hungarian): the year and a dot, a month's name in
  // any case, the day and a dot.
  if (t.kind == TokenKind::kNumber && t.key.size() == 4 && i + 4 < n && !in_number && tokens[i + 1].key == "." &&
      !tokens[i + 1].space_before && tokens[i + 2].space_before && tokens[i + 2].is_word() &&
      tokens[i + 3].kind == TokenKind::kNumber && tokens[i + 3].key.size() <= 2 && tokens[i + 4].key == "." &&
      !tokens[i + 4].space_before) {
    int m = month_number(tokens[i + 2].key);
    if (!m) m = other_month(tokens[i + 2].key);
    if (m) return make(std::stoi(t.key), m, std::stoi(tokens[i + 3].key), i + 5);
  }
  // 2024. 09. 02. (Hungarian and Korean style with spaces): the year first,
  // a dot after each part.
  if (t.kind == TokenKind::kNumber && t.key.size() == 4 && i + 5 < n && tokens[i + 1].key == "." &&
      !tokens[i + 1].space_before && tokens[i + 3].key == "." && !tokens[i + 3].space_before &&
      tokens[i + 5].key == "." && !tokens[i + 5].space_before && tokens[i + 2].kind == TokenKind::kNumber &&
      tokens[i + 4].kind == TokenKind::kNumber && tokens[i + 2].key.size() <= 2 && tokens[i + 4].key.size() <= 2)
    return make(std::stoi(t.key), std::stoi(tokens[i + 2].key), std::stoi(tokens[i + 4].key), i + 6);
  // 28/01/2025 and 8-20-2025: day first in most of the world, month first
  // in the United States. Taken only when the numbers say which, or the
  // text's order is known (a web page's language); else "03/04/2025" is no
  // date rather than perhaps the wrong one.
  if (auto dmy = numeric_date_at(tokens, i)) {
    const auto [a, b, y] = *dmy;
    if (a == b || (a > 12 && b <= 12)) return make(y, b, a, i + 5);
    if (b > 12 && a <= 12) return make(y, a, b, i + 5);
    if (order == NumericOrder::kDayFirst) return make(y, b, a, i + 5);
    if (order == NumericOrder::kMonthFirst) return make(y, a, b, i + 5);
    return std::nullopt;
  }
  // A range of days is its first: "3 to 4 February 2025", "3-4 February
  // 2025", "3 and 4 February 2025".
  // (Its first day is checked first: "and" follows most words.)
  if (i + 2 < n && !t.key.empty() && t.key[0] >= '0' && t.key[0] <= '9' && range_word(tokens[i + 1].key))
    if (int first = day_number(t); first && day_number(tokens[i + 2]))
      if (auto last = date_at(tokens, i + 2, order); last && last->date.day > first)
        return make(last->date.year, last->date.month, first, last->end);
  // 12 September 2024, 12th of September, 2024, the 12th day of September
  // 2024; and as other languages
  // write it: 15 de mayo de 2025, 3. März 2024, 1er juillet 2025.
  size_t after_day = 0;
  if (int day = leading_day(tokens, i, &after_day)) {
    size_t j = after_day;
    // "3. März 2024" is German; "1. March 2024" a numbered list's item and
    // "12. May 2025" a sentence's end and the next's start: after a dot, a
    // month as German writes it ("12. September 2024").
    const bool dotted = j > i + 1 && tokens[i + 1].key == ".";
    // "this 28th day of February 2025", as treaties and communiqués end
    if (j + 1 < n && tokens[j].key == "day" && tokens[j + 1].key == "of") j += 2;
    else if (j < n && (tokens[j].key == "of" || tokens[j].key == "de")) ++j;
    // "22/January/2025", "22-Jan-2025": the parts joined by a slash or a dash
    std::string joint;
    if (j + 2 < n && (tokens[j].key == "/" || tokens[j].key == "-") && !tokens[j].space_before &&
        !tokens[j + 1].space_before) {
      joint = tokens[j].key;
      ++j;
    }
    // (An English month in lower case too, as some agencies write it:
    // "DILI, 10 april 2025", but not "may", a verb before a number: "the
    // group of 3 may 2025 ...".)
    const bool month_word =
        j < n && (is_any_month_token(tokens[j], &month) ||
                  (tokens[j].is_word() && tokens[j].key != "may" && (month = month_number(tokens[j].key)) != 0));
    if (month_word && (!dotted || german_month(tokens[j].key))) {
      if (!joint.empty()) {
        if (j + 2 < n && tokens[j + 1].key == joint && !tokens[j + 1].space_before && !tokens[j + 2].space_before)
          if (int year = year_number(tokens[j + 2])) return make(year, month, day, j + 3);
        return std::nullopt;
      }
      j = skip_comma(tokens, skip_weekday(tokens, skip_dot(tokens, j + 1)));
      if (j < n && (tokens[j].key == "de" || tokens[j].key == "del")) ++j;
      if (j < n)
        if (int year = year_number(tokens[j])) return make(year, month, day, j + 1);
      // A page copied as text runs two dates together: "9 Feb 20259 Feb
      // 2025" (the year, then the next date's day, then its month).
      int next_month = 0;
      if (j + 1 < n && tokens[j].kind == TokenKind::kNumber && tokens[j].key.size() >= 5 &&
          tokens[j].key.size() <= 6 && is_month_token(tokens[j + 1], &next_month) &&
          !tokens[j + 1].break_before)
        return make(std::stoi(tokens[j].key.substr(0, 4)), month, day, j + 1);
    }
    return std::nullopt;
  }
  // September 12, 2024
  if (is_month_token(t, &month)) {
    size_t j = skip_dot(tokens, i + 1);
    // "April, 11, 2025 - 22:18" (Tasnim): a comma after the month too
    if (j + 1 < n && tokens[j].key == "," && !tokens[j].space_before && day_number(tokens[j + 1])) ++j;
    if (j < n)
      if (int day = day_number(tokens[j])) {
        // "Jul. 26/24" (Colombia's foreign ministry), "May 6/2025" (the
        // Ethiopian News Agency): the year after a slash
        if (j + 2 < n && tokens[j + 1].key == "/" && !tokens[j + 1].space_before &&
            !tokens[j + 2].space_before && tokens[j + 2].kind == TokenKind::kNumber) {
          if (tokens[j + 2].key.size() == 2) return make(2000 + std::stoi(tokens[j + 2].key), month, day, j + 3);
          if (int year = year_number(tokens[j + 2])) return make(year, month, day, j + 3);
        }
        // "February 3 to 4, 2025", "February 3-4, 2025": the first day.
        if (j + 2 < n && range_word(tokens[j + 1].key))
          if (int last = day_number(tokens[j + 2]); last > day) j += 2;
        j = skip_comma(tokens, skip_weekday(tokens, j + 1));
        if (j < n)
          if (int year = year_number(tokens[j])) return make(year, month, day, j + 1);
      }
  }
  return std::nullopt;
}

}  // namespace

// 1-12 for a month name or abbreviation key, else 0.
int month_number(const std::string& key) {
  static const std::array<std::pair<const char*, int>, 25> kMonths{{
      {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
      {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3},
      {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
      {"oct", 10}, {"nov", 11}, {"dec", 12}, {"febr", 2}}};
  for (const auto& [name, n] : kMonths)
    if (key == name) return n;
  return 0;
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::vector<DateMention> find_dates(std::string_view, const std::vector<Token>& tokens, NumericOrder order) {
  std::vector<DateMention> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kPunct) continue;
    if (auto m = date_at(tokens, i, order)) {
      out.push_back(*m);
      i = m->end - 1;
    }
  }
  return out;
}

std::vector<DateMention> find_yearless_dates(const std::vector<Token>& tokens) {
  std::vector<DateMention> out;
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    int month = 0, day = 0;
    size_t end = 0;
    if (is_month_token(tokens[i], &month)) {  // "October 4"
      size_t j = skip_dot(tokens, i + 1);
      if (j < n && (day = day_number(tokens[j]))) end = j + 1;
    } else if ((day = day_number(tokens[i])) && i + 1 < n && is_month_token(tokens[i + 1], &month)) {
      end = skip_dot(tokens, i + 2);  // "4 October"
    }
    if (!end || !is_valid_date(2000, month, day)) continue;
    // Not a full date: no year follows.
    size_t k = skip_comma(tokens, skip_weekday(tokens, end));
    if (k < n && year_number(tokens[k])) continue;
    out.push_back(DateMention{Date{0, month, day}, i, end});
    i = end - 1;
  }
  return out;
}

NumericOrder order_by_other_dates(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::array<int, 3>> numeric;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (const auto dmy = numeric_date_at(tokens, i)) numeric.push_back(*dmy);
  if (numeric.empty()) return NumericOrder::kUnknown;  // (most texts: no dates read twice)
  // (the days the text writes with a month's name, with a year or without)
  std::set<std::pair<int, int>> written;
  for (const DateMention& d : find_yearless_dates(tokens)) written.insert({d.date.month, d.date.day});
  for (const DateMention& d : find_dates(text, tokens)) written.insert({d.date.month, d.date.day});
  int day_first = 0, month_first = 0;
  for (const auto& [a, b, y] : numeric) {
    (void)y;
    const bool as_day_first = a > 12 || written.count({b, a}) > 0;
    const bool as_month_first = b > 12 || written.count({a, b}) > 0;
    if (a != b && as_day_first != as_month_first) ++(as_day_first ? day_first : month_first);
  }
  if (day_first > 0 && month_first == 0) return NumericOrder::kDayFirst;
  if (month_first > 0 && day_first == 0) return NumericOrder::kMonthFirst;
  return NumericOrder::kUnknown;
}

int first_numeric_year(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i)
    if (auto dmy = numeric_date_at(tokens, i)) {
      const auto [a, b, y] = *dmy;
      if (is_valid_date(y, a, b) || is_valid_date(y, b, a)) return y;
    }
  return 0;
}

std::optional<Date> parse_date(std::string_view s, NumericOrder order) {
  s = trim(s);
  // A timestamp (ISO 8601, Hugo and Jekyll front matter): its day.
  // "2024-09-12T10:00:00+09:00", "2024-09-12 10:00:00 +0900".
  if (s.size() > 11 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') &&
      std::isdigit(static_cast<unsigned char>(s[11])) && all_digits(s.substr(0, 4)) && s[4] == '-' &&
      all_digits(s.substr(5, 2)) && s[7] == '-' && all_digits(s.substr(8, 2))) {
    // Its time must be one: "T25:61" is no timestamp.
    std::string_view time = s.substr(11);
    if (time.size() >= 5 && all_digits(time.substr(0, 2)) && time[2] == ':' && all_digits(time.substr(3, 2)) &&
        (std::stoi(std::string(time.substr(0, 2))) > 23 || std::stoi(std::string(time.substr(3, 2))) > 59))
      return std::nullopt;
    s = s.substr(0, 10);
  }
  static const SpellingVariants kNone;
  std::vector<Token> tokens = tokenize(s, kNone);
  auto dates = find_dates(s, tokens, order);
  if (dates.empty()) return std::nullopt;
  return dates.front().date;
}

std::optional<Date> date_from_filename(std::string_view filename) {
  for (size_t i = 0; i + 10 <= filename.size(); ++i) {
    std::string_view c = filename.substr(i, 10);
    if (!all_digits(c.substr(0, 4)) || c[4] != '-' || !all_digits(c.substr(5, 2)) ||
        c[7] != '-' || !all_digits(c.substr(8, 2)))
      continue;
    // Not part of a longer number.
    if (i > 0 && std::isdigit(static_cast<unsigned char>(filename[i - 1]))) continue;
    if (i + 10 < filename.size() && std::isdigit(static_cast<unsigned char>(filename[i + 10])))
      continue;
    int y = std::stoi(std::string(c.substr(0, 4))), m = std::stoi(std::string(c.substr(5, 2))),
        d = std::stoi(std::string(c.substr(8, 2)));
    if (is_valid_date(y, m, d)) return Date{y, m, d};
  }
  return std::nullopt;
}

std::optional<DateSpan> parse_date_span(std::string_view s) {
  s = trim(s);
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find_first_of("-/", start);
    parts.push_back(s.substr(start, pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) return std::nullopt;
  for (auto p : parts)
    if (!all_digits(p) || p.size() > 4) return std::nullopt;
  int y = std::stoi(std::string(parts[0]));
  if (parts.size() == 1) {
    if (!is_valid_date(y, 1, 1)) return std::nullopt;
    return DateSpan{fmt::format("{:04d}0101", y), fmt::format("{:04d}1231", y)};
  }
  if (parts[1].size() > 2) return std::nullopt;
  int m = std::stoi(std::string(parts[1]));
  if (parts.size() == 2) {
    if (!is_valid_date(y, m, 1)) return std::nullopt;
    return DateSpan{fmt::format("{:04d}{:02d}01", y, m),
                    fmt::format("{:04d}{:02d}{:02d}", y, m, days_in_month(y, m))};
  }
  if (parts[2].size() > 2) return std::nullopt;
  int d = std::stoi(std::string(parts[2]));
  if (!is_valid_date(y, m, d)) return std::nullopt;
  std::string day = Date{y, m, d}.slot();
  return DateSpan{day, day};
}

}  // namespace briefing
