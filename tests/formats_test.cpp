#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "data_files.h"
#include "extractor.h"
#include "file_reader.h"
#include "formats.h"
#include "test_rules.h"

using namespace briefing;

namespace {
std::string fixture(const char* name) { return read_text_file(std::string(FIXTURES_DIR) + "/" + name); }
bool has(const std::string& s, const char* x) { return s.find(x) != std::string::npos; }
bool has_warning(const FileContent& c, const char* x) {
  return std::any_of(c.warnings.begin(), c.warnings.end(), [&](const std::string& w) { return has(w, x); });
}
// `bytes` as a file of that name, read by read_briefing_file.
std::optional<FileContent> read_as_file(const std::string& bytes, const std::string& name, std::string* error) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("formats-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  auto content = read_briefing_file(path, 1 << 20, error);
  std::filesystem::remove(path);
  return content;
}
bool has_party(const Briefing& b, const std::string& p) {
  return std::find(b.parties.begin(), b.parties.end(), p) != b.parties.end();
}
}  // namespace

TEST_CASE("formats are told by content first", "[formats]") {
  CHECK(sniff_format("%PDF-1.4\n...", "report.txt") == Format::kPdf);
  CHECK(sniff_format("<!DOCTYPE html><html>", "readout.txt") == Format::kHtml);
  CHECK(sniff_format("\xEF\xBB\xBF  <html lang=en>", "noext") == Format::kHtml);
  CHECK(sniff_format("Plain words", "readout.md") == Format::kText);
  CHECK(sniff_format("<p>fragment</p>", "page.htm") == Format::kHtml);
  CHECK(sniff_format("Plain words", "picture.jpg") == Format::kUnknown);
  CHECK(sniff_format("\x89PNG\r\n", "noext") == Format::kUnknown);
}

TEST_CASE("HTML: <title> without the site's name when the rest is the page's heading", "[formats]") {
  std::string error;
  auto title_of = [&](const std::string& html) {
    auto text = html_to_briefing(html, &error);
    REQUIRE(text);
    return Extractor(test::default_rules()).extract(*text).title;
  };
  const std::string body = "<p>The two ministers met in Cairo on Sunday and discussed many matters at length.</p>";
  // A headline of its own over a <title> of other words and the site's name
  // (unseen set AH).
  CHECK(title_of("<title>Chancellor receives Ukrainian Prime Minister | Federal Government</title><body><article><h1>"
                 "Chancellor Merz: Germany will stay at Ukraine's side</h1>" + body + "</article>") ==
        "Chancellor Merz: Germany will stay at Ukraine's side");
  // (not a masthead's <h1> outside the article, nor a card's headline when
  // <title> is the headline: hostile round 13)
  CHECK(title_of("<title>Defence ministers meet in Singapore | Straits News</title><body><div class=\"masthead\"><h1>"
                 "Straits News: Singapore's independent voice since 1985</h1></div><article>" + body + "</article>") !=
        "Straits News: Singapore's independent voice since 1985");
  CHECK(title_of("<title>Japan, Philippines sign defence pact</title><body><div class=\"card\"><span itemprop=\"headline\">"
                 "Ten best beaches in Palawan this summer</span></div>" + body) == "Japan, Philippines sign defence pact");
  // A <title> of one word is the site's name: the <h1> of five words or
  // more is the headline (unseen set AN); a short <h1> is not.
  CHECK(title_of("<title>Shabait</title><body><h1>Foreign Minister Osman Saleh holds talks with Egyptian "
                 "counterpart</h1>" + body) == "Foreign Minister Osman Saleh holds talks with Egyptian counterpart");
  CHECK(title_of("<title>Shabait</title><body><h1>Latest news</h1>" + body) == "Shabait");
  // ... and so is one of two words (unseen set BF).
  CHECK(title_of("<title>Fiji Sun</title><body><h1>Rabuka, Iwaya Sign Note On Second Japan Security Assistance "
                 "Package</h1>" + body) == "Rabuka, Iwaya Sign Note On Second Japan Security Assistance Package");
  // The headline the page marks (itemprop="headline") over a <title> that
  // is the site's name.
  CHECK(title_of("<title>MINREX - Ministry of External Relations</title><body><h2>Latest</h2><article><h2 "
                 "itemprop=\"headline\">Cameroon and Chad strengthen their cooperation</h2>" + body + "</article>") ==
        "Cameroon and Chad strengthen their cooperation");
  // The heading is an <h2>, the site's name comes first.
  CHECK(title_of("<title>SIS - Abdelatty, Spanish counterpart discuss Gaza</title><body><h2>Abdelatty, Spanish "
                 "counterpart discuss Gaza</h2>" + body) == "Abdelatty, Spanish counterpart discuss Gaza");
  // The heading in capitals: <title>'s words as it writes them.
  CHECK(title_of("<title>Bilateral Meeting in Langkawi | Kementerian Luar Negeri</title><body>"
                 "<h1>BILATERAL MEETING IN LANGKAWI</h1>" + body) == "Bilateral Meeting in Langkawi");
  // A heading that is the site's name is no title.
  CHECK(title_of("<title>Ministers meet in Vilnius - Nikkei Asia</title><body><h1>Nikkei Asia</h1>" + body) ==
        "Ministers meet in Vilnius - Nikkei Asia");
  // The heading with more on both sides: a number and a date, the site.
  CHECK(title_of("<title>No: 34, 11 February 2025, Press Release Regarding the Visit of the Foreign Minister of "
                 "Somalia / Republic of Türkiye Ministry of Foreign Affairs</title><body><h2>Press Release Regarding "
                 "the Visit of the Foreign Minister of Somalia</h2>" + body) ==
        "Press Release Regarding the Visit of the Foreign Minister of Somalia");
  // A <title> that is only the site's or the ministry's name yields to the
  // headline at the top of the page.
  CHECK(title_of("<title>Ministry of Foreign Affairs of Denmark</title><body><h1>Foreign Minister meets his "
                 "Canadian counterpart in Copenhagen</h1>" + body) ==
        "Foreign Minister meets his Canadian counterpart in Copenhagen");
  CHECK(title_of("<title>The Jerusalem Post | JPost.com</title><body><h1>Sa'ar hosts Wadephul in Jerusalem as "
                 "Germany weighs arms</h1>" + body) == "Sa'ar hosts Wadephul in Jerusalem as Germany weighs arms");
  // A separator inside the headline stays.
  CHECK(title_of("<title>Japan - Australia talks | Site</title><body><h1>Japan - Australia talks</h1>" + body) ==
        "Japan - Australia talks");
  // A <title> that says something else than the page's headline of five
  // words or more: the headline.
  CHECK(title_of("<title>Blinken announces new aid on surprise visit to Kyiv | CNN Politics</title><body><h1>"
                 "Blinken announces new aid during surprise Kyiv visit</h1>" + body) ==
        "Blinken announces new aid during surprise Kyiv visit");
  CHECK(title_of("<title>Bundesheer - News - Tanner welcomes Amherd in Vienna</title><body><h1>Defence Minister "
                 "Tanner welcomes Amherd in Vienna</h1>" + body) == "Defence Minister Tanner welcomes Amherd in Vienna");
  // Not a banner in the <h1> (hostile round 8), nor a heading of megabytes.
  CHECK(title_of("<title>Japan and Finland sign defence equipment pact</title><body><h1>Welcome to the official "
                 "website of the Ministry</h1>" + body) == "Japan and Finland sign defence equipment pact");
  CHECK(title_of("<title>Talks</title><body><h1>" + std::string(100000, 'a') + " b c d e</h1>" + body).size() <=
        1100);
  // A <title> that is only an embassy's name yields to the <h1>, even with
  // a line in the host's language in the page's header.
  CHECK(title_of("<title>Embassy of Japan in Viet Nam</title><body><div id=header><p>Embassy of Japan in Viet "
                 "Nam<br>Đại sứ quán Nhật Bản tại Việt Nam</p></div><div id=main><h1>Japan-Viet Nam Foreign "
                 "Ministers' Meeting</h1>" + body + "</div>") == "Japan-Viet Nam Foreign Ministers' Meeting");
  // A head of state's court is a site's name too.
  CHECK(title_of("<title>The Amiri Diwan of the State of Qatar</title><body><h1>HH the Amir Meets Prime Minister "
                 "of Pakistan</h1>" + body) == "HH the Amir Meets Prime Minister of Pakistan");
  // ... but not to an <h1> that is a label too.
  CHECK(title_of("<title>Embassy of Japan in Viet Nam</title><body><h1>Press Releases</h1><p>Ministers meet in "
                 "Hanoi to talk trade</p>" + body) == "Ministers meet in Hanoi to talk trade");
}

TEST_CASE("HTML: a date the page marks as its own, outside the article too", "[formats]") {
  std::string error;
  auto date_of = [&](const std::string& html) {
    auto text = html_to_briefing(html, &error);
    REQUIRE(text);
    return Extractor(test::default_rules()).extract(*text).date;
  };
  const std::string article =
      "<article><h1>Ministers meet in Seoul</h1><p>The two ministers met in Seoul and discussed many matters at "
      "length, from trade to the security of the region, and agreed to meet again.</p></article>";
  CHECK(date_of("<div class=\"byline\">By Kim <span class=\"date\">Updated 2024.11.12 18:02</span></div>" +
                article) == "2024-11-12");
  // A class that is not a date's, or a date class without a date, gives none.
  CHECK(date_of("<div class=\"today\">Friday 29 November 2024</div>" + article).empty());
  CHECK(date_of("<span class=\"date\">yesterday</span>" + article).empty());
  // "08/04/2025" in the order of the page's language; unknown, none
  auto in_language = [&](const std::string& lang) {
    return date_of("<html" + lang + "><body><span class=\"date\">08/04/2025</span>" + article + "</body></html>");
  };
  CHECK(in_language(" lang=\"it\"") == "2025-04-08");
  CHECK(in_language(" lang=\"en-GB\"") == "2025-04-08");
  CHECK(in_language(" lang=\"en-US\"") == "2025-08-04");
  CHECK(in_language(" lang=\"en_us\"") == "2025-08-04");
  CHECK(in_language(" lang=\"en\"").empty());
  CHECK(in_language("").empty());
  // The text's own dates tell the order better than the page's language:
  // the day written with the month's name in one reading only, or another
  // numeric date's day over 12 (unseen set CM).
  CHECK(date_of("<html lang=\"en-US\"><body><span class=\"date\">09/04/2025</span><article><h1>Ministers "
                "meet</h1><p>On Wednesday, April 9, the two ministers met in Washington and discussed many "
                "matters at length.</p></article></body></html>") == "2025-04-09");
  CHECK(date_of("<html lang=\"en-US\"><body><span class=\"date\">09/04/2025</span><article><h1>Ministers "
                "meet</h1><p>The two ministers met in Washington and discussed many matters at length.</p><p>"
                "Updated 23/04/2025</p></article></body></html>") == "2025-04-09");
  CHECK(date_of("<html lang=\"it\"><body><span class=\"date\">31/04/2025</span>" + article + "</body></html>")
            .empty());  // (no such day either way)
  // A date marked only in the page's footer stands in when nothing else
  // dates the page; a date written in the article is the meeting's.
  const std::string footer =
      "<footer><p class=\"post-date\">Published: 21 July 2025 | Category: Press Releases</p></footer>";
  CHECK(date_of(article + footer) == "2025-07-21");
  CHECK(date_of("<footer><p>Published: 21 July 2025</p></footer>" + article).empty());  // (not marked)
  const std::string dated_article =
      "<article><h1>Ministers meet in Seoul</h1><p>Seoul, 18 July 2025 - The two ministers met in Seoul and "
      "discussed many matters at length, from trade to the security of the region.</p></article>";
  CHECK(date_of(dated_article + footer) == "2025-07-18");
  CHECK(date_of("<span class=\"date\">2025-07-17</span>" + article + footer) == "2025-07-17");
  // An unmarked all-numeric date written first is read in the page's order
  // too (unseen set CA): "Publication date: 12/06/2025" on a page in es-UY,
  // above "since the change of government on 1 March".
  const std::string unmarked = "<body><p>Publication date: 12/06/2025</p><p>The minister made her first visit "
                               "since the change of government on 1 March, and met her counterpart.</p></body></html>";
  CHECK(date_of("<html lang=\"es-UY\">" + unmarked) == "2025-06-12");
  CHECK(date_of("<html lang=\"en\">" + unmarked) == "2025-03-01");  // (no order: the first date readable)
  // A full date in the headline is the day the page is about (unseen set
  // CD: a government's daily agenda published the evening before).
  CHECK(date_of("<html lang=\"en\"><head><title>Prime Minister's agenda for Tuesday, 14 October 2025</title></head>"
                "<body><h1>Prime Minister's agenda for Tuesday, 14 October 2025</h1><p class=\"published\">"
                "Published: 13.10.2025, 18:45</p><p>10:30 The Prime Minister receives the Minister of Defence of "
                "the Netherlands, with whom he will discuss many matters at length.</p></body></html>") ==
        "2025-10-14");
}

TEST_CASE("HTML: the site's name in <title> is the source, and a ministry's gives its minister a country",
          "[formats]") {
  std::string error;
  const std::string page =
      "<title>Foreign Minister receives Greek Minister | Ministry of Foreign Affairs - Kingdom of Bahrain</title>"
      "<body><nav>Home | News</nav><article><h1>Foreign Minister receives Greek Minister</h1><p>Manama: His "
      "Excellency Dr. Abdullatif bin Rashid Al Zayani, Minister of Foreign Affairs, received His Excellency Mr. "
      "Giorgos Gerapetritis, Minister of Foreign Affairs of the Hellenic Republic, at the Ministry.</p></article>";
  auto text = html_to_briefing(page, &error);
  REQUIRE(text);
  CHECK(has(*text, "source: \"Ministry of Foreign Affairs - Kingdom of Bahrain\"\n"));
  Briefing b = Extractor(test::default_rules()).extract(*text);
  CHECK(b.source == "Ministry of Foreign Affairs - Kingdom of Bahrain");
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[0].country == "Bahrain");
  CHECK(b.parties == std::vector<std::string>{"Bahrain", "Greece"});
  // The site's name at length from the page's metadata, when <title> has
  // it short: its country is the ministry's.
  auto zm = html_to_briefing(
      "<title>Zambia, Angola commit to fast-track Lobito Corridor and peace in Eastern DRC | Ministry of Foreign "
      "Affairs and International Cooperation</title>"
      "<meta name=\"description\" content=\"Ministry of Foreign Affairs and International Cooperation - Republic "
      "of Zambia\"><body><article><h1>Zambia, Angola commit to fast-track Lobito Corridor and peace in Eastern "
      "DRC</h1><p>The Minister of Foreign Affairs, "
      "Hon. Mulambo Haimbe, received Angola's Minister of External Relations, Téte António, in Lusaka.</p>"
      "</article>",
      &error);
  REQUIRE(zm);
  Briefing zb = Extractor(test::default_rules()).extract(*zm);
  CHECK(zb.source == "Ministry of Foreign Affairs and International Cooperation - Republic of Zambia");
  CHECK(has_party(zb, "Zambia"));
  // (not a description that says something else)
  auto other = html_to_briefing("<title>Japan and Finland talk defence | Ministry of Defence</title><meta "
                                "name=\"description\" content=\"Read the latest news\"><body><article><h1>Japan "
                                "and Finland talk defence</h1><p>The ministers met in Tokyo today "
                                "and talked about many things at length.</p></article>",
                                &error);
  REQUIRE(other);
  CHECK(has(*other, "source: \"Ministry of Defence\"\n"));
  // The site's name is cut at whole characters: a curly quote stays whole.
  auto quoted = html_to_briefing("<title>Ministers meet — \xE2\x80\x98The Site\xE2\x80\x99</title><body><article>"
                                 "<h1>Ministers meet</h1><p>The ministers of Japan and Finland met in Tokyo today "
                                 "and talked about many things at length.</p></article>",
                                 &error);
  REQUIRE(quoted);
  CHECK(has(*quoted, "source: \"\xE2\x80\x98The Site\xE2\x80\x99\"\n"));
  // A news site's name names no home country.
  auto news = html_to_briefing("<title>Minister receives guest - The Korea Times</title><body><article><h1>"
                               "Minister receives guest</h1><p>The Minister of Foreign Affairs, Dr. Kwame "
                               "Fictionah, received a guest in the capital today.</p></article>",
                               &error);
  REQUIRE(news);
  Briefing n = Extractor(test::default_rules()).extract(*news);
  REQUIRE(n.ministers.size() == 1);
  CHECK(n.ministers[0].country.empty());
}

TEST_CASE("HTML: text without scripts, styles and navigation; title and date", "[formats]") {
  std::string error;
  auto text = html_to_briefing(fixture("readout.html"), &error);
  REQUIRE(text);
  // <title> is the <h1> and the site's name: the heading is the title.
  CHECK(has(*text, "title: \"Japan–Finland Defence Ministerial Meeting\"\n"));
  CHECK(has(*text, "date: 2024-09-12\n"));
  CHECK(has(*text, "Antti Häkkänen"));           // entities decoded
  CHECK(has(*text, "cyber defence & information security"));  // one line, &amp; decoded
  for (const char* hidden : {"zebracornflakes", "scriptword", "navigationword", "footerword", "font-family"}) {
    INFO(hidden);
    CHECK_FALSE(has(*text, hidden));
  }
  Briefing b = Extractor(test::default_rules()).extract(*text);
  CHECK(b.date == "2024-09-12");
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[1].name == "Antti Häkkänen");
  CHECK_FALSE(html_to_briefing("<html><body><script>x()</script></body></html>", &error));
  CHECK(has(error, "no text"));
}

TEST_CASE("HTML: the content element's text, without banners, breadcrumbs and sharing", "[formats]") {
  const std::string lead(220, 'x');
  const std::string page =
      "<html><head><title>Ministers meet in Vilnius | Ministry of Defence</title>"
      "<meta property=\"og:title\" content=\"Ministers meet in Vilnius\"></head><body>"
      "<div id=\"cookie-banner\"><p>We use cookiesword on this site.</p></div>"
      "<header><a href=\"/\">Ministry of Defence sitenameword</a></header>"
      "<div role=\"navigation\">rolenavword</div>"
      "<main><div class=\"breadcrumbs\">Home breadcrumbword</div>"
      "<h2>Ministers meet</h2><p>Minister of National Defence Dovilė Šakalienė met her Polish counterpart. " +
      lead + "</p><div class=\"share-links\">Share sharingword</div>"
      "<div class=\"related\"><h3>Related news</h3><ul><li><a href=\"/x\">relatedword visits Finland</a></li></ul>"
      "</div></main>"
      "<div class=\"sidebar\"><p>Related: sidebarword</p></div></body></html>";
  std::string error;
  auto text = html_to_briefing(page, &error);
  REQUIRE(text);
  CHECK(has(*text, "title: \"Ministers meet in Vilnius\"\n"));  // og:title: no <h1>
  CHECK(has(*text, "Dovilė Šakalienė met her Polish counterpart"));
  for (const char* hidden :
       {"cookiesword", "sitenameword", "rolenavword", "breadcrumbword", "sharingword", "sidebarword", "relatedword"}) {
    INFO(hidden);
    CHECK_FALSE(has(*text, hidden));
  }
  // A page whose body carries such a class keeps its text.
  auto wrapped = html_to_briefing("<html><body class=\"has-cookie-banner social-share-on\"><div class=\"share-wrap\"><p>" +
                                      std::string(2000, 'y') + " keptword</p></div></body></html>", &error);
  REQUIRE(wrapped);
  CHECK(has(*wrapped, "keptword"));
  // Any title reads back as written.
  auto odd = html_to_briefing("<title>[Update] \"Ministers\" meet \\ talk</title><p>Text of the page.</p>", &error);
  REQUIRE(odd);
  CHECK(Extractor(test::default_rules()).extract(*odd).title == "[Update] \"Ministers\" meet \\ talk");
  // A content element with almost nothing in it is not the page's text.
  auto small = html_to_briefing("<html><body><main><p>Tiny</p></main><div><p>" + lead + " outsideword</p></div></body></html>", &error);
  REQUIRE(small);
  CHECK(has(*small, "outsideword"));
}

TEST_CASE("PDF: text of every page, lines of a paragraph joined, metadata", "[formats]") {
  std::string error;
  auto text = pdf_to_briefing(fixture("readout.pdf"), &error);
  REQUIRE(text);
  CHECK(has(*text, "title: \"Japan-Finland Defence Ministerial Talks\"\n"));
  CHECK(has(*text, "date: 2024-09-13\n"));  // creation date: the text has no full date
  CHECK(has(*text, "North Korea's missile launches"));  // across a line break
  Briefing b = Extractor(test::default_rules()).extract(*text);
  CHECK(b.title == "Japan-Finland Defence Ministerial Talks");
  CHECK(b.parties == std::vector<std::string>{"Japan", "Finland"});
  CHECK_FALSE(pdf_to_briefing("%PDF-1.4 truncated", &error));
}

TEST_CASE("files are read by their format", "[formats]") {
  std::string error;
  auto html = read_briefing_file(std::string(FIXTURES_DIR) + "/readout.html", 1 << 20, &error);
  REQUIRE(html);
  CHECK(has(html->text, "title: \"Japan–Finland"));
  auto pdf = read_briefing_file(std::string(FIXTURES_DIR) + "/readout.pdf", 1 << 20, &error);
  REQUIRE(pdf);
  CHECK(has(pdf->text, "Minoru Kihara"));
}

TEST_CASE("old Mac line ends (CR alone) are line ends; CRLF and LF stay", "[formats]") {
  std::string error;
  auto mac = check_briefing_text("Japan and Finland\rThe ministers met.\r", &error);
  REQUIRE(mac);
  CHECK(mac->text == "Japan and Finland\nThe ministers met.\n");
  auto windows = check_briefing_text("Japan and Finland\r\nThe ministers met.\r\n", &error);
  REQUIRE(windows);
  CHECK(windows->text == "Japan and Finland\r\nThe ministers met.\r\n");
}

TEST_CASE("text files in other encodings: UTF-16 with its mark, Windows-1252, damaged UTF-8", "[formats]") {
  std::string error;
  // UTF-16, little- and big-endian, with the byte-order mark.
  const std::u16string text = u"Japan and Finland\nMinister Häkkänen met “Kihara”.\n";
  std::string le = "\xff\xfe", be = "\xfe\xff";
  for (char16_t c : text) {
    le += static_cast<char>(c & 0xff);
    le += static_cast<char>(c >> 8);
    be += static_cast<char>(c >> 8);
    be += static_cast<char>(c & 0xff);
  }
  for (const std::string& bytes : {le, be}) {
    std::string utf8 = from_utf16(bytes);
    CHECK(utf8 == "Japan and Finland\nMinister Häkkänen met “Kihara”.\n");
    auto content = check_briefing_text(utf8, &error);
    REQUIRE(content);
    CHECK(content->warnings.empty());
  }
  // Two bad bytes that only look like a mark stay bytes.
  CHECK(from_utf16("\xff\xfe\xfd\n") == "\xff\xfe\xfd\n");
  // A lone surrogate is read as U+FFFD, with a warning; a U+FFFD written in
  // the text is none.
  std::string lone("\xff\xfe" "J\0a\0p\0a\0n\0 \0\x00\xd8 \0\xfd\xff\n\0", 22);
  size_t replaced = 0;
  CHECK(from_utf16(lone, &replaced) == "Japan \xEF\xBF\xBD \xEF\xBF\xBD\n");
  CHECK(replaced == 1);
  auto read = read_as_file(lone, "lone.txt", &error);
  REQUIRE(read);
  CHECK(has_warning(*read, "invalid UTF-16: 1 character(s) read as U+FFFD"));

  // A legacy 8-bit file: read as Windows-1252, with a warning.
  auto latin = check_briefing_text("The ministers met in Tallinn about the r\xe9gion and \x93hybrid\x94 threats.\n", &error);
  REQUIRE(latin);
  CHECK(latin->text == "The ministers met in Tallinn about the région and “hybrid” threats.\n");
  REQUIRE(latin->warnings.size() == 1);
  CHECK(has(latin->warnings[0], "Windows-1252"));

  // UTF-8 with damaged bytes (a cut "€"): those bytes are left out.
  auto damaged = check_briefing_text("Seabed cables cost 5 \xe2\x82 million. Häkkänen agreed \xff.\n", &error);
  REQUIRE(damaged);
  CHECK(damaged->text == "Seabed cables cost 5  million. Häkkänen agreed .\n");
  REQUIRE(damaged->warnings.size() == 1);
  CHECK(has(damaged->warnings[0], "3 byte(s) left out"));

  // Nothing but high bytes is not text in any encoding.
  CHECK_FALSE(check_briefing_text("\xff\xfe\xfd\n", &error));
  CHECK(has(error, "UTF-8"));
}

TEST_CASE("HTML pages in the charset they declare: <meta charset>, http-equiv, an XML declaration", "[formats]") {
  std::string error;
  // Russian in KOI8-R: "Переговоры Лаврова и Ван И", "Министры обсудили Украину."
  const std::string russian_title = "\xF0\xC5\xD2\xC5\xC7\xCF\xD7\xCF\xD2\xD9 \xEC\xC1\xD7\xD2\xCF\xD7\xC1 \xC9 \xF7\xC1\xCE \xE9";
  const std::string russian_text = "\xED\xC9\xCE\xC9\xD3\xD4\xD2\xD9 \xCF\xC2\xD3\xD5\xC4\xC9\xCC\xC9 \xF5\xCB\xD2\xC1\xC9\xCE\xD5.";
  auto koi8 = read_as_file("<!DOCTYPE html><html><head><meta charset=\"KOI8-R\"><title>" + russian_title +
                               "</title></head><body><p>" + russian_text + "</p></body></html>\n",
                           "koi8.html", &error);
  REQUIRE(koi8);
  CHECK(koi8->format == Format::kHtml);
  CHECK(has(koi8->text, "title: \"Переговоры Лаврова и Ван И\""));
  CHECK(has(koi8->text, "Министры обсудили Украину."));
  CHECK(koi8->warnings.empty());

  // Japanese in Shift-JIS, declared by http-equiv (no quotes around the
  // name): "日本と中国の外相会談", "外相はソウルで会談した。" (its "ソ" is
  // "\x83\x5C": a backslash byte in the middle of a character).
  auto sjis = read_as_file(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">"
      "<title>\x93\xFA\x96{\x82\xC6\x92\x86\x8D\x91\x82\xCC\x8AO\x91\x8A\x89\xEF\x92k</title></head><body>"
      "<p>\x8AO\x91\x8A\x82\xCD\x83\x5C\x83" "E\x83\x8B\x82\xC5\x89\xEF\x92k\x82\xB5\x82\xBD\x81" "B</p></body></html>\n",
      "sjis.html", &error);
  REQUIRE(sjis);
  CHECK(has(sjis->text, "title: \"日本と中国の外相会談\""));
  CHECK(has(sjis->text, "外相はソウルで会談した。"));
  CHECK(sjis->warnings.empty());

  // Windows-1252 (and Latin-1, which browsers read as Windows-1252): the
  // text was right before, but no longer called invalid UTF-8.
  const std::string french = "R\xE9union des ministres \xE0 Gen\xE8ve \x96 \x93s\xE9" "curit\xE9\x94";
  for (const char* charset : {"windows-1252", "ISO-8859-1"}) {
    auto latin = read_as_file(std::string("<html><head><meta charset='") + charset + "'><title>" + french +
                                  "</title></head><body><p>Les ministres se sont r\xE9unis.</p></body></html>\n",
                              "latin.html", &error);
    REQUIRE(latin);
    CHECK(has(latin->text, "title: \"Réunion des ministres à Genève – “sécurité”\""));
    CHECK(has(latin->text, "Les ministres se sont réunis."));
    CHECK_FALSE(has_warning(*latin, "UTF-8"));
    CHECK(latin->warnings.empty());
  }

  // An XML declaration's encoding (XHTML).
  auto xhtml = read_as_file("<?xml version=\"1.0\" encoding=\"koi8-r\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                            "<head><title>" + russian_title + "</title></head><body><p>" + russian_text +
                                "</p></body></html>\n",
                            "page.xhtml", &error);
  REQUIRE(xhtml);
  CHECK(has(xhtml->text, "title: \"Переговоры Лаврова и Ван И\""));
  CHECK(xhtml->warnings.empty());

  // A charset ICU does not know, or one no page written in ASCII is in
  // (UTF-16), is not taken: read as before, with the invalid-UTF-8 warning.
  for (const char* charset : {"koi9-bogus", "utf-16", ""}) {
    auto bogus = read_as_file(std::string("<html><head><meta charset=\"") + charset + "\"><title>" + russian_title +
                                  "</title></head><body><p>Minister Lavrov met " + russian_text + "</p></body></html>\n",
                              "bogus.html", &error);
    REQUIRE(bogus);
    CHECK(has_warning(*bogus, "invalid UTF-8"));
    CHECK_FALSE(has(bogus->text, "Переговоры"));
    CHECK(has(bogus->text, "Minister Lavrov met"));
  }
  // A page that says UTF-8 and is not stays damaged UTF-8: its bad bytes
  // left out, with the warning.
  auto damaged = read_as_file("<html><head><meta charset=\"utf-8\"><title>Talks in Gen\xE8ve</title></head><body>"
                              "<p>Minister H\xC3\xA4kk\xC3\xA4nen met \xFF Kihara.</p></body></html>\n",
                              "damaged.html", &error);
  REQUIRE(damaged);
  CHECK(has_warning(*damaged, "invalid UTF-8: 2 byte(s) left out"));
  CHECK(has(damaged->text, "Minister Häkkänen met Kihara."));
  // A page valid as UTF-8 is UTF-8, whatever it declares.
  auto utf8 = read_as_file("<html><head><meta charset=\"koi8-r\"><title>Переговоры</title></head><body><p>Lavrov "
                           "and Wang Yi met.</p></body></html>\n",
                           "utf8.html", &error);
  REQUIRE(utf8);
  CHECK(has(utf8->text, "title: \"Переговоры\""));
  CHECK(utf8->warnings.empty());
  // Bytes not valid in the declared charset are left out, with a warning
  // that names it ("\x85" alone is no Shift-JIS character).
  auto cut = read_as_file("<html><head><meta charset=shift_jis><title>\x8AO\x91\x8A\x85</title></head><body><p>"
                          "\x89\xEF\x92k</p></body></html>\n",
                          "cut.html", &error);
  REQUIRE(cut);
  CHECK(has(cut->text, "title: \"外相\""));
  CHECK(has(cut->text, "会談"));
  REQUIRE(cut->warnings.size() == 1);
  CHECK(has(cut->warnings[0], "invalid shift_jis"));
  CHECK_FALSE(has(cut->warnings[0], "UTF-8"));
}

TEST_CASE("the charset a page declares", "[formats]") {
  CHECK(declared_charset("<meta charset=\"KOI8-R\">") == "koi8-r");
  CHECK(declared_charset("<META CHARSET=windows-1251 />") == "windows-1251");
  CHECK(declared_charset("<meta http-equiv='Content-Type' content='text/html;charset=\"Shift_JIS\"'>") == "shift_jis");
  CHECK(declared_charset("<meta http-equiv=\"content-type\" content=\"text/html; charset = euc-kr\">") == "euc-kr");
  CHECK(declared_charset("\n<?xml version=\"1.0\" encoding='ISO-8859-5'?><html>") == "iso-8859-5");
  CHECK(declared_charset("<meta name=\"viewport\" content=\"width=device-width\"><meta charset=gb2312>") == "gb2312");
  CHECK(declared_charset("<metadata charset=koi8-r><title>No declaration</title>") == "");
  CHECK(declared_charset("<html><title>No declaration</title>") == "");
  // Only the first few KB are looked at.
  CHECK(declared_charset("<html>" + std::string(5000, ' ') + "<meta charset=koi8-r>") == "");
}

TEST_CASE("HTML: links side by side are a list, one a line; a page's tag list is furniture", "[formats]") {
  std::string error;
  auto text = html_to_briefing(
      "<html><body><main><h1>Ministers meet in Manila</h1><p>Secretary of State Antony Blinken met Philippine "
      "Foreign Secretary Enrique Manalo.</p><p><a href=\"/a\">Antony Blinken</a> <a href=\"/b\">South China "
      "Sea</a></p><p>Read <a href=\"/c\">the statement</a> and <a href=\"/d\">the fact sheet</a>.</p>"
      "<div class=\"article-tags\"><a href=\"/t\">tagword</a></div></main></body></html>",
      &error);
  REQUIRE(text);
  CHECK(has(*text, "Antony Blinken\n"));
  CHECK_FALSE(has(*text, "Antony Blinken South"));
  CHECK(has(*text, "Read the statement and the fact sheet."));  // links in a sentence stay in it
  CHECK_FALSE(has(*text, "tagword"));
}

TEST_CASE("HTML: a heading whose class names the title; an <h1> over a part of <title> before the site's name",
          "[formats]") {
  std::string error;
  auto classed = html_to_briefing(
      "<html><head><title>Prime Minister's Office | Government of Pakistan</title></head><body><div "
      "class=\"top\">Government of Pakistan | English</div><div class=\"press\"><h2 class=\"pr-title\">Prime "
      "Minister receives the Foreign Minister of Türkiye</h2><p>The Prime Minister received the Minister of "
      "Foreign Affairs of Türkiye today.</p></div></body></html>",
      &error);
  REQUIRE(classed);
  CHECK(Extractor(test::default_rules()).extract(*classed).title ==
        "Prime Minister receives the Foreign Minister of Türkiye");
  auto part = html_to_briefing(
      "<html><head><title>Courtesy Call on the Cabinet Secretary for Defence | Embassy of Japan in "
      "Kenya</title></head><body><div id=\"main\"><h1>Courtesy Call by Ambassador OKANIWA Ken on Hon. Soipan "
      "Tuya, Cabinet Secretary for Defence</h1><p>The Ambassador of Japan paid a courtesy call on the Cabinet "
      "Secretary for Defence of Kenya.</p></div></body></html>",
      &error);
  REQUIRE(part);
  CHECK(Extractor(test::default_rules()).extract(*part).title ==
        "Courtesy Call by Ambassador OKANIWA Ken on Hon. Soipan Tuya, Cabinet Secretary for Defence");
}

TEST_CASE("unseen set CL: a <title> with the site's name and section before the headline", "[formats]") {
  std::string error;
  auto text = html_to_briefing(
      "<html><head><title>SDD 2024 | News | Minister Ivan Fictionov holds bilateral talks with Poland and "
      "Australia</title></head><body><h1 class=\"logo\"><img alt=\"logo\"></h1><p>Minister of National Defense "
      "Ivan Fictionov held talks in Seoul on September 11, 2024.</p></body></html>",
      &error);
  REQUIRE(text);
  CHECK(Extractor(test::default_rules()).extract(*text).title ==
        "Minister Ivan Fictionov holds bilateral talks with Poland and Australia");
}

TEST_CASE("HTML: a table's cells are kept apart, as Markdown writes them (unseen set CP)", "[formats]") {
  std::string error;
  auto text = html_to_briefing(
      "<body><article><h1>Foreign ministers meet in Dubrovnik</h1><p>The ministers met on 11 July 2025.</p>"
      "<table><tr><th>Delegation</th><th>Head of delegation</th><th>Function</th></tr>\n"
      "<tr><td>Albania</td> <td>Ivan Fictionaj</td><td>Minister for Europe and Foreign Affairs</td></tr>"
      "<tr><td>Bulgaria</td><td>Georg Fictionev</td><td>Minister of Foreign Affairs</td></tr></table>"
      "</article></body>",
      &error);
  REQUIRE(text);
  CHECK(has(*text, "\nAlbania | Ivan Fictionaj | Minister for Europe and Foreign Affairs\n"));
  Briefing b = Extractor(test::default_rules()).extract(*text);
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[0].name == "Ivan Fictionaj");
  CHECK(b.ministers[1].name == "Georg Fictionev");
  CHECK(b.parties == std::vector<std::string>{"Albania", "Bulgaria"});
}
