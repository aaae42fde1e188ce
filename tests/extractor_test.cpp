#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "extractor.h"
#include "test_rules.h"

using namespace briefing;

namespace {
bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
Extractor extractor() { return Extractor(test::default_rules()); }
// The names of a briefing's ministers, in order.
std::vector<std::string> minister_names(const Briefing& b) {
  std::vector<std::string> names;
  for (const Minister& m : b.ministers) names.push_back(m.name);
  return names;
}
// Pages and the title each should get.
struct TitleCase {
  const char* page;
  const char* title;
};
void check_titles(const std::vector<TitleCase>& cases) {
  for (const TitleCase& c : cases) {
    INFO(c.page);
    CHECK(extractor().extract(c.page).title == c.title);
  }
}
}  // namespace

TEST_CASE("a readout: countries, parties, ministers, topics, organisations, date", "[extractor]") {
  std::string text =
      "Japan and Finland agree to deepen defence ties\n"
      "TOKYO, 12 September 2024 — Japan's Defense Minister Minoru Kihara met Minister of Defence, "
      "Finland Antti Häkkänen. They discussed North Korea's missile launches, Russia's invasion of Ukraine, "
      "hybrid threats and defence technology, and Finland's NATO membership. Patrols in the South China Sea "
      "were also raised.\n";
  Briefing b = extractor().extract(text, "notes.txt");
  CHECK(b.title == "Japan and Finland agree to deepen defence ties");
  CHECK(b.date == "2024-09-12");
  for (const char* c : {"Japan", "Finland", "North Korea", "Russia", "Ukraine"}) {
    INFO(c);
    CHECK(has(b.countries, c));
  }
  CHECK_FALSE(has(b.countries, "China"));
  CHECK(b.parties == std::vector<std::string>{"Japan", "Finland"});
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[1].name == "Antti Häkkänen");
  for (const char* t : {"missile", "hybrid threats", "defense technology", "ukraine war"}) {
    INFO(t);
    CHECK(has(b.topics, t));
  }
  CHECK(has(b.organisations, "NATO"));
}

TEST_CASE("a known word cut by a hyphen at a line's end is one word, a compound stays two", "[extractor]") {
  const Analysis a = extractor().analyse(
      "Vilnius, 3 March 2025\n\nThe ministers of Poland and Lithu-\nania discussed the energy transi-\n"
      "tion and agreed on a high-\nlevel dialogue.\n", "notes.txt");
  CHECK(has(a.briefing.countries, "Lithuania"));
  CHECK(has(a.briefing.topics, "climate"));
  // indexed as the whole word; the compound as its two words
  CHECK(a.index_body.find("Lithuania") != std::string::npos);
  CHECK(a.index_body.find("high-\nlevel") != std::string::npos);
  // not at a line's end, or a capital after the hyphen: as written
  const Analysis b = extractor().analyse("Talks with Lithu- ania and Lithu-\nAnia.\n", "notes.txt");
  CHECK_FALSE(has(b.briefing.countries, "Lithuania"));
}

TEST_CASE("facets come from a text's first 4 MB; all of it is indexed, with a warning", "[extractor]") {
  std::string text = "Talks in Tokyo\n\nThe ministers of Japan and Finland met on 3 March 2025.\n";
  const std::string line = "The delegations discussed the agenda of the meeting at some length.\n";
  while (text.size() < 4100000) text += line;
  text += "Peru's exports of copper were also noted.\n";
  const Analysis a = extractor().analyse(text, "notes.txt");
  CHECK(has(a.briefing.countries, "Japan"));
  CHECK_FALSE(has(a.briefing.countries, "Peru"));  // past the first 4 MB
  CHECK(a.index_body.size() == a.body.size());
  CHECK(a.index_body.substr(a.index_body.size() - 42) == "Peru's exports of copper were also noted.\n");
  REQUIRE(a.briefing.warnings.size() == 1);
  CHECK(a.briefing.warnings[0] == "facets read from the first 4.0 MB of 4.1 MB of text only; all of it is searchable");
  // no line break: cut at white space
  std::string one_line(4100000, 'x');
  for (size_t i = 0; i < one_line.size(); i += 10) one_line[i] = ' ';
  const Analysis b = extractor().analyse(one_line, "notes.txt");
  CHECK(b.index_body.size() == one_line.size());
  CHECK(b.briefing.warnings.size() == 1);
}

TEST_CASE("front matter adds to what the text says", "[extractor]") {
  std::string text =
      "---\ntitle: Call readout\ndate: 2024-03-18\ncountry: ROK; Narnia\nminister: Antti Häkkänen\n"
      "topic: space\n---\nThe ministers spoke about Japan.\n";
  Briefing b = extractor().extract(text);
  CHECK(b.title == "Call readout");
  CHECK(b.date == "2024-03-18");
  CHECK(has(b.countries, "South Korea"));
  CHECK(has(b.countries, "Narnia"));  // kept as written, with a warning
  CHECK(has(b.countries, "Japan"));
  CHECK(has(b.topics, "space"));
  REQUIRE(b.ministers.size() == 1);
  CHECK(b.ministers[0].name == "Antti Häkkänen");
  CHECK(std::any_of(b.warnings.begin(), b.warnings.end(),
                    [](const std::string& w) { return w.find("Narnia") != std::string::npos; }));
}

TEST_CASE("a front matter minister the text names in another form is one person", "[extractor]") {
  // The knowledge base's "Margarita Robles", "Minoru Kihara" and "Yoko
  // Kamikawa": the text's fuller name is kept; the front matter's form
  // when it is as long (the text's name in Japanese order).
  const Briefing b = extractor().extract(
      "---\nminister: Margarita Robles; Minoru Kihara; Yoko Kamikawa\n---\nSpain and Japan meet in Tokyo\n\n"
      "Japan's Minister of Defense received Spain's Minister of Defence, Margarita Robles Fernández, on Monday, "
      "3 June 2024, in Tokyo. Minister of Defense of Japan KIHARA Minoru and Minister for Foreign Affairs of "
      "Japan KAMIKAWA Yoko hosted a lunch.\n");
  std::vector<std::string> names;
  for (const Minister& m : b.ministers) names.push_back(m.name);
  CHECK_THAT(names, Catch::Matchers::UnorderedEquals(
                        std::vector<std::string>{"Margarita Robles Fernández", "Minoru Kihara", "Yoko Kamikawa"}));
}

TEST_CASE("a front matter topic outside the topic rules is read for its triggers, else text only",
          "[extractor]") {
  const Analysis a = extractor().analyse(
      "---\ntopic: space; migration; cyber defence cooperation\n---\nThe ministers met in Rome.\n", "notes.md");
  CHECK(has(a.briefing.topics, "space"));
  CHECK_FALSE(has(a.briefing.topics, "migration"));
  CHECK_FALSE(has(a.briefing.topics, "cyber defence cooperation"));
  CHECK(has(a.briefing.topics, "cyber"));  // its trigger "cyber*"
  CHECK(a.index_body.find("migration") != std::string::npos);  // searchable as text
  CHECK(std::count_if(a.briefing.warnings.begin(), a.briefing.warnings.end(), [](const std::string& w) {
          return w.find("migration") != std::string::npos || w.find("cyber defence") != std::string::npos;
        }) == 2);
}

TEST_CASE("date: front matter, then text, then file name, else none", "[extractor]") {
  CHECK(extractor().extract("---\ndate: 2023-01-02\n---\nOn 5 May 2024 they met.").date == "2023-01-02");
  CHECK(extractor().extract("On 5 May 2024 they met. The treaty of 1 June 1960.").date == "2024-05-05");
  CHECK(extractor().extract("They met on Monday.", "2024-03-18-talks.txt").date == "2024-03-18");
  CHECK(extractor().extract("They met on Monday.", "talks.txt").date.empty());
  // A day without a year takes the year of a full date elsewhere.
  CHECK(extractor().extract("On August 28 the ministers met.\nUpdated September 1, 2025").date == "2025-08-28");
  CHECK(extractor().extract("On August 28 the ministers met.", "2024-08-29-talks.txt").date == "2024-08-28");
  CHECK(extractor().extract("On 5 May 2024 they met. On June 1 they spoke.").date == "2024-05-05");
  Briefing bad = extractor().extract("---\ndate: 2024-13-45\n---\nText", "x.txt");
  CHECK(bad.date.empty());
  CHECK_FALSE(bad.warnings.empty());
}

TEST_CASE("date: month names in other languages and dotted day-month-year dates", "[extractor]") {
  // A ministry's own dateline, before the links of its page.
  CHECK(extractor().extract("Uruguay and Chile hold political consultations\nMontevideo, 15 de mayo de 2025\n"
                            "The ministers met.").date == "2025-05-15");
  CHECK(extractor().extract("Ministers meet in Ljubljana\n9. 9. 2024\nThe ministers met.\n"
                            "/en/news/2024-09-05-state-secretary-in-vienna/", "talks.html").date == "2024-09-09");
  // Only what counts as a date is wider: the first full date still wins,
  // front matter before the text and the text before the file name.
  CHECK(extractor().extract("On 5 May 2024 they met. Le 3 mars 2024, ils ont parlé.").date == "2024-05-05");
  CHECK(extractor().extract("Le 3 mars 2024, ils ont parlé. On 5 May 2024 they met.").date == "2024-03-03");
  CHECK(extractor().extract("---\ndate: 2023-01-02\n---\nLe 3 mars 2024.").date == "2023-01-02");
  CHECK(extractor().extract("Wien, 3. März 2024", "2024-03-18-talks.txt").date == "2024-03-03");
  // A day without a year takes its year from a date in another language.
  CHECK(extractor().extract("On August 28 the ministers met.\nPublié le 1er septembre 2025").date == "2025-08-28");
}

TEST_CASE("title: front matter, else the first line without Markdown marks", "[extractor]") {
  CHECK(extractor().extract("\n\n# **Allies meet in Brussels**\n\nText").title == "Allies meet in Brussels");
  std::string long_line(500, 'a');
  CHECK(extractor().extract(long_line).title.size() < 260);
}

TEST_CASE("title: with no headline, the first paragraph's first sentence", "[extractor]") {
  const std::string more =
      " They discussed hybrid threats. The talks went on about defence cooperation, equipment transfers, "
      "information security and regional security in Europe and Asia for a long while, and about much "
      "else besides, until the paragraph is far longer than any title.\n\nThe second paragraph.\n";
  // (a dotted acronym, an initial, a rank and a short abbreviation are no
  // sentence's end; a year is)
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"On September 12, Japan's Defense Minister met Finland's minister in Tokyo." + more,
       "On September 12, Japan's Defense Minister met Finland's minister in Tokyo."},
      {"U.S. Secretary of Defense Lloyd J. Austin III met Gen. Kim in St. Petersburg on May 3, 2024." + more,
       "U.S. Secretary of Defense Lloyd J. Austin III met Gen. Kim in St. Petersburg on May 3, 2024."},
      {"\"We stand together,\" the Foreign Minister said in Tokyo." + more,
       "\"We stand together,\" the Foreign Minister said in Tokyo."},
      // A first sentence of fewer than four words is not taken alone.
      {"Ministers met today. Japan and Finland agreed to deepen defence ties in Tokyo on Monday.\n\nText",
       "Ministers met today. Japan and Finland agreed to deepen defence ties in Tokyo on Monday."},
  };
  for (const auto& [page, title] : cases) {
    INFO(page);
    CHECK(extractor().extract(page).title == title);
  }
  // A headline stays whole, whatever its stops.
  CHECK(extractor().extract("Japan, Finland sign pact. Talks go on\n\nThe ministers met in Tokyo.").title ==
        "Japan, Finland sign pact. Talks go on");
}

TEST_CASE("title: a site's name or motto over a headline that names a meeting is passed over", "[extractor]") {
  const std::string body =
      "\n\nThe Minister of Defence hosted his Mozambican counterpart in Kigali on Tuesday for talks on the "
      "joint security operations in Cabo Delgado province.\n";
  const std::string headline = "Rwanda, Mozambique defence ministers review security partnership";
  for (const std::string top : {"Rwanda's news, your way\n\n", "THE CHRONICLES\nRwanda's news, your way\n\n",
                                "THE CHRONICLES\nRwanda's news, your way\n\nNews > Security\n\n",
                                "The Sunday Times Sri Lanka\nNews\n\n"}) {
    INFO(top);
    CHECK(extractor().extract(top + headline + body).title == headline);
  }
  // A short headline over the text stays the title, and so does one over a
  // line that names no meeting.
  CHECK(extractor().extract("Japan says no" + body).title == "Japan says no");
  CHECK(extractor().extract("Japan says no\n\nDefence ministers meet again next month" + body).title ==
        "Japan says no");
  // A heading in capitals over a paragraph wrapped in a PDF is the title.
  CHECK(extractor().extract("COURTESY CALL BY THE MINISTER FOR THE ARMED\nFORCES OF THE UNITED KINGDOM\n\n"
                            "The Minister for the Armed Forces of the United Kingdom called on the\n"
                            "Minister of Defence of Brunei Darussalam in Bandar Seri Begawan\n"
                            "on Monday, 6 March 2023.\n")
            .title == "COURTESY CALL BY THE MINISTER FOR THE ARMED FORCES OF THE UNITED KINGDOM");
}

TEST_CASE("title: page labels and datelines at the top are passed over", "[extractor]") {
  CHECK(extractor().extract("Press Release\n\nVilnius, 14 February 2025\n\nLithuania and Poland agree on air "
                            "defence\nThe ministers met.").title ==
        "Lithuania and Poland agree on air defence");
  CHECK(extractor().extract("NEWS RELEASE:\nFrom: Ministry of Defence\nPublished 23 October 2024\n"
                            "Defence Secretary meets German counterpart\n").title ==
        "Defence Secretary meets German counterpart");
  // A title that holds a date is still a title.
  CHECK(extractor().extract("Ministers meet on 12 March 2024\nText").title == "Ministers meet on 12 March 2024");
  CHECK(extractor().extract("Statement by the ministers\nText").title == "Statement by the ministers");
  // Letterheads, breadcrumbs and numbered labels.
  const char* letterheads[] = {
      "Ministry of Foreign Affairs of the Republic of Korea\n",
      "U.S. DEPARTMENT OF STATE\n",
      "Federal Foreign Office\n\nHome > Newsroom > Press releases\n",
      "AFRICAN UNION\nPress Release No. 087/2025\n",
      "Government of India\nMinistry of Defence\n",
      "Home | News | Contact\n",
      "KEMENTERIAN PERTAHANAN REPUBLIK INDONESIA\n",
      "Press release | Date: 13/11/2024 | Ministry of Defence\n",
      "NATIONAL / POLITICS\n",
      "News | Israel-Palestine conflict\n",
      "POLITICO\nEurope Edition\n\nDEFENSE\n",
      "MEDIA STATEMENT\n\nDEPARTMENT: INTERNATIONAL RELATIONS AND COOPERATION\nREPUBLIC OF SOUTH AFRICA\n",
      "No. 176/2025\n",
      "T.C. MİLLÎ SAVUNMA BAKANLIĞI\n",
  };
  for (const char* top : letterheads) {
    INFO(top);
    CHECK(extractor().extract(std::string(top) + "Ministers agree on patrols\nText").title ==
          "Ministers agree on patrols");
  }
  // A headline that starts like a label is a headline.
  CHECK(extractor().extract("Ministry of Defence signs drone contract\nText").title ==
        "Ministry of Defence signs drone contract");
  CHECK(extractor().extract("Talks in Oslo | Ministry of Defence\nText").title == "Talks in Oslo | Ministry of Defence");
  CHECK(extractor().extract("Japan says no\nText").title == "Japan says no");
  // A byte order mark before a plain-text title is not part of it.
  CHECK(extractor().extract("\xEF\xBB\xBFMinisters agree on patrols\nText").title == "Ministers agree on patrols");
  // Nothing but labels: the first line, as before.
  CHECK(extractor().extract("Press Release\n12 August 2024\n").title == "Press Release");
}

TEST_CASE("title: a headline after a letterhead or a site's name, agency tags left out", "[extractor]") {
  const char* tops[] = {
      "The Federal Council\nFederal Department of Foreign Affairs FDFA\n",
      "Kingdom of Morocco\nMinistry of Foreign Affairs, African Cooperation and Moroccan Expatriates\n\nNEWS\n",
      "Kaitseministeerium | Ministry of Defence of the Republic of Estonia\nNews | 19.02.2025 | 14:32\n",
      "Ārlietu ministrija / Ministry of Foreign Affairs of the Republic of Latvia\nHome > Press releases\n",
      "Press Office\n",
      "ABC News\nJust In | Politics | World | Business | Analysis\n\nPolitics\n",
      "Cancillería de Colombia\n",
      "Ministerie van Defensie\nDefensie.nl > Actueel > Nieuws\n",
      "MINISTERUL APĂRĂRII NAȚIONALE\nMinistry of National Defence – Romania\n",
      "State of Qatar\nMedia Center > News\n",
      "Yonhap News Agency\nNational > Defense\n",
  };
  for (const char* top : tops) {
    INFO(top);
    CHECK(extractor().extract(std::string(top) + "Ministers agree on joint patrols\nThe ministers met in Oslo.").title ==
          "Ministers agree on joint patrols");
  }
  // A short headline that does not read like a name is the title, and so is
  // one followed by the first sentence.
  CHECK(extractor().extract("Japan says no\nTokyo rejects the request to extend the talks\n").title == "Japan says no");
  CHECK(extractor().extract("Ministers Meet\nThe two ministers met in Oslo on Monday.\n").title == "Ministers Meet");
  // A news agency's tag is no part of the headline; other brackets are.
  CHECK(extractor().extract("(LEAD) S. Korea, U.S. defense chiefs hold talks\nText").title ==
        "S. Korea, U.S. defense chiefs hold talks");
  CHECK(extractor().extract("(2nd LD) Ministers agree on patrols\nText").title == "Ministers agree on patrols");
  CHECK(extractor().extract("(Summary) Japan-Finland Defence Ministerial Meeting\nText").title ==
        "(Summary) Japan-Finland Defence Ministerial Meeting");
  // A long headline is kept whole up to 256 bytes.
  const std::string greek =
      "Joint statements of Minister of Foreign Affairs George Gerapetritis and Minister of Foreign Affairs, "
      "Emigration and Egyptian Expatriates of Egypt Badr Abdelatty following their meeting (Athens, 14.10.2024)";
  CHECK(extractor().extract(greek + "\nText").title == greek);
  // The front matter's title always wins.
  CHECK(extractor().extract("---\ntitle: Readout\n---\nOther line\n").title == "Readout");
}

TEST_CASE("title: a page saved as text, with its menus, notices and motto", "[extractor]") {
  const char* tops[] = {
      // menus cut by runs of spaces, a tab or middle dots; notices to skip
      "DW | Deutsche Welle\nSkip to content  Skip to main menu  Skip to more DW sites\n",
      "KYODO NEWS\nHome  Japan  World  Business  Sports  Newsletter  Login\n",
      "Forsvarsministeriet | Ministry of Defence\nSkip to content    Search    Dansk\n",
      "MINISTRY OF DEFENCE OF GEORGIA\nmod.gov.ge     ქართ | ENG\n",
      "mil.be  |  NL  FR  EN  DE\n",
      "THE HINDU\ne-Paper | Subscribe | Sign in\n",
      "BREAKING DEFENSE\nSubscribe to our free newsletters\n",
      "Menu\tSearch\tAccount\n",
      // a cookie banner, as a sentence or not
      "We use cookies to improve our service for you. You can find more information here.  OK\n",
      "> We value your privacy. We and our partners use cookies. [Accept](#) [Reject](#)\n",
      // Markdown links: a menu of them
      "**Kazinform** — International News Agency\n[Kazakhstan](#) · [World](#) · [Economy](#) · [Sport](#)\n",
      // a site's name in its languages
      "Defensie - La Défense - Belgian Defence\n",
      // a motto that names nothing, before a headline that names countries
      "Arab News\nThe Voice of a Changing Region\n\nSaudi Arabia\n",
      // a masthead in a script without capitals
      "የኢትዮጵያ ፌዴራላዊ ዴሞክራሲያዊ ሪፐብሊክ የውጭ ጉዳይ ሚኒስቴር\nPRESS RELEASE\n",
  };
  for (const char* top : tops) {
    INFO(top);
    CHECK(extractor().extract(std::string(top) + "\nJapan and Finland agree on joint patrols\n\nThe ministers met.")
              .title == "Japan and Finland agree on joint patrols");
  }
  // Without a headline that names something, the first one still wins.
  CHECK(extractor().extract("The Voice of a Changing Region\nMinisters agree on joint patrols\nText").title ==
        "The Voice of a Changing Region");
  // "Subscribe" is a label only as a word of its own.
  CHECK(extractor().extract("Subscribers to the treaty meet in Oslo\nText").title ==
        "Subscribers to the treaty meet in Oslo");
  // A Markdown "# " heading is the headline, whatever comes before it.
  CHECK(extractor().extract("Defence chiefs of the region in a long line of text\n\n# Talks in Oslo\n\nText.")
            .title == "Talks in Oslo");
}

TEST_CASE("title: a headline wrapped onto a second line is joined", "[extractor]") {
  CHECK(extractor().extract("PRESS RELEASE\n\nSchallenberg receives Slovenian Foreign Minister Fajon:\n"
                            "\"Our neighbourhood is the Western Balkans\"\n\nText.")
            .title == "Schallenberg receives Slovenian Foreign Minister Fajon: \"Our neighbourhood is the Western Balkans\"");
  CHECK(extractor().extract("NIGERIA, CAMEROON DEFENCE CHIEFS AGREE TO STRENGTHEN JOINT OPERA-\n"
                            "TIONS AGAINST TERRORISTS\n\n1. The minister met.")
            .title == "NIGERIA, CAMEROON DEFENCE CHIEFS AGREE TO STRENGTHEN JOINT OPERATIONS AGAINST TERRORISTS");
  CHECK(extractor().extract("  Ethiopia and Kenya Agree to Deepen Cooperation on Peace, Security\n"
                            "        and Regional Integration\n\nAddis Ababa, 21 November 2024 - Text.")
            .title == "Ethiopia and Kenya Agree to Deepen Cooperation on Peace, Security and Regional Integration");
  CHECK(extractor().extract("Japan and Australia sign pact on Indo-\nPacific patrols\n\nText.").title ==
        "Japan and Australia sign pact on Indo-Pacific patrols");
  CHECK(extractor().extract("GHANA AND BURKINA FASO AGREE TO DEEPEN SECURITY COOPERATION AS\n"
                            "BURKINABE FOREIGN MINISTER DELIVERS SPECIAL MESSAGE TO\nPRESIDENT MAHAMA\n\nText.")
            .title == "GHANA AND BURKINA FASO AGREE TO DEEPEN SECURITY COOPERATION AS BURKINABE FOREIGN MINISTER "
                      "DELIVERS SPECIAL MESSAGE TO PRESIDENT MAHAMA");
  // A centred headline's last word on a line of its own, a label's word alone.
  CHECK(extractor().extract("PRESS RELEASE No. 217/2024          Warsaw, 14.11.2024\n\n"
                            "    Minister Sikorski hosts Estonian Foreign\n    Minister Tsahkna for talks on Baltic Sea\n"
                            "                   security\n\nText.")
            .title == "Minister Sikorski hosts Estonian Foreign Minister Tsahkna for talks on Baltic Sea security");
  // A line of its own is not joined: after a blank line, or a dateline.
  CHECK(extractor().extract("Japan and Finland agree on joint patrols:\n\nthe ministers met.\n").title ==
        "Japan and Finland agree on joint patrols:");
  CHECK(extractor().extract("Japan and Finland agree on patrols, drills\n12 March 2024\nText.").title ==
        "Japan and Finland agree on patrols, drills");
}

TEST_CASE("a day without a year takes it from an all-numeric date", "[extractor]") {
  CHECK(extractor().extract("Brekelmans in Lithuania\nNews item | 03-02-2025 | 16:40\n"
                            "The minister visited the troops on Monday 3 February.").date == "2025-02-03");
}

TEST_CASE("evidence names the rule and the words", "[extractor]") {
  Briefing b = extractor().extract("Japan's Defense Minister Minoru Kihara spoke about cyber defence.");
  bool minister = false, country = false;
  for (const Evidence& e : b.evidence) {
    if (e.facet == "minister" && e.value == "Minoru Kihara" && e.rule == "role + name")
      minister = e.matched == "Japan's Defense Minister Minoru Kihara";
    if (e.facet == "country" && e.value == "Japan") country = e.matched == "Japan";
  }
  CHECK(minister);
  CHECK(country);
  // Every party says why it took part.
  Briefing p = extractor().extract("Delegations from Kenya and Uganda attended. Japan's Defense Minister Minoru Kihara "
                                   "spoke.");
  REQUIRE(p.parties.size() == 3);
  for (const std::string& party : p.parties) {
    INFO(party);
    CHECK(std::any_of(p.evidence.begin(), p.evidence.end(),
                      [&](const Evidence& e) { return e.facet == "party" && e.value == party; }));
  }
  CHECK(std::any_of(p.evidence.begin(), p.evidence.end(), [](const Evidence& e) {
    return e.facet == "party" && e.value == "Japan" && e.rule == "a minister's country" && e.matched == "Minoru Kihara";
  }));
  // A shorter form's evidence is shown under the fuller name the person
  // is shown by.
  Briefing fuller = extractor().extract("Defense Secretary Lloyd Austin met reporters. Later, Defense Secretary "
                                        "Lloyd J. Austin III spoke.");
  for (const Evidence& e : fuller.evidence)
    if (e.facet == "minister") CHECK(e.value == "Lloyd J. Austin III");
}

TEST_CASE("parties from meeting names, not from every hyphenated pair", "[extractor]") {
  Briefing b = extractor().extract(
      "At the Japan-Philippines-U.S. Trilateral Defense Ministers' Meeting the ministers discussed the "
      "Japan-China relationship and the U.S.-Australia alliance.");
  CHECK(b.parties == std::vector<std::string>{"Japan", "Philippines", "United States"});
  CHECK(has(b.countries, "China"));
  CHECK(has(b.countries, "Australia"));
  CHECK(extractor().extract("the India-U.S. 2+2 in New Delhi").parties ==
        std::vector<std::string>{"India", "United States"});
}

TEST_CASE("parties: delegations and countries that attended, as well as ministers' countries", "[extractor]") {
  auto parties = [](const char* text) { return extractor().extract(text).parties; };
  using V = std::vector<std::string>;
  CHECK(parties("Delegations from Kenya, Uganda, Ethiopia and Egypt discussed the troops.") ==
        V{"Kenya", "Uganda", "Ethiopia", "Egypt"});
  CHECK(parties("Japan, the United Kingdom and the United States attended as observers.") ==
        V{"Japan", "United Kingdom", "United States"});
  CHECK(parties("Moldova's delegation raised interference. Russia was represented by a deputy minister.") ==
        V{"Moldova", "Russia"});
  CHECK(parties("The Chinese delegation walked out.") == V{"China"});
  // Countries merely named, or doing something else, are not parties.
  CHECK(parties("Japan and Finland discussed Russia and China.").empty());
  CHECK(parties("Finland joined NATO; units of Canada and Norway participated in the exercise.").empty());
  Briefing clause = extractor().extract(
      "The Nordic ministers met in Bodø. Iceland, which has no armed forces, was represented by its ambassador.");
  CHECK(has(clause.parties, "Iceland"));
  // A list that "delegations of" began goes on after ";" and "of" (unseen
  // set CW); not without it.
  Briefing list = extractor().extract(
      "The minister welcomed the delegations of Laos, led by its Deputy Prime Minister; of Cambodia, led by its "
      "Defence Minister; of India, led by a Minister of State; and of the Russian Federation, led by the director "
      "of a federal service.");
  for (const char* c : {"Laos", "Cambodia", "India", "Russia"}) {
    INFO(c);
    CHECK(has(list.parties, c));
  }
  Briefing sat = extractor().extract(
      "The ASEAN defence ministers met in Penang. Timor-Leste, which is expected to join later this year, sat in "
      "as an observer.");
  CHECK(has(sat.parties, "Timor-Leste"));
  Briefing other = extractor().extract(
      "The minister welcomed the delegation of Laos. They spoke of the wars of Cambodia, fought by its army; of "
      "India, fought by its navy.");
  CHECK(has(other.parties, "Laos"));
  CHECK_FALSE(has(other.parties, "India"));
}

TEST_CASE("parties: a minister who spoke elsewhere or took no part is no party, in a meeting of many too",
          "[extractor]") {
  using V = std::vector<std::string>;
  const std::string lead =
      "Baltic foreign ministers meet in Vilnius\n\n"
      "Lithuanian Foreign Minister Kęstutis Budrys hosted Latvian Foreign Minister Baiba Braže and Estonian "
      "Foreign Minister Margus Tsahkna in Vilnius.\n\n"
      "Budrys, Braže and Tsahkna discussed sanctions.\n\n";
  for (const char* later : {"Belarusian Foreign Minister Maxim Ryzhenkov, quoted by the state news agency, "
                            "rejected the accusations.",
                            "Chinese Foreign Minister Wang Yi, during a visit to Riga last month, said so.",
                            "Ukraine's Defence Minister Rustem Umerov, who did not take part, welcomed it.",
                            "Budrys will travel on to London, where he is due to meet British Defence Secretary "
                            "John Healey.",
                            "Budrys criticised recent remarks by Israeli Defence Minister Israel Katz.",
                            "Braže said that Chinese Foreign Minister Wang Yi had confirmed the summit.",
                            "Hungarian Foreign Minister Péter Szijjártó, in a statement from Budapest, disagreed.",
                            "They condemned the statements of Israeli Defence Minister Israel Katz on Gaza.",
                            "Budrys had a phone call on Sunday with Ukrainian Defence Minister Denys Shmyhal.",
                            // (unseen set CW)
                            "Polish Foreign Minister Radosław Sikorski had also been invited, but was unable to "
                            "attend because of a sitting of the Sejm.",
                            "British Foreign Secretary David Lammy, who was not in Vilnius, sent a message.",
                            "Speaking separately to reporters in Moscow, Russian Foreign Minister Sergey Lavrov "
                            "rejected the criticism.",
                            "Belarusian Foreign Minister Maxim Ryzhenkov denounced the meeting in a statement "
                            "carried by the state news agency."}) {
    INFO(later);
    Briefing b = extractor().extract(lead + later + "\n");
    CHECK(b.parties == V{"Lithuania", "Latvia", "Estonia"});
    CHECK(b.ministers.size() == 4);
  }
  // Unable to attend in person, but there by video: a party.
  Briefing video = extractor().extract(lead + "Polish Foreign Minister Radosław Sikorski was unable to attend in "
                                              "person and addressed the ministers by video message.\n");
  CHECK(has(video.parties, "Poland"));
  // A time after "since" is the minister's tenure, not another meeting
  // (unseen set AH).
  Briefing tenure = extractor().extract(lead + "Budrys hosted Polish Foreign Minister Radosław Sikorski, Finnish Foreign "
                                               "Minister Elina Valtonen and Swedish Foreign Minister Maria Malmer "
                                               "Stenergard, attending her first meeting since taking office last month.\n");
  CHECK(has(tenure.parties, "Poland"));
  CHECK(has(tenure.parties, "Finland"));
  CHECK(has(tenure.parties, "Sweden"));
  // A time in a clause about something else the minister did says nothing.
  Briefing also = extractor().extract(lead + "Finland's Defence Minister Antti Häkkänen, who signed a similar "
                                             "agreement last year, also signed the joint statement in Vilnius.\n");
  CHECK(has(also.parties, "Finland"));
  // Without such words, a minister named below the lead of a meeting of
  // many took part.
  Briefing joined = extractor().extract(lead + "Polish Foreign Minister Radosław Sikorski joined by video.\n");
  CHECK(has(joined.parties, "Poland"));
}

TEST_CASE("parties: a minister named in passing in a meeting of two is no party", "[extractor]") {
  using V = std::vector<std::string>;
  const std::string lead =
      "Pistorius pledges support to Lithuania\n\n"
      "German Defence Minister Boris Pistorius met Lithuanian Defence Minister Dovilė Šakalienė in Vilnius.\n\n"
      "Pistorius said the brigade would be ready. Šakalienė thanked him.\n\n";
  // Named once, below the lead: mentioned, not a party.
  Briefing once = extractor().extract(lead + "In Warsaw, Poland's Defence Minister Władysław Kosiniak-Kamysz "
                                             "welcomed the plan.\n");
  CHECK(once.parties == V{"Germany", "Lithuania"});
  CHECK(has(once.countries, "Poland"));
  CHECK(once.ministers.size() == 3);
  // Named twice, he is taken to have taken part.
  Briefing twice = extractor().extract(lead + "Poland's Defence Minister Władysław Kosiniak-Kamysz joined them. "
                                              "Kosiniak-Kamysz spoke of the border.\n");
  CHECK(has(twice.parties, "Poland"));
  // His country in the headline: a party.
  Briefing headline = extractor().extract("Germany, Lithuania and Poland discuss the brigade\n\n" +
                                          lead.substr(lead.find("German Defence")) +
                                          "Poland's Defence Minister Władysław Kosiniak-Kamysz welcomed the plan.\n");
  CHECK(has(headline.parties, "Poland"));
  // "The French and German defence ministers": ministers of two.
  Briefing of_two = extractor().extract(
      "Tank project back on track\n\nThe French and German defence ministers, Sébastien Lecornu and Boris "
      "Pistorius, met in Paris.\n\nThe next meeting, at which Poland's Defence Minister Władysław "
      "Kosiniak-Kamysz is expected, is in the spring.\n");
  CHECK(of_two.parties == V{"France", "Germany"});
  // A meeting of many: every minister named took part.
  Briefing many = extractor().extract(
      "Defence ministers of the Joint Expeditionary Force met in Oslo.\n\n"
      "Norway's Defence Minister Tore O. Sandvik hosted the meeting and Sweden's Minister for Defence Pål Jonson "
      "spoke first.\n\nFinland's Defence Minister Antti Häkkänen announced new exercises.\n");
  CHECK(has(many.parties, "Finland"));
}

TEST_CASE("a list of other stories under 'Other news' is not what the briefing is about", "[extractor]") {
  Briefing b = extractor().extract(
      "Ministers meet\n\nSerbia's Foreign Minister Marko Đurić met Slovakia's Foreign Minister Juraj Blanár.\n\n"
      "Other news\n- Minister Đurić meets Hungarian Minister of Foreign Affairs Péter Szijjártó in Budapest\n"
      "- Đurić receives the Ambassador of Egypt\n\nFooter.\n");
  CHECK_FALSE(has(b.countries, "Hungary"));
  CHECK_FALSE(has(b.countries, "Egypt"));
  CHECK(b.ministers.size() == 2);
  // A heading that begins like a rule ending in "…" ("More from …") starts
  // the list too; "Read more: ..." is one link.
  for (const char* heading : {"More from Dhaka Tribune", "Top News stories", "Top stories"}) {
    INFO(heading);
    Briefing more = extractor().extract(std::string("Ministers meet\n\nSerbia's Foreign Minister Marko Đurić met "
                                                    "Slovakia's Foreign Minister Juraj Blanár.\n\n") +
                                        heading + "\n- India, Bangladesh border forces hold talks\n"
                                                  "- Fiji's Rabuka survives no-confidence motion\n\nFooter.\n");
    CHECK_FALSE(has(more.countries, "India"));
    CHECK_FALSE(has(more.countries, "Fiji"));
    CHECK(has(more.countries, "Slovakia"));
  }
  // Above the briefing's first sentence, "Top stories" heads its own list
  // (a digest).
  Briefing digest = extractor().extract(
      "Morning digest\n\nTop stories\n- Japan's Defense Minister Minoru Kihara and Finland's Defence Minister "
      "Antti Häkkänen sign a pact\n- NATO ministers meet in Brussels\n\nMore on each below.\n");
  CHECK(has(digest.countries, "Japan"));
  CHECK(digest.ministers.size() == 2);
  Briefing read = extractor().extract(
      "Ministers meet\n\nSerbia's Foreign Minister Marko Đurić met Slovakia's Foreign Minister Juraj Blanár.\n\n"
      "Read more: Slovakia and Serbia sign deal\nThe ministers also discussed Hungary.\n");
  CHECK(has(read.countries, "Hungary"));
}

TEST_CASE("names of places, bodies and posts go on across the line breaks of hard-wrapped text", "[extractor]") {
  Briefing b = extractor().extract(
      "Joint press release\n\n"
      "1. The Minister of Foreign Affairs of the Kingdom of Cambodia received the Minister of Foreign\n"
      "Affairs of the Lao People's Democratic Republic in Phnom Penh on 4 March 2025. The two sides\n"
      "discussed freedom of navigation and overflight in the South\n"
      "China Sea and welcomed the advisory opinion of the International\n"
      "Court of Justice on the obligations of States.\n");
  CHECK(has(b.countries, "Laos"));
  CHECK(has(b.organisations, "International Court of Justice"));
  // "South" then "China Sea" on wrapped lines is the sea, not China.
  CHECK_FALSE(has(b.countries, "China"));
  CHECK(has(b.topics, "indo-pacific"));
}

TEST_CASE("topics: intelligence exchanged, chemical weapons destroyed, a space programme", "[extractor]") {
  auto topics = [](const std::string& text) { return extractor().extract("Talks\n\n" + text + "\n").topics; };
  CHECK(has(topics("The ministers agreed to exchange intelligence on smuggling networks."), "intelligence sharing"));
  CHECK(has(topics("They discussed destroying the remaining chemical weapons with the OPCW."), "arms control"));
  CHECK(has(topics("The two sides discussed the National Space Programme and a space launch facility."), "space"));
}

TEST_CASE("unseen set O: inline links, linked headings, a dateline beside a label, names of things", "[extractor]") {
  const std::string lead =
      "Ministers meet\n\nSerbia's Foreign Minister Marko Đurić met Slovakia's Foreign Minister Juraj Blanár.\n\n";
  // "ALSO READ | ..." is one link; "More on [a name](url)" heads a list.
  Briefing also = extractor().extract(lead + "ALSO READ | India, Japan to hold 2+2 dialogue in Tokyo\n\n"
                                             "The ministers discussed sanctions.\n");
  CHECK_FALSE(has(also.countries, "Japan"));
  CHECK(has(also.countries, "Slovakia"));
  Briefing more = extractor().extract(lead + "**More on [Simon Harris](https://example.com/topics/simon-harris/)**\n\n"
                                             "- Harris to visit Japan and South Korea\n- Fiji talks stall\n\nFooter\n");
  CHECK_FALSE(has(more.countries, "Japan"));
  CHECK_FALSE(has(more.countries, "Fiji"));
  // A label and a dateline in one row of a letterhead keep the date.
  CHECK(extractor()
            .extract("MINISTRY OF DEFENCE\n\nTISKOVÁ ZPRÁVA / PRESS RELEASE            Praha / Prague, 22. 10. 2024\n\n"
                     "Ministers discuss aircraft\n\nThe ministers met in Prague.\n")
            .date == "2024-10-22");
  // A line of tags names nothing.
  Briefing tags = extractor().extract(lead + "Tags: Takeshi Iwaya Wang Yi Cho Tae-yul Senkaku Islands\n");
  CHECK(tags.ministers.size() == 2);
  CHECK_FALSE(has(tags.countries, "China"));
  // A site's own name at the top is no title.
  CHECK(extractor()
            .extract("Official website of the President of Ukraine\n\nNews\n\nThe President met with the Minister "
                     "of National Defence of Canada\n\n12 May 2025\n\nThe two discussed air defence at length.\n")
            .title == "The President met with the Minister of National Defence of Canada");
  // Names of things that hold a country or a topic's words.
  Briefing things = extractor().extract(lead + "They spoke of the return of the Benin Bronzes and of the "
                                               "Egypt-Japan University of Science and Technology.\n");
  CHECK_FALSE(has(things.countries, "Benin"));
  CHECK_FALSE(has(things.topics, "defense technology"));
}

TEST_CASE("a list heading in Markdown bold, another language or at a site's length heads a list too", "[extractor]") {
  const std::string lead =
      "Ministers meet\n\nSerbia's Foreign Minister Marko Đurić met Slovakia's Foreign Minister Juraj Blanár.\n\n";
  for (const char* heading : {"**Read more**", "__Related News__", "### **Other news**", "More information",
                              "Noticias relacionadas", "Most Viewed in Israel News", "Next",
                              "Other press releases from the Ministry for Foreign and European Affairs and Trade"}) {
    INFO(heading);
    Briefing b = extractor().extract(lead + heading +
                                     "\n\n- [Belarus joins war games near the Polish border](#)\n"
                                     "- Fiji's Rabuka survives no-confidence motion\n\nFooter.\n");
    CHECK_FALSE(has(b.countries, "Belarus"));
    CHECK_FALSE(has(b.countries, "Fiji"));
    CHECK(has(b.countries, "Slovakia"));
  }
  // A sentence that begins like such a heading is the briefing's.
  Briefing prose = extractor().extract(
      lead + "Other press releases from the ministry said Fiji would join the talks.\n\nFooter.\n");
  CHECK(has(prose.countries, "Fiji"));
}

TEST_CASE("a minister with no country on a ministry's page is the ministry's", "[extractor]") {
  Briefing b = extractor().extract(
      "REPUBLIC OF GHANA\nMINISTRY OF FOREIGN AFFAIRS\n\nPRESS RELEASE\n\n"
      "Ghana and Togo agree to deepen cooperation\n\n"
      "The Minister for Foreign Affairs, Hon. Kwame Fictionah, received the Foreign Minister of Togo, "
      "Robert Dussey, in Accra.\n");
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[0].country == "Ghana");
  CHECK(has(b.parties, "Ghana"));
  // A news page's menu names many countries: no letterhead.
  Briefing news = extractor().extract(
      "Home | Ghana | Togo | Nigeria | World\n\nGhana and Togo agree to deepen cooperation\n\n"
      "The Minister for Foreign Affairs, Hon. Kwame Fictionah, received his guest.\n");
  REQUIRE(news.ministers.size() == 1);
  CHECK(news.ministers[0].country.empty());
}

TEST_CASE("diplomatic allies and an alliance's name are no alliance", "[extractor]") {
  CHECK_FALSE(has(extractor().extract("Paraguay is one of Taiwan's diplomatic allies.").topics, "alliance"));
  CHECK_FALSE(has(extractor().extract("Mali is a member of the Alliance of Sahel States.").topics, "alliance"));
  CHECK(has(extractor().extract("The allies agreed to strengthen the alliance.").topics, "alliance"));
}

TEST_CASE("a cookie banner gives no topic", "[extractor]") {
  Briefing b = extractor().extract(
      "We use cookies to improve our service. Find more in our data protection declaration.  OK\n\n"
      "Japan and Finland agree on patrols\n\nThe ministers met in Tokyo and agreed on joint patrols.\n");
  CHECK_FALSE(has(b.topics, "information security"));
  Briefing kept = extractor().extract("The ministers met in Tokyo. They discussed data protection.\n");
  CHECK(has(kept.topics, "information security"));
  // A menu at the page's top names no country; the same words in the text do.
  Briefing menu = extractor().extract(
      "RFE/RL\nHome | Ukraine | Russia | Central Asia | Caucasus | Iran | Europe\n\n"
      "Armenia and Azerbaijan talk in Almaty\n\nThe foreign ministers of Armenia and Azerbaijan met.\n");
  CHECK_FALSE(has(menu.countries, "Ukraine"));
  CHECK_FALSE(has(menu.countries, "Iran"));
  CHECK(has(menu.countries, "Armenia"));
}

TEST_CASE("people named like countries, and states named like one, are not countries", "[extractor]") {
  Briefing b = extractor().extract(
      "Chad Pillai, a research fellow, said. Senator Jon Ossoff, Democrat of Georgia, agreed. "
      "Jordan Peterson spoke.");
  CHECK(b.countries.empty());
  Briefing c = extractor().extract("Chad President Mahamat Deby met the Jordan Armed Forces chief in Georgia.");
  CHECK(has(c.countries, "Chad"));
  CHECK(has(c.countries, "Jordan"));
  CHECK(has(c.countries, "Georgia"));
  // A currency is no mention of its country.
  Briefing trade = extractor().extract("Trade reached US$ 6.3 billion, or 10.6 billion US dollars, in 2024.");
  CHECK(trade.countries.empty());
  CHECK(has(extractor().extract("US troops and US$ 5 million in aid").countries, "United States"));
  // A surname after a given name, and a known minister's surname alone.
  Briefing portugal = extractor().extract(
      "Lula met the Prime Minister of Portugal, Luís Montenegro, in Belém on Friday. Montenegro expressed "
      "interest in the aircraft. Navy spokesperson Rear Adm. Roy Vincent Trinidad briefed them.");
  CHECK(has(portugal.countries, "Portugal"));
  CHECK(!has(portugal.countries, "Montenegro"));
  CHECK(!has(portugal.countries, "Trinidad and Tobago"));
  Briefing balkans = extractor().extract(
      "Prime Minister Luís Montenegro visited Montenegro. Trade with Trinidad grew.\nMontenegro and Serbia met.");
  CHECK(has(balkans.countries, "Montenegro"));
  CHECK(has(balkans.countries, "Trinidad and Tobago"));
}

TEST_CASE("links to other stories copied with a page say nothing about the briefing", "[extractor]") {
  const std::string text =
      "Japan and Finland sign pact\n\nThe defence ministers of Japan and Finland met in Tokyo.\n\n"
      "Read more: Brazil and Chile hold naval talks\n\n"
      "RELATED STORIES\n"
      "• Kenya's new frigate: what to know\n\n"
      "• Peru buys tanks from Korea\n\n"
      "KEYWORDS\nMexico, Diplomacy, cyber\n\n"
      "The ministers also discussed Estonia.\n";
  Briefing b = extractor().extract(text);
  for (const char* gone : {"Brazil", "Chile", "Kenya", "Peru", "South Korea", "Mexico"}) {
    INFO(gone);
    CHECK_FALSE(has(b.countries, gone));
  }
  CHECK(has(b.countries, "Japan"));
  CHECK(has(b.countries, "Finland"));
  // A sentence after the block is the briefing's again.
  CHECK(has(b.countries, "Estonia"));
  CHECK(std::find(b.topics.begin(), b.topics.end(), "cyber") == b.topics.end());
}

TEST_CASE("front matter no facet reads is indexed with the body", "[extractor]") {
  Analysis a = extractor().analyse(
      "---\ntitle: Talks\nsummary: |\n  Zanzibarword appears only here.\ntags: [alphaword, betaword]\n---\n"
      "Japan and Finland met.\n",
      "talks.md");
  CHECK(a.index_body.find("Zanzibarword appears only here.") != std::string::npos);
  CHECK(a.index_body.find("betaword") != std::string::npos);
  CHECK(a.index_body.find("Talks") == std::string::npos);  // the title is indexed as the title
}

TEST_CASE("an institution named after a topic, or an idiom, is not that topic", "[extractor]") {
  Briefing b = extractor().extract(
      "Talks\n\nThe ministers met at the Cyber Security Training Centre and spoke of a peaceful transfer of power.");
  CHECK_FALSE(has(b.topics, "exercises and training"));
  CHECK_FALSE(has(b.topics, "equipment transfer"));
  CHECK(has(b.topics, "cyber"));
  // written as a common noun it is training, and so is a trigger around the name
  CHECK(has(extractor().extract("Talks\n\nThey visited the training centres where crews learn.").topics,
            "exercises and training"));
  CHECK(has(extractor().extract("Talks\n\nThey opened a joint training centre.").topics, "exercises and training"));
}

TEST_CASE("title: a heading of PDF text goes on past a blank line, an honorific or a country's name",
          "[extractor]") {
  CHECK(extractor()
            .extract("THE UNITED REPUBLIC OF TANZANIA\n\nMINISTRY OF FOREIGN AFFAIRS AND EAST AFRICAN "
                     "COOPERATION\n\n      JOINT COMMUNIQUÉ\n\n   ON THE 12TH SESSION OF THE JOINT PERMANENT "
                     "COMMISSION FOR\n  COOPERATION BETWEEN THE UNITED REPUBLIC OF TANZANIA AND THE\n       "
                     "REPUBLIC OF ZAMBIA\n\n1. The session was held in Dar es Salaam on 3 March 2025.\n")
            .title == "JOINT COMMUNIQUÉ ON THE 12TH SESSION OF THE JOINT PERMANENT COMMISSION FOR COOPERATION "
                      "BETWEEN THE UNITED REPUBLIC OF TANZANIA AND THE REPUBLIC OF ZAMBIA");
  CHECK(extractor()
            .extract("KINGDOM OF CAMBODIA\n\n   ព្រះរាជាណាចក្រកម្ពុជា\n\nPRESS RELEASE\n\n"
                     "  Official Visit to the Kingdom of Cambodia by His Excellency\n"
                     "  Thongsavanh Phomvihane, Minister of Foreign Affairs of the Lao\n"
                     "  People's Democratic Republic\n\n1. At the invitation of the Deputy Prime Minister, the "
                     "minister visited Phnom Penh.\n")
            .title == "Official Visit to the Kingdom of Cambodia by His Excellency Thongsavanh Phomvihane, "
                      "Minister of Foreign Affairs of the Lao People's Democratic Republic");
}

TEST_CASE("title: a heading in capitals over several lines of PDF text is joined", "[extractor]") {
  const std::string top =
      "                           REPUBLIC OF CYPRUS\n"
      "                      MINISTRY OF FOREIGN AFFAIRS\n\n"
      "                                                   Nicosia, 14 April 2025\n\n"
      "                      JOINT STATEMENT\n"
      "   OF THE MINISTER OF FOREIGN AFFAIRS OF THE REPUBLIC OF CYPRUS\n"
      "   AND THE MINISTER OF FOREIGN AFFAIRS AND EMIGRANTS OF THE\n"
      "                      LEBANESE REPUBLIC\n\n"
      "At the invitation of the Minister of Foreign Affairs of the Republic of\n"
      "Cyprus, the two ministers met in Nicosia.\n";
  CHECK(extractor().extract(top).title ==
        "JOINT STATEMENT OF THE MINISTER OF FOREIGN AFFAIRS OF THE REPUBLIC OF CYPRUS AND THE MINISTER OF FOREIGN "
        "AFFAIRS AND EMIGRANTS OF THE LEBANESE REPUBLIC");
  // A headline in capitals wrapped onto a second line in capitals
  CHECK(extractor().extract("REPUBLIC OF KENYA\n\nPRESS STATEMENT\n\n"
                            "   PRIME CABINET SECRETARY MUDAVADI HOSTS TANZANIA'S FOREIGN MINISTER\n"
                            "              KOMBO AHEAD OF JOINT EAC-SADC SUMMIT\n\nNAIROBI, 4th February, 2025\n\n"
                            "The ministers met in Nairobi.")
            .title == "PRIME CABINET SECRETARY MUDAVADI HOSTS TANZANIA'S FOREIGN MINISTER KOMBO AHEAD OF JOINT "
                      "EAC-SADC SUMMIT");
  // but not a name over its titles, line by line
  CHECK(extractor().extract("THE HON RICHARD MARLES MP\nDEPUTY PRIME MINISTER\nMINISTER FOR DEFENCE\n\n"
                            "TRANSCRIPT\n\nThe minister spoke.")
            .title == "THE HON RICHARD MARLES MP");
  // A ministry's name over two lines is its letterhead, not the title.
  CHECK(extractor().extract("MINISTRY OF DEFENCE\nOF THE REPUBLIC OF ESTONIA\n\nMinisters agree on patrols\n\n"
                            "The ministers met in Tallinn.")
            .title == "Ministers agree on patrols");
}

TEST_CASE("title: what stands above a site's menu is its name or motto, not the headline", "[extractor]") {
  check_titles({
      // a motto that names a country, above the menu
      {"The Mainichi\nJapan's National Daily Since 1922\n\nHome | Japan | World | Business | Sports\n"
       "Subscribe | Log in\n\nJapan, Australia defense chiefs to speed up frigate talks\n\nJuly 8, 2024\n\n"
       "The ministers met in Tokyo.",
       "Japan, Australia defense chiefs to speed up frigate talks"},
      {"NATION\nKenya's leading news platform\nHome | News | Counties | Business | Sports\n\n"
       "Kenya, UK extend training pact as ministers meet\n\nThe ministers met in Nairobi.",
       "Kenya, UK extend training pact as ministers meet"},
      // a site's name in sentence case and a ministry's long name, then a
      // language switcher and a trail
      {"Le gouvernement luxembourgeois\nMinistère des Affaires étrangères et européennes, de la Défense, de la "
       "Coopération et du Commerce extérieur\nFR | DE | EN\nAccueil > Actualités > Communiqués\n\n"
       "Visite de travail de la ministre des Affaires étrangères du Sénégal à Luxembourg\n\nThe ministers met.",
       "Visite de travail de la ministre des Affaires étrangères du Sénégal à Luxembourg"},
      {"Sultanate of Oman - Ministry of Foreign Affairs\nEN | عربي\nHome > Media Centre > News\n\n"
       "Oman and Italy Discuss Regional Developments\n\nMuscat, May 20, 2025\n\nThe ministers met.",
       "Oman and Italy Discuss Regional Developments"},
      // a motto right under the menu that names no meeting, over a headline
      // that does (unseen set CA)
      {"News Room Guyana\nHome | News | Politics | Business | Sports | Regional | World\nGuyana's First Digital "
       "News Outlet\n\nGuyana, Brazil to boost border security ahead of Venezuela's vote\n\nMay 14, 2025\n\n"
       "The ministers met.",
       "Guyana, Brazil to boost border security ahead of Venezuela's vote"},
      // a language's name or a page number under the menu is no short headline
      {"Dhaka Tribune\nBangladesh | Nation | World | Business | Sport\nবাংলা\n\n"
       "Dhaka, Bangkok agree to press Myanmar on Rohingya return\n\nThe ministers met.",
       "Dhaka, Bangkok agree to press Myanmar on Rohingya return"},
      {"Taipei Times\nFront Page | Taiwan News | Business | Editorials\n\nFri, Sep 16, 2022 page3\n\n"
       "Paraguay's top diplomat pledges support after PRC drills\n\nThe minister spoke.",
       "Paraguay's top diplomat pledges support after PRC drills"},
      // a headline that names a meeting stays one above a bar of buttons
      {"Japan, Finland sign defence pact\nShare | Facebook | X | Email | Print\n"
       "Ministers agree to deepen cooperation on hybrid threats in Helsinki\n\nThe ministers met in Tokyo.",
       "Japan, Finland sign defence pact"},
      // a site's name with a word a minister's name shares (Bill English)
      {"JIJI PRESS  |  JIJI.COM English\nTop   Politics   Economy   Society   International   Sports\n\n"
       "Japan, U.S. Defense Chiefs Agree to Speed Up Missile Co-Production\n\nThe ministers met in Tokyo.",
       "Japan, U.S. Defense Chiefs Agree to Speed Up Missile Co-Production"},
      // a site's name and motto over its menu, in Markdown bold
      {"**The Moscow Times** — Independent News From Russia\n\n[News](#) | [Ukraine War](#) | [Business](#) | "
       "[Opinion](#) | **[Donate](#)**\n\n## Lavrov Offers to Help With U.S.-Iran Nuclear Talks as Araghchi "
       "Visits Moscow\n\nThe ministers met in Moscow.",
       "Lavrov Offers to Help With U.S.-Iran Nuclear Talks as Araghchi Visits Moscow"},
      // a menu with one longer part, and a site's name that is a link
      {"[Le Figaro](https://www.lefigaro.fr/) · **in English**\n\n[Actualité](#) · [Politique](#) · "
       "[International](#) · [Le Figaro in English](#) · [Abonnez-vous](#)\n\nInternational\n\n"
       "# In Paris, the Weimar Triangle closes ranks behind Ukraine\n\nThe ministers met in Paris.",
       "In Paris, the Weimar Triangle closes ranks behind Ukraine"},
      {"Service of the Republic of Poland\ngov.pl\n\nMinistry of Foreign Affairs Republic of Poland\n\nMenu\n"
       "Ministry   Diplomacy   Polish Presidency of the Council of the EU   Travel   News\n\nBack\n\n"
       "Head of Polish diplomacy meets with Swedish Foreign Minister\n\n06.03.2025\n\nThe ministers met.",
       "Head of Polish diplomacy meets with Swedish Foreign Minister"},
      // a ministry's name in its own script over an English page
      {"Ministry of Foreign Affairs of Ukraine\nМіністерство закордонних справ України\n\nUA | EN\n\n"
       "Andrii Sybiha and Espen Barth Eide discuss air defense and energy support\n\n28 January, 2025\n\n"
       "The ministers spoke by phone.",
       "Andrii Sybiha and Espen Barth Eide discuss air defense and energy support"},
      // an emblem inside the link of a ministry's name
      {"[![Emblem](/static/emblem.svg) **Ministry of Foreign Affairs of the Republic of Kazakhstan**](https://"
       "www.gov.kz/)\n\n[Main](#) / [Press center](#) / [News](#)\n\n# Foreign Ministers of Central Asian "
       "States Meet in Astana\n\nThe ministers met.",
       "Foreign Ministers of Central Asian States Meet in Astana"},
      {"Haaretz | Israel News\nSubscribe\n\nClick the alert icon to follow topics:  Israel Germany relations  ·  "
       "Gideon Sa'ar\n\nIsrael News | Diplomacy\n\nGermany's New FM Tells Sa'ar Berlin Will Keep Arming "
       "Israel\n\nThe ministers met in Jerusalem.",
       "Germany's New FM Tells Sa'ar Berlin Will Keep Arming Israel"},
      // a menu of buttons below the headline leaves it the headline
      {"The Korea Times\nSubscribe | Sign in | 한국어\n\nNorth Korea | Politics | Defense | Diplomacy\n\n"
       "Korea, Philippines to expand defense industry ties\n\nBy Lee Hyo-jin\n\n"
       "Defense Minister Ahn Gyu-back shakes hands with his guest\n\nFont size   Print   Share   Copy URL\n\n"
       "The ministers met in Seoul.",
       "Korea, Philippines to expand defense industry ties"},
  });
}

TEST_CASE("unseen sets Q and R: mottos, notices and wrapped headlines at a page's top", "[extractor]") {
  check_titles({
      // a motto under the site's name, over its menu, naming a country and
      // a word of a known minister's name (Bill English)
      {"The Harbour Times\nMalta's only English daily since 1990\n\nHome | Local | World | Business | Sport\n\n"
       "Malta and Italy agree on joint patrols in the central Mediterranean\n\nThe ministers met in Valletta.",
       "Malta and Italy agree on joint patrols in the central Mediterranean"},
      // a block quote (a site's appeal) above the Markdown headline
      {"[Island Free Press](https://example.org/)\n\n**News** | **Politics** | **Opinion** | **Support us**\n\n"
       "> We are an independent, reader-funded outlet. Please support our work.\n\n"
       "# Fiji and Australia sign a new policing partnership in Suva\n\nThe ministers met in Suva.",
       "Fiji and Australia sign a new policing partnership in Suva"},
      // a bilingual site name over "Skip to main content"
      {"Ministry of Defence Norway | Forsvarsdepartementet i Norge\nSkip to main content\n\n"
       "News   Topics   Documents   About us\n\nHome > News\n\nNorway and Sweden agree to deepen air "
       "defence cooperation\n\n3 May 2024\n\nThe ministers met in Oslo.",
       "Norway and Sweden agree to deepen air defence cooperation"},
      // a headline wrapped after a title, its holder's name on the next line
      {"Press release\n\nTobias Billström receives Japan's Minister for Foreign Affairs\nYoko Kamikawa in "
       "Stockholm\n\nThe ministers met in Stockholm.",
       "Tobias Billström receives Japan's Minister for Foreign Affairs Yoko Kamikawa in Stockholm"},
  });
}

TEST_CASE("unseen sets Q and R: lists of other stories, ministers absent, a state's address", "[extractor]") {
  const std::string lead =
      "Ministers meet\n\nSerbia's Foreign Minister Marko Đurić met Slovakia's Foreign Minister Juraj Blanár "
      "in Bratislava.\n\n";
  // list headings and a "Read more:" line in emphasis
  for (const char* list : {"**Must Read**\n\n- [Hungary and Austria sign a border deal](#)\n",
                           "Also worth reading\n- Hungary and Austria sign a border deal\n",
                           "Related materials\n• Talks with the Foreign Minister of Hungary\n",
                           "*Read more:* [Hungary and Austria sign a border deal](#)\n"}) {
    INFO(list);
    Briefing b = extractor().extract(lead + list + "\nFooter.\n");
    CHECK_FALSE(has(b.countries, "Hungary"));
    CHECK(has(b.countries, "Slovakia"));
  }
  // a minister who stayed away or met no one is no party
  for (const char* later : {"Croatian Foreign Minister Gordan Grlić Radman skipped the meeting in Bratislava.",
                            "Croatia was represented by Foreign Minister Gordan Grlić Radman, whom Đurić did not "
                            "meet.",
                            "Later in the day, Đurić received a phone call from Croatian Foreign Minister Gordan "
                            "Grlić Radman."}) {
    INFO(later);
    Briefing b = extractor().extract(lead + later + "\n");
    CHECK_FALSE(has(b.parties, "Croatia"));
    CHECK(has(b.countries, "Croatia"));
  }
  // a minister's country after "in the ... government"
  Briefing syria = extractor().extract(
      "Talks in Abu Dhabi\n\nThe UAE's Minister of Foreign Affairs Abdullah bin Zayed received Asaad "
      "Al-Shaibani, Minister of Foreign Affairs in the Syrian caretaker government.\n");
  CHECK(has(syria.parties, "Syria"));
  // a ministry's address in the state's style gives its ministers' country
  Briefing maldives = extractor().extract(
      "MINISTRY OF FOREIGN AFFAIRS\nMalé, Republic of Maldives\n\nPRESS RELEASE\n\nForeign Minister holds "
      "talks in Tokyo\n\nMinister of Foreign Affairs Dr Abdulla Khaleel held talks with the Minister for "
      "Foreign Affairs of Japan, Mr. Iwaya Takeshi.\n");
  CHECK(has(maldives.parties, "Maldives"));
  // a contact block's next line is no part of a name; a president is no
  // minister, whatever the knowledge base says he was
  Briefing contact = extractor().extract(
      "Talks\n\nMinister for Defence Pål Jonson met Canada's Minister of National Defence Bill Blair.\n\n"
      "Contact\nPress Secretary to Minister for Defence Pål Jonson\nPhone (switchboard) +46 8 405 10 00\n\n"
      "They recalled the talks of President of Russia Vladimir Putin and President of the Republic of "
      "Indonesia Prabowo Subianto.\n");
  const std::vector<std::string> names = minister_names(contact);
  CHECK(names == std::vector<std::string>{"Pål Jonson", "Bill Blair"});
  // "Minister Delegate for Defence"
  Briefing delegate = extractor().extract(
      "Talks\n\nNigeria's Minister of Foreign Affairs Yusuf Tuggar met Benin's Minister Delegate for Defence, "
      "Fortunet Alain Nouatin.\n");
  CHECK(delegate.ministers.size() == 2);
}

TEST_CASE("topics: aid delivered, a policy of no alliances, a named service, a nuclear-weapon-free zone",
          "[extractor]") {
  auto topics = [](const char* text) { return extractor().extract(text).topics; };
  CHECK_FALSE(has(topics("Talks\n\nThe ministers called for the unimpeded delivery of humanitarian aid to "
                         "Gaza.\n"),
                  "equipment transfer"));
  CHECK(has(topics("Talks\n\nThe ministers discussed the delivery of air defence systems to Ukraine.\n"),
            "equipment transfer"));
  CHECK_FALSE(has(topics("Talks\n\nThe minister recalled the policy of no military alliances.\n"), "alliance"));
  CHECK_FALSE(has(topics("Talks\n\nHe was joined by the Head of the General Intelligence Service.\n"),
                  "intelligence sharing"));
  CHECK(has(topics("Talks\n\nThey discussed the Treaty on the Southeast Asia Nuclear Weapon-Free Zone.\n"),
            "arms control"));
  CHECK(has(topics("Talks\n\nThey discussed China's actions in the West Philippine Sea.\n"), "indo-pacific"));
  CHECK(has(topics("Talks\n\nThe F-16 fighters acquired from Denmark arrive next year.\n"), "equipment transfer"));
}

TEST_CASE("a title between two names, each with a title of its own, is the first one's", "[extractor]") {
  auto names = [](const char* text) {
    std::vector<std::string> out;
    for (const Minister& m : extractor().extract(text).ministers) out.push_back(m.name);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(names("Talks in Bangkok\n\nThe minister received his guest. General Sompong Rakdee, Deputy Minister of "
              "Defence, Gen. Anan Thongdee, Chief of Defence Forces, and senior officers attended the talks.\n") ==
        V{"Sompong Rakdee"});
  // With no title after it, the name after the title is the minister's.
  CHECK(names("Talks in Baku\n\nHe met the Minister of Defence of Azerbaijan, Colonel General Zakir Hasanov, "
              "in Baku.\n") == V{"Zakir Hasanov"});
}

TEST_CASE("unseen sets S and T: kickers, lists and home links above the headline; more lists", "[extractor]") {
  check_titles({
      // a kicker above the Markdown headline
      {"[DIE ZEIT](https://www.zeit.de/english/) | English\n\nWorld · Germany · Europe\n\nGermany's Top "
       "Diplomat in Tokyo\n\n# Wadephul Presses Iwaya on Export Controls and Undersea Cables\n\nThe ministers met.",
       "Wadephul Presses Iwaya on Export Controls and Undersea Cables"},
      // a list of other stories, its items bulleted, above the headline
      {"Bloomberg\nMenu  Search  Sign In  Subscribe\n\nMost Read from Bloomberg\n  * Argentina's Peso Plunges "
       "Again as Investors Flee\n  * Chile's Copper Output Falls for a Third Month\n\nPolitics\n\nMarcos Presses "
       "Hegseth on Typhon Missiles as Manila Hedges\n\nThe ministers met in Washington.",
       "Marcos Presses Hegseth on Typhon Missiles as Manila Hedges"},
      // a link to the site's home page, with its motto
      {"[The Local Norway](https://www.thelocal.no/) · Norway's news in English\n\nNews · Politics · Work\n\n"
       "NATO\n\n# Eide presses Fidan on Sweden's accession in Oslo\n\nThe ministers met in Oslo.",
       "Eide presses Fidan on Sweden's accession in Oslo"},
  });
  // "Read more from Sky News:" alone on its line heads a list.
  Briefing sky = extractor().extract(
      "Ministers meet\n\nBritain's Foreign Secretary David Lammy met Australia's Foreign Minister Penny Wong in "
      "Sydney.\n\nRead more from Sky News:\nThousands evacuated as wildfires spread on Greek island\nNine charged "
      "after protest at RAF base\n\nRelated Topics\n");
  CHECK_FALSE(has(sky.countries, "Greece"));
  CHECK_FALSE(has(sky.topics, "disaster relief"));
}

TEST_CASE("unseen sets S and T: ministers elsewhere, Congo, places and titles between names", "[extractor]") {
  const std::string lead =
      "Ministers meet in Amman\n\nJordan's Foreign Minister Ayman Safadi hosted Egypt's Foreign Minister Sameh "
      "Shoukry and Palestinian Foreign Minister Riyad al-Maliki in Amman.\n\n";
  for (const char* later : {"Iranian Foreign Minister Abbas Araghchi, meanwhile, toured Gulf capitals.",
                            "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani, who is mediating "
                            "with Egypt, was expected in Amman later in the week."}) {
    INFO(later);
    Briefing b = extractor().extract(lead + later + "\n");
    CHECK(b.parties.size() == 3);
    CHECK(b.ministers.size() == 4);
  }
  // "Congolese" and "Congo" alone are the Democratic Republic, unless the
  // briefing names only the Republic.
  Briefing drc = extractor().extract(
      "Talks\n\nCongolese Foreign Minister Thérèse Kayikwamba Wagner met Rwanda's Foreign Minister Olivier "
      "Nduhungirehe on the conflict in eastern DR Congo.\n");
  CHECK(has(drc.parties, "Democratic Republic of the Congo"));
  CHECK_FALSE(has(drc.countries, "Republic of the Congo"));
  Briefing roc = extractor().extract(
      "Talks\n\nThe Congolese Foreign Minister met his Gabonese counterpart in Congo-Brazzaville.\n");
  CHECK(has(roc.countries, "Republic of the Congo"));
  CHECK_FALSE(has(roc.countries, "Democratic Republic of the Congo"));
  // A letterhead in the state's own language gives its ministers' country.
  Briefing py = extractor().extract(
      "MINISTERIO DE RELACIONES EXTERIORES\nRepública del Paraguay\n\nInicio | Ministerio | Prensa | Contacto\n\n"
      "Foreign Minister receives Brazilian counterpart\n\nThe Minister of Foreign Affairs, Rubén Ramírez Lezcano, "
      "received his counterpart from Brazil, Mauro Vieira.\n");
  CHECK(has(py.parties, "Paraguay"));
  // A building named after a known minister is a place.
  Briefing bhawan = extractor().extract(
      "Talks\n\nBangladesh's Foreign Minister Hasan Mahmud met India's External Affairs Minister S Jaishankar at "
      "Sushma Swaraj Bhawan in New Delhi.\n");
  CHECK(bhawan.ministers.size() == 2);
  // A title between two names, each with a title of its own, in a long
  // portfolio wrapped over lines.
  Briefing jpcc = extractor().extract(
      "JOINT COMMUNIQUE\n\n1. At the invitation of Her Excellency Verónica Macamo Dlhovo,\n   Minister of Foreign "
      "Affairs and Cooperation of the Republic of\n   Mozambique, Her Excellency Dr Naledi Pandor, Minister\n   of "
      "International Relations and Cooperation of the Republic of South\n   Africa, paid an official visit to "
      "Maputo.\n");
  std::vector<std::string> names, countries;
  for (const Minister& m : jpcc.ministers) names.push_back(m.name), countries.push_back(m.country);
  CHECK(has(names, "Verónica Macamo Dlhovo"));
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == "Naledi Pandor") CHECK(countries[i] == "South Africa");
}

TEST_CASE("unseen set U: a country before a name after 'of', bilingual list headings, more elsewhere",
          "[extractor]") {
  Briefing ge = extractor().extract(
      "Talks in Tbilisi\n\nThe ministers were received by Prime Minister of Georgia Irakli Garibashvili.\n");
  REQUIRE(ge.ministers.size() == 1);
  CHECK(ge.ministers[0].name == "Irakli Garibashvili");
  CHECK(has(ge.countries, "Georgia"));
  const std::string lead =
      "Ministers meet\n\nItaly's Defence Minister Guido Crosetto met France's Armed Forces Minister Sébastien "
      "Lecornu in Rome.\n\n";
  for (const char* list : {"**Leggi anche / Read also**\n\n- [Why Japan wants Italy in the fighter](#)\n",
                           "Previous news: Japanese servicemen take part in an exercise\n"}) {
    INFO(list);
    CHECK_FALSE(has(extractor().extract(lead + list + "\nFooter.\n").countries, "Japan"));
  }
  const std::string many =
      "Ministers meet in Kingston\n\nUS Secretary of State Marco Rubio met Jamaica's Prime Minister Andrew "
      "Holness, Barbados' Prime Minister Mia Mottley and Guyana's Foreign Minister Hugh Todd in Kingston.\n\n";
  for (const char* later : {"Cuban Foreign Minister Bruno Rodríguez Parrilla accused Rubio on X of blackmail.",
                            "Venezuela's Foreign Minister Yván Gil had accused Guyana on the eve of the visit."}) {
    INFO(later);
    Briefing b = extractor().extract(many + later + "\n");
    CHECK(has(b.parties, "Jamaica"));
    CHECK(has(b.parties, "Barbados"));  // "Barbados' Prime Minister"
    CHECK_FALSE(has(b.parties, "Cuba"));
    CHECK_FALSE(has(b.parties, "Venezuela"));
  }
  CHECK_FALSE(has(extractor().extract("Talks\n\nShe met the UK's Minister for the Indo-Pacific, Catherine West.\n")
                      .topics,
                  "indo-pacific"));
  CHECK(extractor().extract("The Namibian\nSubscribe | Sign in\n\nFollow The Namibian on WhatsApp for breaking "
                            "news\n\nPOLITICS\n\nNandi-Ndaitwah and Pandor push SADC for more troops\n\nThe "
                            "ministers met in Windhoek.\n")
            .title == "Nandi-Ndaitwah and Pandor push SADC for more troops");
}

TEST_CASE("unseen set V: a president of something, a minister who stayed home, portfolio titles", "[extractor]") {
  // Known to the knowledge base as a minister once, a president now.
  Briefing fi = extractor().extract(
      "Talks in Helsinki\n\nFinland's Foreign Minister Elina Valtonen met her Estonian counterpart. They were "
      "received by President of the Republic Alexander Stubb.\n");
  for (const Minister& m : fi.ministers) CHECK(m.name != "Alexander Stubb");
  Briefing nato = extractor().extract(
      "NATO ministers meet\n\nBritish Defence Secretary John Healey met US Defense Secretary Pete Hegseth and "
      "Poland's Defence Minister Władysław Kosiniak-Kamysz in Brussels.\n\nAustralia's deputy prime minister "
      "Richard Marles, who did not travel to Brussels, joined the call.\n");
  CHECK_FALSE(has(nato.parties, "Australia"));
  CHECK_FALSE(has(extractor()
                      .extract("Talks\n\nHe met Australia's Minister for Defence Industry, the Hon. Pat Conroy MP, "
                               "in Honiara.\n")
                      .topics,
                  "defense industry"));
  CHECK_FALSE(has(extractor()
                      .extract("Talks\n\nKosovo's Prime Minister accused Belgrade, a position Đurić rejected as "
                               "\"propaganda\".\n")
                      .topics,
                  "hybrid threats"));
  Briefing tl = extractor().extract(
      "MINISTÉRIO DOS NEGÓCIOS ESTRANGEIROS E COOPERAÇÃO\nRepública Democrática de Timor-Leste\n\nForeign "
      "Minister receives Indonesian counterpart\n\nThe Minister of Foreign Affairs and Cooperation, Bendito dos "
      "Santos Freitas, received Indonesia's Foreign Minister Sugiono in Dili.\n");
  CHECK(has(tl.parties, "Timor-Leste"));
  Briefing es = extractor().extract(
      "Sánchez in Beijing\n\nPrime Minister Pedro Sánchez met Chinese Premier Li Qiang.\n\nRelated information\n"
      "Albares meets Moroccan Foreign Minister Nasser Bourita in Madrid\nSánchez arrives in Viet Nam\n");
  CHECK_FALSE(has(es.countries, "Morocco"));
  CHECK(es.ministers.size() == 2);
}

TEST_CASE("hostile round 8: texts ending on a rank, headings, bylines, places before titles", "[extractor]") {
  // Ending on a title and a rank: no name is looked for past the last word.
  for (const char* end : {"Gen", "Lt", "Major", "Gen.", "Major General", "Minister"}) {
    INFO(end);
    CHECK(extractor().extract(std::string("Talks\n\nHe met the Defence Minister ") + end).ministers.empty());
  }
  check_titles({
      // a section's heading under the headline
      {"Japan and Finland sign defence equipment pact\n\n# Background\n\nThe ministers met in Tokyo.",
       "Japan and Finland sign defence equipment pact"},
      {"Japan and Finland sign defence equipment pact\n\n# Japan #Finland #Defence\n\nThe ministers met.",
       "Japan and Finland sign defence equipment pact"},
      // a headline ending on a title, a byline under it
      {"Japan hosts Finland's Minister of Defence\nBy John Smith\n\nThe ministers met in Tokyo.",
       "Japan hosts Finland's Minister of Defence"},
      {"Japan hosts Finland's Minister of Defence\nStaff Reporter\n\nThe ministers met in Tokyo.",
       "Japan hosts Finland's Minister of Defence"},
      {"Japan hosts Finland's Minister of Defence\nUpdated 3 hours ago\n\nThe ministers met in Tokyo.",
       "Japan hosts Finland's Minister of Defence"},
      // a headline written as a block quote or a list item, nothing else
      {"> Japan and Finland sign defence equipment pact\n\nThe ministers met in Tokyo and signed it.",
       "Japan and Finland sign defence equipment pact"},
  });
  // A place before a title between commas is no person.
  for (const char* text : {"Talks\n\nIn New Delhi, India's Defence Minister, Arjun Kapoor, Chairman of the "
                           "council, spoke.\n",
                           "Talks\n\nAt Camp David, the Secretary of Defense, Lloyd Austin, Head of the "
                           "delegation, spoke.\n"}) {
    INFO(text);
    Briefing b = extractor().extract(text);
    REQUIRE(b.ministers.size() == 1);
    CHECK((b.ministers[0].name == "Arjun Kapoor" || b.ministers[0].name == "Lloyd Austin"));
  }
  // A headline that names a city and a state is no ministry's address.
  Briefing visit = extractor().extract(
      "Foreign Minister arrives in Seoul, Republic of Korea\n\nMinister for Foreign Affairs, Hon. Kwame "
      "Fictionson, arrived for talks.\n");
  REQUIRE(visit.ministers.size() == 1);
  CHECK(visit.ministers[0].country.empty());
}

TEST_CASE("unseen sets W and X: lists of links, attendance lists with territories, plural titles", "[extractor]") {
  // Lines that are only a link, below the briefing's first sentence, are
  // other pages' headlines, whatever heads them; above it they are not cut.
  Briefing links = extractor().extract(
      "Uzbekistan and Turkmenistan talk water\n\nUzbek Foreign Minister Bakhtiyor Saidov met his Turkmen "
      "counterpart in Tashkent.\n\n**Worth a look**\n\n- [Kazakhstan and Kyrgyzstan Sign Water Deal](https://x.test/a)\n"
      "* [Iran Opens New Rail Link](https://x.test/b)\n\nThe ministers also discussed Afghanistan.\n");
  CHECK_FALSE(has(links.countries, "Kazakhstan"));
  CHECK_FALSE(has(links.countries, "Iran"));
  CHECK(has(links.countries, "Afghanistan"));
  Briefing digest = extractor().extract("- [Kazakhstan and Kyrgyzstan Sign Water Deal](https://x.test/a)\n\n"
                                        "Kyrgyzstan's Foreign Minister met his Kazakh counterpart.\n");
  CHECK(has(digest.countries, "Kazakhstan"));
  // A link inside a sentence is the briefing's.
  CHECK(has(extractor()
                .extract("Talks held.\n\nThe ministers discussed [Fiji](https://x.test/fiji) and Samoa.\n")
                .countries,
            "Fiji"));
  // Headings of such lists in other words.
  Briefing posts = extractor().extract(
      "Talks in Kingston\n\nJamaica's Foreign Minister met Ghana's Foreign Minister.\n\n**Related Posts**\n\n"
      "Jamaica and Canada Hold Political Consultations\n");
  CHECK_FALSE(has(posts.countries, "Canada"));

  // "attended by" heads a list of the countries that took part, territories
  // and observers the gazetteer does not know among them.
  Briefing forum = extractor().extract(
      "Outcomes statement\n\n1. Forum Foreign Ministers met in Honiara.\n\n2. The meeting was attended by "
      "Australia, Cook Islands, Fiji, French Polynesia, Kiribati, New\nCaledonia, Samoa and Vanuatu. "
      "Ministers were joined by the Secretary General.\n");
  for (const char* p : {"Australia", "Fiji", "Kiribati", "Samoa", "Vanuatu"}) {
    INFO(p);
    CHECK(has(forum.parties, p));
  }
  // An unknown item ends the list when no joiner follows it.
  CHECK(extractor().extract("The meeting was attended by Australia, Cook Islands officials said, and Fiji.").parties ==
        std::vector<std::string>{"Australia"});

  // "Presidents Prabowo Subianto and Ferdinand Marcos Jr.": a title that is
  // not a minister's, in the plural.
  Briefing id = extractor().extract(
      "Talks in Jakarta\n\nForeign Minister Sugiono met Philippine Foreign Secretary Enrique Manalo, days after "
      "Presidents Prabowo Subianto and Ferdinand Marcos Jr. met.\n");
  for (const Minister& m : id.ministers) CHECK(m.name != "Prabowo Subianto");

  // A portfolio the role table does not list, then its country.
  Briefing caricom = extractor().extract(
      "Council meets\n\nThe Hon. Frederick Mitchell, Minister of Foreign Affairs and the Public Service of The "
      "Bahamas, and Senator the Hon. Amery Browne, Minister of Foreign and CARICOM Affairs of Trinidad and "
      "Tobago, met in Bridgetown.\n");
  CHECK(has(caricom.parties, "Bahamas"));
  CHECK(has(caricom.parties, "Trinidad and Tobago"));
  // A title between two names, the second with a title the role table
  // knows: the first one's.
  Briefing pacific = extractor().extract(
      "Forum meets\n\nMinisters welcomed Senator the Hon. Penny Wong, Minister for Foreign Affairs of Australia, "
      "the Rt Hon. Winston Peters, Deputy Prime Minister and Minister of Foreign Affairs of New Zealand, and "
      "others.\n");
  for (const Minister& m : pacific.ministers)
    if (m.name == "Winston Peters") CHECK(m.country == "New Zealand");
  CHECK(has(pacific.parties, "New Zealand"));
}

TEST_CASE("unseen set X: letterheads over several lines, addresses, numbered paragraphs, two languages",
          "[extractor]") {
  check_titles({
      // A PDF's letterhead with its address and contacts, a short line in
      // capitals under the headline, a numbered first paragraph.
      {"                      PACIFIC ISLANDS FORUM SECRETARIAT\n"
       "          Private Mail Bag, Suva, Fiji  |  T: +679 331 2600  |  forumsec.org\n\n"
       "                  FORUM FOREIGN MINISTERS MEETING 2025\n                            OUTCOMES STATEMENT\n\n"
       "                 Honiara, Solomon Islands, 8 August 2025\n\n"
       "1.   Forum Foreign Ministers met in Honiara, Solomon Islands on 8 August\n"
       "     2025. The meeting was chaired by the Hon. Peter Shanel Agovaka.\n",
       "FORUM FOREIGN MINISTERS MEETING 2025 OUTCOMES STATEMENT"},
      // An organisation's name and office over three lines, a town and its
      // country.
      {"COOPERATION COUNCIL FOR THE ARAB STATES\nOF THE GULF\nSECRETARIAT GENERAL\nRiyadh, Kingdom of Saudi "
       "Arabia\n\nRef: MC/JM-UK/2025/03\n\nJOINT STATEMENT OF THE GCC-UK JOINT MINISTERIAL\nMEETING FOR STRATEGIC "
       "DIALOGUE\n\nRiyadh, 13 April 2025\n\n1. The meeting was held in Riyadh with the ministers of the GCC.\n",
       "JOINT STATEMENT OF THE GCC-UK JOINT MINISTERIAL MEETING FOR STRATEGIC DIALOGUE"},
      // The headline in English right under the one in Spanish.
      {"Ministerio de Relaciones Exteriores y Culto\n\nComunicado de prensa N.º 041-2025\n\nCancilleres de Costa "
       "Rica y Panamá acuerdan mecanismo conjunto ante flujo migratorio inverso\nForeign Ministers of Costa Rica "
       "and Panama agree joint mechanism on reverse migration flows\n\nViernes 14 de febrero, 2025\n\nThe foreign "
       "ministers met at Paso Canoas.\n",
       "Foreign Ministers of Costa Rica and Panama agree joint mechanism on reverse migration flows"},
      // Not a standfirst in English under an English headline.
      {"Japan and Finland sign defence pact\nKihara and Häkkänen discuss hybrid threats in Tokyo\n\nThe ministers "
       "met in Tokyo.\n",
       "Japan and Finland sign defence pact"},
      // A headline in quotes, without them; a quotation inside stays.
      {"# \"Prime Minister Eke receives Australia's Foreign Minister Penny Wong\"\n\nThe ministers met.\n",
       "Prime Minister Eke receives Australia's Foreign Minister Penny Wong"},
      {"# \"We are partners\", says Wong in Nuku'alofa talks with \"Eke\"\n\nThe ministers met.\n",
       "\"We are partners\", says Wong in Nuku'alofa talks with \"Eke\""},
  });
}

TEST_CASE("unseen set Y: lists after a colon, portfolios read like names, trips called off, addresses",
          "[extractor]") {
  // The words that say who took part before a colon, then the list.
  Briefing ecowas = extractor().extract(
      "Final communique\n\nThe meeting was attended by Ministers and Heads of Delegation of the following Member "
      "States: Benin, Cabo Verde, Ghana, Liberia and Togo.\n");
  for (const char* p : {"Benin", "Cabo Verde", "Ghana", "Liberia", "Togo"}) {
    INFO(p);
    CHECK(has(ecowas.parties, p));
  }
  // Not a list after a colon that the words before it do not introduce.
  CHECK(extractor().extract("Sanctions remain on the following countries: Iran and Syria.").parties.empty());
  // Words of a portfolio that read like a name, then the name after its
  // honorific.
  Briefing dz = extractor().extract(
      "Talks in Algiers\n\nThe Minister of State, Minister of Foreign Affairs, National Community Abroad and "
      "African Affairs, Mr. Ahmed Attaf, received the Italian Deputy Prime Minister Antonio Tajani.\n");
  CHECK(std::any_of(dz.ministers.begin(), dz.ministers.end(), [](const Minister& m) { return m.name == "Ahmed Attaf"; }));
  // A minister who called off the trip took no part.
  Briefing baltic = extractor().extract(
      "Baltic ministers meet in Tallinn\n\nEstonia's Defence Minister Hanno Pevkur hosted Latvia's Defence "
      "Minister Andris Sprūds.\n\nFinland's Defence Minister Antti Häkkänen, who cancelled his trip because of "
      "the storm, sent a message.\n");
  CHECK_FALSE(has(baltic.parties, "Finland"));
  CHECK(has(baltic.parties, "Latvia"));
  // An office's address is no minister; a Samoan honorific is no name.
  Briefing ws = extractor().extract(
      "Talks in Apia\n\nAfioga Fiamē Naomi Mataʻafa met the UK Foreign Secretary.\n\nOffice of the Prime "
      "Minister,\nLevel 4, Government Building\nApia, Samoa\n");
  for (const Minister& m : ws.ministers) {
    CHECK(m.name != "Level");
    CHECK(m.name.rfind("Afioga", 0) != 0);
  }
}

TEST_CASE("unseen sets W and X: names begun by an okina, after honorifics, after a title no minister's",
          "[extractor]") {
  auto names = [](const char* text) {
    std::vector<std::string> out;
    for (const Minister& m : extractor().extract(text).ministers) out.push_back(m.name);
    return out;
  };
  // The ʻokina (U+02BB) before a capital: still a capitalised name.
  CHECK(has(names("Talks\n\nPrime Minister Hon. Dr. ʻAisake Valu Eke received Australia's Foreign Minister."),
            "ʻAisake Valu Eke"));
  // A portfolio the role table does not list, honorifics, then the name.
  CHECK(has(names("Talks\n\nAngola's Minister of External Relations H.E. Mr. Téte António met Zambia's Foreign "
                  "Minister Mulambo Haimbe."),
            "Téte António"));
  // A title that is no minister's, "and", then a minister's.
  CHECK(has(names("Talks\n\nTurkmenistan's Deputy Chairman of the Cabinet of Ministers and Foreign Minister "
                  "Rashid Meredov met Bakhtiyor Saidov."),
            "Rashid Meredov"));
  // (a chairman alone stays no minister)
  CHECK_FALSE(has(names("Talks\n\nThe Chairman of the Cabinet of Ministers Ivan Petrov met the press."),
                  "Ivan Petrov"));
}

TEST_CASE("unseen set X: 'the Hon.' and 'Senator the Hon.' between a title and its holder", "[extractor]") {
  Briefing jm = extractor().extract(
      "Talks in Kingston\n\nMinister of Foreign Affairs and Foreign Trade, Senator the Hon. Kamina Johnson Smith, "
      "welcomed Ghana's Minister of Foreign Affairs, the Hon. Samuel Okudzeto Ablakwa, MP, to Kingston.\n");
  const std::vector<std::string> names = minister_names(jm);
  CHECK(has(names, "Kamina Johnson Smith"));
  CHECK(has(names, "Samuel Okudzeto Ablakwa"));
  CHECK_FALSE(has(names, "Johnson Smith"));
  CHECK(has(jm.parties, "Ghana"));
}

TEST_CASE("unseen set Z: a dateline's day takes the page's year, not history's; initials before a surname",
          "[extractor]") {
  // The first full date is history; the page's own numeric date is later.
  Briefing pl = extractor().extract(
      "Cuba and Russia talk\n\nMoscow, Oct 21 (Prensa Latina) Cuban Foreign Minister Bruno Rodríguez met Sergey "
      "Lavrov.\n\nRelations, established on May 8, 1960, have gained new impetus.\n\nPublished: 21/10/2024 11:05\n");
  CHECK(pl.date == "2024-10-21");
  // A full date with the dateline's day gives the year.
  CHECK(extractor().extract("Talks\n\nMadrid, Jan 14 - The ministers met. In March 2023 they had met too. "
                            "Statement of 14 January 2025.\n").date == "2025-01-14");
  // The page's date under a list of other stories is not one of them.
  Briefing efe = extractor().extract(
      "Robles in Nouakchott\n\nNouakchott, Jan 14 (EFE).- Spain's Defence Minister Margarita Robles met her "
      "Mauritanian counterpart.\n\n**Related news**\n\n- Spain and Morocco hold talks\n\nPublished: 01/14/2025 17:32 | "
      "Updated: 01/14/2025 19:05\n");
  CHECK(efe.date == "2025-01-14");
  CHECK_FALSE(has(efe.countries, "Morocco"));
  // "V." is an initial, not a numeral, before more of a name.
  std::vector<std::string> names;
  for (const Minister& m : extractor()
                               .extract("Talks\n\nMinister of Foreign Affairs of the Republic of Belarus M.V. "
                                        "Ryzhenkov attended.\n")
                               .ministers)
    names.push_back(m.name);
  CHECK(has(names, "M.V. Ryzhenkov"));
}

TEST_CASE("unseen set Z: ministers at other times, portfolio words before a name", "[extractor]") {
  Briefing cy = extractor().extract(
      "Cyprus and Greece talk defence\n\nCyprus's Defence Minister Vasilis Palmas met Greek Defence Minister Nikos "
      "Dendias in Nicosia on Monday.\n\nTurkish Defence Minister Yaşar Güler had made similar statements the week "
      "before in Ankara.\n");
  CHECK_FALSE(has(cy.parties, "Turkey"));
  CHECK(has(cy.countries, "Turkey"));
  CHECK(has(cy.parties, "Greece"));
  Briefing ua = extractor().extract(
      "Talks in Kyiv\n\nThe Minister of Digital Transformation Mykhailo Fedorov met Denmark's Defence Minister.\n");
  const std::vector<std::string> names = minister_names(ua);
  CHECK(has(names, "Mykhailo Fedorov"));
}

TEST_CASE("hostile round 9: sentences with links, 'attended by' after a country, portfolios across people",
          "[extractor]") {
  // A sentence that opens with a bracket and ends with a link is the
  // briefing's, not a link line.
  Briefing linked = extractor().extract(
      "Talks in Manila\n\nThe ministers met today.\n\n[Japanese Defence Minister Minoru Kihara] met Philippine "
      "Secretary of National Defense Gilberto Teodoro in Manila, according to [the ministry](https://x.test/a)\n");
  CHECK(has(linked.parties, "Japan"));
  CHECK(has(linked.parties, "Philippines"));
  // "X attended by video": X took part.
  CHECK(has(extractor().extract("The meeting was held in Tokyo. Fiji attended by videoconference.").parties, "Fiji"));
  CHECK(has(extractor().extract("Australia attended by video link, and the meeting went on.").parties, "Australia"));
  // A portfolio's country is not another person's or body's.
  for (const char* text : {"Talks\n\nJane Doe, Minister of Tourism and Mr Paul Roe of Fiji met.\n",
                           "Talks\n\nJohn Smith, Minister of Defence and Chief Jane Roe of Japan met on Monday.\n",
                           "Talks\n\nJohn Smith, Minister of Defence and Head of Mission Ann Lee of Fiji talked.\n",
                           "Talks\n\nJane Doe, Minister of Foreign Affairs and The Embassy of Japan hosted a dinner.\n"}) {
    INFO(text);
    Briefing b = extractor().extract(text);
    for (const Minister& m : b.ministers) {
      CHECK(m.country.empty());
      CHECK(m.name != "Paul Roe");
    }
  }
}

TEST_CASE("unseen set AA: a month or year not the meeting's, named again in the same sentence, absent later",
          "[extractor]") {
  using V = std::vector<std::string>;
  const std::string lead =
      "Baltic foreign ministers meet in Vilnius\n\n"
      "VILNIUS, 14 October 2024 - Lithuanian Foreign Minister Kęstutis Budrys hosted Latvian Foreign Minister "
      "Baiba Braže and Estonian Foreign Minister Margus Tsahkna in Vilnius.\n\n"
      "Budrys, Braže and Tsahkna discussed sanctions.\n\n";
  for (const char* later : {"German Defence Minister Boris Pistorius travelled to Riga in May, and Pistorius told "
                            "reporters the brigade was ready.",
                            "British Foreign Secretary David Lammy said in September 2024 that the policy was kept "
                            "under review, but Lammy did not signal any change.",
                            "Kazakhstan's Foreign Minister Murat Nurtleu visited Kabul in 2022.",
                            "Pakistan's Foreign Minister Ishaq Dar is expected to visit Vilnius soon."}) {
    INFO(later);
    Briefing b = extractor().extract(lead + later + "\n");
    CHECK(b.parties == V{"Lithuania", "Latvia", "Estonia"});
  }
  // Named again in a sentence of its own, even one that says what he did
  // not do, he took part ("did not attend the state dinner").
  Briefing dinner = extractor().extract(lead + "Finland's Foreign Minister Elina Valtonen said the US would help. "
                                               "Valtonen did not attend the state dinner.\n");
  CHECK(has(dinner.parties, "Finland"));
  // Times that are not before the meeting, or not times, say nothing: a
  // later meeting, a place, a quantity, a clause in brackets, a list's next
  // item.
  for (const char* later : {"Finland's Foreign Minister Elina Valtonen said they would meet again in December.",
                            "Finland's Foreign Minister Elina Valtonen spoke of the summit in Mar del Plata.",
                            "Finland's Foreign Minister Elina Valtonen announced aid in 2000 tents.",
                            "Finland's Foreign Minister Elina Valtonen (in office since June 2023) spoke.",
                            "- Finland's Foreign Minister Elina Valtonen welcomed the dialogue\n- A review was held "
                            "in March"}) {
    INFO(later);
    CHECK(has(extractor().extract(lead + later + "\n").parties, "Finland"));
  }
  // The meeting's own month says nothing; a second sentence naming him
  // says he took part.
  Briefing same = extractor().extract(lead + "Finland's Foreign Minister Elina Valtonen joined in October.\n");
  CHECK(has(same.parties, "Finland"));
  Briefing again = extractor().extract(lead + "Finland's Foreign Minister Elina Valtonen spoke in May. "
                                              "Valtonen also signed the statement.\n");
  CHECK(has(again.parties, "Finland"));
}

TEST_CASE("unseen set AA: two or more countries that agree are parties; not after a preposition", "[extractor]") {
  Briefing b = extractor().extract(
      "Border security talks in Accra\n\nACCRA - Ghana and Côte d'Ivoire have agreed to set up joint patrols, "
      "the Minister for Foreign Affairs, Mr Samuel Okudzeto Ablakwa, said on 3 March 2025.\n");
  CHECK(has(b.parties, "Ghana"));
  CHECK(has(b.parties, "Côte d'Ivoire"));
  Briefing headline = extractor().extract("Uganda, Somalia agree on troop deployment\n\nKAMPALA - The two "
                                          "ministers met on Tuesday.\n");
  CHECK(has(headline.parties, "Uganda"));
  CHECK(has(headline.parties, "Somalia"));
  Briefing object = extractor().extract(
      "Ministers meet in Tokyo\n\nJapanese Foreign Minister Takeshi Iwaya met South Korean Foreign Minister "
      "Cho Tae-yul. They backed the denuclearization of North Korea and agreed to share missile data.\n");
  CHECK_FALSE(has(object.parties, "North Korea"));
  Briefing one = extractor().extract("Trade talks\n\nChina agreed last year to lift the ban.\n");
  CHECK_FALSE(has(one.parties, "China"));
  // Only a sentence's or a headline's subject (hostile round 10).
  const std::string lead = "Finland and Sweden discuss defence\n\nHELSINKI - Finnish Defence Minister Antti Häkkänen "
                           "hosted Swedish Defence Minister Pål Jonson on 3 March 2025. ";
  for (const char* later : {"In 1994, Israel and Jordan agreed to end their state of war.",
                            "He noted that Russia and Belarus have agreed to hold drills.",
                            "Will Russia and Ukraine agree to a ceasefire?",
                            "They welcomed the United States and Ukraine's agreed minerals deal."}) {
    INFO(later);
    const Briefing b = extractor().extract(lead + later + "\n");
    CHECK(b.parties == std::vector<std::string>{"Finland", "Sweden"});
  }
}

TEST_CASE("unseen set AB: 'the Hon.' after a long portfolio, regions, ranks, suffixes, embassies", "[extractor]") {
  auto names_of = [](const Briefing& b) {
    std::vector<std::string> names;
    for (const Minister& m : b.ministers) names.push_back(m.name + " / " + m.country);
    return names;
  };
  // More of the portfolio and its country, then "the Hon." and the name.
  Briefing bz = extractor().extract(
      "Talks in Guatemala City\n\nThe Minister of Foreign Affairs of Guatemala, Mario Búcaro, received the Minister "
      "of Foreign Affairs, Foreign Trade and Immigration of Belize, the Hon. Eamon Courtenay, S.C., at the Palace.\n");
  CHECK(has(names_of(bz), "Eamon Courtenay / Belize"));
  CHECK(has(bz.parties, "Belize"));
  // A region in a portfolio is no name.
  Briefing mu = extractor().extract(
      "Talks in Port Louis\n\nThe Minister of Foreign Affairs, Regional Integration and International Trade, the "
      "Hon. Dhananjay Ramful, received the UK Minister of State for Europe, North America and Overseas Territories, "
      "Stephen Doughty.\n");
  // (his country from the capital of the headline: the host's)
  CHECK(has(names_of(mu), "Dhananjay Ramful / Mauritius"));
  CHECK(has(names_of(mu), "Stephen Doughty / United Kingdom"));
  CHECK(mu.ministers.size() == 2);
  // A rank before a known minister says nothing; after another title it does.
  Briefing eg = extractor().extract(
      "Sisi receives Somali minister\n\nPresident Abdel Fattah El-Sisi received Somalia's Minister of Defence "
      "Abdulkadir Mohamed Nur in the presence of General Abdel Mageed Saqr, Commander-in-Chief of the Armed Forces, "
      "Minister of Defense and Military Production.\n");
  CHECK(has(names_of(eg), "Abdel Mageed Saqr / Egypt"));
  Briefing ng = extractor().extract(
      "Accord signed\n\nThe Minister of Defence, Mohammed Badaru Abubakar, signed it in the presence of the Chief "
      "of Defence Staff, Gen. Christopher Musa.\n");
  CHECK(ng.ministers.size() == 1);
  // A suffix keeps its dot after a portfolio; a Chairwoman of the Council of
  // Ministers heads a government.
  Briefing pw = extractor().extract(
      "Talks in Koror\n\nMinister of Finance Kaleb Udui Jr. and senior officials attended. The Chairwoman of the "
      "Council of Ministers of Bosnia and Herzegovina, Borjana Krišto, sent greetings.\n");
  CHECK(has(names_of(pw), "Kaleb Udui Jr. / Palau"));
  REQUIRE(pw.ministers.size() == 2);
  CHECK(pw.ministers[1].role == "Prime Minister");
  // An embassy's page gives no minister its country: it names its host's
  // as often as its own state's (hostile round 10).
  Briefing us = extractor().extract(
      "U.S. Embassy in Mongolia\n\nAmbassador meets Defense Minister\n\n"
      "Ambassador Richard Buangan met Minister of Defense Gursed Saikhanbayar.\n");
  CHECK(has(names_of(us), "Gursed Saikhanbayar / "));
  CHECK(us.parties.empty());
}

TEST_CASE("unseen sets AA and AB: an apostrophe inside a name, 'government of', long menus, state datelines",
          "[extractor]") {
  Briefing iq = extractor().extract(
      "Call\n\nBAGHDAD - Iraqi Prime Minister Mohammed Shia' al-Sudani received a call. Amir Khan Muttaqi, acting "
      "minister of foreign affairs in the Taliban-led interim government of Afghanistan, also spoke.\n");
  std::vector<std::string> names;
  for (const Minister& m : iq.ministers) names.push_back(m.name + " / " + m.country);
  CHECK(has(names, "Mohammed Shia' al-Sudani / Iraq"));
  CHECK(has(names, "Amir Khan Muttaqi / Afghanistan"));
  // A menu of one item a line does not hide the headline below it.
  std::string page = "Skip to main content\nRepublic of Mauritius\nMinistry of Foreign Affairs, Regional Integration "
                     "and International Trade\nSearch this site...\n\n";
  for (const char* item : {"Home", "About Us", "Minister's Office", "Divisions", "Missions Abroad", "Consular Services",
                           "Media Centre", "Publications", "Contact Us"})
    page += std::string(item) + "\n";
  page += "\nYou are here: Home > Media Centre > News\n\nMinister Ramful holds talks with UK Minister of State "
          "Stephen Doughty on the Chagos Treaty\n\nPublished: 16 June 2025\n\nThe Minister received Mr Doughty.\n";
  CHECK(extractor().extract(page).title ==
        "Minister Ramful holds talks with UK Minister of State Stephen Doughty on the Chagos Treaty");
  // A dateline with a state's style is a dateline; a heading in capitals
  // begun on the lines above the one that names the organisation is whole.
  Briefing sica = extractor().extract(
      "         CENTRAL AMERICAN INTEGRATION SYSTEM\n\n"
      "                 JOINT DECLARATION OF THE COUNCIL OF MINISTERS OF\n"
      "                 FOREIGN AFFAIRS OF THE CENTRAL AMERICAN INTEGRATION\n"
      "                                   SYSTEM (SICA)\n\n"
      "                    San Salvador, Republic of El Salvador, 20 June 2025\n\n"
      "The Council of Ministers of Foreign Affairs of the Central American\n"
      "Integration System (SICA), meeting in ordinary session in San Salvador\n"
      "under the Pro Tempore Presidency of El Salvador, adopted this declaration.\n");
  CHECK(sica.title ==
        "JOINT DECLARATION OF THE COUNCIL OF MINISTERS OF FOREIGN AFFAIRS OF THE CENTRAL AMERICAN INTEGRATION "
        "SYSTEM (SICA)");
  CHECK(sica.date == "2025-06-20");
  CHECK(has(sica.organisations, "SICA"));
}

TEST_CASE("unseen sets AA and AB: Port of Spain, peace support missions, a peacekeeping training centre",
          "[extractor]") {
  Briefing tt = extractor().extract("Talks\n\nPORT OF SPAIN - The ministers met in Port of Spain.\n");
  CHECK_FALSE(has(tt.countries, "Spain"));
  Briefing sadc = extractor().extract(
      "Talks\n\nTroops served under the SADC peace support mission in Cabo Delgado. Mongolia hosts the Khaan Quest "
      "multinational peacekeeping exercise each year.\n");
  CHECK(has(sadc.topics, "peacekeeping"));
  CHECK(has(sadc.topics, "exercises and training"));
  Briefing centre = extractor().extract(
      "Talks\n\nOfficers will study at the Kofi Annan International Peacekeeping Training Centre in Accra.\n");
  CHECK_FALSE(has(centre.topics, "peacekeeping"));
}

TEST_CASE("unseen set AA: a month's name as a given name after a title or an honorific", "[extractor]") {
  Briefing b = extractor().extract(
      "Talks\n\nDAR ES SALAAM, 3 March 2025 - Foreign Minister January Makamba met the delegation. The Minister "
      "for Foreign Affairs and East African Cooperation, Mr January Makamba, spoke. On 5 March, Defence Minister, "
      "September 5, said nothing. Prime Minister Theresa May spoke.\n");
  const std::vector<std::string> names = minister_names(b);
  CHECK(has(names, "January Makamba"));
  CHECK(has(names, "Theresa May"));
  CHECK(b.ministers.size() == 2);
}

TEST_CASE("hostile round 10: ranks, possessives, organisations, state datelines, new data", "[extractor]") {
  auto names = [](const Briefing& b) {
    std::vector<std::string> out;
    for (const Minister& m : b.ministers) out.push_back(m.name);
    return out;
  };
  // A rank before a known minister hides him unless a minister's title
  // follows or "counterpart" precedes.
  for (const char* text : {"Talks\n\nIsrael's former chief of staff Lt. Gen. Benny Gantz attended.\n",
                           "Talks\n\nThe Chief of Defence Staff Gen. Benny Gantz attended.\n",
                           "Talks\n\nIt followed a visit to Jakarta by General Prabowo Subianto.\n",
                           "Talks\n\nNATO Secretary General Mark Rutte spoke.\n"}) {
    INFO(text);
    CHECK(extractor().extract(text).ministers.empty());
  }
  // A possessive is no part of a name.
  Briefing marles = extractor().extract("Talks\n\nDefence Minister Richard Marles' Canberra speech was noted.\n");
  CHECK(names(marles) == std::vector<std::string>{"Richard Marles"});
  // An organisation after a title is no person.
  Briefing eac = extractor().extract(
      "Talks\n\nThe Chairperson of the Council of Ministers of the East African Community, Rebecca Miano, spoke.\n");
  CHECK_FALSE(has(names(eac), "East African Community"));
  // A headline of two states' talks is no dateline.
  CHECK(extractor().extract("Republic of Rwanda–State of Qatar Talks, 12 May 2025\n\nKIGALI — Rwanda and Qatar "
                            "held talks on Monday.\n")
            .title == "Republic of Rwanda–State of Qatar Talks, 12 May 2025");
  // New data, as written only.
  Briefing data = extractor().extract(
      "JAPAN CAN HELP UKRAINE, SAYS MINISTER\n\nAUKUS was a Pacific alliance. The main naval port of Spain "
      "was named, and the UK OTS were discussed.\n");
  CHECK(data.organisations == std::vector<std::string>{"AUKUS"});
  CHECK(has(data.countries, "Spain"));
}

TEST_CASE("unseen sets AC and AD: a reference in a letterhead row, a site and its motto",
          "[extractor]") {
  check_titles({
      {"REGIERUNG DES FÜRSTENTUMS LIECHTENSTEIN\nPRESS RELEASE - English version            Ref.: LNR 2024-1187\n"
       "                                               Vaduz, 5 November 2024\n\n"
       "FOREIGN MINISTER DOMINIQUE HASLER WELCOMES AUSTRIAN FOREIGN MINISTER\nSCHALLENBERG FOR WORKING VISIT TO VADUZ\n\n"
       "Foreign Minister Dominique Hasler welcomed her Austrian counterpart.\n",
       "FOREIGN MINISTER DOMINIQUE HASLER WELCOMES AUSTRIAN FOREIGN MINISTER SCHALLENBERG FOR WORKING VISIT TO VADUZ"},
  });
  Briefing oas = extractor().extract(
      "---\npage-title: \"OAS :: Organization of American States: Democracy for peace, security, and development\"\n"
      "page-heading: \"Foreign Ministers of Belize and Guatemala Review Confidence Building Measures\"\n---\n"
      "Foreign Ministers of Belize and Guatemala Review Confidence Building Measures\n\nWASHINGTON - The ministers "
      "met on 3 March 2025.\n");
  CHECK(oas.title == "Foreign Ministers of Belize and Guatemala Review Confidence Building Measures");
}

TEST_CASE("hostile round 11: places after a portfolio, ranks before others' titles, short names, labels",
          "[extractor]") {
  auto names = [](const Briefing& b) {
    std::vector<std::string> out;
    for (const Minister& m : b.ministers) out.push_back(m.name);
    return out;
  };
  // A place after more of a portfolio is no holder.
  for (const char* text :
       {"Talks\n\nA letter was sent to the Minister of Foreign Affairs, Trade and Industry, Kuala Lumpur, Malaysia.\n",
        "Talks\n\nAn invitation from the Minister of Foreign Affairs, International Trade and Worship, Buenos Aires, "
        "to the ministers.\n"}) {
    INFO(text);
    CHECK(extractor().extract(text).ministers.empty());
  }
  // A rank before a known minister, another's title later in the sentence.
  CHECK(names(extractor().extract("Talks\n\nGeneral Prabowo Subianto met Defence Minister Sjafrie Sjamsoeddin in "
                                  "Jakarta on 4 March 2025.\n")) ==
        std::vector<std::string>{"Sjafrie Sjamsoeddin"});
  // A short given name that is an organisation's acronym in title case.
  Briefing jef = extractor().extract("Talks\n\nBelgian Defence Minister Jef Van Dyck met Dutch Defence Minister "
                                     "Ruben Brekelmans.\n");
  CHECK(has(names(jef), "Jef Van Dyck"));
  CHECK(has(jef.parties, "Belgium"));
  // A month after a title in a headline is no given name.
  CHECK(extractor().extract("Japanese Foreign Minister March Manila Visit Postponed\n\nThe trip was put off.\n")
            .ministers.empty());
  // "Also in attendance:" heads no list of other stories; a short opening
  // phrase before countries that agree.
  Briefing also = extractor().extract(
      "Talks in Tokyo\n\nOn Wednesday, Japan and the Philippines agreed to expand joint patrols, said Defense "
      "Minister Gen Nakatani in Tokyo on 12 March 2025.\n\nAlso in attendance:\nForeign Minister Takeshi Iwaya\n");
  CHECK(has(also.parties, "Philippines"));
  CHECK(has(names(also), "Takeshi Iwaya"));
  // An HTML <title> with a site's name first keeps its place when the <h1>
  // is a label.
  Briefing nato = extractor().extract(
      "---\npage-title: \"NATO: Allies agree to boost Ukraine support\"\npage-heading: \"Press releases\"\n---\n"
      "Press releases\n\nNATO defence ministers met in Brussels on 13 February 2025.\n");
  CHECK(nato.title == "NATO: Allies agree to boost Ukraine support");
}

TEST_CASE("unseen set AC: a portfolio for the state's own people abroad names the state", "[extractor]") {
  auto country_of = [](const char* text, const std::string& name) {
    for (const Minister& m : extractor().extract(text).ministers)
      if (m.name == name) return m.country;
    return std::string("(not found)");
  };
  CHECK(country_of("Talks\n\nALGIERS - The Minister of Foreign Affairs, Cooperation and Mauritanians Abroad, Mohamed "
                   "Salem Ould Merzoug, held talks.\n",
                   "Mohamed Salem Ould Merzoug") == "Mauritania");
  CHECK(country_of("Talks\n\nMinister of Foreign Affairs, African Cooperation and Moroccan Expatriates, Mr. Nasser "
                   "Bourita, spoke.\n",
                   "Nasser Bourita") == "Morocco");
  CHECK(country_of("Talks\n\nRABAT - Minister for Foreign Affairs and Moroccan Expatriates Nasser Bourita met him.\n",
                   "Nasser Bourita") == "Morocco");
  // (more of the portfolio after a comma, then the name with no comma: unseen set AE)
  CHECK(country_of("Talks\n\nRABAT - Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates "
                   "Nasser Bourita received his Spanish counterpart.\n",
                   "Nasser Bourita") == "Morocco");
}

TEST_CASE("unseen set AF: addresses and a presidency's letterhead, a letterhead in several languages",
          "[extractor]") {
  check_titles({
      {"MINISTRY OF FOREIGN AFFAIRS\nCapital Hill, P.O. Box 30315, Lilongwe 3, Malawi\n\nJOINT COMMUNIQUE OF THE "
       "JOINT PERMANENT COMMISSION\n\nThe ministers met on 3 March 2025.\n",
       "JOINT COMMUNIQUE OF THE JOINT PERMANENT COMMISSION"},
      {"Presidency of the Council of Ministers - Lebanese Republic\n\nPrime Minister Salam receives German Foreign "
       "Minister\n\nFriday, June 27, 2025\n\nThe Prime Minister received the German minister today.\n",
       "Prime Minister Salam receives German Foreign Minister"},
  });
  // (a sentence with a postal box is no address line)
  Briefing b = extractor().extract("Letters to the ministry\n\nThe ministry, at P.O. Box 12, Lilongwe, said on 3 "
                                   "March 2025 that Malawi and Zambia met.\n");
  CHECK(std::find(b.countries.begin(), b.countries.end(), "Zambia") != b.countries.end());
  // A ministry's page names its own ministers by title and surname: their
  // country is the letterhead's, also when it is written in three languages
  // (names the knowledge base does not know).
  auto country_of = [](const char* text, const std::string& name) {
    for (const Minister& m : extractor().extract(text).ministers)
      if (m.name == name) return m.country;
    return std::string("(not found)");
  };
  CHECK(country_of("Republika e Kosovës | Republika Kosova | Republic of Kosovo\nMinistria e Mbrojtjes | Ministry of "
                   "Defence\n\nMinister Fictionaj hosts his Hungarian counterpart\n\nPrishtina, 12 May 2025. The "
                   "Minister of Defence, Fictionaj, today hosted the Hungarian Minister of Defence.\n",
                   "Fictionaj") == "Kosovo");
  CHECK(country_of("Presidency of the Council of Ministers - Lebanese Republic\n\nPrime Minister receives German "
                   "Foreign Minister\n\nBeirut, 27 June 2025. The meeting was attended by Foreign Minister Fictionani.\n",
                   "Fictionani") == "Lebanon");
}

TEST_CASE("hostile round 13: styles, portfolios, addresses, menus and namesakes", "[extractor]") {
  auto names = [](const Briefing& b) {
    std::vector<std::string> out;
    for (const Minister& m : b.ministers) out.push_back(m.name);
    return out;
  };
  using V = std::vector<std::string>;
  // A title after any comma is no style; after a minister's title,
  // "President" is no style either.
  CHECK(extractor().extract("Talks\n\nOn Thursday, President António Costa of the European Council said the bloc "
                            "would act.\n").ministers.empty());
  CHECK(names(extractor().extract("Talks\n\nJakarta, 3 May 2025. It was attended by the Minister of Foreign Affairs, "
                                  "President Prabowo Subianto and Defence Minister Sjafrie Sjamsoeddin.\n")) ==
        V{"Sjafrie Sjamsoeddin"});
  // More of a portfolio without a comma: not across another person's title.
  for (const Minister& m : extractor().extract("Talks\n\nSingapore's Defence Minister, Ng and Chief of Defence Force "
                                               "Aaron Beng inspected the troops.\n").ministers)
    CHECK(m.name != "Aaron Beng");
  CHECK(extractor().extract("Talks\n\nThe U.S. Secretary of State, Rubio and National Security Adviser Mike Waltz "
                            "met Russian officials.\n").ministers.size() <= 1);
  // A date in a headline with commas is no address.
  CHECK(extractor().extract("Japan, Philippines sign defence pact on July 8, 2024, in Manila\n\nMANILA - The "
                            "ministers signed it.\n").title ==
        "Japan, Philippines sign defence pact on July 8, 2024, in Manila");
  // A country alone in a menu is no letterhead.
  Briefing menu = extractor().extract("World | Ukraine | Opinion\n\nDefence ministers meet\n\nDefence Minister "
                                      "Anna Fictionova said the talks went well on 3 May 2025.\n");
  REQUIRE(menu.ministers.size() == 1);
  CHECK(menu.ministers[0].country.empty());
  // A namesake described as someone else is no minister.
  CHECK(extractor().extract("Talks\n\n\"We are short of interceptors,\" said David Francis, a senior fellow at the "
                            "Atlantic Council.\n").ministers.empty());
  // The minister who welcomes a decision took part.
  Briefing welcomed = extractor().extract(
      "Defence talks in Tokyo\n\nTOKYO, 5 June 2024 - Japanese Defense Minister Minoru Kihara hosted the annual talks "
      "in Tokyo on Wednesday.\n\nAustralian Defence Minister Richard Marles welcomed the decision of the Japanese "
      "cabinet to raise spending.\n");
  CHECK(has(welcomed.parties, "Australia"));
  // "Major-General" and "Field Marshal" are left out of a name.
  CHECK(names(extractor().extract("Talks\n\nAbuja, 3 May 2025. Nigeria's Minister of Defence, Major-General "
                                  "Aleksandr Fictionov (rtd), spoke.\n")) == V{"Aleksandr Fictionov"});
  // A title held before, said after the name; a title held now, after a
  // former one.
  CHECK(extractor()
            .extract("Talks\n\nArgentina's ambassador in Santiago, Jorge Faurie, who served as foreign minister "
                     "under Mauricio Macri, also took part.\n")
            .ministers.empty());
  CHECK(extractor().extract("Talks\n\nIvan Fictionov, who was Defence Minister until 2019, spoke.\n").ministers.empty());
  CHECK(names(extractor().extract("Talks\n\nThe pact was signed by then Prime Minister Manasseh Sogavare, who is "
                                  "now Minister of Finance and Treasury.\n")) == V{"Manasseh Sogavare"});
  CHECK(names(extractor().extract("Talks\n\nDefence Minister Ivan Fictionov, who was in Tokyo on Monday, "
                                  "spoke.\n")) == V{"Ivan Fictionov"});
  // The state in brackets after a title and its portfolio.
  Briefing forum = extractor().extract(
      "Forum\n\nThe ministers were Ivan Fictionov, Minister Delegate for Europe (France), and Ana Fictionova, "
      "Deputy Minister of Foreign Affairs (Türkiye).\n");
  REQUIRE(forum.ministers.size() == 2);
  CHECK(forum.ministers[0].country == "France");
  CHECK(forum.ministers[1].country == "Turkey");
  // An acronym the text defines for a name of its own is that name's.
  Briefing party = extractor().extract("Talks\n\nThe United National Congress (UNC) took office in May; the UNC "
                                       "government met the ministers.\n");
  CHECK(party.organisations.empty());
  CHECK(has(extractor().extract("Talks\n\nThe United Nations Command (UNC) met; the UNC spoke.\n").organisations,
            "United Nations Command"));
  CHECK(has(extractor().extract("Talks\n\nThe North Atlantic Treaty Organization (NATO) met.\n").organisations,
            "NATO"));
  // A retired officer's mark between the rank and the name.
  CHECK(names(extractor().extract("Talks\n\nThe Deputy Minister of Defence of Sri Lanka, Major General (Retd.) "
                                  "Ivan Fictionov, met him.\n")) == V{"Ivan Fictionov"});
  // A known name given another title once is that person's everywhere.
  CHECK(names(extractor().extract("Talks\n\nPresident Maia Sandu met the Minister of Foreign Affairs of Romania, "
                                  "Oana-Silvia Toiu, in Chisinau. \"We are grateful,\" said Maia Sandu.\n")) ==
        V{"Oana-Silvia Toiu"});
  // An officer's counterpart is an officer, unless the knowledge base knows
  // him as a minister.
  CHECK(extractor()
            .extract("Talks\n\nChief of Defence Admiral Emil Eftimov and his Romanian counterpart General Ion "
                     "Fictionescu also attended.\n")
            .ministers.empty());
  CHECK(names(extractor().extract("Talks\n\nDefence Minister Ivan Fictionov met his Vietnamese counterpart General "
                                  "Phan Van Giang.\n")) == V{"Ivan Fictionov", "Phan Van Giang"});
}

TEST_CASE("unseen sets AL, AM and AN: names of things that hold a topic's word, a headline's verb, an address",
          "[extractor]") {
  auto names = [](const Briefing& b) {
    std::vector<std::string> out;
    for (const Minister& m : b.ministers) out.push_back(m.name);
    return out;
  };
  using V = std::vector<std::string>;
  // An organisation named after confidence-building is no arms control.
  CHECK(!has(extractor().extract("Talks\n\nThe ministers spoke at the Conference on Interaction and "
                                 "Confidence-Building Measures in Asia on 3 May 2025.\n").topics,
             "arms control"));
  CHECK(has(extractor().extract("Talks\n\nThey agreed on confidence-building measures along the border.\n").topics,
            "arms control"));
  // Interceptor boats are no missiles; interceptor missiles are.
  CHECK(!has(extractor().extract("Talks\n\nThe navy will receive two interceptor boats and fast interceptor craft.\n")
                 .topics,
             "missile"));
  CHECK(has(extractor().extract("Talks\n\nThey discussed interceptor missiles for air defence.\n").topics, "missile"));
  // A staff exercise or a rescue exercise is training; an exercise of
  // restraint is not.
  CHECK(has(extractor().extract("Talks\n\nThe navies held a joint search and rescue exercise.\n").topics,
            "exercises and training"));
  CHECK(has(extractor().extract("Talks\n\nThe armies will hold a combined staff exercise in May.\n").topics,
            "exercises and training"));
  CHECK(!has(extractor().extract("Talks\n\nThey called on both sides to exercise restraint.\n").topics,
             "exercises and training"));
  // Disaster risk management and prevention are disaster relief.
  CHECK(has(extractor().extract("Talks\n\nThey adopted a strategy for disaster risk management.\n").topics,
            "disaster relief"));
  // Equipment provided is an equipment transfer.
  CHECK(has(extractor().extract("Talks\n\nIndia will provide equipment and stores to the coast guard.\n").topics,
            "equipment transfer"));
  // "Mullah" is an honorific; "Agree" a headline's verb.
  CHECK(names(extractor().extract("Talks\n\nThe Prime Minister, Mullah Ivan Fictionov, received them.\n")) ==
        V{"Ivan Fictionov"});
  CHECK(names(extractor().extract("SND Teodoro, Japan Defense Minister Fictionov Agree to Expand Cooperation\n\n"
                                  "They met on 3 May 2025.\n")) == V{"Fictionov"});
  // A French masthead's "Premier Ministre" names no one.
  for (const Minister& m : extractor()
                               .extract("RÉPUBLIQUE DU NIGER\nCABINET DU PREMIER MINISTRE\n\nThe Prime Minister "
                                        "receives a delegation\n\nNiamey, 16 January 2025. The Prime Minister, H.E. "
                                        "Mr Ali Mahaman Lamine Zeine, received them.\n")
                               .ministers)
    CHECK(m.name != "Ministre");
  // A letterhead's address of names alone is no title; a headline with
  // commas that ends in a country is.
  CHECK(extractor()
            .extract("REPUBLIC OF SIERRA LEONE\nMINISTRY OF FOREIGN AFFAIRS\nTower Hill, Freetown, Sierra Leone\n\n"
                     "PRESS RELEASE\n\nFOREIGN MINISTER HOLDS TALKS WITH LIBERIAN COUNTERPART\n\nThe ministers met.\n")
            .title == "FOREIGN MINISTER HOLDS TALKS WITH LIBERIAN COUNTERPART");
  CHECK(extractor().extract("Japan, Australia, Philippines hold talks in Manila, Philippines\n\nThe ministers met.\n")
            .title == "Japan, Australia, Philippines hold talks in Manila, Philippines");
}

TEST_CASE("unseen set AO: a second-level headline, captions, languages, ministers absent or expected",
          "[extractor]") {
  // No "# " line: the first "## " heading of five words or more is the
  // headline, not a photograph's caption in emphasis below it; a section's
  // short "## " heading is not.
  const std::string page =
      "[Daily News](https://example.com/)\n\nSat, Mar 8, 2025\n\n---\n\n"
      "## Arab foreign ministers in Cairo map out next steps\n\n![Ministers](https://example.com/a.jpg)\n"
      "*Foreign Minister Badr Abdelatty with Arab counterparts in Cairo (Photo: Foreign Ministry)*\n\n"
      "Foreign Minister Badr Abdelatty hosted his counterparts from Jordan and Qatar on Saturday.\n";
  CHECK(extractor().extract(page).title == "Arab foreign ministers in Cairo map out next steps");
  CHECK(extractor().extract("## Background\n\n## Egypt and Jordan agree on a plan\n\nForeign Minister Badr "
                            "Abdelatty met Jordan's Foreign Minister Ayman Safadi in Cairo on Saturday.\n")
            .title == "Egypt and Jordan agree on a plan");
  // a caption is no headline, in or out of parentheses
  for (const char* caption : {"Ministers of Jordan and Egypt at the talks in Cairo (AFP photo)\n\n",
                              "Ministers of Jordan and Egypt at the talks in Cairo. Photo: Reuters\n\n"}) {
    INFO(caption);
    CHECK(extractor().extract(std::string(caption) + "Egypt and Jordan agree on a plan for Gaza\n\nForeign "
                                                     "Minister Badr Abdelatty met Ayman Safadi.\n")
              .title == "Egypt and Jordan agree on a plan for Gaza");
  }
  // a language someone speaks in names no country
  Briefing spoke = extractor().extract(
      "Talks\n\nCanada's Foreign Minister Mélanie Joly met Mexico's Foreign Secretary Juan Ramón de la Fuente. "
      "Speaking in Spanish, he said the talks were useful.\n");
  CHECK_FALSE(has(spoke.countries, "Spain"));
  CHECK(has(spoke.countries, "Mexico"));
  // named again to say it took no part: no party
  const std::string lead =
      "Talks in Geneva\n\nGermany's Foreign Minister Johann Wadephul and Iran's Foreign Minister Abbas Araghchi "
      "met in Geneva on Friday.\n\nThe talks lasted four hours.\n\n";
  Briefing absent = extractor().extract(
      lead + "In Bern, Swiss Foreign Minister Ignazio Cassis said Switzerland was ready to help. Cassis did not "
             "take part in the talks.\n");
  CHECK_FALSE(has(absent.parties, "Switzerland"));
  CHECK(has(absent.countries, "Switzerland"));
  Briefing again = extractor().extract(
      lead + "In Bern, Swiss Foreign Minister Ignazio Cassis said Switzerland was ready to help. Cassis joined "
             "the talks in the afternoon.\n");
  CHECK(has(again.parties, "Switzerland"));
  // (named again to say it missed someone, not the talks: no more a party)
  Briefing missed = extractor().extract(
      lead + "In Bern, Swiss Foreign Minister Ignazio Cassis said Switzerland was ready to help. Cassis did not "
             "meet Araghchi in Bern.\n");
  CHECK_FALSE(has(missed.parties, "Switzerland"));
  // a meeting still to come, a question about other contacts
  for (const char* later : {"He is expected to meet Israel's Foreign Minister Gideon Sa'ar in Jerusalem.",
                            "Asked whether he had spoken with Israel's Foreign Minister Gideon Sa'ar, Wadephul "
                            "declined to say."}) {
    INFO(later);
    Briefing b = extractor().extract(lead + later + "\n");
    CHECK_FALSE(has(b.parties, "Israel"));
    CHECK(has(b.countries, "Israel"));
  }
}

TEST_CASE("unseen set AP: a 'Title:' field, a portfolio's last word", "[extractor]") {
  Briefing b = extractor().extract(
      "Ministry of National Defense\nPress Release No. 12\n\nTitle: Minister of National Defense Holds Talks "
      "with New Zealand Minister of Defence\n\nMinister of National Defense KIM Yong-hyun met New Zealand's "
      "Minister of Defence Judith Collins in Seoul on Monday. The Vice Minister of Defense Policies, the Chief "
      "of the Joint Command and senior officials attended.\n");
  CHECK(b.title == "Minister of National Defense Holds Talks with New Zealand Minister of Defence");
  for (const Minister& m : b.ministers) CHECK(m.name != "Policies");
}

TEST_CASE("unseen sets AQ and AR: addresses, lists of other stories, meetings called off, portfolios",
          "[extractor]") {
  // a letterhead's street address, or a line with the site's address, is
  // no headline
  for (const char* top : {"4 Sh. Chitadze Street, 0118 Tbilisi, Georgia\n\n",
                          "La Exposición S/N y Benigno Vela, Quito - Ecuador | www.defensa.gob.ec\n\n"}) {
    INFO(top);
    CHECK(extractor().extract(std::string(top) + "Georgia and Azerbaijan hold foreign ministers' talks\n\nThe "
                                                 "ministers met in Tbilisi on Monday.\n")
              .title == "Georgia and Azerbaijan hold foreign ministers' talks");
  }
  const std::string lead =
      "Talks in Canberra\n\nAustralia's Foreign Minister Penny Wong met Singapore's Foreign Minister Vivian "
      "Balakrishnan in Canberra on Monday. They discussed trade.\n\n";
  // lists of other stories: a bulleted "READ MORE:", "Latest news:" in
  // emphasis, a "Related" list whose item ends in "U.S."
  for (const char* list : {"- READ MORE: Indonesian President to visit Sydney\n",
                           "**Latest news:** [Indonesian community passes 500,000](https://example.com/a)\n",
                           "Related\n- Brazil's Lula and the limits of neutrality\n- Indonesia's president bets on "
                           "an alliance with the U.S.\n"}) {
    INFO(list);
    Briefing b = extractor().extract(lead + list + "\nFooter text here.\n");
    CHECK_FALSE(has(b.countries, "Indonesia"));
    CHECK(has(b.countries, "Singapore"));
  }
  // a meeting called off: no party
  Briefing off = extractor().extract(
      lead + "Separately, Wong's planned meeting with New Zealand's Foreign Minister Winston Peters was "
             "postponed.\n");
  CHECK_FALSE(has(off.parties, "New Zealand"));
  // a portfolio the role table does not list, between the country and
  // "Minister", keeps the country
  Briefing interior = extractor().extract(
      "Talks in Dhaka\n\nPakistan's Interior Minister Mohsin Naqvi met Bangladesh's Home Adviser in Dhaka.\n");
  REQUIRE(interior.ministers.size() == 1);
  CHECK(interior.ministers.front().name == "Mohsin Naqvi");
  CHECK(interior.ministers.front().country == "Pakistan");
}

TEST_CASE("unseen sets AV, AW and AX: ranks of several words, demonyms, cut names, treaties, streets",
          "[extractor]") {
  // a rank of several words between a minister's title and the name
  for (const char* rank : {"General of the Army", "Army General"}) {
    INFO(rank);
    Briefing b = extractor().extract(std::string("CIS defence ministers meet in Bishkek\n\nThe Minister of Defence "
                                                 "of the Russian Federation, ") +
                                     rank + " Sergei Shoigu, attended the meeting.\n");
    CHECK(has(minister_names(b), "Sergei Shoigu"));
    CHECK(has(b.parties, "Russia"));
  }
  // a demonym is no one's name; "ousted" says a post is held no longer
  Briefing demonym = extractor().extract(
      "Phone call\n\nThe Foreign Minister and the South Korean minister discussed the situation. Bangladesh "
      "asked for the return of ousted prime minister Sheikh Hasina.\n");
  CHECK(demonym.ministers.empty());
  // a known name cut at a line's end, its rest in lower case, is one word
  Briefing cut = extractor().extract(
      "Talks in Podgorica\n\nDeputy Prime Minister Ervin Ibrahimo-\nvić received the Foreign Minister of "
      "Luxembourg.\n");
  CHECK(has(minister_names(cut), "Ervin Ibrahimović"));
  // a country's name as a given name before an initial, a street named
  // after a country, the Law of the Sea convention, an Air Force Secretary
  Briefing others = extractor().extract(
      "Talks in Brussels\n\nThe ministers met at NATO headquarters. Photo: Chad J. McNeeley/DOD. The ministry's "
      "offices on Dominica Drive were closed. Both backed the United Nations Convention on the Law of the Sea. "
      "Air Force Secretary Heather Wilson attended.\n");
  CHECK_FALSE(has(others.countries, "Chad"));
  CHECK_FALSE(has(others.countries, "Dominica"));
  CHECK_FALSE(has(others.organisations, "UN"));
  CHECK(has(others.organisations, "NATO"));
  CHECK(others.ministers.empty());
  // topics told in their own words
  Briefing topics = extractor().extract(
      "Defence ministers meet\n\nThe minister briefed them on the special military operation, the protection of "
      "military information and support for the Multinational Security Support Mission in Haiti.\n");
  CHECK(has(topics.topics, "ukraine war"));
  CHECK(has(topics.topics, "information security"));
  CHECK(has(topics.topics, "peacekeeping"));
  // an honorific before a name; a list of other releases
  Briefing more = extractor().extract(
      "Talks in Islamabad\n\nForeign Minister Makhdoom Shah Mahmood Qureshi met the Defence Minister of Fiji "
      "in Islamabad on Monday. They discussed training.\n\nRelated Releases\nFiji and India Sign MoU on "
      "Defence Cooperation\n");
  CHECK(has(minister_names(more), "Shah Mahmood Qureshi"));
  CHECK_FALSE(has(more.countries, "India"));
}

TEST_CASE("unseen set AX: an e-mail's subject, a headline centred over lines of a PDF, the speaker's other "
          "contacts", "[extractor]") {
  Briefing mail = extractor().extract(
      "From: Newsletter <news@example.org>\nTo: reader@example.org\nSubject: Austin meets Marles in Canberra for "
      "defence talks\nDate: Tue, 6 Aug 2024 09:00:00 +1000\n\nDefense Secretary Lloyd Austin met Australia's "
      "Defence Minister Richard Marles in Canberra on Tuesday.\n");
  CHECK(mail.title == "Austin meets Marles in Canberra for defence talks");
  // (a forwarded one's marks are no part of it: unseen set CP)
  Briefing forwarded = extractor().extract(
      "From: Desk <desk@example.org>\nSubject: FW: RE: Austin meets Marles in Canberra for defence talks\n\n"
      "Defense Secretary Lloyd Austin met Australia's Defence Minister Richard Marles in Canberra on 6 August 2024.\n");
  CHECK(forwarded.title == "Austin meets Marles in Canberra for defence talks");
  Briefing pdf = extractor().extract(
      "                         PRESS RELEASE\n\n"
      "     Minister Peleshi receives Croatian Defence Minister Ivan Anusic: Albania and\n"
      "       Croatia sign a plan for defence cooperation in the years to come\n\n"
      "The Minister of Defence of Albania, Niko Peleshi, received the Minister of Defence of Croatia, Ivan "
      "Anusic, in Tirana on 24 June 2024.\n");
  CHECK(pdf.title == "Minister Peleshi receives Croatian Defence Minister Ivan Anusic: Albania and Croatia sign a "
                     "plan for defence cooperation in the years to come");
  Briefing transcript = extractor().extract(
      "Press conference in London\n\nSECRETARY POMPEO: Good afternoon. Foreign Secretary Hunt and I discussed "
      "Iran today.\n\nQ: Have you been in touch with Tehran?\n\nSECRETARY POMPEO: I spoke to Foreign Minister "
      "Zarif last night and urged him to keep to the deal.\n");
  CHECK(has(transcript.parties, "United Kingdom"));
  CHECK_FALSE(has(transcript.parties, "Iran"));
  // a letterhead's street and postcode are no headline
  Briefing address = extractor().extract(
      "BENELUX UNION\nRue de la Loi 175, 1048 Bruxelles\n\nJoint Statement of the Foreign Ministers of the Benelux "
      "Countries\n\nThe ministers of Belgium, the Netherlands and Luxembourg met in Brussels on 3 March 2025.\n");
  CHECK(address.title == "Joint Statement of the Foreign Ministers of the Benelux Countries");
  // a headline's verbs are no name: a caption in capitals, a visit
  Briefing captions = extractor().extract(
      "Press conference in London\n\nForeign Secretary Jeremy Hunt spoke to reporters on Wednesday.\n\nTHE PRIME "
      "MINISTER HAS MADE HER DECISION\n\nClip of Secretary Pompeo Visit to London\n");
  for (const Minister& m : captions.ministers) {
    INFO(m.name);
    CHECK((m.name == "Jeremy Hunt" || m.name == "Mike Pompeo"));
  }
}

TEST_CASE("unseen sets AY, AZ and BA: meetings aside a wider one, hosts, other days, other contacts",
          "[extractor]") {
  // a meeting on the sidelines: the wider meeting's host and speakers, and
  // the country where it is held, are no parties
  Briefing aside = extractor().extract(
      "Kenya, Ghana defence chiefs meet on sidelines of summit\n\nNAIROBI, KENYA - Kenya's Defence Minister Aden "
      "Duale held talks with Ghana's Defence Minister Omane Boamah on the sidelines of the meeting of defence "
      "ministers of the African Union in Nairobi on Monday.\n\nThe two ministers discussed border security.\n\n"
      "The meeting, chaired by Ethiopian Defence Minister Aisha Mohammed, brought together the defence ministers "
      "of the continent. In his address, Egypt's Defence Minister Abdel Meguid Saqr called for unity. In her "
      "closing speech, Aisha Mohammed thanked the delegations.\n");
  CHECK(has(aside.parties, "Ghana"));
  CHECK_FALSE(has(aside.parties, "Ethiopia"));
  CHECK_FALSE(has(aside.parties, "Egypt"));
  // a host who joined the meeting the briefing is about is a party
  Briefing host = extractor().extract(
      "Talks in Doha\n\nArmenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart Jeyhun Bayramov "
      "met in Doha on Tuesday.\n\nThe talks were hosted by Qatar's Minister of State Mohammed Al-Khulaifi, who "
      "opened the meeting.\n");
  CHECK(has(host.parties, "Qatar"));
  // a minister who spoke elsewhere the day before, or in recent talks elsewhere
  Briefing before = extractor().extract(
      "Angola and Zambia review the corridor\n\nLuanda - The Minister of External Relations of Angola, Téte "
      "António, held talks on Tuesday in Luanda with the Minister of Foreign Affairs of Zambia, Mulambo Haimbe.\n\n"
      "On Monday, Rwanda's Minister of Foreign Affairs, Olivier Nduhungirehe, told journalists in Kigali that "
      "the process was slow.\n\nHaimbe mentioned his recent consultations in Cairo with the Minister of Energy of "
      "Egypt Mahmoud Esmat.\n");
  CHECK_FALSE(has(before.parties, "Rwanda"));
  CHECK_FALSE(has(before.parties, "Egypt"));
  CHECK(has(before.parties, "Zambia"));
  // "Cabinet of Ministers" is a government, no meeting of many; a hyphen
  // chain before an alliance is no meeting
  Briefing chain = extractor().extract(
      "Talks in Pyongyang\n\nThe Minister of Defence of Belarus Viktor Khrenin held talks with No Kwang Chol, "
      "minister of National Defence of the DPRK, on Wednesday. He said the U.S.-Japan-ROK trilateral military "
      "alliance threatens the region.\n");
  CHECK_FALSE(has(chain.parties, "Japan"));
  CHECK_FALSE(has(chain.parties, "United States"));
}

TEST_CASE("unseen sets AY, AZ and BA: honorifics, posts, letterheads, labels, dates, titles, topics",
          "[extractor]") {
  // Burmese and Bruneian honorifics, a post's number, a post in charge of
  // something, a plural headline verb
  Briefing honorifics = extractor().extract(
      "Myanmar Foreign Minister Kan Zaw Reaffirm Ties\n\nUnion Minister for Foreign Affairs U Kan Zaw met the "
      "Minister of Defence II Pehin Datu Lailaraja Major General (Rtd) Dato Paduka Seri Haji Halbi bin Haji Mohd "
      "Yussof on Monday. The Deputy Chairman of the Cabinet of Ministers in charge of the energy complex, Batyr "
      "Amanov, also attended.\n");
  const std::vector<std::string> names = minister_names(honorifics);
  CHECK(has(names, "Kan Zaw"));
  CHECK(has(names, "Halbi bin Haji Mohd Yussof"));
  CHECK(has(names, "Batyr Amanov"));
  for (const std::string& n : names) {
    INFO(n);
    CHECK(n.find("Reaffirm") == std::string::npos);
  }
  // no minister: a head of state's party title, a page's footer, a
  // portfolio's end in capitals; a letterhead's name over its title; a
  // premier of a state; a field label on the next line
  Briefing posts = extractor().extract(
      "Defence Ministers\nThe Hon Jane Doyle MP\nMinister for Defence Industry and Capability Delivery\n\n"
      "Press conference in Perth\n\nJANE DOYLE, MINISTER FOR DEFENCE INDUSTRY AND CAPABILITY DELIVERY: Welcome. "
      "I thank the Premier of Western Australia, Roger Cook, for joining us. The visit of the First Secretary of "
      "the Party Central Committee and President of the Republic, Miguel Díaz-Canel Bermúdez, was recalled. The "
      "Minister of Defence and Territorial Cohesion, Ana Brito, and the Minister for Trade and Rural Affairs, "
      "Paulo Mendes, sent messages.\n\n"
      "Press Statement - Visit of the Foreign Minister of Taiwan   Page 1 of 2\n");
  const std::vector<std::string> held = minister_names(posts);
  CHECK(has(held, "Jane Doyle"));
  CHECK(has(held, "Roger Cook"));
  CHECK(has(held, "Ana Brito"));
  CHECK(has(held, "Paulo Mendes"));
  for (const char* no : {"Capability Delivery", "Western Australia", "Miguel Díaz-Canel Bermúdez", "Page",
                         "Territorial Cohesion", "Rural Affairs"}) {
    INFO(no);
    CHECK_FALSE(has(held, no));
  }
  // a minister's state from the government's address the page gives
  Briefing domain = extractor().extract(
      "Defence Ministers\nThe Hon Jane Doyle MP\nMinister for Defence Industry and Capability Delivery\n\n"
      "Doorstop in Perth\n\nJANE DOYLE: Welcome to the shipyard.\n\nMedia contact: media@defence.gov.au\n");
  CHECK(has(domain.parties, "Australia"));
  // a field's label on the line under a name, in text wrapped at a width
  Briefing fields = extractor().extract(
      "Written questions\n\nQuestion: What matters did the Minister raise with the Foreign Minister of\nChina when "
      "they met in Kuala Lumpur in July, and did he raise the agreements\nsigned between the Cook Islands and China "
      "in February of this year with\nthe Chinese side at that meeting in Kuala Lumpur or at any other meeting\n\n"
      "Portfolio: Foreign Affairs\nMinister: Rt Hon Winston Peters\nDate lodged: 14 July 2025\n");
  CHECK(minister_names(fields) == std::vector<std::string>{"Winston Peters"});
  // dates: parts joined by slashes, a phone number
  CHECK(extractor().extract("Phone call\n\n[22/January/2025] The ministers spoke.\n").date == "2025-01-22");
  CHECK(extractor().extract("Statement\nTel: (+268) 2404 2661/2/3\n\nMbabane, 15 April 2025\n\nThe minister met "
                            "the delegation.\n").date == "2025-04-15");
  // titles: a memo's subject after a tab, a line of the original title, a
  // tab's title over the page's address
  check_titles({
      {"MEMORANDUM\n\nSUBJECT:\tDefense Secretary Meets Indonesian Defense Minister\n\nThe two met.\n",
       "Defense Secretary Meets Indonesian Defense Minister"},
      {"Eredeti cím: Szijjártó Péter: Üzbegisztán fontos partner\n\nSzijjarto: Uzbekistan is an important "
       "partner\n\nThe ministers met in Budapest.\n",
       "Szijjarto: Uzbekistan is an important partner"},
      {"(1) Hanno Pevkur on X: \"Back in Kyiv for talks with my counterpart\" / X\nhttps://x.com/HPevkur/status/1\n\n"
       "Post\n",
       "Hanno Pevkur on X: \"Back in Kyiv for talks with my counterpart\""},
      // a headline begun by a whole minister's title, or ended by the holder's
      // name alone, on a line of its own
      {"                    Press Release\n\n   Deputy Prime Minister and Union Minister for Foreign Affairs\n"
       "      U Kan Zaw receives Minister of Foreign Affairs of the\n                 Kingdom of Thailand\n\n"
       "The ministers met on 12 May 2025.\n",
       "Deputy Prime Minister and Union Minister for Foreign Affairs U Kan Zaw receives Minister of Foreign Affairs "
       "of the Kingdom of Thailand"},
      {"TRANSCRIPT\n\nJoint Media Availability: Minister of Foreign Affairs Jane Roe and Ghana's Minister of State "
       "for\nExternal Affairs\nJohn Doe\n\nThe ministers met in Accra on 3 March 2025.\n",
       "Joint Media Availability: Minister of Foreign Affairs Jane Roe and Ghana's Minister of State for External "
       "Affairs John Doe"},
  });
  // topics: civil training, a memo's address line, a satellite's capacity,
  // food donated; others: languages, a name with "Un", a dated list
  Briefing others = extractor().extract(
      "MEMORANDUM\nTO:\tSubcommittee on East Asia and International Cybersecurity Policy\n\nTalks in Minsk\n\nThe "
      "ministers discussed the training of Zimbabwean students at Belarusian universities, the religious training "
      "of imams, new patrol vessels and satellite capacity, and the donation of rice that ships delivered to the port. "
      "The communiqué was signed in "
      "the English and French languages. Kim Jong Un sent greetings. Its critics called it a reward for "
      "terrorism.\n\nOther articles\nLeader Sends Greetings to "
      "President of Mongolia 2025.07.09.\n");
  for (const char* t : {"exercises and training", "cyber", "space", "equipment transfer", "counterterrorism"}) {
    INFO(t);
    CHECK_FALSE(has(others.topics, t));
  }
  CHECK_FALSE(has(others.countries, "France"));
  CHECK_FALSE(has(others.countries, "Mongolia"));
  CHECK_FALSE(has(others.organisations, "UN"));
}

TEST_CASE("unseen set BB: observers after a list ending in an organisation, a dateline in capitals", "[extractor]") {
  // a list of countries whose last item is no country, then the words of
  // taking part: the countries took part
  Briefing observers = extractor().extract(
      "Ministers meet on maritime security\n\nMalé - Ministers and heads of delegation of Kenya, Somalia and "
      "Yemen met in Malé on 3 June 2025 under the Code of Conduct. Canada, Norway and the European Union "
      "attended as observers.\n");
  for (const char* c : {"Canada", "Norway", "Kenya"}) {
    INFO(c);
    CHECK(has(observers.parties, c));
  }
  // a city-state's dateline in capitals, then a dash, names the place, not
  // the minister's country
  Briefing dateline = extractor().extract(
      "Ministers meet in Singapore\n\nSINGAPORE – Defense Secretary Lloyd Austin met Philippine Defense "
      "Secretary Gilberto Teodoro on Saturday, on the sidelines of a regional forum.\n");
  bool found = false;
  for (const Minister& m : dateline.ministers)
    if (m.name == "Lloyd Austin") {
      found = true;
      CHECK(m.country != "Singapore");
    }
  CHECK(found);
  CHECK_FALSE(has(dateline.parties, "Singapore"));
  // a list item's label still gives its minister's country
  Briefing label = extractor().extract(
      "Participants\n\n- Germany – Federal Minister of Defence Boris Pistorius\n- Poland – Minister of "
      "National Defence Władysław Kosiniak-Kamysz\n");
  for (const Minister& m : label.ministers)
    if (m.name == "Boris Pistorius") CHECK(m.country == "Germany");
}

TEST_CASE("unseen set BC: energy delivered, a time zone, 'Madam' before a name", "[extractor]") {
  // goods after "delivery of" that are energy: no equipment changed hands;
  // a time stamped in Nepal Time is no treaty
  Briefing gas = extractor().extract(
      "Hungary and Turkey sign energy deals\n\nBudapest, 3 March 2025 - Foreign Minister Péter Szijjártó thanked "
      "his Turkish counterpart for the delivery of Turkish natural gas to Hungary.\n\nPublished: 08:15 PM NPT\n");
  CHECK_FALSE(has(gas.topics, "equipment transfer"));
  CHECK_FALSE(has(gas.topics, "arms control"));
  // ... unless a word of arms comes with them
  Briefing aid = extractor().extract(
      "Ministers meet in Kyiv\n\nKyiv, 3 March 2025 - The ministers discussed the delivery of military aid "
      "to Ukraine and the NPT review conference.\n");
  CHECK(has(aid.topics, "equipment transfer"));
  CHECK(has(aid.topics, "arms control"));
  // "Madam" is no part of the name
  Briefing madam = extractor().extract(
      "Ghana and Senegal hold talks\n\nAccra, 15 May 2025 - Ghana's Minister for Foreign Affairs, Samuel Okudzeto "
      "Ablakwa, received Senegal's Minister of Foreign Affairs, Madam Yassine Fall, in Accra.\n");
  const std::vector<std::string> names = minister_names(madam);
  CHECK(has(names, "Yassine Fall"));
  CHECK_FALSE(has(names, "Madam Yassine Fall"));
}

TEST_CASE("a verb of giving or buying with goods of war a few words on is an equipment transfer", "[extractor]") {
  auto topics = [](const std::string& sentence) {
    return extractor().extract("Ministers meet in Manila\n\nManila, 3 March 2025 - " + sentence + "\n").topics;
  };
  for (const char* transfer : {
           "The Philippines plans to buy 12 more light fighter jets from Korea Aerospace Industries.",
           "Allies have already delivered tens of thousands of drones to the Ukrainian Armed Forces.",
           "Australia has handed over two Guardian-class vessels to Fiji.",
           "Egypt decided last year to acquire Turkish drones.",
           "Seoul has not ruled out providing weapons to Ukraine."}) {
    INFO(transfer);
    CHECK(has(topics(transfer), "equipment transfer"));
  }
  for (const char* other : {
           "The Royal Canadian Navy would keep sending frigates to the South China Sea.",
           "Seoul is sending troops and artillery to the border.",
           "The ceasefire provides for the withdrawal of heavy weapons.",
           "The talks must stop Iran from trying to acquire a nuclear weapon.",
           "Japan will buy more rice. Drones flew over the port.",
           "They agreed to buy time for diplomacy while the missile threat grows."}) {
    INFO(other);
    CHECK_FALSE(has(topics(other), "equipment transfer"));
  }
}

TEST_CASE("a site's switch of languages names no country", "[extractor]") {
  const std::string story =
      "Armenia and Greece ministers meet in Athens\n\nArmenia's Foreign Minister Ararat Mirzoyan met Greek Foreign "
      "Minister Giorgos Gerapetritis in Athens on 22 May 2025.\n";
  CHECK_FALSE(has(extractor().extract("NEWS.am\nArmenian | Russian | English\n\n" + story).countries, "Russia"));
  CHECK_FALSE(has(extractor().extract("Site\nEnglish / Russian\n\n" + story).countries, "Russia"));
  // A list of adjectives without a language's own name is no such switch,
  // and neither is a line of longer cells.
  CHECK(has(extractor().extract("Armenian | Russian | Georgian\n\n" + story).countries, "Russia"));
  CHECK(has(extractor().extract("News | Russian troops leave Armenia | English\n\n" + story).countries, "Russia"));
}

TEST_CASE("training of police and of civil servants is no military training", "[extractor]") {
  auto topics = [](const std::string& sentence) {
    return extractor().extract("Ministers meet in Suva\n\nSuva, 3 March 2025 - " + sentence + "\n").topics;
  };
  for (const char* civil : {"Taiwan will provide training for Palauan marine law enforcement officers.",
                            "Australia would fund a new police training academy.",
                            "The ministers agreed on the training of Bhutanese professionals.",
                            "Brazil may contribute to training Haitian police.",
                            "India offered training for Bhutanese officials in disaster management.",
                            "Australia will support the Vanuatu Police Force with training and infrastructure."}) {
    INFO(civil);
    CHECK_FALSE(has(topics(civil), "exercises and training"));
  }
  CHECK(has(topics("Greece will contribute training for the navy's officers."), "exercises and training"));
  // (a civil word before that names no one trained says nothing)
  CHECK(has(topics("France will fund fuel, medical equipment and training for newly recruited soldiers."),
            "exercises and training"));
}

TEST_CASE("unseen set BE: 'HE' before a name, a council's secretary, soldiers trained", "[extractor]") {
  // "HE" (His Excellency) as written is an honorific; "He" is a pronoun
  Briefing he = extractor().extract(
      "Qatar and Italy discuss naval cooperation\n\nDoha, 2 June 2025 - Deputy Prime Minister and Minister of State "
      "for Defence Affairs HE Sheikh Saoud bin Abdulrahman bin Hassan Al Thani met Italy's Minister of Defence "
      "Guido Crosetto in Doha. He said the talks were fruitful.\n");
  CHECK(has(minister_names(he), "Saoud bin Abdulrahman bin Hassan Al Thani"));
  // the Secretary of a security council is no minister, whatever post he held
  Briefing council = extractor().extract(
      "Talks in Kyiv\n\nKyiv, 3 March 2025 - Ukraine's Defence Minister Denys Shmyhal met Danish Defence Minister "
      "Troels Lund Poulsen and thanked his predecessor Rustem Umerov, now Secretary of the National Security and "
      "Defence Council, for his work.\n");
  CHECK_FALSE(has(minister_names(council), "Rustem Umerov"));
  // soldiers trained, and "train and equip"
  for (const char* trained : {"Denmark leads the coalition that trains Ukrainian pilots and technicians.",
                              "Turkey is ready to help train and equip the new Syrian army."}) {
    INFO(trained);
    CHECK(has(extractor().extract("Ministers meet\n\nAnkara, 3 March 2025 - " + std::string(trained) + "\n").topics,
              "exercises and training"));
  }
  CHECK_FALSE(has(extractor()
                      .extract("Ministers meet\n\nAnkara, 3 March 2025 - The academy trains police officers.\n")
                      .topics,
                  "exercises and training"));
}

TEST_CASE("unseen set BF: the Pakistani Taliban's attacks are counterterrorism", "[extractor]") {
  CHECK(has(extractor()
                .extract("Ministers meet in Kabul\n\nKabul, 3 March 2025 - Dar raised attacks by the "
                         "Tehreek-e-Taliban Pakistan (TTP) and asked Kabul to act against militant groups.\n")
                .topics,
            "counterterrorism"));
}

TEST_CASE("a minister who 'has said' something, named once, spoke elsewhere", "[extractor]") {
  Briefing b = extractor().extract(
      "Jaishankar, Lavrov discuss oil trade amid U.S. tariff pressure\n\nMoscow, 21 August 2025 - External Affairs "
      "Minister S. Jaishankar held "
      "talks with Russian Foreign Minister Sergey Lavrov in Moscow on Thursday.\n\nThe two ministers discussed "
      "trade, energy and the war in Ukraine.\n\nU.S. Secretary of State Marco Rubio has said India's oil imports "
      "were helping to fund the war, a charge New Delhi has rejected.\n");
  CHECK(has(b.parties, "India"));
  CHECK(has(b.parties, "Russia"));
  CHECK_FALSE(has(b.parties, "United States"));
  CHECK(has(b.countries, "United States"));
}

TEST_CASE("unseen set BG: a known minister written with a middle initial and ', Jr.'", "[extractor]") {
  // "Defense Secretary" names a minister only in a few countries
  // (title-countries.tsv): the knowledge base has to know the man, though
  // it lists him without his initial.
  Briefing ph = extractor().extract(
      "Manila, 14 April 2025\n\nDefense Secretary Gilberto C. Teodoro, Jr. and New Zealand Defence Minister "
      "Judith A. Collins signed the agreement at Camp Aguinaldo.\n");
  const std::vector<std::string> names = minister_names(ph);
  CHECK(has(names, "Gilberto C. Teodoro Jr."));  // the comma before the suffix goes
  CHECK(has(ph.parties, "Philippines"));
  Briefing plain = extractor().extract(
      "Manila, 14 April 2025\n\nDefense Secretary Gilberto C. Teodoro met the visiting minister.\n");
  REQUIRE(plain.ministers.size() == 1);
  CHECK(plain.ministers[0].country == "Philippines");
  // An unknown name after the same title stays out: its country is not one
  // where the title is a minister's.
  Briefing unknown = extractor().extract(
      "Islamabad, 14 April 2025\n\nPakistan's Defence Secretary Fictio N. Nomen, Jr. met the delegation.\n");
  CHECK(unknown.ministers.empty());
}

TEST_CASE("unseen set BH: a letterhead begun by a country's name is no title", "[extractor]") {
  check_titles({
      {"U.S. Department of Energy\nOffice of Public Affairs\n\nSecretary Wright Meets with Polish Deputy Prime "
       "Minister and Foreign Minister Sikorski\n\nWASHINGTON -- On September 17, 2025, U.S. Secretary of Energy "
       "Chris Wright met Radoslaw Sikorski, Deputy Prime Minister of Poland.\n",
       "Secretary Wright Meets with Polish Deputy Prime Minister and Foreign Minister Sikorski"},
      // (a headline that begins with a country is still one)
      {"Japan Ministry of Defense\n\nJapan and Finland agree to deepen defence ties\n\nTokyo, 12 September 2024 - "
       "Defense Minister Minoru Kihara met Finland's Minister of Defence Antti Hakkanen.\n",
       "Japan and Finland agree to deepen defence ties"},
  });
}

TEST_CASE("a <title> of the site's name and a section's ('... SR - News') yields to the page's headline",
          "[extractor]") {
  const Briefing b = extractor().extract(
      "---\npage-title: \"Ministerstvo zahranicnych veci SR - News\"\npage-heading: \"Minister Blanar met with "
      "Austrian Foreign Minister Meinl-Reisinger in Bratislava\"\n---\nBratislava, 3 March 2025 - Minister Juraj "
      "Blanar met Austrian Foreign Minister Beate Meinl-Reisinger.\n");
  CHECK(b.title == "Minister Blanar met with Austrian Foreign Minister Meinl-Reisinger in Bratislava");
}

TEST_CASE("a minister's own letterhead, name over portfolio, is no title", "[extractor]") {
  check_titles({
      {"Senator the Hon Penny Wong\nMinister for Foreign Affairs\n\nTranscripts\n\nJoint press conference with the "
       "Rt Hon Winston Peters, New Zealand Minister of Foreign Affairs, Adelaide\n\nPENNY WONG: Thank you all for "
       "coming. It is good to welcome Winston to Adelaide.\n",
       "Joint press conference with the Rt Hon Winston Peters, New Zealand Minister of Foreign Affairs, Adelaide"},
      // (a headline that begins with an honorific and a name is still one)
      {"Mr Kihara meets Finnish Defence Minister Hakkanen in Tokyo\n\nTokyo, 12 September 2024 - Defense "
       "Minister Minoru Kihara met Finland's Minister of Defence Antti Hakkanen.\n",
       "Mr Kihara meets Finnish Defence Minister Hakkanen in Tokyo"},
  });
}

TEST_CASE("unseen set BI: another office after a portfolio, a state's security council, a site's <title>",
          "[extractor]") {
  // The portfolio's run stops before "and the Chief of ...": the name before
  // it is the minister's, the admiral after the comma is none.
  const Briefing council = extractor().extract(
      "Defence and Security Council holds its session\n\nCetinje, 3 March 2025 - The Defence and Security Council "
      "met today. Minister of Interior Danilo Saranovic and the Chief of the General Staff of the Armed Forces of "
      "Montenegro, Admiral Darko Vukovic, took part. Minister Saranovic reported on organised crime.\n");
  CHECK(has(minister_names(council), "Danilo Saranovic"));
  CHECK_FALSE(has(minister_names(council), "Darko Vukovic"));
  CHECK_FALSE(has(minister_names(council), "Saranovic"));
  // (a state's own security council is not the UN's)
  CHECK_FALSE(has(council.organisations, "UN Security Council"));
  CHECK(has(extractor().extract("Talks in New York\n\nNew York, 3 March 2025 - The ministers discussed the Security "
                                "Council's vote on Haiti.\n").organisations,
            "UN Security Council"));

  // A <title> sharing no word (a country's aside) with a headline-like <h1>
  // is the site's.
  const Briefing site = extractor().extract(
      "---\npage-title: \"Naharnet \xE2\x80\x94 Lebanon 10 years from now\"\npage-heading: \"Rajji, Cypriot "
      "counterpart discuss maritime border as south Lebanon strikes continue\"\n---\nBeirut, 3 March 2025 - "
      "Foreign Minister Youssef Rajji met his Cypriot counterpart Constantinos Kombos.\n");
  CHECK(site.title == "Rajji, Cypriot counterpart discuss maritime border as south Lebanon strikes continue");
  // (one that shares a word with it stays: the page's own)
  const Briefing own = extractor().extract(
      "---\npage-title: \"Rajji meets Kombos in Beirut\"\npage-heading: \"Rajji, Cypriot counterpart discuss "
      "maritime border as south Lebanon strikes continue\"\n---\nBeirut, 3 March 2025 - Foreign Minister Youssef "
      "Rajji met his Cypriot counterpart Constantinos Kombos.\n");
  CHECK(own.title == "Rajji meets Kombos in Beirut");
  // (talks on a maritime boundary are of maritime security)
  CHECK(has(extractor().extract("Talks in Putrajaya\n\nPutrajaya, 3 March 2025 - The ministers agreed to speed up "
                                "negotiations on the maritime boundary in the Sulawesi Sea.\n").topics,
            "maritime security"));
}

TEST_CASE("a military body in the clause keeps training military, police beside it or not", "[extractor]") {
  auto topics = [](const std::string& sentence) {
    return extractor().extract("Ministers meet in Suva\n\nSuva, 3 March 2025 - " + sentence + "\n").topics;
  };
  CHECK(has(topics("The ministers agreed to explore cooperation between the Republic of Fiji Military Forces and "
                   "the Royal Solomon Islands Police Force on training."),
            "exercises and training"));
  CHECK_FALSE(has(topics("The ministers agreed to explore cooperation with the Royal Solomon Islands Police Force "
                         "on training."),
                  "exercises and training"));
}

TEST_CASE("a byline with its date is no site menu, and a home link over the menu no headline", "[extractor]") {
  check_titles({
      {"[Lusaka Times - Zambia's Leading Online News Site](https://www.lusakatimes.com/)\n\n"
       "* [Home](https://www.lusakatimes.com/)\n* [Headlines](https://www.lusakatimes.com/category/headlines/)\n"
       "* [Rural News](https://www.lusakatimes.com/category/rural-news/)\n\n"
       "# Zambia, Tanzania agree to fast-track TAZARA revamp, step up border security\n\n"
       "By [Lusaka Times](https://www.lusakatimes.com/author/) \xC2\xB7 August 22, 2025 \xC2\xB7 "
       "[Headlines](https://www.lusakatimes.com/category/headlines/) \xC2\xB7 4 Comments\n\n"
       "Zambia and Tanzania have agreed to speed up the revitalisation of the railway, ministers said in Lusaka.\n",
       "Zambia, Tanzania agree to fast-track TAZARA revamp, step up border security"},
  });
}

TEST_CASE("unseen set BJ: a terror group's propaganda, technology shared", "[extractor]") {
  auto topics = [](const std::string& sentence) {
    return extractor().extract("Ministers meet in Singapore\n\nSingapore, 3 March 2025 - " + sentence + "\n").topics;
  };
  CHECK_FALSE(has(topics("Young people were radicalised online within weeks by ISIS propaganda."), "hybrid threats"));
  CHECK(has(topics("The ministers condemned Russian propaganda aimed at their elections."), "hybrid threats"));
  CHECK(has(topics("Our defence industry is ready to share technology with Malaysia."), "defense technology"));
}

TEST_CASE("a host with no country, in a meeting of two held in a capital, is of that capital's country",
          "[extractor]") {
  const Briefing hosted = extractor().extract(
      "Minister meets Serbian counterpart\n\nMinister of Internal Affairs Aleksandr Fictionov today hosted in "
      "Skopje the Minister of Internal Affairs of the Republic of Serbia, Ivica Dacic, for talks on 18 September "
      "2025.\n");
  CHECK(has(hosted.parties, "North Macedonia"));
  CHECK(has(hosted.parties, "Serbia"));
  // (a dateline)
  CHECK(has(extractor().extract("Talks on migration\n\nMADRID, 3 March 2025 - The Minister of the Interior, "
                                "Aleksandr Fictionov, received Morocco's Interior Minister Abdelouafi Laftit.\n")
                .parties,
            "Spain"));
  // (not a capital of the other side's own country: a visit abroad)
  const Briefing abroad = extractor().extract(
      "Minister in Belgrade\n\nMinister of Internal Affairs Aleksandr Fictionov today met in Belgrade the Minister "
      "of Internal Affairs of the Republic of Serbia, Ivica Dacic, on 18 September 2025.\n");
  CHECK_FALSE(has(abroad.parties, "North Macedonia"));
  REQUIRE(abroad.ministers.size() == 2);
}

TEST_CASE("unseen set BK: absent, a meeting still to come, a wrapped headline, a release's end mark",
          "[extractor]") {
  // "was not represented" says a minister took no part
  const Briefing call = extractor().extract(
      "Mercosur ministers meet by video\n\nMontevideo, 3 March 2025 - Uruguay's Foreign Minister Mario Lubetkin "
      "held a videoconference with Brazil's Foreign Minister Mauro Vieira and Paraguay's Foreign Minister Ruben "
      "Ramirez Lezcano.\n\nArgentina, whose foreign minister Gerardo Werthein was travelling in Asia, was not "
      "represented at the videoconference. A separate call with Werthein is being arranged.\n");
  CHECK_FALSE(has(call.parties, "Argentina"));
  CHECK(has(call.parties, "Paraguay"));
  // a meeting named by its countries that is still to come names no party
  const Briefing next = extractor().extract(
      "Bahrain and Korea hold talks\n\nManama, 3 March 2025 - Bahrain's Foreign Minister Abdullatif Al Zayani "
      "received Korea's Foreign Minister Cho Hyun. The visiting minister travels next to the UAE, where he will "
      "co-chair the Korea-UAE strategic dialogue in Abu Dhabi.\n");
  CHECK_FALSE(has(next.parties, "United Arab Emirates"));
  CHECK(has(next.countries, "United Arab Emirates"));
  // observers listed with an organisation last, then a comma
  CHECK(has(extractor().extract("Council meets in Moroni\n\nMoroni, 3 March 2025 - The ministers of Comoros, "
                                "Madagascar and Seychelles met. Representatives of the observer members, namely "
                                "the People's Republic of China, Japan and the European Union, also took part.\n")
                .parties,
            "Japan"));
  // a headline in title case wrapped over three short lines of a PDF
  CHECK(extractor()
            .extract("CAMEROON TRIBUNE                          INTERNATIONAL\n\nCameroon-Nigeria: Joint Commission "
                     "Reaffirms\nCommitment to Peaceful Border and Security\nCooperation\n\nThe 5th session of the "
                     "Joint Commission opened in Yaounde on 3 March 2025.\n")
            .title == "Cameroon-Nigeria: Joint Commission Reaffirms Commitment to Peaceful Border and Security "
                      "Cooperation");
  // a sea's name wrapped after "of" is still the sea's
  CHECK_FALSE(has(extractor().extract("Talks\n\nThe two sides discussed sea robbery in the Gulf of\nGuinea on 3 "
                                      "March 2025.\n").countries,
                  "Guinea"));
  // the publisher's boilerplate after a release's end mark gives no topic
  const Briefing release = extractor().extract(
      "Secretary meets Japanese ministers\n\nWashington, 3 March 2025 - The Secretary of Commerce met Japan's "
      "Foreign Minister Takeshi Iwaya to discuss trade.\n\n###\n\nThe Department promotes growth by conducting "
      "foundational research and development.\n");
  CHECK_FALSE(has(release.topics, "defense technology"));
  // the Order of Malta is no state
  CHECK_FALSE(has(extractor().extract("Talks\n\nThe Sovereign Order of Malta was represented.\n").countries, "Malta"));
}

TEST_CASE("a meeting named by its countries that was postponed names no party", "[extractor]") {
  const Briefing b = extractor().extract(
      "Border trade row drags on\n\nNairobi, 3 March 2026 - A meeting of the Kenya-Tanzania Joint Permanent "
      "Commission that was expected in Arusha this week has been postponed for the second time.\n");
  CHECK_FALSE(has(b.parties, "Kenya"));
  CHECK(has(b.countries, "Tanzania"));
}

TEST_CASE("unseen set BM: talks offered to others, a heading and its links on one line", "[extractor]") {
  const Briefing call = extractor().extract(
      "Fidan, Sybiha discuss peace efforts by phone\n\nAnkara, 3 March 2025 - Foreign Minister Hakan Fidan spoke by "
      "phone with Ukraine's Foreign Minister Andrii Sybiha. Fidan reiterated Turkey's readiness to host direct talks "
      "between the Russian and Ukrainian delegations in Istanbul.\n");
  CHECK_FALSE(has(call.parties, "Russia"));
  CHECK(has(call.parties, "Ukraine"));
  CHECK(has(call.countries, "Russia"));
  // (delegations that took part are still parties)
  CHECK(has(extractor().extract("Talks in Geneva\n\nGeneva, 3 March 2025 - The Russian and Ukrainian delegations "
                                "met for four hours.\n").parties,
            "Russia"));
  const Briefing page = extractor().extract(
      "Armenia and Georgia foreign ministers meet\n\nYerevan, 3 March 2025 - Foreign Minister Ararat Mirzoyan met "
      "Georgia's Foreign Minister Maka Botchorishvili.\n\n[Most read](https://en.armradio.am/) \xC2\xB7 [Armenia, EU "
      "discuss visa liberalization](https://en.armradio.am/) \xC2\xB7 [Yerevan to host Wine Days](https://x.am/)\n");
  CHECK_FALSE(has(page.organisations, "EU"));
}

TEST_CASE("unseen sets BN and BO: a news agency's letterhead over its headline", "[extractor]") {
  check_titles({
      {"Agencia Nacional de Noticias (ANN)\nNational News Agency - English Desk\n\nChile and Peru sign a pact on "
       "border security\n\nSantiago, 4 March 2025 (ANN) - The foreign ministers of Chile and Peru met today.\n",
       "Chile and Peru sign a pact on border security"},
      {"ANN - Agencia Nacional de Noticias\nNational News Agency (machine translation)\n\nChile and Peru sign a pact "
       "on border security\n\nSantiago, 4 March 2025 - The foreign ministers of Chile and Peru met today.\n",
       "Chile and Peru sign a pact on border security"},
      // (a headline that ends in "Agency" is still one when nothing follows)
      {"Ministers Agree on a Joint Space Agency\n\nSantiago, 4 March 2025 - The science ministers of Chile and Peru "
       "agreed today to set up a joint agency.\n",
       "Ministers Agree on a Joint Space Agency"},
  });
}

TEST_CASE("unseen sets BN and BO: local titles, a predecessor's portfolio, particles, a junior minister's style",
          "[extractor]") {
  // "Canciller" is a foreign minister's title, in Spanish with "de"
  Briefing b = extractor().extract(
      "Talks in Quito\n\nQuito, 3 March 2025 - Canciller Gabriela Sommerfeld received the Canciller de Chile "
      "Alberto van Klaveren.\n");
  CHECK(minister_names(b) == std::vector<std::string>{"Gabriela Sommerfeld", "Alberto van Klaveren"});
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[1].role == "Foreign Minister");
  CHECK(b.ministers[1].country == "Chile");
  // "former" before a portfolio and a Kenyan "CS"
  b = extractor().extract(
      "Talks in Nairobi\n\nNairobi, 3 March 2025 - The commission last met when Kenya was represented by his "
      "predecessor, former Foreign Affairs CS Alfred Mutua.\n");
  CHECK(minister_names(b).empty());
  // a lower-case particle joined by a hyphen inside a portfolio's name
  b = extractor().extract(
      "Talks in Damascus\n\nDamascus, 3 March 2025 - Also present was Minister of Interior Mazen al-Faraya.\n");
  CHECK(minister_names(b) == std::vector<std::string>{"Mazen al-Faraya"});
  // a Minister of State's style before a name no one knows; an assistant
  // minister's is an official's
  b = extractor().extract(
      "Talks in Abuja\n\nAbuja, 3 March 2025 - Nigeria was represented by the Minister of State for Foreign "
      "Affairs, Ambassador Ngozi Adaeze Okafor.\n");
  CHECK(minister_names(b) == std::vector<std::string>{"Ngozi Adaeze Okafor"});
  b = extractor().extract(
      "Talks in Riyadh\n\nRiyadh, 3 March 2025 - He was received by the Assistant Foreign Minister for Arab "
      "Affairs, Ambassador Ahmad Al-Bakri.\n");
  CHECK(minister_names(b).empty());
  // "Macedonian" in the name of Greece's news agency is no country
  CHECK_FALSE(has(extractor().extract("Talks\n\nAthens, 3 March 2025 (Athens-Macedonian News Agency) - The "
                                      "ministers of Greece and Ukraine spoke.\n")
                      .countries,
                  "North Macedonia"));
}

TEST_CASE("unseen set BN: security without foreign interference is no hybrid threat", "[extractor]") {
  const std::string talks = "Talks in Tehran\n\nTehran, 3 March 2025 - The defence ministers of Iran and Iraq met. ";
  CHECK_FALSE(has(extractor().extract(talks + "The region can guarantee its own security without foreign "
                                              "interference.\n").topics,
                  "hybrid threats"));
  CHECK(has(extractor().extract(talks + "They discussed countering foreign interference in elections.\n").topics,
            "hybrid threats"));
}

TEST_CASE("unseen set BO: a minister named once, in a sentence of a meeting to come, took no part",
          "[extractor]") {
  const Briefing b = extractor().extract(
      "Baltic and Nordic ministers meet in Riga\n\nRiga, 3 March 2025 - Foreign Minister Baiba Braze hosted Estonia's "
      "Foreign Minister Margus Tsahkna and Lithuania's Foreign Minister Kestutis Budrys for talks on Baltic Sea "
      "security.\n\nIn a separate "
      "development, the ministry said Braze will receive Turkish Foreign Minister Hakan Fidan in Riga later in the "
      "spring.\n");
  CHECK(has(b.parties, "Estonia"));
  CHECK(has(b.countries, "Turkey"));
  CHECK_FALSE(has(b.parties, "Turkey"));
}

TEST_CASE("unseen set BO: a known minister named with the title held then is no minister now", "[extractor]") {
  const Briefing b = extractor().extract(
      "Talks in Canberra\n\nCanberra, 3 March 2025 - Richard Marles met Defence Minister Sjafrie Sjamsoeddin. "
      "The agreement was signed a year ago by Marles and Prabowo Subianto, then Indonesia's defence minister and "
      "now its president.\n");
  CHECK(has(minister_names(b), "Sjafrie Sjamsoeddin"));
  CHECK_FALSE(has(minister_names(b), "Prabowo Subianto"));
}

TEST_CASE("unseen set BN: a minister named again at another time took no part; a new minister's country",
          "[extractor]") {
  Briefing b = extractor().extract(
      "Brazil and Colombia discuss the Amazon\n\nBogota, 3 March 2025 - Foreign Minister Mauro Vieira met "
      "Colombia's Foreign Minister Laura Sarabia in Bogota on Thursday.\n\nThe ministers also spoke of the river "
      "border. Earlier "
      "this month, the dispute drew a sharp reply from the Peruvian Minister of Foreign Affairs, Elmer "
      "Schialer.\n\nOn Wednesday, Schialer said in a statement that the island was Peru's.\n");
  CHECK(has(b.parties, "Colombia"));
  CHECK(has(b.countries, "Peru"));
  CHECK_FALSE(has(b.parties, "Peru"));
  b = extractor().extract(
      "Talks in Tirana\n\nTirana, 3 March 2025 - Albania's newly appointed Minister for Europe and Foreign "
      "Affairs, Elisa Spiropali, hosted her Montenegrin counterpart Ervin Ibrahimovic.\n");
  REQUIRE(has(minister_names(b), "Elisa Spiropali"));
  CHECK(b.ministers[0].country == "Albania");
  CHECK(has(b.parties, "Albania"));
}

TEST_CASE("unseen set BO: the nine-dash line, a reassurance force", "[extractor]") {
  const std::string talks = "Talks in Jakarta\n\nJakarta, 3 March 2025 - The defence ministers of Indonesia and "
                            "Australia met. ";
  const Briefing sea = extractor().extract(talks + "Chinese vessels crossed the nine-dash line near Natuna.\n");
  CHECK(has(sea.topics, "indo-pacific"));
  CHECK(has(sea.topics, "maritime security"));
  CHECK(has(extractor().extract(talks + "They discussed the proposed reassurance force.\n").topics, "ukraine war"));
}

TEST_CASE("unseen set BP: an agency's tag before a page's own headline is left out", "[extractor]") {
  CHECK(extractor().extract("---\ntitle: \"(LEAD) FM Cho, Rubio reaffirm alliance\"\n---\nSeoul, 3 March 2025 - "
                            "The ministers met.\n")
            .title == "FM Cho, Rubio reaffirm alliance");
  CHECK(extractor().extract("---\npage-title: \"(2nd LD) Japan, Finland sign defence pact\"\n---\nTokyo, 3 March "
                            "2025 - The ministers met.\n")
            .title == "Japan, Finland sign defence pact");
}

TEST_CASE("unseen sets BP and BQ: a minister not attending, another met separately, propaganda once",
          "[extractor]") {
  Briefing b = extractor().extract(
      "G20 foreign ministers meet\n\nJohannesburg, 20 February 2025 - Minister Ronald Lamola met China's Foreign "
      "Minister Wang Yi.\n\nUS Secretary of State Marco Rubio is not attending the meeting.\n");
  CHECK(has(b.parties, "China"));
  CHECK_FALSE(has(b.parties, "United States"));
  b = extractor().extract(
      "Koizumi meets Dong Jun\n\nKuala Lumpur, 1 November 2025 - Defense Minister Shinjiro Koizumi met Chinese "
      "Defense Minister Dong Jun on Saturday.\n\nEarlier in the day, Koizumi held talks with Australia's Defence "
      "Minister Richard Marles, and separately met Philippine Defense Secretary Gilberto Teodoro Jr.\n");
  CHECK(has(b.parties, "China"));
  CHECK_FALSE(has(b.parties, "Philippines"));
  CHECK_FALSE(has(extractor().extract("Talks in Seoul\n\nSeoul, 3 March 2025 - The foreign ministers of South Korea "
                                      "and Japan met. The South halted its loudspeaker propaganda broadcasts.\n")
                      .topics,
                  "hybrid threats"));
}

TEST_CASE("unseen set BR: a Khmer style before a name, an itinerary's next stop", "[extractor]") {
  Briefing b = extractor().extract(
      "Talks in Phnom Penh\n\nPhnom Penh, 3 March 2025 - Samdech Pichey Senaphakdei Tea Seiha, Minister of National "
      "Defence, received Vietnam's Defence Minister Phan Van Giang.\n");
  CHECK(has(minister_names(b), "Tea Seiha"));
  b = extractor().extract(
      "Hegseth meets Koizumi\n\nTokyo, 29 October 2025 - Defense Secretary Pete Hegseth met Japan's Defense Minister "
      "Shinjiro Koizumi on Wednesday.\n\nHegseth flies to Seoul later on Wednesday for talks with South Korean "
      "Defense Minister Ahn Gyu-back.\n");
  CHECK(has(b.parties, "Japan"));
  CHECK(has(b.countries, "South Korea"));
  CHECK_FALSE(has(b.parties, "South Korea"));
}

TEST_CASE("unseen set BS: a broadcaster's masthead, Kenya's orders after a name, agencies and operations",
          "[extractor]") {
  check_titles({{"XNR - National Radio of Xland | Radio Xland News in English\n\nBulgaria and Romania to deepen "
                 "defence cooperation\n\nSofia, 3 March 2025 - The defence ministers of Bulgaria and Romania met.\n",
                 "Bulgaria and Romania to deepen defence cooperation"}});
  Briefing b = extractor().extract(
      "Joint communique\n\nLodwar, 3 March 2025 - The Kenyan delegation was led by Hon. Amos Kiprono Lagat, EGH, "
      "Cabinet Secretary for Interior and National Administration.\n");
  CHECK(minister_names(b) == std::vector<std::string>{"Amos Kiprono Lagat"});
  b = extractor().extract(
      "Joint statement\n\nBerlin, 3 March 2025 - The interior ministers of Germany and Poland met. They asked the "
      "European Border and Coast Guard Agency to help and planned coordinated disarmament operations.\n");
  CHECK_FALSE(has(b.topics, "maritime security"));
  CHECK_FALSE(has(b.topics, "arms control"));
}

TEST_CASE("unseen set BS: a joint statement's signatories, each name with its country in brackets", "[extractor]") {
  Briefing b = extractor().extract(
      "Joint statement\n\nBerlin, 18 July 2025 - The Federal Minister of the Interior, Alexander Dobrindt, hosted "
      "his counterparts.\n\n1. We, Alexander Dobrindt (Germany), Anna Maria Novak (Austria) and Pierre Leclerc "
      "(France), are united in our determination.\n");
  CHECK(minister_names(b) == std::vector<std::string>{"Alexander Dobrindt", "Anna Maria Novak", "Pierre Leclerc"});
  CHECK(has(b.parties, "Austria"));
  CHECK(has(b.parties, "France"));
  // (no minister among them: a list of other people)
  b = extractor().extract(
      "Panel\n\nBerlin, 18 July 2025 - The speakers were Anna Maria Novak (Austria) and Pierre Leclerc (France).\n");
  CHECK(minister_names(b).empty());
}

TEST_CASE("unseen set BU: a headline that says the meeting was called off names no party", "[extractor]") {
  Briefing b = extractor().extract(
      "Colombia's top diplomat postpones Washington meeting with Rubio\n\nBOGOTA, March 19, 2025 - A meeting "
      "between Colombian Foreign Minister Laura Sarabia and Secretary of State Marco Rubio has been postponed, "
      "officials said.\n");
  CHECK(b.parties.empty());
  CHECK(has(b.countries, "Colombia"));
  CHECK(has(b.countries, "United States"));
  // (a newsletter's first item is its meeting; a meeting held after one called off)
  for (const char* title : {"SitRep: Rubio meets Sarabia in Washington; Indian 2+2 postponed again",
                            "Rubio meets Sarabia after talks postponed in March"}) {
    b = extractor().extract(std::string(title) +
                            "\n\nWASHINGTON, April 9, 2025 - Secretary of State Marco Rubio met Colombian Foreign "
                            "Minister Laura Sarabia on Wednesday.\n");
    INFO(title);
    CHECK(has(b.parties, "Colombia"));
    CHECK(has(b.parties, "United States"));
  }
}

TEST_CASE("unseen set BX: a news bureau's name over a headline, a <title> of a ministry and a state", "[extractor]") {
  check_titles({{"National News Bureau of Xland | XNB\n\nXland FM, Yland counterpart agree by phone to ease border "
                 "tension\n\n29 May 2025 | Foreign Affairs\n\nXTOWN (XNB) - The ministers spoke by phone.\n",
                 "Xland FM, Yland counterpart agree by phone to ease border tension"}});
  const Briefing page = extractor().extract(
      "---\npage-title: \"Ministerio de Defensa - Estado Plurinacional de Bolivia\"\npage-heading: \"Bolivian and "
      "Peruvian defence ministers sign cooperation roadmap in La Paz\"\n---\nLa Paz, 21 de noviembre de 2024 - The "
      "defence ministers of Bolivia and Peru signed a roadmap.\n");
  CHECK(page.title == "Bolivian and Peruvian defence ministers sign cooperation roadmap in La Paz");
  // (a <title> of a headline and a ministry's name stays the page's)
  const Briefing own = extractor().extract(
      "---\npage-title: \"Ministers sign roadmap in La Paz - Ministerio de Defensa\"\npage-heading: \"Bolivian and "
      "Peruvian defence ministers sign cooperation roadmap in La Paz\"\n---\nLa Paz, 21 de noviembre de 2024 - The "
      "defence ministers of Bolivia and Peru signed a roadmap.\n");
  CHECK(own.title == "Ministers sign roadmap in La Paz - Ministerio de Defensa");
}

TEST_CASE("unseen set BT: two countries joined by a dash, then a comma, name no meeting", "[extractor]") {
  const Briefing b = extractor().extract(
      "Sri Lanka and Thailand to rescue trapped workers\n\nColombo, 3 March 2025 - Sri Lanka and Thailand agreed "
      "to rescue workers trapped in scam compounds along the Thailand-Myanmar border, after talks between the two "
      "foreign ministers.\n");
  CHECK(has(b.countries, "Myanmar"));
  CHECK_FALSE(has(b.parties, "Myanmar"));
  CHECK(has(extractor().extract("Talks\n\nTokyo, 3 March 2025 - The Japan-Philippines foreign ministers' meeting, "
                                "held in Tokyo, ended.\n")
                .parties,
            "Philippines"));
}

TEST_CASE("unseen set BW: a minister asked elsewhere, quoted further in that paragraph, took no part",
          "[extractor]") {
  const std::string lead =
      "Ghana's foreign minister visits Bamako\n\nBamako, 5 March 2025 - Ghana's Foreign Minister Samuel Okudzeto "
      "Ablakwa met Mali's Foreign Minister Abdoulaye Diop on Wednesday.\n\n";
  Briefing b = extractor().extract(
      lead + "Asked about the visit at a briefing in Abuja, Nigeria's foreign minister Yusuf Maitama Tuggar said "
             "states were free to pursue their own diplomacy. \"The door remains open,\" Tuggar said.\n");
  CHECK(has(b.parties, "Ghana"));
  CHECK(has(b.countries, "Nigeria"));
  CHECK_FALSE(has(b.parties, "Nigeria"));
  // (named again in a paragraph of its own: taking part after all)
  b = extractor().extract(lead + "Asked about the visit at a briefing in Abuja, Nigeria's foreign minister Yusuf "
                                 "Maitama Tuggar said states were free.\n\nLater, Tuggar joined the two ministers "
                                 "for dinner.\n");
  CHECK(has(b.parties, "Nigeria"));
}

TEST_CASE("unseen set BZ: a minister named once in the lead, alone in a sentence that says he did not attend",
          "[extractor]") {
  Briefing b = extractor().extract(
      "Shangri-La Dialogue 2025 in pictures\n\nSingapore, 1 June 2025 - An empty seat: China's Minister of "
      "National Defense, Dong Jun, did not attend this year's Dialogue. Australia's Defence Minister Richard Marles "
      "spoke on the second day.\n");
  CHECK(has(b.countries, "China"));
  CHECK_FALSE(has(b.parties, "China"));
  CHECK(has(b.parties, "Australia"));
  // (not when another minister's naming shares the sentence: "A met B; C did not attend")
  b = extractor().extract("Marles meets Dong\n\nSingapore, 1 June 2025 - Australia's Defence Minister Richard "
                          "Marles met China's Minister of National Defense Dong Jun, and India's minister did not "
                          "attend.\n");
  CHECK(has(b.parties, "China"));
}

TEST_CASE("unseen sets BY and BZ: a parliamentary question's form over its subject; 'Narcotics Control' is a portfolio",
          "[extractor]") {
  check_titles({{"GOVERNMENT OF INDIA\nMINISTRY OF EXTERNAL AFFAIRS\n\nRAJYA SABHA\nUNSTARRED QUESTION NO. 1187\nTO "
                 "BE ANSWERED ON 31.07.2025\n\nQuad Foreign Ministers' Meeting in Washington\n\n1187. Will the "
                 "Minister be pleased to state the outcomes?\n",
                 "Quad Foreign Ministers' Meeting in Washington"}});
  const Briefing b = extractor().extract(
      "Talks in Islamabad\n\nIslamabad, 3 March 2025 - Federal Minister for Interior and Narcotics Control Anwar "
      "Fictioni Khan received the visitor.\n");
  CHECK(minister_names(b) == std::vector<std::string>{"Anwar Fictioni Khan"});
}

TEST_CASE("unseen sets BT and BY: 'and COUNTRY by ...' after 'was represented by', the verb said once",
          "[extractor]") {
  Briefing b = extractor().extract(
      "Final communique\n\nRiyadh, 3 March 2025 - The ministers of Egypt and Jordan met. The Republic of the Sudan "
      "was represented by its Undersecretary of Foreign Affairs, and the Federal Republic of Somalia by the "
      "Permanent Secretary of its Ministry.\n");
  CHECK(has(b.parties, "Sudan"));
  CHECK(has(b.parties, "Somalia"));
  // (without "represented" before it, "and COUNTRY by" says nothing)
  b = extractor().extract("Talks\n\nRiyadh, 3 March 2025 - The ministers of Egypt and Jordan met. Trade between "
                          "Egypt and Sudan grew, and Somalia by contrast saw a fall.\n");
  CHECK_FALSE(has(b.parties, "Somalia"));
}

TEST_CASE("unseen set BT: a 'Related articles:' line of links names no country", "[extractor]") {
  const Briefing b = extractor().extract(
      "Koizumi, Collins agree\n\nTokyo, 12 November 2025 - Japan's Defense Minister met New Zealand's Defence "
      "Minister.\n\n**Related articles:** [Japan, Philippines Sign Reciprocal Access "
      "Agreement](https://example.com/news/)\n");
  CHECK(has(b.countries, "New Zealand"));
  CHECK_FALSE(has(b.countries, "Philippines"));
}

TEST_CASE("unseen set BZ: a minister met 'earlier in the week' took no part in this meeting", "[extractor]") {
  const Briefing b = extractor().extract(
      "Baltic ministers at the Atlantic Council\n\nNew York, 25 September 2025 - Estonian Foreign Minister Margus "
      "Tsahkna and Latvian Foreign Minister Baiba Braže spoke at an Atlantic Council event.\n\nTsahkna said they "
      "had pressed the same message when they met Secretary of State Marco Rubio earlier in the week.\n");
  CHECK(has(b.parties, "Estonia"));
  CHECK_FALSE(has(b.parties, "United States"));
}

TEST_CASE("a name that begins like a weapon's or an operation's abbreviation names no topic", "[extractor]") {
  const Briefing b = extractor().extract(
      "Talks in Tashkent\n\nTashkent, 3 March 2025 - Foreign Minister Iskander Fictionov met Anna Fonopaza.\n");
  CHECK_FALSE(has(b.topics, "missile"));
  CHECK_FALSE(has(b.topics, "maritime security"));
  CHECK(has(extractor().extract("Talks\n\nMinsk, 3 March 2025 - The ministers discussed the Iskander-M systems "
                                "deployed in Belarus.\n").topics,
            "missile"));
  CHECK(has(extractor().extract("Talks\n\nManila, 3 March 2025 - The ministers discussed FONOPs in the region.\n")
                .topics,
            "maritime security"));
}

TEST_CASE("unseen set CG: a minister without a country, host of the capital a district of which the lead names",
          "[extractor]") {
  const Briefing b = extractor().extract(
      "KOOKBANG ILBO\n----------------------------------------------------------------\n\nAcceptable talks\n\n"
      "Acting Minister of National Defense Ivan Fictionov held talks with UK Defence Minister Anna Fictiona at the "
      "ministry in Yongsan, Seoul, on 12 March 2025.\n");
  CHECK(has(b.parties, "South Korea"));
  CHECK(has(b.parties, "United Kingdom"));
}

TEST_CASE("unseen set CF: a short acronym on a line in capitals counts only when the text names it elsewhere",
          "[extractor]") {
  Briefing b = extractor().extract(
      "INQUIRY OF MINISTRY / DEMANDE DE RENSEIGNEMENT AU GOUVERNEMENT\n\nThe Minister met his Latvian counterpart "
      "in Riga on 3 July 2025.\n");
  CHECK_FALSE(has(b.organisations, "African Union"));
  CHECK(has(b.countries, "Latvia"));
  b = extractor().extract("AU AND EU MINISTERS MEET IN ROME\n\nThe AU and the EU met in Rome on 3 July 2025.\n");
  CHECK(has(b.organisations, "African Union"));
  b = extractor().extract("PLEASE JOIN US FOR THE BRIEFING\n\nThe Minister met her Latvian counterpart in Riga "
                          "on 3 July 2025.\n");
  CHECK_FALSE(has(b.countries, "United States"));
  b = extractor().extract("FUNDING UNDER THE INDIA-UN DEVELOPMENT PARTNERSHIP FUND WAS DISCUSSED ON 3 JULY 2025.\n");
  CHECK(has(b.organisations, "UN"));
}

TEST_CASE("unseen set CG: an all-numeric date in a text spelt the British way is day first", "[extractor]") {
  CHECK(extractor().extract("11/06/2025 | Politics\n\nThe defence minister met the organisation's chief to "
                            "discuss defence ties.\n")
            .date == "2025-06-11");
  // American spelling, or too little to tell: no date rather than a guess.
  CHECK(extractor().extract("11/06/2025 | Politics\n\nThe defense minister met the organization's chief to "
                            "discuss defense ties.\n")
            .date.empty());
  CHECK(extractor().extract("11/06/2025 | Politics\n\nThe minister met the chief.\n").date.empty());
  // The text's other dates tell the order whatever its spelling: a day
  // written with the month's name ("June 11", "11 June") in one reading.
  CHECK(extractor().extract("11/06/2025 | Politics\n\nOn June 11 the defense minister met the chief.\n").date ==
        "2025-06-11");
  CHECK(extractor().extract("11/06/2025 | Politics\n\nOn November 6 the defence minister met the "
                            "organisation's chief to discuss defence ties.\n")
            .date == "2025-11-06");
}

TEST_CASE("a reference number with a date's shape inside is no date", "[extractor]") {
  CHECK(extractor().extract("Number: 10-03-2-1876-1/25\nSarajevo, 14.05.2025.\n\nThe ministers met.\n").date ==
        "2025-05-14");
}

TEST_CASE("unseen set CE: a photograph's caption above the lead does not end it", "[extractor]") {
  const Briefing b = extractor().extract(
      "Chinese defense minister meets foreign counterparts\n\n"
      "Chinese Defense Minister Ivan Fictionov meets with Pakistani Defense Minister Anna Fictiona in Beijing, "
      "Sept. 18, 2025. (Photo/Xinhua)\n\n"
      "BEIJING, Sept. 18 -- Chinese Defense Minister Ivan Fictionov on Thursday held separate talks with defense "
      "leaders from Pakistan, Laos and Russia.\n\n"
      "Meeting with Anna Fictiona, Fictionov said the two countries are friends.\n\n"
      "In his meeting with Lao Minister of National Defense Petra Fictionsay, Fictionov praised the ties.\n");
  CHECK(has(b.parties, "Laos"));
}

TEST_CASE("unseen set CE: countries before 'Defence Ministers' in a headline took part", "[extractor]") {
  const Briefing b = extractor().extract(
      "Lake Chad: Nigeria, Cameroon, Chad Defence Ministers Pledge Stronger Task Force\n\n"
      "The ministers met in N'Djamena on 15 May 2025.\n");
  CHECK(has(b.parties, "Chad"));
  CHECK(has(b.parties, "Cameroon"));
}

TEST_CASE("unseen set CF: a minister's recent speech, and a meeting to be held 'at an early date', are no part of "
          "this one",
          "[extractor]") {
  const Briefing b = extractor().extract(
      "Cho, Fictiona agree to keep talking\n\nForeign Minister Ivan Fictionov and his Japanese counterpart Anna "
      "Fictiona met in Seoul on 13 November 2025 and agreed to work with the United States on North Korea.\n\n"
      "They agreed to hold a trilateral meeting with U.S. Secretary of State Marco Rubio at an early date.\n\n"
      "The ministers also took note of a recent speech by North Korean Foreign Minister Choe Son-hui.\n");
  CHECK(has(b.parties, "Japan"));
  CHECK_FALSE(has(b.parties, "United States"));
  CHECK_FALSE(has(b.parties, "North Korea"));
}

TEST_CASE("a headline of 40 bytes centred over two lines of a PDF goes on", "[extractor]") {
  const Briefing b = extractor().extract(
      "                        PRESS RELEASE\n\n"
      "      Malaysian Foreign Minister calls on Chief Adviser\n"
      "        Prof. Ivan Fictionov at State Guest House Jamuna\n\n"
      "Dhaka, 12 October 2025: The Foreign Minister of Malaysia called on the Chief Adviser today.\n");
  CHECK(b.title == "Malaysian Foreign Minister calls on Chief Adviser Prof. Ivan Fictionov at State Guest House Jamuna");
}

TEST_CASE("unseen set CI: countries that 'also joined.' took part, not those that joined NATO", "[extractor]") {
  const Briefing b = extractor().extract("Coalition call\n\nItaly hosted the call on 3 May 2025. Australia and Japan "
                                         "also joined. Finland also joined NATO in 2023.\n");
  CHECK(has(b.parties, "Australia"));
  CHECK(has(b.parties, "Japan"));
  CHECK_FALSE(has(b.parties, "Finland"));
}

TEST_CASE("unseen set CJ: a story 'translated from the French' names no France", "[extractor]") {
  const Briefing b = extractor().extract("Talks in Abidjan\n\nPublished: 17/06/2025 | Translated from the French\n\n"
                                         "The ministers of Côte d'Ivoire and Benin met in Abidjan.\n");
  CHECK_FALSE(has(b.countries, "France"));
  CHECK(has(b.countries, "Benin"));
}

TEST_CASE("unseen set CH: a board's 'Title' field, a periodical's contents line", "[extractor]") {
  Briefing b = extractor().extract("[Press Release]\n\nTitle      Korea-Poland Sign Second Contract for Tanks\n"
                                   "Date       2025.08.01\n\nThe two countries signed the contract in Warsaw.\n");
  CHECK(b.title == "Korea-Poland Sign Second Contract for Tanks");
  b = extractor().extract("**CONTENTS:** Special Feature: The Dialogue | Minister's Activities\n\n"
                          "# Japan-Netherlands Defense Ministerial Meeting\n\nThe ministers met on 31 May 2025.\n");
  CHECK(b.title == "Japan-Netherlands Defense Ministerial Meeting");
}

TEST_CASE("unseen sets CE and CH: an officer of another country, by rank and name, met the minister", "[extractor]") {
  Briefing b = extractor().extract(
      "Commander Visits Indonesia, Meets With Defense Minister\n\nJAKARTA, Indonesia -- U.S. Navy Adm. Samuel "
      "Fictionaro, commander of U.S. Indo-Pacific Command, met with Indonesian Minister of Defense Ivan Fictionov at "
      "the Ministry of Defense in Jakarta, June 3, 2025.\n");
  CHECK(has(b.parties, "United States"));
  CHECK(has(b.parties, "Indonesia"));
  // (not an officer named in passing, in a line that says no one met)
  b = extractor().extract("Minister speaks\n\nJAKARTA, June 3, 2025 -- Indonesian Minister of Defense Ivan "
                          "Fictionov praised U.S. Navy Adm. Samuel Fictionaro's leadership.\n");
  CHECK_FALSE(has(b.parties, "United States"));
}

TEST_CASE("unseen set CX: an earlier meeting named by its countries; decoys and triggers of topics", "[extractor]") {
  // "the outcome of the ... Meeting": an earlier meeting, not this one.
  Briefing past = extractor().extract(
      "Japan-Philippines Defense Ministerial Meeting\n\nOn June 1, 2024, Minister of Defense KIHARA Minoru held a "
      "meeting with Philippine Secretary of National Defense Gilberto Teodoro Jr. in Singapore. The two Ministers "
      "welcomed the outcome of the Japan-Australia-Philippines-U.S. Defense Ministers' Meeting held in Honolulu "
      "on May 2.");
  CHECK(has(past.parties, "Japan"));
  CHECK(has(past.parties, "Philippines"));
  CHECK_FALSE(has(past.parties, "Australia"));
  CHECK_FALSE(has(past.parties, "United States"));
  // Words that hold a topic's trigger and say nothing of it.
  for (const auto& [text, topic] : std::vector<std::pair<std::string, std::string>>{
           {"The minister spoke of the nuclear family and of schools.", "nuclear"},
           {"Soldiers crowded a cyber café near the base.", "cyber"},
           {"He later visited the Alliance Française in the old town.", "alliance"},
           {"The ministers toured the Murai Urban Training Facility.", "exercises and training"}}) {
    INFO(text);
    CHECK_FALSE(has(extractor().extract(text).topics, topic));
  }
  // And triggers in other words.
  CHECK(has(extractor().extract("Häkkänen said GPS jamming from Russian territory had become a daily problem.").topics,
            "hybrid threats"));
  CHECK(has(extractor()
                .extract("They signed a Memorandum of Understanding on the mutual protection of classified defence "
                         "information.")
                .topics,
            "information security"));
}

TEST_CASE("unseen set CY: an editor's note in square brackets is no headline", "[extractor]") {
  const std::string page =
      "maliweb.net - Politique - International\n"
      "[Automatic translation from French - original: \"Mali-Sénégal : Abdoulaye Diop et\n"
      "Yassine Fall réaffirment des liens de sang et d'histoire\"]\n\n"
      "Mali-Senegal: Abdoulaye Diop and Yassine Fall reaffirm \"ties of blood\n"
      "and history\"\n\n"
      "By the Editorial Staff - 24/06/2024\n\n"
      "The Minister of Foreign Affairs, Abdoulaye Diop, received his Senegalese counterpart on Monday.\n";
  CHECK(extractor().extract(page).title ==
        "Mali-Senegal: Abdoulaye Diop and Yassine Fall reaffirm \"ties of blood and history\"");
  CHECK(extractor().extract("[Updated]\n\nFinland and Japan agree to deepen defence ties\n\nText.").title ==
        "Finland and Japan agree to deepen defence ties");
}

TEST_CASE("unseen set DA: a host welcoming his counterparts from a list; a Swedish page's label line", "[extractor]") {
  Briefing host = extractor().extract(
      "G7 foreign ministers\n\nForeign Minister Antonio Tajani chaired the last ministerial meeting of the Italian G7 "
      "Presidency in Fiuggi, welcoming his counterparts from Canada, France, Germany, Japan, the United Kingdom and "
      "the United States.");
  for (const char* c : {"Italy", "Canada", "France", "Germany", "Japan", "United Kingdom", "United States"}) {
    INFO(c);
    CHECK(has(host.parties, c));
  }
  // (Counterparts from a list alone are not enough: side meetings.)
  CHECK_FALSE(has(extractor().extract("Japan's Defense Minister met counterparts from Canada and France.").parties,
                  "Canada"));
  CHECK(extractor()
            .extract("Press release from Ministry for Foreign Affairs\n\nNordic and Baltic foreign ministers meet in "
                     "Visby\n\nOn 3–4 June 2024, Minister for Foreign Affairs Tobias Billström hosted ...")
            .title == "Nordic and Baltic foreign ministers meet in Visby");
}
