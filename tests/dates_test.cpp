#include <catch2/catch.hpp>

#include "dates.h"
#include "tokenizer.h"

using namespace briefing;

TEST_CASE("the order of all-numeric dates as the text's other dates tell it", "[dates]") {
  auto order = [](const std::string& text) { return order_by_other_dates(text, tokenize(text, SpellingVariants{})); };
  CHECK(order("09/04/2025. On Wednesday, April 9, they met.") == NumericOrder::kDayFirst);
  CHECK(order("09/04/2025. On Thursday 4 September they met.") == NumericOrder::kMonthFirst);
  CHECK(order("09/04/2025. Updated 23/04/2025") == NumericOrder::kDayFirst);
  CHECK(order("09/04/2025. Updated 04/23/2025") == NumericOrder::kMonthFirst);
  // Nothing tells, both readings are written, or two dates disagree.
  CHECK(order("09/04/2025. They met.") == NumericOrder::kUnknown);
  CHECK(order("09/04/2025. On April 9 and September 4 they met.") == NumericOrder::kUnknown);
  CHECK(order("23/04/2025 and 04/23/2025") == NumericOrder::kUnknown);
  CHECK(order("05/05/2025, May 5") == NumericOrder::kUnknown);
}

TEST_CASE("full dates in the usual forms", "[dates]") {
  struct Case { const char* text; const char* iso; };
  const Case cases[] = {
      {"On 12 September 2024, the ministers met.", "2024-09-12"},
      {"TOKYO, September 12, 2024 — The ministers", "2024-09-12"},
      {"Released 2024-09-12 by the ministry", "2024-09-12"},
      {"on Sept. 3, 2023 in Manila", "2023-09-03"},
      {"the 1st of March, 2022", "2022-03-01"},
      {"Done at Luanda, this 28th day of February 2025, in French", "2025-02-28"},
      {"signed on the 3rd day of May, 2024", "2024-05-03"},
      {"29 February 2024", "2024-02-29"},
      {"On 4th July 2025", "2025-07-04"},
      {"SEOUL, 2024.11.20. The ministers", "2024-11-20"},
      {"Tallinn, 27.12.2024 — ERR", "2024-12-27"},
      {"Date Posted: 09.26.2024 | Story ID", "2024-09-26"},  // month first where day first cannot be (unseen set DA)
      {"Tallinn, 05.03.2024 — ERR", "2024-03-05"},             // (else day first)
      {"18 FEB 2025", "2025-02-18"},
      {"met on September 19 (Thu.), 2024 in Seoul", "2024-09-19"},
      {"on 3 June (Monday) 2024 in Tokyo", "2024-06-03"},
      {"Issued on: 28/01/2025 - 11:37", "2025-01-28"},
      {"HANOI (VNA) - On 14/3/2025, the Deputy Minister", "2025-03-14"},
      {"JAKARTA - Wednesday (20/8/2025)", "2025-08-20"},
      {"Posted 08/20/2025 by the Department", "2025-08-20"},
      {"dated 20-08-2025", "2025-08-20"},
      {"on 05/05/2025", "2025-05-05"},
      {"Published On 9 Feb 20259 Feb 2025", "2025-02-09"},
      {"Bogota (Jul. 26/24). The Chancellor", "2024-07-26"},
      {"Addis Ababa, May 6/2025 (ENA) - Foreign Affairs Minister", "2025-05-06"},  // (unseen set CV)
      {"Budapest, 2024. 09. 02. 15:37", "2024-09-02"},
      {"2025. november 20., csütörtök 14:32 | MTI", "2025-11-20"},  // (unseen set CD)
      {"2025. március 3. 10:15", "2025-03-03"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto d = parse_date(c.text);
    REQUIRE(d);
    CHECK(d->iso() == c.iso);
  }
}

TEST_CASE("a range of days is its first day", "[dates]") {
  struct Case { const char* text; const char* iso; };
  const Case cases[] = {
      {"an Official Visit to Thailand from 3 to 4 February 2025", "2025-02-03"},
      {"on 3-4 February 2025", "2025-02-03"},
      {"on 3\xE2\x80\x93" "4 February 2025", "2025-02-03"},
      {"on 3rd and 4th February 2025", "2025-02-03"},
      {"from February 3 to 4, 2025", "2025-02-03"},
      {"on February 3-4, 2025", "2025-02-03"},
      // no range: a count before a date, days in the wrong order
      {"in 2 to 3 weeks, on 5 March 2025", "2025-03-05"},
      {"on 4 to 3 February 2025", "2025-02-03"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto d = parse_date(c.text);
    REQUIRE(d);
    CHECK(d->iso() == c.iso);
  }
}

TEST_CASE("full dates with month names in Spanish, French, Portuguese, Italian, German, Romanian and Dutch", "[dates]") {
  struct Case { const char* text; const char* iso; };
  const Case cases[] = {
      {"15 de mayo de 2025", "2025-05-15"},
      {"Data publicării: 12 martie 2024", "2024-03-12"},
      {"3 decembrie 2024", "2024-12-03"},
      {"Den Haag, 4 maart 2025", "2025-03-04"},
      {"12 mei 2024", "2024-05-12"},
      {"Montevideo, 15 de mayo de 2025", "2025-05-15"},
      {"MONTEVIDEO, 15 DE MAYO DE 2025", "2025-05-15"},
      {"Madrid, 2 de Septiembre del 2024", "2024-09-02"},
      {"Lima, 30 de setiembre de 2024", "2024-09-30"},
      {"le 3 mars 2024", "2024-03-03"},
      {"Publié le 3 Mars 2024", "2024-03-03"},
      {"1er juillet 2025", "2025-07-01"},
      {"1 juillet 2025", "2025-07-01"},
      {"le 15 août 2024", "2024-08-15"},
      {"le 15 aout 2024", "2024-08-15"},
      {"17 DÉCEMBRE 2024", "2024-12-17"},
      {"12 de março de 2024", "2024-03-12"},
      {"12 de marco de 2024", "2024-03-12"},
      {"Lisboa, 1º de maio de 2025", "2025-05-01"},
      {"12 marzo 2024", "2024-03-12"},
      {"Roma, 1° maggio 2025", "2025-05-01"},
      {"3. März 2024", "2024-03-03"},
      {"3. Maerz 2024", "2024-03-03"},
      {"Wien, 20. Jänner 2025", "2025-01-20"},
      {"Berlin, 3. Oktober 2024", "2024-10-03"},
      {"am 12. September 2024", "2024-09-12"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto d = parse_date(c.text);
    REQUIRE(d);
    CHECK(d->iso() == c.iso);
  }
}

TEST_CASE("day-month-year with dots, with or without spaces", "[dates]") {
  struct Case { const char* text; const char* iso; };
  const Case cases[] = {
      {"9. 9. 2024", "2024-09-09"},
      {"Ljubljana, 9. 9. 2024", "2024-09-09"},
      {"9.9.2024", "2024-09-09"},
      {"09.09.2024", "2024-09-09"},
      {"12. 3. 2025", "2025-03-12"},
      {"12.03.2024", "2024-03-12"},
      {"Publié le 21.10.2024", "2024-10-21"},
      {"Bratislava 12. 03. 2025, 10.30", "2025-03-12"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto d = parse_date(c.text);
    REQUIRE(d);
    CHECK(d->iso() == c.iso);
  }
}

TEST_CASE("numbers with dots that are not dates", "[dates]") {
  for (const char* text : {"version 1.2.3 of the treaty", "a 2.5 percent rise", "at 10.30 the ministers met",
                           "items 1. 2. 3. and 4.", "31. 2. 2025", "9 . 9 . 2024", "12. 3. 25",
                           "see 3.12. 2024.5 of the annex", "Figure 3. 4. 2024 shows it", "See page 12. 3. 2025",
                           // a numbered list's item, a sentence's end: an English month after a dot
                           "1. March 2024: the first round", "passed 31 to 12. May 2025 will bring more"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("month names in other languages: only whole day-month-year dates", "[dates]") {
  for (const char* text : {"15 de mayo", "mayo de 2025", "30 febbraio 2024", "Marco 12, 2024",
                           "mars 3, 2024", "le 32 mars 2024", "15 de mayo de 25"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
  // English month names keep their capital letter, but for a whole date
  // written day first ("DILI, 10 april 2025"); "may" is a verb.
  CHECK_FALSE(parse_date("3 may 2024"));
  CHECK_FALSE(parse_date("may 5, 2024"));
  CHECK_FALSE(parse_date("april 5, 2024"));
  CHECK(parse_date("10 april 2025") == Date{2025, 4, 10});
  CHECK(parse_date("DILI, 3 march 2025 (Agency)") == Date{2025, 3, 3});
  CHECK_FALSE(parse_date("10 april"));
  // Days without a year stay English.
  static const SpellingVariants kNone;
  CHECK(find_yearless_dates(tokenize("le 3 mars, puis le 15 mayo", kNone)).empty());
}

TEST_CASE("a timestamp gives its day", "[dates]") {
  CHECK(parse_date("2024-09-12T10:00:00+09:00")->iso() == "2024-09-12");
  CHECK(parse_date("2024-09-12 10:00:00 +0900")->iso() == "2024-09-12");
  CHECK(parse_date(" 2024-09-12t23:59Z ")->iso() == "2024-09-12");
  CHECK_FALSE(parse_date("2024-02-30T10:00:00"));
  CHECK_FALSE(parse_date("2024-09-12T25:61"));
  CHECK_FALSE(parse_date("2024-09-12T10:60:00Z"));
}

TEST_CASE("impossible or partial dates are not dates", "[dates]") {
  for (const char* text : {"30 February 2024", "2024-13-45", "September 2024", "may 5, 2024 lowercase",
                           "On October 4 the talks", "29 February 2023", "In 2024-09",
                           "September 19 (see annex), 2024",
                           "03/04/2025: day first or month first?", "31/02/2025", "1/2/25",
                           "9 Feb 20259 apples"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("dates from file names", "[dates]") {
  CHECK(date_from_filename("2024-03-18-australia-japan.txt")->iso() == "2024-03-18");
  CHECK(date_from_filename("readout_2023-11-02.md")->iso() == "2023-11-02");
  CHECK_FALSE(date_from_filename("12024-03-18.txt"));
  CHECK_FALSE(date_from_filename("2024-02-30.txt"));
  CHECK_FALSE(date_from_filename("notes.txt"));
}

TEST_CASE("date spans of any precision", "[dates]") {
  auto y = parse_date_span("2024");
  REQUIRE(y);
  CHECK(y->first == "20240101");
  CHECK(y->last == "20241231");
  auto m = parse_date_span("2024-02");
  REQUIRE(m);
  CHECK(m->last == "20240229");
  auto d = parse_date_span("2024-03-05");
  REQUIRE(d);
  CHECK(d->first == "20240305");
  CHECK(d->last == "20240305");
  CHECK_FALSE(parse_date_span("2024-13"));
  CHECK_FALSE(parse_date_span("24-01-01"));
  CHECK_FALSE(parse_date_span("yesterday"));
}

TEST_CASE("days without a year", "[dates]") {
  static const SpellingVariants kNone;
  std::string text = "On October 4 they met; on 5 November, 2024 they spoke; May 2024 saw talks; Sept. 9 too.";
  auto found = find_yearless_dates(tokenize(text, kNone));
  REQUIRE(found.size() == 2);
  CHECK(found[0].date.month == 10);
  CHECK(found[0].date.day == 4);
  CHECK(found[1].date.month == 9);
}

TEST_CASE("an all-numeric date gives its year even when day and month cannot be told apart", "[dates]") {
  static const SpellingVariants kNone;
  CHECK(first_numeric_year(tokenize("News item | 03-02-2025 | 16:40", kNone)) == 2025);
  CHECK(first_numeric_year(tokenize("dated 20/08/2024", kNone)) == 2024);
  CHECK(first_numeric_year(tokenize("on 3 February 2025, at 16:40", kNone)) == 0);
  CHECK(first_numeric_year(tokenize("13/13/2025", kNone)) == 0);
}

TEST_CASE("unseen set BX: a comma after the month as well as after the day", "[dates]") {
  CHECK(parse_date("April, 11, 2025 - 22:18") == Date{2025, 4, 11});
  // (a count after the month is no day: no year follows it)
  CHECK_FALSE(parse_date("In April, 11 ministers met; 2025 was busy"));
}
