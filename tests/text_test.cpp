#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <memory>

#include "text.h"

using namespace briefing;

TEST_CASE("fold_key folds accents and case", "[text]") {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"Häkkänen", "hakkanen"},   {"Šakalienė", "sakaliene"}, {"Władysław", "wladyslaw"},
      {"Støre", "store"},         {"Straße", "strasse"},      {"Sébastien LECORNU", "sebastien lecornu"},
      {"  Pål   Jonson ", "pal jonson"}, {"Japan’s", "japan's"}, {"東京", "東京"},
      // Already a key, or nearly: ASCII spacing still folds.
      {"defense minister", "defense minister"}, {" lead", "lead"}, {"trail ", "trail"},
      {"a  b", "a b"}, {"a\tb", "a b"}, {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(fold_key(c.in) == c.out);
  }
}

TEST_CASE("the table of undecomposable Latin letters agrees with ICU's Latin-ASCII", "[text]") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_fold(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  int letters = 0;
  for (char32_t c = 0x80; c < 0x2070; c = c == 0x2af ? 0x2000 : c + 1) {  // Latin, then punctuation
    const char* ours = latin_letter_in_ascii(c);
    if (!ours) continue;
    ++letters;
    icu::UnicodeString u(static_cast<UChar32>(c));
    icu_fold->transliterate(u);
    std::string theirs;
    u.toUTF8String(theirs);
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK(theirs == ours);
    // and fold_accents uses it
    icu::UnicodeString one(static_cast<UChar32>(c));
    std::string utf8;
    one.toUTF8String(utf8);
    CHECK(fold_accents("x" + utf8) == "x" + theirs);
  }
  CHECK(letters >= 60);
}

TEST_CASE("fold_accents gives what ICU's transliterator gives, for every Latin letter, without it", "[text]") {
  // fold_accents does not create "[:Latin:] Latin-ASCII" (15 ms, and most
  // of ICU linked in); its tables and data/latin-ascii.tsv stand in for it.
  // When they differ (a newer ICU), the rows to put in the file are shown.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_fold(
      icu::Transliterator::createInstance("[:Latin:] Latin-ASCII", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  auto theirs = [&](const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    icu_fold->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  };
  size_t letters = 0;
  std::string rows;
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    UErrorCode script_status = U_ZERO_ERROR;
    if (!u_isdefined(c) || uscript_getScript(c, &script_status) != USCRIPT_LATIN) continue;
    ++letters;
    std::string letter;
    icu::UnicodeString(c).toUTF8String(letter);
    const std::string want = theirs(letter);
    if (fold_accents(letter) != want || fold_accents("Zx" + letter + "y ") != "Zx" + want + "y ")
      rows += fmt::format("{:04X}\t{}\t{}\n", static_cast<uint32_t>(c), letter, want);
  }
  INFO("rows for data/latin-ascii.tsv:\n" << rows);
  CHECK(rows.empty());
  CHECK(letters > 1000);
  // Texts of several scripts, marks and symbols.
  for (const char* text : {"Зеленський met Häkkänen", "Government of Pakistan اردو | English",
                           "• Sydney – Paris, €5 bn, 20 °C, № 12", "Oʻzbekiston: Bakhtiyor Saidov and ʻAkilisi Pōhiva",
                           "한국 국방부 Kim Yong-hyun", "Ελλάδα: Nikos Dendias", "cafe\u0301 Зе", "Łódź 日本 Ünal",
                           "the ŋ of Sámi Зе", "ĳssel ✓ Øresund", "Zakir Həsənov • Ɔkɔ ɓa ʒ",
                           "Ǉubljana ǅ Зе", "Ə ǝ ɣ ʔ Ʒ Зе", "ｆｕｌｌ ｗｉｄｔｈ ƀƂ ǯ ᵫ"}) {
    INFO(text);
    CHECK(fold_accents(text) == theirs(text));
  }
}
TEST_CASE("fold_accents keeps case and other scripts", "[text]") {
  CHECK(fold_accents("Antti Häkkänen") == "Antti Hakkanen");
  CHECK(fold_accents("Æsir Łódź") == "AEsir Lodz");
  CHECK(fold_accents("日本 Ünal") == "日本 Unal");
}

TEST_CASE("UTF-8 checks and repair", "[text]") {
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("Häkkänen"));
  CHECK_FALSE(is_valid_utf8("bad \xff byte"));
  CHECK_FALSE(is_valid_utf8("truncated \xc3"));
  // ASCII is read eight bytes at a time: bad bytes at and around the ends
  // of those words
  for (size_t at = 0; at < 20; ++at) {
    std::string s(24, 'a');
    s[at] = '\xff';
    CHECK_FALSE(is_valid_utf8(s));
    s.replace(at, 1, "\xc3\xa4");  // ä
    CHECK(is_valid_utf8(s));
    s.erase(at + 1, 1);  // a lead byte without its continuation
    CHECK_FALSE(is_valid_utf8(s));
  }
  CHECK_FALSE(is_valid_utf8("12345678\xc0\xaf"));     // overlong '/'
  CHECK_FALSE(is_valid_utf8("12345678\xed\xa0\x80"));  // a UTF-16 surrogate
  CHECK(is_valid_utf8("12345678 \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 end"));
  CHECK(is_valid_utf8(""));
  size_t dropped = 0;
  CHECK(drop_invalid_utf8("a\xff" "b\xc3", &dropped) == "ab");
  CHECK(dropped == 2);
}

TEST_CASE("charsets by ICU: names, and text in them as UTF-8", "[text]") {
  CHECK(charset_name("latin1") == "ISO-8859-1");
  CHECK(charset_name("UTF8") == "UTF-8");
  CHECK_FALSE(charset_name("KOI8-R").empty());
  CHECK(charset_name("koi8-r") == charset_name("KOI8R"));
  // No name, a name ICU does not know, and encodings that do not write
  // ASCII as ASCII (no page that declares them in ASCII is in them).
  for (const char* none : {"", "koi9-bogus", "utf-16", "UTF-32BE", "ebcdic-cp-us", "utf-7"})
    CHECK(charset_name(none) == "");
  size_t dropped = 1;
  CHECK(charset_to_utf8("\xF0\xD2\xC9\xD7\xC5\xD4", charset_name("koi8-r"), &dropped) == "Привет");
  CHECK(dropped == 0);
  // A lead byte with no second byte is left out, and counted.
  CHECK(charset_to_utf8("\x8AO\x91\x8A\x85", charset_name("shift_jis"), &dropped) == "外相");
  CHECK(dropped == 1);
  // Longer than one buffer of the conversion.
  const auto long_text = charset_to_utf8(std::string(100000, '\xF0'), charset_name("koi8-r"), &dropped);
  REQUIRE(long_text);
  CHECK(long_text->size() == 200000);
  CHECK(long_text->substr(199998) == "П");
}

TEST_CASE("truncate_utf8 never splits a character", "[text]") {
  std::string s = "ääää";  // 8 bytes
  CHECK(truncate_utf8(s, 8) == s);
  CHECK(truncate_utf8(s, 5) == "ää");
  CHECK(truncate_utf8(s, 1) == "");
}

TEST_CASE("printable escapes what would drive a terminal", "[text]") {
  CHECK(printable("Talks \x1b]0;PWNED\x07 in Tokyo") == "Talks \\x1b]0;PWNED\\x07 in Tokyo");
  CHECK(printable("a\nb\rc\td\x7f") == "a\\x0ab\\x0dc\\x09d\\x7f");
  // bidirectional overrides reorder what a terminal shows
  CHECK(printable("report\xE2\x80\xAEtxt.exe") == "report\\u{202e}txt.exe");
  CHECK(printable("a\xE2\x81\xA6" "b") == "a\\u{2066}b");
  CHECK(printable("Häkkänen – talks") == "Häkkänen – talks");
  CHECK(printable("csi \xc2\x9b" "2J") == "csi \\x9b2J");  // C1 control U+009B
  CHECK(printable("Häkkänen © 東京") == "Häkkänen © 東京");    // other UTF-8 untouched
  CHECK(printable("bad \xff\xfe bytes") == "bad \\xff\\xfe bytes");  // not UTF-8: every high byte
}

TEST_CASE("without_emphasis_marks drops each pair of marks, nothing else", "[text]") {
  CHECK(without_emphasis_marks("**Grant Shapps** met __Kihara__") == "Grant Shapps met Kihara");
  CHECK(without_emphasis_marks("***") == "*");         // one pair, then a lone mark
  CHECK(without_emphasis_marks("****") == "");
  CHECK(without_emphasis_marks("a*b_c *_ x") == "a*b_c *_ x");  // lone and mixed marks stay
  CHECK(without_emphasis_marks("end**") == "end");
  CHECK(without_emphasis_marks("*") == "*");
  CHECK(without_emphasis_marks("") == "");
  CHECK(without_emphasis_marks("Häkkänen **东京** _") == "Häkkänen 东京 _");
}
