#include "extractor.h"

#include <algorithm>
#include <cstring>
#include <cctype>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "data_files.h"
#include "dates.h"
#include "front_matter.h"
#include "ministers.h"
#include "text.h"

namespace briefing {
namespace {

// Facets are read from the first 4 MB of a text at most; the rest is
// indexed for search all the same. A briefing, even a long report, is far
// shorter, and extraction holds a token of some 50 bytes for every word: a
// 60 MB dump read whole would take gigabytes.
constexpr size_t kFacetTextLimit = 4000000;

// The part of `body` that facets are read from: all of it, or up to the
// last line break (else white space) before kFacetTextLimit.
std::string_view facet_part(std::string_view body) {
  if (body.size() <= kFacetTextLimit) return body;
  std::string_view head = body.substr(0, kFacetTextLimit);
  size_t cut = head.rfind('\n');
  if (cut == std::string_view::npos || cut < kFacetTextLimit / 2) cut = head.find_last_of(" \t\r");
  if (cut == std::string_view::npos) {  // no white space: cut before a UTF-8 lead byte
    cut = kFacetTextLimit;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    return body.substr(0, cut);
  }
  return body.substr(0, cut + 1);
}

std::string megabytes(size_t bytes) { return fmt::format("{:.1f} MB", bytes / 1e6); }

constexpr size_t kMaxTitleBytes = 256;
// The lines at a page's top where its title, letterhead and menus are.
constexpr size_t kTopLines = 12;

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(value);
}

// A line saying only where and when: "Vilnius, 14 February 2025",
// "Published 23 October 2024", "12 August 2024". A date with at most three
// capitalised words before it and nothing but punctuation after it.
bool is_dateline(std::string_view line, const Rules& r) {
  std::vector<Token> tokens = tokenize(line, r.variants);
  auto dates = find_dates(line, tokens);
  if (dates.empty()) return false;
  const DateMention& d = dates.front();
  // A country is one word, with its state's style: "San Salvador, Republic
  // of El Salvador, 20 June 2025".
  std::vector<int8_t> country(tokens.size(), 0);  // 1: its first word, 2: the rest
  // (one country, after the town's comma: not "Republic of Rwanda–State of
  // Qatar Talks, 12 May 2025")
  const std::vector<Mention> named = r.countries.find(line, tokens);
  for (const Mention& m : named.size() == 1 ? named : std::vector<Mention>{}) {
    size_t begin = m.begin;
    if (begin >= 2 && (tokens[begin - 1].is("of") || tokens[begin - 1].is("the"))) {
      size_t style = tokens[begin - 1].is("the") && begin >= 3 && tokens[begin - 2].is("of") ? begin - 3 : begin - 2;
      if (tokens[style].is("republic") || tokens[style].is("kingdom") || tokens[style].is("state") ||
          tokens[style].is("sultanate"))
        begin = style;
    }
    if (begin == 0 || !tokens[begin - 1].is(",")) continue;
    for (size_t k = begin; k < m.end && k < tokens.size(); ++k) country[k] = k == begin ? 1 : 2;
  }
  size_t words = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].is_word() && tokens[i].kind != TokenKind::kNumber) continue;
    if ((i >= d.begin && i < d.end) || country[i] == 2) continue;
    if (i >= d.end || !(country[i] == 1 || tokens[i].capitalised || tokens[i].all_caps) || ++words > 3) return false;
  }
  return true;
}

// A line that is a page's label rather than a title: "Press Release",
// "From: Ministry of Defence" (data/title-labels.txt).
// A word of a state's style around its name in its own language:
// "República del Paraguay", "République du Sénégal", "Regierung des
// Fürstentums Liechtenstein" (data/page-words.tsv, state-style). `key` is
// folded.
bool own_state_style_word(std::string_view key, const Rules& r) {
  return r.page_word(std::string(key), PageWordKind::kStateStyle);
}

bool is_single_label(std::string_view line, const Rules& r) {
  std::string key = fold_key(line);
  if (r.title_labels.starts(key) || r.title_labels.holds(key)) return true;
  while (!key.empty() && (key.back() == ':' || key.back() == '.')) key.pop_back();
  if (r.title_labels.whole(key)) return true;
  // An institution's name alone: "AFRICAN UNION", "NATO".
  if (r.organisations.lookup(line) >= 0) return true;
  std::vector<Token> tokens = tokenize(line, r.variants);
  // A label and its number: "Press Release No. 087/2025".
  size_t numbered = tokens.size();
  while (numbered > 0 && (tokens[numbered - 1].kind != TokenKind::kWord || tokens[numbered - 1].is("no") ||
                          tokens[numbered - 1].is("nr")))
    --numbered;
  if (numbered == 0) return true;  // no words: "No. 176/2025"
  if (numbered < tokens.size() && tokens[numbered - 1].kind == TokenKind::kWord &&
      r.title_labels.whole(fold_key(line.substr(0, tokens[numbered - 1].end))))
    return true;
  // A label with its country: "Ministry of Foreign Affairs of the Republic
  // of Korea", "U.S. Department of State", "Government of India".
  std::vector<Mention> countries = r.countries.find(line, tokens);
  if (countries.empty()) return false;
  // An address: a town, then its country ("Riyadh, Kingdom of Saudi
  // Arabia", "Suva, Fiji").
  if (countries.size() == 1 && countries[0].end == tokens.size() && countries[0].begin >= 2 &&
      tokens[countries[0].begin - 1].is(",")) {
    const size_t town = countries[0].begin - 1;
    if (town <= 3 && std::all_of(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(town),
                                 [](const Token& t) { return t.is_word() && (t.capitalised || t.all_caps); }))
      return true;
  }
  std::vector<std::string_view> rest;
  size_t next = 0;
  for (const Mention& m : countries) {
    for (size_t i = next; i < m.begin; ++i) rest.push_back(tokens[i].text(line));
    next = m.end;
  }
  for (size_t i = next; i < tokens.size(); ++i) rest.push_back(tokens[i].text(line));
  auto filler = [&](std::string_view w) {
    std::string k = fold_key(w);
    return k == "of" || k == "the" || k == "'s" || k == "'" || k == "s" || k == "republic" || k == "republik" ||
           k == "," || k == "-" || k == ":" || k == "|" || k == "in" || k == "to" || own_state_style_word(k, r);
  };
  while (!rest.empty() && filler(rest.back())) rest.pop_back();
  while (!rest.empty() && filler(rest.front())) rest.erase(rest.begin());
  if (rest.empty()) return true;  // a country alone: "REPUBLIC OF SOUTH AFRICA"
  const char* base = rest.front().data();
  const std::string_view remaining(base, static_cast<size_t>(rest.back().data() + rest.back().size() - base));
  return r.title_labels.whole(fold_key(remaining));
}

bool is_menu(std::string_view line, const Rules& r);
std::string without_markdown_links(std::string_view line);

// A line cut at its separators (line_parts, below).
struct LineParts {
  std::vector<std::string_view> parts;
  bool trail = false;  // an arrow among the separators
};
LineParts line_parts(std::string_view line);

// Whether a line ends a sentence: a stop, perhaps inside quotes or brackets.
bool ends_sentence(std::string_view line) {
  while (!line.empty()) {
    if (line.back() == '"' || line.back() == '\'' || line.back() == ')') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 && (line.substr(line.size() - 3) == "\xE2\x80\x9D" ||
                                    line.substr(line.size() - 3) == "\xE2\x80\x99")) {
      line.remove_suffix(3);  // ” ’
    } else {
      break;
    }
  }
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

// Whether a line ends in initials, its full stop no sentence's: "... a
// Security Alliance With the U.S.", "... talks in Washington, D.C.".
bool ends_in_initials(std::string_view line) {
  const size_t space = line.rfind(' ');
  const std::string_view word = space == std::string_view::npos ? line : line.substr(space + 1);
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    const char c = word[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) || word[i + 1] != '.') return false;
  }
  return true;
}

// Whether the line after the one ending at `end` starts in lower case.
bool next_starts_lower(std::string_view body, size_t end) {
  size_t k = end + 1;
  while (k < body.size() && (body[k] == ' ' || body[k] == '\t' || body[k] == '\r')) ++k;
  return k < body.size() && body[k] >= 'a' && body[k] <= 'z';
}

// Whether a line holds a year: four digits from 1900 to 2099, alone.
bool holds_year(std::string_view line) {
  for (size_t i = 0; i + 4 <= line.size(); ++i) {
    auto digit = [&](size_t k) { return k < line.size() && line[k] >= '0' && line[k] <= '9'; };
    if ((i > 0 && digit(i - 1)) || digit(i + 4)) continue;
    if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
        ((line[i] == '1' && line[i + 1] == '9') || (line[i] == '2' && line[i + 1] == '0')))
      return true;
  }
  return false;
}

// Whether a line holds a word of a site's notices ("… cookies …" in
// data/title-labels.txt), in any case. (Compared as written: folding every
// line of every briefing would cost more than the look.)
bool holds_notice(std::string_view line, const Rules& r) {
  for (const std::string& word : r.title_labels.inner) {
    auto same = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
    auto at = std::search(line.begin(), line.end(), word.begin(), word.end(), same);
    if (at != line.end() && r.title_labels.holds(fold_key(line))) return true;
  }
  return false;
}

// The page's own date under a list of links ("Published: 01/14/2025 17:32 |
// Updated: ..."): the list has ended. `key`: the line's start, folded.
bool page_date_line(const std::string& key, std::string_view line, const Rules& r) {
  const size_t colon = key.find(':');
  return colon != std::string::npos && colon > 0 && r.page_word(key.substr(0, colon), PageWordKind::kDateLabel) &&
         holds_year(line);
}

// Whether a line is one Markdown link and nothing else, a list's bullet
// aside: "- [Iran Opens New Rail Link to Turkmenistan](https://...)".
bool only_a_link(std::string_view line) {
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
    line = trim(line.substr(2));
  else if (line.rfind("\xE2\x80\xA2 ", 0) == 0)  // "• "
    line = trim(line.substr(4));
  if (!line.empty() && line.front() == '!') line.remove_prefix(1);
  if (line.size() < 4 || line.front() != '[' || line.back() != ')') return false;
  // The bracket opened first closes right before the target, which runs to
  // the line's end: not "[Kihara] met Teodoro, said [the ministry](...)".
  const size_t target = line.find("](");
  if (target == std::string_view::npos || line.find(']') != target) return false;
  const std::string_view url = line.substr(target + 2, line.size() - target - 3);
  return url.find_first_of(" \t()[]") == std::string_view::npos;
}

// Whether a line ends in a date written with dots, a dot after it too, as
// a list of other stories dates its items ("Kim Jong Un Sends Greetings to
// President of Mongolia 2025.07.09."): no sentence's end.
bool ends_in_dotted_date(std::string_view line) {
  size_t k = line.size();
  while (k > 0 && (std::isdigit(static_cast<unsigned char>(line[k - 1])) || line[k - 1] == '.')) --k;
  const std::string_view date = line.substr(k);
  return date.size() >= 9 && (k == 0 || line[k - 1] == ' ') && std::count(date.begin(), date.end(), '.') == 3 &&
         std::isdigit(static_cast<unsigned char>(date.front()));
}

// The body with the lines that link to other stories blanked out (spaces,
// so offsets stay), for finding what the briefing is about: "Read more: ...",
// the short lines under "RELATED STORIES" (data/link-lines.txt), and, below
// the briefing's first sentence, lines that are only a link ("- [Japan
// Offers Coast Guard Vessels to Indonesia](https://...)"): other pages'
// headlines, under whatever heading.
std::string without_link_lines(std::string_view body, const Rules& r) {
  std::string out(body);
  if (r.link_lines.empty()) return out;
  constexpr size_t kMaxLinkLine = 150;
  constexpr int kMaxBlockLines = 12;
  int block = 0;  // link lines still allowed in the current block
  size_t line_no = 0;  // lines with words so far
  // A list of other stories follows the briefing's text: before a sentence
  // has been read, "Top stories" heads the briefing's own list (a digest).
  bool prose = false;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string_view::npos ? body.size() : nl;
    std::string_view line = trim(body.substr(pos, end - pos));
    // A press release's end mark ("###", "-30-"), below its text: what
    // follows is the publisher's boilerplate ("The U.S. Department of
    // Commerce promotes ... research and development") and its contacts.
    if (prose && (line == "###" || line == "# # #" || line == "-30-" || line == "- 30 -")) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(pos), out.end(), ' ');
      break;
    }
    // A Markdown heading or emphasis reads as its words: "### Associated
    // links", "**Read more**".
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    line = trim(line);
    while (line.size() > 4 && line.front() == line.back() && (line.front() == '*' || line.front() == '_'))
      line = trim(line.substr(1, line.size() - 2));
    const bool link_only = prose && only_a_link(line);
    // A link reads as its words: "More on [Simon Harris](https://...)";
    // and a line begun in emphasis as its words: "*Read more:* [...]".
    std::string words;
    if (line.find("](") != std::string_view::npos) {
      words = without_markdown_links(line);
      line = trim(words);
    }
    if (!line.empty() && (line.front() == '*' || line.front() == '_')) {
      // (not a list's bullet: "* Japan and ...", nor a rule of marks: at most
      // three, so that finding the closing ones stays linear)
      const size_t n = line.find_first_not_of(line.front());
      const size_t close = n == std::string_view::npos || n > 3 || line[n] == ' '
                               ? std::string_view::npos
                               : line.find(line.substr(0, n), n);
      if (close != std::string_view::npos) {
        std::string unmarked = std::string(line.substr(n, close - n)).append(line.substr(close + n));
        words = std::move(unmarked);
        line = trim(words);
      }
    }
    bool link = false;
    // A cookie banner ("We use cookies ... data protection") is the site's,
    // not the briefing's (data/title-labels.txt, "… cookies …"), and so is
    // a menu at the page's top ("Home | Ukraine | Russia | Central Asia").
    constexpr size_t kMaxNotice = 400;
    if (!line.empty()) ++line_no;
    // (A label and a dateline in one row is no menu: "TISKOVÁ ZPRÁVA / PRESS
    // RELEASE      Praha / Prague, 22. 10. 2024".)
    if (!line.empty() && line.size() <= kMaxNotice &&
        (holds_notice(line, r) || (line_no <= kTopLines && is_menu(line, r) && !holds_year(line))))
      link = true;
    else if (!line.empty()) {
      // The rules are short: only a line's start is folded (folding every
      // paragraph cost 8 % of indexing).
      constexpr size_t kLongestRule = 48;
      std::string key = fold_key(truncate_utf8(line, kLongestRule));
      link = r.link_lines.starts(key);
      // (in a list: "- READ MORE: Indonesian President ... to visit Sydney")
      if (!link && line.size() > 2 && (line[0] == '-' || line[0] == '+' || line[0] == '*') && line[1] == ' ')
        link = r.link_lines.starts(fold_key(truncate_utf8(line.substr(2), kLongestRule)));
      // A heading begun by a rule ending in "…" ("More from Dhaka Tribune")
      // starts a block too; a line begun by one ending in ':' is one link.
      // (A heading may name its site at length: "Other press releases from
      // the Ministry for Foreign and European Affairs and Trade".)
      constexpr size_t kLongestHeading = 100;
      // ("Read more: ...", "ALSO READ | ...": one link.)
      // ("Read more from Sky News:" alone on its line heads a list.)
      // (two finds: find_first_of tests every byte against each mark, a
      // cost on every paragraph of every briefing)
      const size_t mark = std::min(line.find(':'), line.find('|'));
      const bool one_link = mark != std::string_view::npos && mark + 1 < line.size();
      // (Not a sentence: "More from the talks came as Estonia called it \"a
      // milestone.\"", nor a line that a sentence wraps from: the next line
      // going on in lower case.)
      const bool heading = link && !one_link && line.size() <= kLongestHeading && !ends_sentence(line) &&
                           (line.size() <= kLongestRule || !next_starts_lower(body, end));
      // A sentence that begins like a heading is the briefing's ("Other
      // press releases from the ministry said ...").
      if (link && !heading && !one_link) link = false;
      while (!key.empty() && (key.back() == ':' || key.back() == '.')) key.pop_back();
      // A heading in two languages: "Leggi anche / Read also".
      auto whole = [&](const std::string& k) {
        if (r.link_lines.whole(k)) return true;
        const size_t slash = k.find(" / ");
        return slash != std::string::npos &&
               (r.link_lines.whole(k.substr(0, slash)) || r.link_lines.whole(k.substr(slash + 3)));
      };
      // A heading and its links on one line, cut by bars or dots: "Most read
      // · Armenia, EU discuss visa liberalization · Yerevan to host ...".
      const bool inline_links = [&] {
        if (line.size() > kMaxNotice || line.find_first_of("|\xC2\xE2") == std::string_view::npos) return false;
        const LineParts split = line_parts(line);
        return split.parts.size() >= 2 && split.parts.front().size() <= kLongestRule &&
               whole(fold_key(split.parts.front()));
      }();
      if (inline_links) {
        link = true;
      } else if (heading || (line.size() <= kLongestRule && whole(key))) {
        link = true;
        block = prose ? kMaxBlockLines : 0;
      } else if (block > 0 && line.size() <= kMaxLinkLine &&
                 (line.back() != '.' || ends_in_initials(line) || ends_in_dotted_date(line)) &&
                 !page_date_line(key, line, r)) {
        link = true;
        --block;
      } else if (!link) {
        block = 0;
      }
    }
    if (link || link_only)
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(pos), out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    else if (!line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?')) prose = true;
    pos = end + 1;
  }
  return out;
}

// A line of parts: a breadcrumb trail ("Home > Newsroom > Press releases"),
// a menu ("Just In | Politics | World | Business", "Home  Japan  World",
// "Kazakhstan · World · Economy"), a section and a label ("News |
// Israel-Palestine conflict"), labels only ("Press release | Date:
// 13/11/2024 | Ministry of Defence", "NATIONAL / POLITICS"). "Talks in Oslo
// | Ministry of Defence" is a title.
// A line cut at its separators: " | ", " / ", " · ", " • ", a run of spaces
// or a tab (a menu saved as text), and the arrows of a trail (" > ", " › ",
// " » ", " → "). No parts when it has none.
LineParts line_parts(std::string_view line) {
  static constexpr std::string_view kBars[] = {" | ", " / ", " \xC2\xB7 ", " \xE2\x80\xA2 "};
  static constexpr std::string_view kArrows[] = {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " \xE2\x86\x92 "};
  LineParts out;
  // (Most lines have no separator: a sentence is looked through once.)
  if (line.find_first_of("|/>\t\xC2\xE2") == std::string_view::npos && line.find("  ") == std::string_view::npos)
    return out;
  size_t start = 0;
  auto cut = [&](size_t at, size_t next) {
    std::string_view part = trim(line.substr(start, at - start));
    if (!part.empty()) out.parts.push_back(part);
    start = next;
  };
  for (size_t i = 0; i < line.size(); ++i) {
    if ((line[i] == ' ' && i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t')) || line[i] == '\t') {
      size_t next = line.find_first_not_of(" \t", i);
      // "mil.be  |  NL": the run of spaces and the bar are one separator.
      for (std::string_view sep : kBars)
        if (next != std::string_view::npos && line.compare(next - 1, sep.size(), sep) == 0) next += sep.size() - 1;
      cut(i, next);
      i = next - 1;
      continue;
    }
    if (line[i] != ' ') continue;  // every separator starts with a space
    bool found = false;
    for (const auto* seps : {&kBars, &kArrows}) {
      for (std::string_view sep : *seps) {
        if (line.compare(i, sep.size(), sep) != 0) continue;
        out.trail = out.trail || seps == &kArrows;
        cut(i, i + sep.size());
        i = start - 1;
        found = true;
        break;
      }
      if (found) break;
    }
  }
  if (!out.parts.empty()) cut(line.size(), line.size());
  return out;
}

// Whether no part of a line has more than three words: a menu's or a
// site name's parts, not a headline's.
bool short_parts(const std::vector<std::string_view>& parts, const Rules& r) {
  return std::all_of(parts.begin(), parts.end(), [&](std::string_view p) {
    std::vector<Token> tokens = tokenize(p, r.variants);
    return std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word(); }) <= 3;
  });
}

// A site's name in its languages, cut by dashes: "Defensie - La Défense -
// Belgian Defence". Three parts or more, none of more than three words.
bool is_dashed_name(std::string_view line, const Rules& r) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      if (line.compare(i, sep.size(), sep) != 0) continue;
      parts.push_back(line.substr(start, i - start));
      start = i + sep.size();
      i = start - 1;
      break;
    }
  }
  parts.push_back(line.substr(start));
  return parts.size() >= 3 && short_parts(parts, r);
}

// A site's menu or a breadcrumb trail: four parts or more, or a trail of
// three, none of more than three words ("Home | Ukraine | Russia | Central
// Asia", "Home > News > Navy"); of five parts or more, one may be longer
// ("Actualité · Politique · Le Figaro in English · Abonnez-vous · ...",
// "Ministry  Diplomacy  Polish Presidency of the Council of the EU  ...").
bool is_menu(std::string_view line, const Rules& r) {
  const LineParts split = line_parts(line);
  if (split.parts.size() < (split.trail ? 3u : 4u)) return false;
  // (A row of a table has figures: "Estonia   Minister of Defence Hanno
  // Pevkur   Tallinn   12 March   host" is no menu.)
  const bool figures = std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
  // (Nor is a byline with its date: "By Lusaka Times · August 22, 2025 ·
  // Headlines · 4 Comments".)
  if (figures && std::any_of(split.parts.begin(), split.parts.end(), [](std::string_view p) {
        return p.size() >= 8 && parse_date(p).has_value();
      }))
    return false;
  size_t longer = 0;
  for (std::string_view part : split.parts)
    if (!short_parts({part}, r) && ++longer > (split.parts.size() >= 5 && !figures ? 1u : 0u)) return false;
  return true;
}

// A letterhead's address on one line, cut by commas: "Capital Hill, P.O.
// Box 30315, Lilongwe 3, Malawi". Three parts or more, one of them starting
// with a label and holding a number ("P.O. Box 30315", "Tel: +265 1 789
// 323"), or names alone down to the state: "Tower Hill, Freetown, Sierra
// Leone" (each part at most three capitalised words, the last a country,
// another none). Or a street's number and name, then a country: "4 Sh.
// Chitadze Street, 0118 Tbilisi, Georgia", or a postcode and a town: "Rue
// de la Loi 175, 1048 Bruxelles"; or a line with the site's web address:
// "La Exposición S/N y Benigno Vela, Quito - Ecuador | www.defensa.gob.ec".
bool is_address_line(std::string_view line, const Rules& r) {
  constexpr size_t kMaxBytes = 160;
  if (line.size() > kMaxBytes) return false;
  const std::string key = fold_key(line);
  if (key.find(" | www.") != std::string::npos || key.find(" | http") != std::string::npos) return true;
  if (line.find(',') == std::string_view::npos) return false;
  const std::vector<std::string> parts = split_list(line, ',');
  // (a street's word: "Street", "Rue", data/context-words.tsv's "street")
  auto street = [&](const std::string& p) {
    if (std::none_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    for (const Token& t : tokenize(p, r.variants))
      if (t.is_word() && r.context_word(t.key, ContextList::kStreet)) return true;
    return false;
  };
  // A street and its number, then a postcode and a town: "Rue de la Loi
  // 175, 1048 Bruxelles", "Regentschapsstraat 39 / Rue de la Régence 39,
  // 1000 Brussel/Bruxelles".
  auto postcode_town = [](std::string_view p) {
    p = trim(p);
    size_t digits = 0;
    while (digits < p.size() && p[digits] >= '0' && p[digits] <= '9') ++digits;
    if (digits < 3 || digits > 6 || digits + 1 >= p.size() || p[digits] != ' ') return false;
    const unsigned char first = static_cast<unsigned char>(p[digits + 1]);
    return (first >= 'A' && first <= 'Z') || first >= 0x80;
  };
  if (parts.size() >= 2 && street(parts.front()) && postcode_town(parts.back())) return true;
  if (parts.size() < 3) return false;
  // (a label that begins the part, as "P.O. Box …" and "Tel:" do: not a
  // year or a date, "Japan, Philippines sign pact on July 8, 2024, in Manila")
  if (std::any_of(parts.begin(), parts.end(), [&](const std::string& p) {
        return std::any_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               r.title_labels.starts(fold_key(p));
      }))
    return true;
  auto is_country = [&](const std::string& p) {
    const std::vector<Token> tokens = tokenize(p, r.variants);
    const std::vector<Mention> found = r.countries.find(p, tokens);
    return found.size() == 1 && found.front().begin == 0 && found.front().end == tokens.size();
  };
  if (street(parts.front()) && is_country(parts.back())) return true;
  auto is_name = [&](const std::string& p) {
    const std::vector<Token> tokens = tokenize(p, r.variants);
    size_t words = 0;
    for (const Token& t : tokens) {
      if (!t.is_word()) return false;
      if (!(t.capitalised || t.all_caps) && !t.is("of") && !t.is("the")) return false;
      ++words;
    }
    return words >= 1 && words <= 3;
  };
  if (!std::all_of(parts.begin(), parts.end(), is_name) || !is_country(parts.back())) return false;
  return !std::all_of(parts.begin(), parts.end() - 1, is_country);
}

bool is_label(std::string_view line, const Rules& r) {
  if (is_address_line(line, r)) return true;
  const LineParts split = line_parts(line);
  const std::vector<std::string_view>& parts = split.parts;
  const bool trail = split.trail;
  if (parts.empty()) return is_single_label(line, r) || is_dashed_name(line, r);
  if ((trail && parts.size() >= 3) || is_single_label(parts.front(), r)) return true;
  // A menu or a short trail: "Just In | Politics | World | Business",
  // "e-Paper | Subscribe | Sign in", "Media Center > News". No part has
  // more than three words.
  if ((trail || parts.size() >= 3) && short_parts(parts, r)) return true;
  return std::all_of(parts.begin(), parts.end(),
                     [&](std::string_view p) { return p.empty() || is_single_label(p, r) || is_dateline(p, r); });
}

// How a line at the top of a page reads: its words, and whether it reads
// like a name ("Press Office", "Cancillería de Colombia", "MINISTERUL
// APĂRĂRII NAȚIONALE": every word capitalised, or a short linking word) or
// ends like a sentence ("The ministers met in Oslo.").
struct LineShape {
  size_t words = 0;
  bool name_like = true;
  bool sentence = false;
};

LineShape line_shape(std::string_view line, const Rules& r) {
  LineShape shape;
  for (const Token& t : tokenize(line, r.variants)) {
    if (!t.is_word()) continue;
    ++shape.words;
    if (!t.capitalised && !t.all_caps && t.end - t.begin > 3) shape.name_like = false;
  }
  shape.sentence = ends_sentence(line);
  return shape;
}

// Whether a line begins with an institution's word, after a country's
// name or adjective if one comes first ("U.S. Department of Energy").
bool names_institution(std::string_view line, const Rules& r) {
  std::vector<Token> tokens = tokenize(line, r.variants);
  auto first = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word(); });
  if (first == tokens.end()) return false;
  if (is_institution_word(*first, r)) return true;
  const std::vector<Mention> countries = r.countries.find(line, tokens);
  const size_t at = static_cast<size_t>(first - tokens.begin());
  if (countries.empty() || countries.front().begin != at) return false;
  auto next = std::find_if(tokens.begin() + static_cast<std::ptrdiff_t>(countries.front().end), tokens.end(),
                           [](const Token& t) { return t.is_word(); });
  return next != tokens.end() && is_institution_word(*next, r);
}

// Whether a line, or a part of it between dashes or bars, is a news
// agency's or service's name: two to eight words in title case, begun or
// ended by an agency's word, a bracket left out ("Agência de Informação de
// Moçambique (AIM)", "Mozambique News Agency - English Service",
// "Paraguayan Information Agency (unofficial English translation)").
bool names_agency(std::string_view line, const Rules& r) {
  const std::vector<Token> tokens = tokenize(line, r.variants);
  const Token* first = nullptr;
  const Token* last = nullptr;
  const Token* before_of = nullptr;  // the word before the part's first "of"
  size_t words = 0, depth = 0;
  bool title_case = true;
  auto agency_word = [&](const Token* t) { return t && r.page_word(t->key, PageWordKind::kAgency); };
  auto part_ends = [&] {
    // (or the word before "of" and a country's name: "National News Bureau
    // of Thailand")
    const bool agency = words >= 2 && words <= 8 && title_case &&
                        (agency_word(first) || agency_word(last) || agency_word(before_of));
    first = last = before_of = nullptr;
    words = 0;
    title_case = true;
    return agency;
  };
  for (const Token& t : tokens) {
    if (t.is("(")) ++depth;
    if (t.is(")") && depth > 0) --depth;
    if (depth > 0 || t.is(")")) continue;
    if (t.is_word()) {
      if (t.is("of") && last && !before_of) before_of = last;
      if (!first) first = &t;
      last = &t;
      ++words;
      if (!t.capitalised && !t.all_caps && t.end - t.begin > 3) title_case = false;
    } else if ((t.is("-") || t.is("\xE2\x80\x93") || t.is("\xE2\x80\x94") || t.is("|")) && t.space_before) {
      if (part_ends()) return true;
    }
  }
  return part_ends();
}

// A ministry's or a site's masthead, in title case: "Federal Department of
// Foreign Affairs FDFA", "Ministry of Foreign Affairs, African Cooperation
// and Moroccan Expatriates", "Kaitseministeerium | Ministry of Defence of the
// Republic of Estonia" (a part that is a label, or for a line that reads
// like a name, LineShape::name_like, an institution's first word).
bool is_masthead(std::string_view line, bool name_like, const Rules& r) {
  if (name_like && names_institution(line, r)) return true;
  if (names_agency(line, r)) return true;
  const LineParts split = line_parts(line);
  return !split.trail && std::any_of(split.parts.begin(), split.parts.end(),
                                     [&](std::string_view p) { return is_single_label(p, r); });
}

// A news agency's tag before a headline: "(LEAD)", "(2nd LD)", "(URGENT)":
// at most three words in brackets, one of them in capitals.
std::string_view without_agency_tag(std::string_view title, const Rules& r) {
  if (title.size() < 4 || title.front() != '(') return title;
  size_t close = title.find(')');
  if (close == std::string_view::npos || close > 24 || close + 2 >= title.size() || title[close + 1] != ' ')
    return title;
  std::vector<Token> tokens = tokenize(title.substr(1, close - 1), r.variants);
  size_t words = 0;
  bool caps = false;
  for (const Token& t : tokens) {
    if (!t.is_word() && t.kind != TokenKind::kNumber) return title;
    if (t.is_word()) ++words;
    caps = caps || (t.all_caps && t.end - t.begin >= 2);
  }
  return caps && words <= 3 ? trim(title.substr(close + 1)) : title;
}

// A line at the top of a page as a reader sees it: Markdown's heading
// marks, emphasis and quote marks left out, a link as its words
// ("[World](#)" is "World"), an image as nothing.
struct TopLine {
  std::string text;
  int heading = 0;          // a Markdown heading's level ("# Title": 1)
  bool under_last = false;  // right under the line before, no blank line between
  // No headline: a Markdown block quote ("> HKFP is ...": a site's appeal),
  // a list's item ("* Argentina's Peso Plunges ..." under "Most Read"), or
  // a line begun by a link to a site's home page ("[The Local
  // Sweden](https://www.thelocal.se/) · Sweden's news in English").
  bool aside = false;
  // Set in from the left by four spaces or more: centred, in text from a
  // PDF.
  bool centred = false;
};

// Whether a line is (a line of) an editor's note in square brackets:
// "[Automatic translation from French - original: "Mali-Sénégal : ..." /
// "... d'histoire"]", "[Updated]"; not a Markdown link ("[Home](/)").
bool editors_note(std::string_view line) {
  if (line.empty() || line.find("](") != std::string_view::npos) return false;
  const bool opens = line.front() == '[', closes = line.back() == ']';
  const size_t open = line.find('['), close = line.find(']');
  return (opens && close == std::string_view::npos) || (opens && closes && close + 1 == line.size()) ||
         (closes && open == std::string_view::npos);
}

// Whether a line starts with a Markdown link to a site's home page:
// "[Name](https://host/)", "[Name](/)".
bool starts_with_home_link(std::string_view line) {
  if (line.empty() || line.front() != '[') return false;
  const size_t close = line.find("](");
  if (close == std::string_view::npos) return false;
  const size_t end = line.find(')', close + 2);
  if (end == std::string_view::npos) return false;
  std::string_view url = line.substr(close + 2, end - close - 2);
  if (url == "/") return true;
  for (std::string_view scheme : {"https://", "http://"})
    if (url.substr(0, scheme.size()) == scheme) {
      url.remove_prefix(scheme.size());
      const size_t slash = url.find('/');
      return !url.empty() && (slash == std::string_view::npos || slash + 1 == url.size());
    }
  return false;
}

// Characters, not bytes: a motto in Cyrillic is as short as in English.
size_t characters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Whether a line has a letter of the Latin alphabet (ASCII, or a Latin
// letter with a mark: "Économie").
bool has_latin_letter(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < line.size()) return true;  // U+00C0-U+017F
  }
  return false;
}

size_t count_of(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// (A link's words may hold an image: "[![Emblem](/emblem.svg) Ministry of
// Foreign Affairs](https://...)" is "Ministry of Foreign Affairs".) In one
// pass, whatever the nesting: which bytes go is marked first, then the
// rest is copied.
std::string without_markdown_links(std::string_view line) {
  const size_t n = line.size();
  // The first ')' at or after each byte.
  std::vector<size_t> close_paren(n + 1, std::string_view::npos);
  for (size_t k = n; k-- > 0;) close_paren[k] = line[k] == ')' ? k : close_paren[k + 1];
  std::vector<int> drop(n + 1, 0);  // +1 where a dropped run starts, -1 after it ends
  auto drop_run = [&](size_t from, size_t to) {  // [from, to]
    ++drop[from];
    --drop[to + 1];
  };
  std::vector<std::pair<size_t, bool>> open;  // '[' positions, and whether an image's
  for (size_t i = 0; i < n; ++i) {
    if (line[i] == '[') {
      open.emplace_back(i, i > 0 && line[i - 1] == '!');
    } else if (line[i] == ']' && !open.empty()) {
      const auto [at, image] = open.back();
      open.pop_back();
      const size_t end = i + 1 < n && line[i + 1] == '(' ? close_paren[i + 2] : std::string_view::npos;
      if (end == std::string_view::npos) continue;  // brackets, not a link
      if (image) {
        drop_run(at - 1, end);  // an image is nothing
      } else {
        drop_run(at, at);
        drop_run(i, end);
      }
      i = end;
    }
  }
  std::string out;
  out.reserve(n);
  int dropping = 0;
  for (size_t i = 0; i < n; ++i) {
    dropping += drop[i];
    if (dropping == 0) out += line[i];
  }
  return out;
}

// A photograph's caption, which credits it at its end: "*Foreign Minister
// ... in Cairo (Photo: Egyptian Foreign Ministry)*", "... (AFP Photo)",
// "... Photo: Reuters".
bool is_photo_caption(std::string_view line) {
  while (!line.empty() && (line.back() == '*' || line.back() == '_' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty() || line.size() > kMaxTitleBytes) return false;
  size_t from = line.rfind('(');
  std::string_view last = line.back() == ')' && from != std::string_view::npos
                              ? line.substr(from + 1, line.size() - from - 2)
                              : line.substr(line.size() > 40 ? line.size() - 40 : 0);
  const std::string key = fold_key(last);
  if (line.back() == ')')
    return key.rfind("photo", 0) == 0 || key.rfind("file photo", 0) == 0 ||
           (key.size() > 6 && key.compare(key.size() - 6, 6, " photo") == 0);
  // (not in parentheses: "... Photo: Reuters" at the end)
  const size_t at = key.rfind("photo: ");
  return at != std::string::npos && (at == 0 || key[at - 1] == ' ') && key.find('.', at) == std::string::npos;
}

std::vector<TopLine> top_lines(std::string_view body, size_t max_lines) {
  std::vector<TopLine> out;
  size_t pos = body.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte order mark is no part of it
  bool blank = true;
  // (a menu written one item a line, "Home" / "About Us" / "Divisions" /
  // ..., counts for little: lines of three words or fewer count a third)
  size_t weight = 0;
  while (pos < body.size() && weight < 3 * max_lines) {
    size_t nl = body.find('\n', pos);
    const std::string_view raw = body.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    std::string_view line = trim(raw);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    TopLine top;
    top.centred = raw.size() >= 4 && raw.substr(0, 4).find_first_not_of(" \t") == std::string_view::npos;
    while (top.heading < 6 && static_cast<size_t>(top.heading) < line.size() && line[top.heading] == '#') ++top.heading;
    if (top.heading == 0 || top.heading >= static_cast<int>(line.size()) || line[top.heading] != ' ') top.heading = 0;
    // A field that names the headline, in a page saved as text: "Title:
    // Minister ... Holds Talks with ..." (as "# " would); an e-mail's
    // subject.
    // (a memo's "SUBJECT:" may be followed by a tab)
    // (or a board's table of fields, the name set off by a tab or spaces:
    // "Title      Korea-Poland Sign ..." over "Date       2025.08.01")
    for (std::string_view field : {"Title", "TITLE", "Headline", "HEADLINE", "Subject", "SUBJECT"}) {
      if (top.heading != 0 || line.substr(0, field.size()) != field) continue;
      const std::string_view rest = line.substr(field.size());
      const bool colon = rest.size() > 12 && rest[0] == ':' && (rest[1] == ' ' || rest[1] == '\t');
      const bool table = rest.size() > 12 && field != "Headline" && field != "HEADLINE" &&
                         (rest[0] == '\t' || rest.substr(0, 2) == "  ");
      if (!colon && !table) continue;
      line = trim(rest.substr(colon ? 1 : 0));
      // (a forwarded or answered e-mail's marks before its subject: "FW:
      // Europe Daily Bulletin ...", "Re: Fwd: ...")
      if (field == "Subject" || field == "SUBJECT")
        for (bool again = true; again;) {
          again = false;
          for (std::string_view mark : {"fw:", "fwd:", "re:"})
            if (line.size() > mark.size() + 1 && ascii_lower(std::string(line.substr(0, mark.size()))) == mark) {
              line = trim(line.substr(mark.size()));
              again = true;
            }
        }
      top.heading = 1;
    }
    top.aside = (line.size() > 1 && line[1] == ' ' &&
                 (line[0] == '>' || line[0] == '*' || line[0] == '-' || line[0] == '+')) ||
                line.substr(0, 4) == "\xE2\x80\xA2 " || starts_with_home_link(line) || is_photo_caption(line) ||
                editors_note(line);
    // Emphasis inside too: "**The Moscow Times** — Independent News From
    // Russia".
    std::string unmarked;
    if ((line.find("**") != std::string_view::npos && count_of(line, "**") % 2 == 0) ||
        (line.find("__") != std::string_view::npos && count_of(line, "__") % 2 == 0)) {
      unmarked = without_emphasis_marks(line);
      line = unmarked;
    }
    auto mark = [](char c) { return c == '#' || c == '*' || c == '_' || c == '>' || c == ' ' || c == '\t'; };
    while (!line.empty() && mark(line.front())) line.remove_prefix(1);
    while (!line.empty() && mark(line.back())) line.remove_suffix(1);
    std::string text = line.find('[') == std::string_view::npos ? std::string(line)
                                                                 : std::string(trim(without_markdown_links(line)));
    // A rule or an underline ("---", "====") is no title either.
    if (text.empty() || text.find_first_not_of("-=*_~") == std::string::npos) {
      blank = true;
      continue;
    }
    weight += std::count(text.begin(), text.end(), ' ') >= 3 ? 3 : 1;
    top.text = std::move(text);
    top.under_last = !blank;
    blank = false;
    out.push_back(std::move(top));
    if (out.back().text.size() > kMaxTitleBytes) break;  // a paragraph: the top has ended
  }
  return out;
}

// Whether a token is a word of a known minister's name (not "of", "bin"
// or "Al").
bool known_name_word(const Token& t, const Rules& r) {
  return t.is_word() && (t.capitalised || t.all_caps) && t.key.size() > 2 && r.name_word(t.key) == nullptr &&
         r.known_by_word.count(t.key) > 0;
}

// Whether a line names a country, an organisation or a known minister: a
// headline does, a site's motto ("The Voice of a Changing Region") or a
// notice ("Subscribe to our free newsletters") does not.
bool names_something(std::string_view line, const Rules& r) {
  std::vector<Token> tokens = tokenize(line, r.variants);
  if (!r.countries.find(line, tokens).empty() || !r.organisations.find(line, tokens).empty()) return true;
  return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return known_name_word(t, r); });
}

// Whether a line names two countries, or a known minister with a country
// or another minister, or in full, as a meeting's headline does ("Japan,
// Finland sign defence pact", "Germany's New FM Tells Sa'ar ...",
// "Wadephul, Sa'ar meet"). A site's name with a word that a minister's
// name shares does not ("JIJI.COM English": Bill English).
bool names_a_meeting(std::string_view line, const Rules& r) {
  std::vector<Token> tokens = tokenize(line, r.variants);
  std::vector<std::string> named;
  for (const Mention& m : r.countries.find(line, tokens)) add_unique(named, r.countries.name(m.entry));
  if (named.size() >= 2) return true;
  std::vector<std::string> known;
  for (const Token& t : tokens)
    if (known_name_word(t, r)) add_unique(known, t.key);
  if (known.size() >= 2 || (known.size() == 1 && named.size() == 1)) return true;
  return !known.empty() && !r.known_minister_names.find_every(line, tokens).empty();
}

bool no_lowercase(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A heading in capitals over several lines of text from a PDF ("JOINT
// STATEMENT" / "OF THE MINISTER OF FOREIGN AFFAIRS ..." / "AND THE MINISTER
// ..."): a line in capitals goes on with one that starts with a linking word
// (data/context-words.tsv, "capitals-link").
bool capitals_go_on(const std::string& line, const std::string& next, const Rules& r) {
  if (!no_lowercase(line) || !no_lowercase(next)) return false;
  return r.context_word(fold_key(next.substr(0, next.find(' '))), ContextList::kCapitalsLink);
}

// Where a role's title ends that ends before token `end`: after the
// capitalised words and name links of its portfolio ("Minister" "for
// Foreign Affairs"), up to byte `limit` of the text.
size_t portfolio_end(const std::vector<Token>& tokens, size_t end,
                     size_t limit = std::numeric_limits<size_t>::max()) {
  while (end < tokens.size() && tokens[end].end <= limit &&
         (tokens[end].is_name_link() || (tokens[end].is_word() && tokens[end].capitalised)))
    ++end;
  return end;
}

// A headline wrapped onto the next line ("... Foreign Minister Fajon:" /
// "\"Our neighbourhood ...\"", "JOINT OPERA-" / "TIONS AGAINST ...", "...
// on Peace, Security" / "and Regional Integration"): the line right under
// it goes on when the headline ends on a hyphen, a colon, a comma or a
// linking word, or the next line starts in lower case or with a quote; in
// capitals, when the next line in capitals starts with a linking word or
// the headline has six words or more (not a name over its titles).
bool continues(const std::string& line, const TopLine& next, const Rules& r, bool centred = false) {
  if (next.heading > 0 || line.size() + 1 + next.text.size() > kMaxTitleBytes) return false;
  // (a page's address under its saved title: "https://x.com/...")
  for (const char* scheme : {"http://", "https://", "www."})
    if (next.text.rfind(scheme, 0) == 0) return false;
  if (is_dateline(next.text, r)) return false;
  // ("JOINT COMMUNIQUÉ", a blank line, "ON THE 12TH SESSION OF ...")
  if (!next.under_last) return line_shape(line, r).words <= 3 && capitals_go_on(line, next.text, r);
  if (capitals_go_on(line, next.text, r)) return true;
  // A headline cut after a linking word goes on, even with a name that
  // would be a label alone ("... EMIGRANTS OF THE" / "LEBANESE REPUBLIC")
  // (data/context-words.tsv, "headline-link").
  size_t space = line.rfind(' ');
  std::string word = fold_key(space == std::string::npos ? line : line.substr(space + 1));
  if (r.context_word(word, ContextList::kHeadlineLink)) return true;
  // ... or after an honorific ("... by His Excellency" / "Thongsavanh
  // Phomvihane, ..."), or in a name that goes on ("... of the Lao" /
  // "People's Democratic Republic").
  if (const NameWordKind* k = r.name_word(word); k && *k == NameWordKind::kHonorific) return true;
  const std::string both = line + " " + next.text;
  const std::vector<Token> tokens = tokenize(both, r.variants);
  for (const Gazetteer* g : {&r.countries, &r.organisations, &r.roles})
    for (const Mention& m : g->find(both, tokens))
      if (tokens[m.begin].begin < line.size() && tokens[m.end - 1].end > line.size() + 1) return true;
  // A headline's last word centred on a line of its own ("... talks on
  // Baltic Sea" / "security") goes on, though it would be a label alone.
  const unsigned char first = static_cast<unsigned char>(next.text.front());
  if (first >= 'a' && first <= 'z' && std::isalnum(static_cast<unsigned char>(line.back()))) return true;
  if (is_label(next.text, r)) return false;
  // A headline in title case wrapped in a PDF's narrow column
  // ("Cameroon-Nigeria: Joint Commission Reaffirms" / "Commitment to
  // Peaceful Border and Security" / "Cooperation"): the next line in title
  // case goes on.
  if (const LineShape here = line_shape(line, r), below = line_shape(next.text, r);
      here.name_like && below.name_like && !here.sentence && !below.sentence && here.words >= 4 &&
      !no_lowercase(line) && !no_lowercase(next.text) && std::string_view(".!?:;,").find(line.back()) == std::string_view::npos &&
      std::none_of(next.text.begin(), next.text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      (below.words >= 2 || line.size() >= 60))  // (one word goes on a long headline only: not "... Meeting" / "Text")
    return true;
  // A headline in words centred over two lines of text from a PDF ("...
  // steadfast supporter of Montenegro's" / "European path, cooperation
  // ..."): both lines set in, in words (not capitals), a long line that
  // ends no sentence and a next line of ten bytes or more.
  if (centred && next.centred && line.size() >= 40 && next.text.size() >= 10 && !no_lowercase(line) &&
      !no_lowercase(next.text) && std::string_view(".!?").find(line.back()) == std::string_view::npos)
    return true;
  // A title at the line's end, its holder's name on the next ("... receives
  // Canada's Minister of National Defence" / "Bill Blair in Stockholm").
  // (A name of two capitalised words, and the headline going on in lower
  // case: not a byline, "By John Smith", "Staff Reporter", nor "Updated 3
  // hours ago" or "Photo: Ministry of Defence".)
  auto names_then_goes_on = [&](size_t k) {
    if (k + 1 >= tokens.size() || !tokens[k].is_word() || !tokens[k + 1].is_word() || !tokens[k].capitalised ||
        !tokens[k + 1].capitalised || tokens[k].is("by"))
      return false;
    return std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(k + 2), tokens.end(),
                       [](const Token& t) { return t.is_word() && !t.capitalised && !t.all_caps; });
  };
  // (with its portfolio: "... and Union Minister for Foreign Affairs" /
  // "U Than Swe receives ...")
  for (const Mention& m : r.roles.find(both, tokens)) {
    const size_t end = portfolio_end(tokens, m.end, line.size());
    if (tokens[end - 1].end != line.size()) continue;
    if (names_then_goes_on(end) && !line_shape(next.text, r).sentence) return true;
    // (the holder's name alone ending a long headline: "Joint Media
    // Availability: Minister of ... Sean Sobers and India's Minister of
    // State for External Affairs" / "Pabitra Margherita"; not a
    // letterhead's title over its holder's name)
    constexpr size_t kLongHeadline = 8;
    const size_t name_words = tokens.size() - end;
    if (name_words >= 2 && name_words <= 4 && line_shape(line, r).words >= kLongHeadline &&
        std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(end), tokens.end(),
                    [](const Token& t) { return t.is_word() && t.capitalised && !t.all_caps; }))
      return true;
  }
  // A headline in capitals wrapped onto a line in capitals ("... HOSTS
  // TANZANIA'S FOREIGN MINISTER" / "KOMBO AHEAD OF JOINT EAC-SADC SUMMIT").
  // (Or a short line right under it: "FORUM FOREIGN MINISTERS MEETING 2025"
  // / "OUTCOMES STATEMENT".)
  if (no_lowercase(line) && no_lowercase(next.text) && !line_shape(next.text, r).sentence &&
      r.roles.lookup(next.text) < 0) {
    const size_t words = line_shape(line, r).words;
    if (words >= 6 || (words >= 4 && next.under_last && line_shape(next.text, r).words <= 3)) return true;
  }
  if ((first >= 'a' && first <= 'z') || first == '"' || next.text.compare(0, 3, "\xE2\x80\x9C") == 0) return true;
  const char last = line.back();
  return last == ':' || last == ',' ||
         (last == '-' && line.size() > 1 && std::isalpha(static_cast<unsigned char>(line[line.size() - 2])));
}

std::string joined(std::string line, const std::string& next) {
  if (line.back() != '-') return line + " " + next;
  // A word cut by a hyphen: "OPERA-" "TIONS", "aggres-" "sion"; a compound
  // keeps it: "Indo-" "Pacific".
  auto caps = [](std::string_view w) {
    return std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  size_t space = line.rfind(' ');
  std::string_view before = std::string_view(line).substr(space == std::string::npos ? 0 : space + 1);
  std::string_view after = std::string_view(next).substr(0, next.find(' '));
  const bool cut_word = (next.front() >= 'a' && next.front() <= 'z') || (caps(before) && caps(after));
  if (cut_word) line.pop_back();
  return line + next;
}

// A headline written in quotes, '# "Prime Minister receives ..."', without
// them; not one that only starts or ends with a quotation.
std::string without_enclosing_quotes(const std::string& line) {
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"\"", "\""},
                                    {"\xE2\x80\x9C", "\xE2\x80\x9D"}}) {
    if (line.size() < open.size() + close.size() + 1 || line.compare(0, open.size(), open) != 0 ||
        line.compare(line.size() - close.size(), close.size(), close) != 0)
      continue;
    const std::string inner = line.substr(open.size(), line.size() - open.size() - close.size());
    if (inner.find(open) != std::string::npos || inner.find(close) != std::string::npos) continue;
    return std::string(trim(inner));
  }
  return line;
}

// Line i of the top joined with the lines it goes on to (a headline wrapped
// onto the next line); `last`: the last line joined.
std::string heading_from(const std::vector<TopLine>& top, size_t i, const Rules& r, size_t* last = nullptr) {
  std::string line = top[i].text;
  size_t k = i;
  while (k + 1 < top.size() && continues(line, top[k + 1], r, top[k].centred))
    line = joined(std::move(line), top[++k].text);
  if (last) *last = k;
  return line;
}

// A paragraph's number, then its text in lower and upper case: "1.   Forum
// Foreign Ministers met in Honiara, Solomon Islands on 8 August", "(2) The
// Ministers ...". Not a heading in capitals ("1. JOINT STATEMENT").
bool numbered_paragraph(std::string_view line, const Rules& r) {
  if (line.empty()) return false;
  size_t i = line.front() == '(' ? 1 : 0;
  const size_t digits = i;
  while (i < line.size() && i < digits + 3 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == digits || i + 1 >= line.size() || !(line[i] == '.' || line[i] == ')') || line[i + 1] != ' ') return false;
  if (line.front() == '(' && line[i] != ')') return false;
  const std::string_view text = trim(line.substr(i + 1));
  return !no_lowercase(text) && line_shape(text, r).words >= 6;
}

// A person's name after an honorific, as a minister's letterhead writes
// it: "Senator the Hon Penny Wong", "THE HON RICHARD MARLES MP" (eight
// words at most, no sentence).
bool personal_letterhead(std::string_view line, const Rules& r) {
  const std::vector<Token> tokens = tokenize(line, r.variants);
  size_t words = 0;
  const Token* first = nullptr;
  for (const Token& t : tokens) {
    if (!t.is_word()) continue;
    ++words;
    if (!first && !t.is("the")) first = &t;
    if (!t.capitalised && !t.all_caps && !t.is("the")) return false;
  }
  // (not "U.S. DEPARTMENT OF STATE": Burmese "U" is an honorific too)
  if (!first || first->key.size() < 2 || words < 3 || words > 8 || ends_sentence(line)) return false;
  const NameWordKind* kind = r.name_word(first->key);
  return kind && *kind == NameWordKind::kHonorific;
}

// Whether a line is a minister's title and nothing more ("Minister for
// Foreign Affairs", "DEPUTY PRIME MINISTER"; not "Ministers agree on
// patrols").
bool is_role_line(std::string_view line, const Rules& r) {
  const std::vector<Token> tokens = tokenize(line, r.variants);
  const auto first = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word(); });
  if (first == tokens.end()) return false;
  const std::vector<Mention> roles = r.roles.find(line, tokens);
  return !roles.empty() && roles.front().begin == static_cast<size_t>(first - tokens.begin()) &&
         std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(roles.front().end), tokens.end(),
                      [](const Token& t) { return t.is_word(); });
}

// A body's name, and its office, over lines of a letterhead: "COOPERATION
// COUNCIL FOR THE ARAB STATES" / "OF THE GULF" / "SECRETARIAT GENERAL".
// `text`: the lines joined. An organisation of data/organisations.tsv from
// the first word, then two words at most.
bool organisation_letterhead(const std::string& text, const Rules& r) {
  const std::vector<Token> tokens = tokenize(text, r.variants);
  const auto first = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word(); });
  if (first == tokens.end()) return false;
  const std::vector<Mention> orgs = r.organisations.find(text, tokens);
  if (orgs.empty() || orgs.front().begin != static_cast<size_t>(first - tokens.begin())) return false;
  constexpr size_t kMaxOffice = 2;
  const size_t after = static_cast<size_t>(std::count_if(tokens.begin() + static_cast<std::ptrdiff_t>(orgs.front().end),
                                                         tokens.end(), [](const Token& t) { return t.is_word(); }));
  return after <= kMaxOffice;
}

// Function words of English, and of languages whose headlines an English
// page may carry above its own ("Cancilleres de Costa Rica y Panamá
// acuerdan ...", Malay, French): how many of each a line has.
struct FunctionWords {
  size_t english = 0, other = 0;
};

FunctionWords function_words(std::string_view line, const Rules& r) {
  FunctionWords n;
  for (const Token& t : tokenize(line, r.variants)) {
    if (!t.is_word()) continue;
    if (r.page_word(t.key, PageWordKind::kEnglish)) ++n.english;
    if (r.page_word(t.key, PageWordKind::kOther)) ++n.other;
  }
  return n;
}

// The title of a page without one in its front matter: the headline among
// the lines at its top, before the first sentence. Labels, menus and
// datelines are passed over ("Press Release", "Home > News", "Skip to
// content", "Vilnius, 14 February 2025"), and so is a short name-like line
// with a headline after it: a letterhead or a site's name ("Press Office",
// "ABC News", "Ministerie van Defensie"). A headline has five words or more
// and is no sentence; one that names nothing (a site's motto) yields to a
// later one that names a country, an organisation or a minister, and a
// Markdown "# " heading is the headline. Else the first line that is not a
// label, else the first line. A headline wrapped onto a second line is
// joined, and Markdown marks are removed.
// Whether a token stands in a memo's or an e-mail's address line ("TO:
// Senate Committee on Foreign Relations, Subcommittee on ... Cybersecurity
// Policy"): the names of its senders and readers say nothing of its topics.
// The labels are data/context-words.tsv's "address-label", compared as
// written ("TO:", "To:"), within the line's first 12 bytes (or the longest
// label's length).
bool in_address_line(std::string_view body, const Token& t, const Rules& r) {
  const std::vector<std::string>& labels = r.context_list(ContextList::kAddressLabel);
  size_t window = 12;
  for (const std::string& field : labels) window = std::max(window, field.size());
  const size_t nl = body.rfind('\n', t.begin);
  const std::string_view line = trim(body.substr(nl == std::string_view::npos ? 0 : nl + 1, window));
  for (std::string_view field : labels)
    if (line.substr(0, field.size()) == field) return true;
  return false;
}

// Whether a token stands in a site's switch of languages: a line of two to
// eight cells between '|' or '/', each of one or two words, one of them a
// language's name of data/context-words.tsv's "language-menu" ("Armenian |
// Russian | English"). The adjectives in it name no country.
bool in_language_menu(std::string_view body, const Token& t, const Rules& r) {
  // (such a line is short: a long one is not looked through)
  constexpr size_t kMaxLine = 160;
  const size_t from = t.begin > kMaxLine ? t.begin - kMaxLine : 0;
  const size_t nl = body.substr(from, t.begin - from).rfind('\n');
  if (nl == std::string_view::npos && from > 0) return false;
  const size_t start = nl == std::string_view::npos ? 0 : from + nl + 1;
  const size_t end = body.substr(0, start + kMaxLine + 1).find('\n', t.begin);
  if (end == std::string_view::npos && start + kMaxLine < body.size()) return false;
  const std::string_view line = body.substr(start, end == std::string_view::npos ? body.size() - start : end - start);
  constexpr size_t kMinCells = 2, kMaxCells = 8, kMaxCellWords = 2;
  size_t cells = 0;
  bool language = false;
  for (size_t at = 0; at <= line.size();) {
    const size_t cell_end = std::min(line.find_first_of("|/", at), line.size());
    const std::string_view cell = trim(line.substr(at, cell_end - at));
    if (cell.empty() || static_cast<size_t>(std::count(cell.begin(), cell.end(), ' ')) >= kMaxCellWords ||
        ++cells > kMaxCells)
      return false;
    language = language || r.context_word(fold_key(cell), ContextList::kLanguageMenu);
    at = cell_end + 1;
  }
  return cells >= kMinCells && language;
}

// Bare "training" in a civil sense: of students, imams or teachers, for
// hurricanes ("the training of Zimbabwean students at Belarusian
// universities", "the religious training of imams", "the training of
// personnel for hurricane response"): no military training. The words are
// data/context-words.tsv's "civil-training-before" and "-after".
bool civil_training(const std::vector<Token>& tokens, const Mention& m, const Rules& r) {
  if (m.end != m.begin + 1 || !tokens[m.begin].is("training")) return false;
  if (m.begin > 0 && r.context_word(tokens[m.begin - 1].key, ContextList::kCivilTrainingBefore)) return true;
  // ... or a few words before, in the same clause, when it names those
  // trained, as a word of both lists does ("support the Vanuatu Police
  // Force with training"; not "medical equipment and training for
  // soldiers"), unless the clause names a military body too ("between the
  // Fiji Military Forces and the Solomon Islands Police Force on training").
  auto military_in_clause = [&] {
    for (size_t k = m.begin; k-- > 0 && k + 16 > m.begin;) {
      if (tokens[k].is(".") || tokens[k].is(";") || tokens[k].is(",")) break;
      if (r.context_word(tokens[k].key, ContextList::kMilitaryBody)) return true;
    }
    return false;
  };
  for (size_t k = m.begin; k-- > 0 && k + 5 > m.begin;) {
    if (tokens[k].is(".") || tokens[k].is(";") || tokens[k].is(",")) break;
    if (r.context_word(tokens[k].key, ContextList::kCivilTrainingBefore) &&
        r.context_word(tokens[k].key, ContextList::kCivilTrainingAfter))
      return !military_in_clause();
  }
  for (size_t k = m.end; k < tokens.size() && k < m.end + 6; ++k) {
    if (tokens[k].is(".") || tokens[k].is(";") || tokens[k].is(",")) break;
    if (r.context_word(tokens[k].key, ContextList::kCivilTrainingAfter)) return true;
  }
  return false;
}

// Goods delivered or supplied that are food, medicine or aid ("the
// donation of rice that Vietnamese ships delivered to the port", "supplied
// to the flood victims"): the bare triggers of a delivery say no equipment
// changed hands when such goods stand before them in the sentence, or after
// "of" (data/context-words.tsv, "delivery", "civil-goods", "military-goods"
// and "goods-end").
bool civil_delivery(const std::vector<Token>& tokens, const Mention& m, const Rules& r) {
  if (!r.context_word(tokens[m.begin].key, ContextList::kDelivery) || m.end > m.begin + 2) return false;
  for (size_t k = m.begin; k-- > 0 && k + 10 > m.begin;) {
    if (tokens[k].is(".") || tokens[k].is(";") || tokens[k].is("!") || tokens[k].is("?")) break;
    if (r.context_word(tokens[k].key, ContextList::kCivilGoods)) return true;
  }
  // ... or after "of" ("the delivery of Turkish natural gas to Hungary"),
  // unless a word of arms says they are military ("the delivery of
  // military aid"): the words up to a preposition or a stop.
  if (m.end != m.begin + 2 || !tokens[m.begin + 1].is("of")) return false;
  bool civil = false;
  for (size_t k = m.end; k < tokens.size() && k < m.end + 5 && tokens[k].is_word(); ++k) {
    if (r.context_word(tokens[k].key, ContextList::kMilitaryGoods)) return false;
    if (r.context_word(tokens[k].key, ContextList::kGoodsEnd)) break;
    civil = civil || r.context_word(tokens[k].key, ContextList::kCivilGoods);
  }
  return civil;
}

// Topics two words say together (data/topic-pairs.tsv): a verb of giving
// or buying, then goods of war a few words on, in one sentence ("plans to
// buy 12 more light fighter jets"), unless a word of the pair's stops
// comes first ("sending troops and artillery"). One mention a pair at
// most: from the first word to the second.
std::vector<Mention> topic_pairs(const std::vector<Token>& tokens, const Rules& r) {
  std::vector<Mention> found;
  for (const TopicPair& p : r.topic_pairs)
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!tokens[i].is_word() || !p.first.has(tokens[i].key)) continue;
      size_t words = 0;
      for (size_t k = i + 1; k < tokens.size() && words < p.window; ++k) {
        const Token& t = tokens[k];
        if (t.is(".") || t.is(";") || t.is("!") || t.is("?")) break;
        if (!t.is_word()) continue;
        ++words;
        if (p.stops.has(t.key)) break;
        if (p.then.has(t.key)) {
          found.push_back({i, k + 1, p.topic});
          break;
        }
      }
      if (!found.empty() && found.back().entry == p.topic) break;
    }
  return found;
}

// The one country whose government's internet addresses the text gives
// ("Media contact: ... media@defence.gov.au", "www.mofa.go.jp"): the state
// of a ministry's own page that names it nowhere else. Empty when none or
// several. The labels before the code are data/context-words.tsv's
// "government-domain", found as written.
std::string government_domain_country(std::string_view body, const Rules& r) {
  std::vector<std::string> named;
  for (const std::string_view label : r.context_list(ContextList::kGovernmentDomain))
    for (size_t at = body.find(label); at != std::string_view::npos; at = body.find(label, at + 1)) {
      const size_t code = at + label.size();
      auto letter = [&](size_t k) { return k < body.size() && std::isalpha(static_cast<unsigned char>(body[k])); };
      if (at == 0 || !std::isalnum(static_cast<unsigned char>(body[at - 1])) || !letter(code) || !letter(code + 1) ||
          letter(code + 2) || (code + 2 < body.size() && body[code + 2] == '.'))
        continue;
      std::string iso(body.substr(code, 2));
      for (char& c : iso) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (const int id = r.countries.lookup(iso); id >= 0) add_unique(named, r.countries.name(static_cast<uint32_t>(id)));
    }
  return named.size() == 1 ? named.front() : "";
}

// A browser tab's title saved with the page: its count of unread
// notifications and X's name after a slash ("(1) Hanno Pevkur on X: \"...\"
// / X") are no part of the headline.
std::string without_tab_marks(std::string title) {
  if (title.size() > 20 && title[0] == '(') {
    const size_t close = title.find(") ");
    if (close != std::string::npos && close > 1 && close <= 4 &&
        std::all_of(title.begin() + 1, title.begin() + static_cast<std::ptrdiff_t>(close), ::isdigit))
      title.erase(0, close + 2);
  }
  if (title.size() > 20 && title.compare(title.size() - 4, 4, " / X") == 0) title.resize(title.size() - 4);
  return title;
}

// The first sentence of a paragraph taken for a title for want of a
// headline ("On September 12, Japan's Defense Minister ... met ... in
// Tokyo."), when it ends before kMaxTitleBytes and has four words or more;
// else the paragraph. A stop ends the sentence before a capitalised word,
// not after an initial ("J."), a dotted acronym ("U.S."), a short
// capitalised word ("Gen.", "St.", "Mr.") or a word the name rules know as
// an honorific, rank or title ("Prof.", "Amb.").
std::string_view first_sentence(std::string_view paragraph, const Rules& r) {
  // (only the title's length and the word after it are read: a file's
  // first line may be megabytes long)
  constexpr size_t kLookAhead = 64;
  const std::vector<Token> tokens = tokenize(truncate_utf8(paragraph, kMaxTitleBytes + kLookAhead), r.variants);
  size_t words = 0;
  for (size_t i = 0; i + 1 < tokens.size() && tokens[i].end < kMaxTitleBytes; ++i) {
    const Token& t = tokens[i];
    if (t.is_word()) ++words;
    if (t.is_word() || i == 0 || !(t.is(".") || t.is("!") || t.is("?")) || t.space_before) continue;
    const Token& before = tokens[i - 1];
    if ((!before.is_word() && before.kind != TokenKind::kNumber) || words < 4) continue;
    size_t next = i + 1;  // past closing quotes and brackets: '... he said." The'
    while (next < tokens.size() && !tokens[next].space_before && !tokens[next].is_word() &&
           (tokens[next].is("\"") || tokens[next].is("'") || tokens[next].is(")")))
      ++next;
    if (next >= tokens.size() || !tokens[next].space_before || !tokens[next].is_word() || !tokens[next].capitalised)
      continue;
    if (t.is(".") && before.is_word()) {
      const size_t letters = before.key.size();
      if (letters <= 1 || (before.capitalised && !before.all_caps && letters <= 3)) continue;
      if (i >= 2 && tokens[i - 2].is(".") && !tokens[i - 2].space_before) continue;  // "U.S."
      if (const NameWordKind* k = r.name_word(before.key);
          k && (*k == NameWordKind::kHonorific || *k == NameWordKind::kRank || *k == NameWordKind::kTitle ||
                *k == NameWordKind::kMilitary || *k == NameWordKind::kAbbreviation || *k == NameWordKind::kStyle ||
                *k == NameWordKind::kSuffix))
        continue;
    }
    return trim(paragraph.substr(0, tokens[next - 1].end));
  }
  return paragraph;
}

std::string first_line_title(std::string_view body, const Rules& r) {
  const std::vector<TopLine> top = top_lines(body, kTopLines);
  // (each line judged once: both passes below ask)
  std::vector<int8_t> labels(top.size(), -1), datelines(top.size(), -1);
  auto label = [&](size_t i) {
    if (labels[i] < 0) labels[i] = top[i].aside || is_label(top[i].text, r);
    return labels[i] == 1;
  };
  auto dateline = [&](size_t i) {
    if (datelines[i] < 0) datelines[i] = is_dateline(top[i].text, r);
    return datelines[i] == 1;
  };
  std::vector<int8_t> menus(top.size(), -1);
  auto menu = [&](size_t i) {
    if (menus[i] < 0) menus[i] = is_menu(top[i].text, r);
    return menus[i] == 1;
  };
  // A site's menu or trail ("Home | Japan | World | Business", "Accueil >
  // Actualités > Communiqués") comes before the headline: the lines above
  // the last one before the first sentence are the site's name, motto or
  // letterhead ("Kenya's leading news platform").
  // A line as long as a headline ends the search, unless it is a
  // ministry's name ("Ministère des Affaires étrangères et européennes, de
  // la Défense, ..."); a motto is short.
  constexpr size_t kMottoCharacters = 40;
  // (A site's name and motto over its menu: "The Moscow Times — Independent
  // News From Russia" over "News | Ukraine War | Business | ...", not over
  // a share bar: "Share | Facebook | X | Print".)
  auto site_menu = [&](size_t k) {
    if (k >= top.size() || !menu(k)) return false;
    const LineParts split = line_parts(top[k].text);
    return std::none_of(split.parts.begin(), split.parts.end(), [&](std::string_view p) {
      const std::string key = fold_key(p);
      return r.page_word(key, PageWordKind::kShare) || (key.size() > 6 && key.compare(0, 6, "share ") == 0);
    });
  };
  size_t below_menu = 0;
  for (size_t i = 0; i < top.size(); ++i) {
    const std::string& line = top[i].text;
    if (line.size() > kMaxTitleBytes) break;  // a paragraph: the top has ended
    if (menu(i)) {
      below_menu = i + 1;
      continue;
    }
    if (label(i) || dateline(i)) continue;
    // (A site's name over its "Skip to main content" is no headline either:
    // "New Zealand Defence Force | Te Ope Kātua o Aotearoa".)
    auto skip_link = [&](size_t k) {
      if (k >= top.size()) return false;
      const std::string key = fold_key(truncate_utf8(top[k].text, 16));
      return key.rfind("skip to ", 0) == 0 || key.rfind("jump to ", 0) == 0;
    };
    // (a site's name and its motto over the menu: "VIETNAM GOVERNMENT PORTAL
    // - BAO CHINH PHU" / "Vietnam Government News (VGP)" / "Home | ...")
    if (characters(line) >= kMottoCharacters && !names_institution(line, r) && !site_menu(i + 1) &&
        !(i + 2 < top.size() && site_menu(i + 2) && characters(top[i + 1].text) < kMottoCharacters) &&
        !skip_link(i + 1))
      break;
  }
  // A line in another script above an English page's headline is its
  // letterhead ("Міністерство закордонних справ України", Khmer): a
  // later line of five words or more has Latin letters.
  // (Judged only when a line has no Latin letter: most pages have none.)
  std::vector<bool> latin_below(top.size() + 1, false);
  if (std::any_of(top.begin(), top.end(), [](const TopLine& l) { return !has_latin_letter(l.text); }))
    for (size_t i = top.size(); i-- > 0;)
      latin_below[i] = latin_below[i + 1] || (has_latin_letter(top[i].text) && line_shape(top[i].text, r).words >= 5);
  // A Markdown "# " heading of five words or more before the first sentence
  // is the headline, and a shorter kicker above it is not ("Germany's Top
  // Diplomat in Beijing" over "# Baerbock Confronts Wang Yi ..."); a
  // section's heading under the headline is not ("# Background").
  size_t first_heading = top.size();
  const bool headings = std::any_of(top.begin(), top.end(), [](const TopLine& l) { return l.heading == 1; });
  size_t most_words = 0;  // of the lines above that could be a headline
  for (size_t i = 0; headings && i < top.size(); ++i) {
    if (top[i].text.size() > kMaxTitleBytes) break;
    const LineShape shape = line_shape(top[i].text, r);
    if (top[i].heading == 1 && !label(i)) {
      if (shape.words >= 5 && shape.words > most_words) first_heading = i;
      break;
    }
    if (shape.sentence && shape.words >= 5) break;
    // (what stands above a menu is the site's: its name and motto)
    if (menu(i)) most_words = 0;
    else if (!label(i) && !dateline(i)) most_words = std::max(most_words, shape.words);
  }
  int top_level = 7;  // the highest level of a Markdown heading at the top
  for (const TopLine& l : top)
    if (l.heading > 0) top_level = std::min(top_level, l.heading);
  int headline = -1, unnamed = -1, plain = -1;
  int over_menu = -1;  // a line over the site's menu that names a meeting
  for (size_t i = 0; i < top.size(); ++i) {
    const std::string& line = top[i].text;
    if (line.size() > kMaxTitleBytes) break;  // a paragraph: the top has ended
    if (i < first_heading && first_heading < top.size()) continue;
    if (dateline(i)) continue;
    // A numbered paragraph ("1.   Forum Foreign Ministers met in Honiara,
    // ..." wrapped in a PDF) is the text: the top has ended.
    if (numbered_paragraph(line, r)) {
      if (plain < 0) plain = static_cast<int>(i);
      break;
    }
    // A minister's own letterhead, the name with its style over the
    // portfolio ("Senator the Hon Penny Wong" / "Minister for Foreign
    // Affairs"): passed over with the portfolio's lines.
    if (i + 1 < top.size() && personal_letterhead(line, r) && is_role_line(top[i + 1].text, r)) {
      if (plain < 0) plain = static_cast<int>(i);
      while (i + 1 < top.size() && is_role_line(top[i + 1].text, r)) ++i;
      continue;
    }
    // A letterhead over several lines, in capitals: passed over whole.
    if (i + 1 < top.size() && no_lowercase(line)) {
      size_t last = i;
      const std::string whole = heading_from(top, i, r, &last);
      if (last > i && organisation_letterhead(whole, r)) {
        if (plain < 0) plain = static_cast<int>(i);
        i = last;
        continue;
      }
    }
    // "JOINT STATEMENT" / "OF THE MINISTER OF FOREIGN AFFAIRS ...": a label
    // or short line in capitals that the heading goes on from is part of
    // it (not a ministry's name: "MINISTRY OF DEFENCE" / "OF THE REPUBLIC
    // OF ...").
    // ("JOINT COMMUNIQUÉ", a blank line, "ON THE 12TH SESSION OF ...": a
    // heading of three words at most may stand apart.)
    if (i >= below_menu && i + 1 < top.size() &&
        (top[i + 1].under_last || (no_lowercase(line) && line_shape(line, r).words <= 3)) &&
        capitals_go_on(line, top[i + 1].text, r) &&
        !label(i + 1) && !names_institution(line, r) &&
        r.countries.find(line, tokenize(line, r.variants)).empty()) {
      headline = static_cast<int>(i);
      break;
    }
    // A headline begun by a whole minister's title on a line of its own,
    // its holder's name on the next ("Deputy Prime Minister and Union
    // Minister for Foreign Affairs" / "U Than Swe receives ..."): the title
    // is no letterhead.
    if (i >= below_menu && i + 1 < top.size() && top[i + 1].under_last && !label(i + 1)) {
      const std::vector<Token> tokens = tokenize(line, r.variants);
      const std::vector<Mention> roles = r.roles.find(line, tokens);
      const size_t end = portfolio_end(tokens, roles.empty() ? 0 : roles.back().end);
      if (!roles.empty() && roles.front().begin == 0 && end == tokens.size() && continues(line, top[i + 1], r)) {
        headline = static_cast<int>(i);
        break;
      }
    }
    if (label(i)) continue;
    // A site's name or motto at the top that names no meeting, over a
    // headline that does, after a blank line ("THE CHRONICLES" / "Rwanda's
    // news, your way" / "" / "Rwanda, Mozambique defence ministers review
    // ..."; "The Sunday Times Sri Lanka" / "News" / "" / "Sri Lanka,
    // Maldives to step up ..."): the site's. (A short headline has the text
    // under it: "Japan says no" / "" / "Tokyo on Tuesday ...".)
    if (i >= below_menu && top[i].heading == 0) {
      const LineShape shape = line_shape(line, r);
      size_t k = i + 1;  // the next block's first line, past a section's label or trail ("News > Security")
      auto next_block = [&] {
        while (k < top.size() && top[k].under_last) ++k;
      };
      next_block();
      while (k + 1 < top.size() && !top[k + 1].under_last && (label(k) || menu(k))) {
        ++k;
        next_block();
      }
      // (Not a heading in capitals, nor over a block of several lines: a
      // heading and a paragraph wrapped in a PDF.)
      if (!shape.sentence && (shape.words < 5 || characters(line) < kMottoCharacters ||
                                (shape.name_like && !no_lowercase(line))) && k < top.size() &&
          (k + 1 >= top.size() || !top[k + 1].under_last) && top[k].text.size() <= kMaxTitleBytes && !label(k) &&
          !dateline(k) && !menu(k) && !numbered_paragraph(top[k].text, r) && !names_a_meeting(line, r)) {
        const LineShape below = line_shape(top[k].text, r);
        if (!below.sentence && below.words >= 5 && names_a_meeting(top[k].text, r)) {
          if (plain < 0) plain = static_cast<int>(i);
          continue;
        }
      }
    }
    // Right under the site's menu, a short line that names no meeting, over
    // one after a blank line that does, is the site's motto ("Home | News |
    // Politics" / "Guyana's First Digital News Outlet" / "" / "Guyana,
    // Brazil to boost border security ...").
    if (i == below_menu && i > 0 && site_menu(i - 1) && top[i].under_last && line.size() <= kMottoCharacters &&
        i + 1 < top.size() && !top[i + 1].under_last && !names_a_meeting(line, r) &&
        names_a_meeting(top[i + 1].text, r)) {
      if (plain < 0) plain = static_cast<int>(i);
      continue;
    }
    if (!has_latin_letter(line) && latin_below[i + 1]) {
      if (plain < 0) plain = static_cast<int>(i);
      continue;
    }
    // Above the menu, the title only if nothing else is, unless it names a
    // meeting: two countries or a known minister ("Japan, Finland sign
    // defence pact" over a bar of "Share | Facebook | X | Email | Print";
    // a motto names one country at most).
    // Over a site's menu, a line that does is still its motto when the
    // site's name is above it ("The Jordan Times" / "Jordan's first
    // independent political English daily": Bill English).
    auto site_name = [&](size_t k) {
      const LineShape shape = line_shape(top[k].text, r);
      return shape.name_like && !shape.sentence && shape.words <= 4;
    };
    // (a label or a link to the site's home page over its menu, whatever it
    // names: "[Lusaka Times - Zambia's Leading Online News Site](https://...)")
    if (i < below_menu &&
        (label(i) || !names_a_meeting(line, r) || (i > 0 && site_menu(below_menu - 1) && site_name(i - 1)))) {
      if (plain < 0) plain = static_cast<int>(i);
      continue;
    }
    // Over a site's menu, a line that names a meeting is the headline only
    // if none follows the menu ("VIETNAM GOVERNMENT PORTAL - BAO CHINH PHU"
    // shares a word with a minister's name).
    if (i < below_menu && i == 0 && site_menu(below_menu - 1) && over_menu < 0 && !label(i) && !dateline(i)) {
      over_menu = static_cast<int>(i);
      continue;
    }
    // "# Headline": the page's own title; on a page with no "# " line, its
    // first heading of the highest level there is ("## Arab ministers map
    // out ...") when it has five words or more (not a section's
    // "## Background").
    if (top[i].heading == 1 ||
        (top[i].heading > 1 && top[i].heading == top_level && line_shape(line, r).words >= 5)) {
      headline = static_cast<int>(i);
      break;
    }
    LineShape shape = line_shape(line, r);
    if (!shape.sentence && is_masthead(line, shape.name_like, r)) {  // the title if no headline follows
      if (plain < 0) plain = static_cast<int>(i);
      continue;
    }
    if (shape.sentence && shape.words >= 5) {  // the first sentence
      if (plain < 0) plain = static_cast<int>(i);
      break;
    }
    // A heading in capitals wrapped short is judged whole ("FORUM FOREIGN
    // MINISTERS MEETING 2025" / "OUTCOMES STATEMENT").
    if (shape.words < 5 && no_lowercase(line) && i + 1 < top.size() && top[i + 1].under_last &&
        continues(line, top[i + 1], r)) {
      const LineShape whole = line_shape(joined(line, top[i + 1].text), r);
      if (!whole.sentence) shape.words = whole.words;
    }
    if (shape.words >= 5) {
      // (as it reads joined with the line it goes on to: "ON THE 12TH
      // SESSION OF THE JOINT PERMANENT COMMISSION FOR" / "COOPERATION
      // BETWEEN THE UNITED REPUBLIC OF TANZANIA AND THE")
      if (names_something(line, r) ||
          (i + 1 < top.size() && continues(line, top[i + 1], r, top[i].centred) &&
           names_something(line + " " + top[i + 1].text, r))) {
        headline = static_cast<int>(i);
        // (begun on the lines above it: "JOINT DECLARATION OF THE COUNCIL OF
        // MINISTERS OF" / "FOREIGN AFFAIRS OF THE CENTRAL AMERICAN
        // INTEGRATION" / "SYSTEM (SICA)")
        while (unnamed >= 0 && headline > unnamed && top[headline].under_last &&
               continues(top[headline - 1].text, top[headline], r))
          --headline;
        // The same headline in English right under one in another language
        // (no English function word in it, some of another's; two English
        // ones or more under it) is the English page's.
        if (i + 1 < top.size() && top[i + 1].under_last && !continues(line, top[i + 1], r, top[i].centred) &&
            top[i + 1].text.size() <= kMaxTitleBytes && !label(i + 1) && !dateline(i + 1)) {
          const LineShape next = line_shape(top[i + 1].text, r);
          const FunctionWords here = function_words(line, r), below = function_words(top[i + 1].text, r);
          if (!next.sentence && next.words >= 5 && here.english == 0 && here.other >= 1 && below.english >= 2 &&
              below.other == 0)
            headline = static_cast<int>(i + 1);
        }
        break;
      }
      if (unnamed < 0) unnamed = static_cast<int>(i);
      continue;
    }
    if (plain < 0 && unnamed < 0) {
      plain = static_cast<int>(i);
      if (!shape.name_like) break;  // "Japan says no": a short headline
    }
  }
  if (headline < 0) headline = over_menu;
  if (headline < 0) headline = unnamed;
  // With no headline, a line set aside above the first one that could be
  // ("> Japan and Finland sign a pact", "- Ministers meet -") rather than
  // the first paragraph.
  if (headline < 0)
    for (size_t i = 0; i < top.size() && (plain < 0 || i < static_cast<size_t>(plain)); ++i)
      if (top[i].aside && !menu(i) && line_shape(top[i].text, r).words >= 3) {
        headline = static_cast<int>(i);
        break;
      }
  const bool first_paragraph = headline < 0;  // no headline: the text's first line
  if (headline < 0) headline = plain;
  if (headline < 0 && top.empty()) return "";
  std::string line = headline >= 0 ? heading_from(top, static_cast<size_t>(headline), r) : top[0].text;
  if (first_paragraph) line = std::string(first_sentence(line, r));
  line = std::string(without_agency_tag(line, r));
  line = without_enclosing_quotes(line);
  if (line.size() <= kMaxTitleBytes) return line;
  std::string_view cut = truncate_utf8(line, kMaxTitleBytes);
  size_t space = cut.rfind(' ');
  if (space != std::string_view::npos && space > kMaxTitleBytes / 2) cut = cut.substr(0, space);
  return std::string(cut) + "…";
}

// The country of the ministry whose page this is, from its letterhead: the
// one country the lines above the headline name, when they are labels or a
// masthead ("REPUBLIC OF GHANA" / "MINISTRY OF FOREIGN AFFAIRS", "Ministry
// of Foreign Affairs of Japan"), not menus or datelines. Empty when they
// name none or several.
std::string letterhead_country(std::string_view body, const Rules& r) {
  std::vector<std::string> named;
  for (const TopLine& top : top_lines(body, kTopLines)) {
    std::string_view line = top.text;
    if (line.size() > kMaxTitleBytes || is_menu(line, r)) break;
    // A ministry's address: "Malé, Republic of Maldives" (the state's
    // style, no date), read from its comma on.
    // (One comma, a town of three words at most before it: not a headline,
    // "Foreign Minister arrives in Seoul, Republic of Korea".)
    const size_t comma = line.rfind(',');
    const bool digits = std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
    const LineShape town = comma == std::string_view::npos ? LineShape{} : line_shape(line.substr(0, comma), r);
    if (comma != std::string_view::npos && !digits && line.find(',') == comma && town.words <= 3 && town.name_like) {
      // (a state's style: "Republic of", data/context-words.tsv's
      // "state-style-phrase", then its name)
      const std::string_view state = trim(line.substr(comma + 1));
      const std::string key = fold_key(state);
      for (const std::string& style : r.context_list(ContextList::kStateStylePhrase))
        if (key.size() > style.size() && key.compare(0, style.size(), style) == 0 && key[style.size()] == ' ')
          line = state;
    }
    if (is_dateline(line, r)) break;
    const bool label = is_label(line, r);
    if (!label && !is_masthead(line, line_shape(line, r).name_like, r)) break;
    // A state's own: the country alone ("REPUBLIC OF GHANA", "Kingdom of
    // Bahrain") or with an institution ("Ministry of Foreign Affairs of
    // Japan"), not a newspaper's name ("The Korea Times"); each part of a
    // line in several languages on its own ("Republika e Kosovës |
    // Republic of Kosovo").
    std::vector<std::string_view> parts = line_parts(line).parts;
    if (parts.empty()) parts.push_back(line);
    for (std::string_view part : parts) {
      const std::vector<Token> tokens = tokenize(part, r.variants);
      const std::vector<Mention> countries = r.countries.find(part, tokens);
      std::vector<bool> in_country(tokens.size(), false);
      for (const Mention& m : countries) std::fill(in_country.begin() + m.begin, in_country.begin() + m.end, true);
      bool official =
          std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return is_institution_word(t, r); });
      if (!official) {
        official = true;
        bool styled = false;  // "Republic of Kosovo", not "Ukraine" alone
        for (size_t k = 0; k < tokens.size() && official; ++k) {
          const bool style = tokens[k].is("kingdom") || tokens[k].is("republic") || tokens[k].is("state") ||
                             tokens[k].is("sultanate") || tokens[k].is("emirate") ||
                             own_state_style_word(tokens[k].key, r);
          styled = styled || style;
          official = in_country[k] || !tokens[k].is_word() || tokens[k].is("the") || tokens[k].is("of") || style;
        }
        // (a country alone in one part of a menu, "World | Ukraine |
        // Opinion", is a section, not a letterhead)
        if (parts.size() > 1 && !styled) official = false;
      }
      if (!official) continue;
      // An embassy's page names its host's ministers as often as its own
      // state's: no letterhead country ("U.S. Embassy in Mongolia").
      if (std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.is("embassy"); })) return "";
      for (const Mention& m : countries) add_unique(named, r.countries.name(m.entry));
    }
  }
  return named.size() == 1 ? named.front() : "";
}

// Whether a headline says the meeting it is about was called off: a word of
// data/context-words.tsv's "called-off" in its first item (a newsletter's
// "Mattis Meets Xi and Wei in Beijing; Indian 2+2 Postponed Again" is about
// the first), not after "after", "despite" or "following" ("Ministers meet
// after talks postponed in May").
bool headline_calls_off(const std::string& title, const Rules& r) {
  for (const Token& t : tokenize(title, r.variants)) {
    if (t.is(";") || t.is("|")) return false;
    if (t.is("after") || t.is("despite") || t.is("following")) return false;
    if (t.is_word() && r.context_word(t.key, ContextList::kCalledOff)) return true;
  }
  return false;
}

// Whether a word of the future ("will", "would", "readiness":
// data/context-words.tsv's "future") stands in the `reach` tokens before
// token `at`, in its sentence.
bool future_before(const std::vector<Token>& tokens, size_t at, size_t reach, const Rules& r) {
  for (size_t k = at; k-- > 0 && k + reach > at;) {
    if (tokens[k].is(".") || tokens[k].is("!") || tokens[k].is("?") || tokens[k].is(";")) return false;
    if (r.context_word(tokens[k].key, ContextList::kFuture)) return true;
  }
  return false;
}

// The order of an all-numeric date ("11/06/2025") in a text that gives no
// other sign of it: day first where the text spells the British way
// ("defence", "organisation") at least twice and more than twice as often
// as the American way (an American text names a "Ministry of Defence" too).
NumericOrder order_by_spelling(std::string_view body, const std::vector<Token>& tokens, const SpellingVariants& v) {
  int british = 0, american = 0;
  for (const Token& t : tokens) {
    // (A British word's key is its American form.)
    if (!t.is_word() || !v.is_american(t.key)) continue;
    ++(ascii_lower(t.text(body)) == t.key ? american : british);
  }
  return british >= 2 && british > 2 * american ? NumericOrder::kDayFirst : NumericOrder::kUnknown;
}

// The tokens of the line around token k, as [first, second).
std::pair<size_t, size_t> line_around(const std::vector<Token>& tokens, size_t k) {
  size_t begin = k, end = k + 1;
  while (begin > 0 && !tokens[begin].break_before) --begin;
  while (end < tokens.size() && !tokens[end].break_before) ++end;
  return {begin, end};
}

// Mentions by a short acronym ("AU", "US", "UN") on a line written wholly
// in capitals, of what the text names nowhere else: in capitals the
// acronym may be a word ("DEMANDE DE RENSEIGNEMENT AU GOUVERNEMENT", "LET
// US").
void drop_capitals_acronyms(std::vector<Mention>& mentions, const std::vector<Token>& tokens) {
  auto capitals_line = [&](size_t k) {
    const auto [begin, end] = line_around(tokens, k);
    size_t words = 0;
    for (size_t j = begin; j < end; ++j) {
      if (!tokens[j].is_word()) continue;
      if (!tokens[j].all_caps) return false;
      ++words;
    }
    return words >= 3;
  };
  auto short_acronym = [&](const Mention& m) {
    const Token& t = tokens[m.begin];
    // (not in a hyphen chain: "THE INDIA-UN DEVELOPMENT PARTNERSHIP FUND")
    const bool chained = (m.begin > 0 && !t.space_before && tokens[m.begin - 1].is("-")) ||
                         (m.end < tokens.size() && !tokens[m.end].space_before && tokens[m.end].is("-"));
    return m.end == m.begin + 1 && t.all_caps && t.end - t.begin <= 2 && !chained;
  };
  std::vector<char> doubtful(mentions.size(), 0);
  std::unordered_set<uint32_t> elsewhere;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (short_acronym(mentions[i]) && capitals_line(mentions[i].begin)) doubtful[i] = 1;
    else elsewhere.insert(mentions[i].entry);
  }
  size_t kept = 0;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (!doubtful[i] || elsewhere.count(mentions[i].entry)) mentions[kept++] = mentions[i];
  mentions.resize(kept);
}

// An officer of another country, by rank and name, in the line that first
// names a minister, which says they met ("U.S. Navy Adm. Samuel J. Paparo,
// commander of U.S. Indo-Pacific Command, met with Indonesian Minister of
// Defense ..."): the officer's country took part, where the ministers'
// are one.
void officer_party(Briefing& b, std::string_view body, const std::vector<Token>& tokens,
                   const std::vector<Mention>& countries, const std::vector<MinisterPlaces>& places, const Rules& r) {
  if (b.parties.size() != 1) return;
  std::vector<size_t> named;  // where ministers are named
  for (const MinisterPlaces& p : places) named.insert(named.end(), p.begin(), p.end());
  std::sort(named.begin(), named.end());
  auto rank = [&](size_t k) {
    const NameWordKind* kind = k < tokens.size() && tokens[k].capitalised ? r.name_word(tokens[k].key) : nullptr;
    return kind && (*kind == NameWordKind::kRank || *kind == NameWordKind::kMilitary);
  };
  // (the first two lines that name one: a headline, then the lead)
  size_t line_end = 0;
  for (size_t lines = 0, at = 0; lines < 2 && at < named.size(); ++lines) {
    if (named[at] >= tokens.size()) break;
    const auto [begin, end] = line_around(tokens, named[at]);
    if (begin < line_end) break;
    line_end = end;
    while (at < named.size() && named[at] < end) ++at;
    // (a word of meeting: data/context-words.tsv's "meeting-verb", "meeting-noun")
    bool met = false;
    for (size_t k = begin; k < end && !met; ++k)
      met = r.context_word(tokens[k].key, ContextList::kMeetingVerb) ||
            r.context_word(tokens[k].key, ContextList::kMeetingNoun);
    if (!met) continue;
    for (const Mention& m : countries) {
      if (m.begin < begin || m.end > end) continue;
      const std::string& country = r.countries.name(m.entry);
      if (country == b.parties.front()) continue;
      size_t k = m.end;
      for (size_t service = 0; service < 2 && k < end && !rank(k) && tokens[k].is_word() && tokens[k].capitalised;
           ++service)
        ++k;  // (its service: "Navy", "Air Force")
      if (!rank(k)) continue;
      ++k;
      if (k < end && tokens[k].is(".")) ++k;
      if (k >= end || !tokens[k].is_word() || !tokens[k].capitalised || r.name_word(tokens[k].key)) continue;
      b.parties.push_back(country);
      b.evidence.push_back({"party", country, "an officer's country, in a meeting",
                            std::string(body.substr(tokens[m.begin].begin, tokens[k].end - tokens[m.begin].begin))});
      return;
    }
  }
}

// The one minister with a title but no country, in a meeting of two whose
// other side is of one country, is the host when the headline or the first
// words of the text place the meeting in one capital of another country:
// "in Skopje", "to Dublin", "in Yongsan, Seoul", or a dateline ("MADRID —"
// at a line's start).
void host_of_capital(Briefing& b, std::string_view body, const std::vector<Token>& tokens, const Rules& r) {
  constexpr size_t kLeadWords = 100;
  Minister* host = nullptr;
  std::vector<std::string> others;
  for (Minister& m : b.ministers) {
    if (m.country.empty() && !m.role.empty()) {
      if (host) return;
      host = &m;
    } else if (!m.country.empty()) {
      add_unique(others, m.country);
    }
  }
  if (!host || others.size() != 1) return;
  std::vector<std::string> places;
  std::string said;
  auto look = [&](std::string_view text, const std::vector<Token>& t, size_t end) {
    for (size_t k = 0; k < end && k < t.size(); ++k) {
      const auto m = r.capitals.match_at(text, t, k);
      if (!m) continue;
      // (or after a district and a comma: "in Yongsan, Seoul")
      const bool district = k >= 3 && t[k - 1].is(",") && t[k - 2].is_word() && t[k - 2].capitalised &&
                            (t[k - 3].is("in") || (k >= 4 && t[k - 3].is_word() && t[k - 3].capitalised &&
                                                   t[k - 4].is("in")));
      const bool placed = district || (k > 0 && (t[k - 1].is("in") || t[k - 1].is("to"))) ||
                          ((k == 0 || t[k].break_before) && m->end < t.size() &&
                           (t[m->end].is(",") || t[m->end].is("-") || t[m->end].is("\xE2\x80\x94") ||
                            t[m->end].is("\xE2\x80\x93")));
      if (placed) {
        add_unique(places, r.capital_countries[m->entry]);
        said = std::string(text.substr(t[k].begin, t[m->end - 1].end - t[k].begin));
      }
      k = m->end - 1;
    }
  };
  const std::vector<Token> title_tokens = tokenize(b.title, r.variants);
  look(b.title, title_tokens, title_tokens.size());
  // (words: a rule of dashes under a masthead is many tokens)
  size_t lead_end = 0;
  for (size_t words = 0; lead_end < tokens.size() && words < kLeadWords; ++lead_end)
    words += tokens[lead_end].is_word() ? 1 : 0;
  look(body, tokens, lead_end);
  if (places.size() != 1 || places.front() == others.front()) return;
  host->country = places.front();
  b.evidence.push_back({"minister", host->name, "host, of the capital the meeting was held in", said});
}

// Which ministers are named only in passing: in a meeting of two (as its
// lead says), a minister named once, below the lead, whose country neither
// the headline nor the lead names and no other rule made a party
// ("Poland's Defence Minister Władysław Kosiniak-Kamysz said last week ...",
// "... after talks with UAE Foreign Minister Sheikh Abdullah bin Zayed").
// In a meeting of many, every minister named took part: three parties in
// the lead, ministers (not "the two ministers") in the lead or in a
// headline that does not name two countries, or such a headline naming an
// organisation ("ADMM-Plus convenes in Vientiane"). In either, a minister
// named once below the lead, in a sentence that says they spoke at another
// time or place or took no part ("last month", "quoted by", "who did not
// take part": data/participation.tsv), took no part.
std::vector<bool> in_passing(const Briefing& b, std::string_view body, const std::vector<Token>& tokens,
                             const std::vector<Mention>& countries, const std::vector<MinisterPlaces>& places,
                             const Rules& r) {
  std::vector<bool> passing(b.ministers.size(), false);
  // The lead: the text down to the end of the first paragraph that names a
  // minister and ends a sentence (headlines and captions above it count).
  size_t lead_end = tokens.size();
  std::vector<bool> named(tokens.size() + 1, false);
  for (const MinisterPlaces& p : places)
    for (size_t at : p) named[std::min(at, tokens.size())] = true;
  bool has_minister = false;
  for (size_t k = 1; k <= tokens.size(); ++k) {
    has_minister = has_minister || named[k];
    if (k < tokens.size() && !tokens[k].break_before) continue;
    // A blank line, or a line that ends a sentence, ends a paragraph.
    const std::string& last = tokens[k - 1].key;
    const bool sentence = last == "." || last == "!" || last == "?" || last == "\"" || last == ")";
    if (k < tokens.size()) {
      std::string_view gap = body.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
      if (!sentence && std::count(gap.begin(), gap.end(), '\n') < 2) continue;
    }
    if (has_minister && sentence) {
      // (a photograph's caption above the lead is no lead: "... in
      // Beijing, Sept. 18, 2025. (Photo/Xinhua)")
      const size_t line_end = tokens[k - 1].end;
      const size_t line_begin = body.rfind('\n', line_end - 1) + 1;  // (npos + 1 is 0)
      if (is_photo_caption(body.substr(line_begin, line_end - line_begin))) continue;
      lead_end = k;
      break;
    }
  }
  std::vector<std::string> lead_parties = b.parties;
  for (size_t i = 0; i < b.ministers.size() && i < places.size(); ++i)
    if (!b.ministers[i].country.empty() && !places[i].empty() && places[i].front() < lead_end)
      add_unique(lead_parties, b.ministers[i].country);
  // Countries the headline or the lead names.
  std::vector<std::string> named_above;
  const std::vector<Token> title_tokens = tokenize(b.title, r.variants);
  for (const Mention& m : r.countries.find(b.title, title_tokens)) add_unique(named_above, r.countries.name(m.entry));
  const size_t title_countries = named_above.size();
  for (const Mention& m : countries)
    if (m.begin < lead_end) add_unique(named_above, r.countries.name(m.entry));

  // A meeting held aside a wider one ("met on the sidelines of the SCO
  // defence ministers' meeting in Qingdao, China": data/participation.tsv,
  // "aside"), as the headline or the lead says: the wider meeting's
  // ministers make it no meeting of many, and its place names no party.
  auto aside_at = [&](const std::vector<Token>& t, size_t end) {
    std::vector<bool> after(t.size(), false);  // tokens in a sentence after the phrase
    std::string_view text = &t == &tokens ? body : std::string_view(b.title);
    for (size_t k = 0; k < end && k < t.size(); ++k) {
      const auto m = r.meeting_roles.match_at(text, t, k);
      if (!m || m->entry != kMeetingAside) continue;
      for (size_t c = m->end; c < t.size() && c < m->end + 16 && !t[c].is(".") && !t[c].is(";"); ++c) after[c] = true;
    }
    return after;
  };
  const std::vector<bool> aside_body = aside_at(tokens, lead_end);
  const std::vector<bool> aside_title = aside_at(title_tokens, title_tokens.size());
  const bool aside = std::find(aside_body.begin(), aside_body.end(), true) != aside_body.end() ||
                     std::find(aside_title.begin(), aside_title.end(), true) != aside_title.end();
  if (aside) {
    named_above.resize(title_countries);
    for (const std::string& c : lead_parties) add_unique(named_above, c);
  }

  // (the headline as the body writes it is judged as the headline)
  const size_t title_at = b.title.empty() ? std::string_view::npos : body.substr(0, 4096).find(b.title);
  auto in_title = [&](const Token& t) {
    return title_at != std::string_view::npos && t.begin >= title_at && t.end <= title_at + b.title.size();
  };
  // Ministers of how many: "the two countries' defence ministers", "the
  // French and German defence ministers", "the foreign ministers of Armenia
  // and Azerbaijan", "the four ministers" (a 2+2) are of two.
  auto of_many = [&](const std::vector<Token>& t, const std::vector<Mention>& named, size_t end) {
    for (size_t k = 0; k < end && k < t.size(); ++k) {
      if (!t[k].is("ministers") && !t[k].is("ministerial")) continue;
      if (&t == &tokens && in_title(t[k])) continue;
      // (not the wider meeting beside which it was held, nor a government:
      // "Deputy Chairman of the Cabinet of Ministers")
      if ((&t == &tokens ? aside_body : aside_title)[k]) continue;
      if (k >= 2 && t[k - 1].is("of") && t[k - 2].is("cabinet")) continue;
      bool two = false;
      for (size_t back = k >= 7 ? k - 7 : 0; back < k; ++back)
        two = two || t[back].is("two") || t[back].is("both") || t[back].is("four");
      std::vector<std::string> near;
      for (const Mention& m : named)
        if (m.begin + 6 >= k && m.begin <= k + 6) add_unique(near, r.countries.name(m.entry));
      if (!two && near.size() != 2) return true;
    }
    return false;
  };
  const std::vector<Mention> title_mentions = r.countries.find(b.title, title_tokens);
  // (in a meeting held aside a wider one, "the ministers" are its own)
  bool many = lead_parties.size() >= 3 || (!aside && of_many(tokens, countries, lead_end));
  if (title_countries != 2 && !aside)
    many = many || of_many(title_tokens, title_mentions, title_tokens.size()) ||
           !r.organisations.find(b.title, title_tokens).empty();
  const bool of_two = lead_parties.size() >= 2 && !many;

  // The sentence around token `at`, as [first, second): up to a full stop,
  // a blank line or a list's next item.
  auto sentence_of = [&](size_t at) {
    auto ends_before = [&](size_t k) {  // a sentence ends before token k (0 < k)
      if (k >= tokens.size()) return true;
      if (tokens[k - 1].is(".") || tokens[k - 1].is("!") || tokens[k - 1].is("?")) return true;
      if (!tokens[k].break_before) return false;
      const std::string_view gap = body.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
      return std::count(gap.begin(), gap.end(), '\n') >= 2 || tokens[k].is("-") || tokens[k].is("*") ||
             tokens[k].is("\xE2\x80\xA2");
    };
    constexpr size_t kReach = 60;  // tokens either side
    size_t begin = at, end = std::min(at, tokens.size());
    while (begin > 0 && at - begin < kReach && !ends_before(begin)) --begin;
    while (end < tokens.size() && end - at < kReach && !(end > at && ends_before(end))) ++end;
    return std::make_pair(begin, end);
  };

  // A time before the meeting's that the sentence from `begin` to `end`
  // names at token k: "in September" or "in May 2024" in a briefing of
  // October 2024, "in 2022", "in December" of a briefing of February (the
  // year before), unless the sentence speaks of the future ("would meet in
  // December"). Not the month just before when the briefing is dated early
  // in its month (a page published on 2 October about "late September").
  int meeting_year = 0, meeting_month = 0, meeting_day = 0;
  if (b.date.size() == 10) {
    meeting_year = std::atoi(b.date.substr(0, 4).c_str());
    meeting_month = std::atoi(b.date.substr(5, 2).c_str());
    meeting_day = std::atoi(b.date.substr(8, 2).c_str());
  }
  auto other_time = [&](size_t k, size_t begin, size_t end) {
    if (meeting_year == 0 || k + 1 >= end || !(tokens[k].is("in") || tokens[k].is("during"))) return false;
    size_t at = k + 1;
    if (at + 1 < end && (tokens[at].is("early") || tokens[at].is("late") || tokens[at].is("mid"))) ++at;
    if (at + 1 < end && tokens[at].is("-")) ++at;  // "mid-October"
    auto year_of = [&](size_t i) {
      const std::string& w = tokens[i].key;
      if (i >= end || w.size() != 4 || !std::all_of(w.begin(), w.end(), ::isdigit)) return 0;
      // ("in 2000 tents" is no year; "in 2022 and 2023" is: data/context-words.tsv's "after-year")
      if (i + 1 < end && tokens[i + 1].is_word() && !tokens[i + 1].capitalised &&
          !r.context_word(tokens[i + 1].key, ContextList::kAfterYear))
        return 0;
      return std::atoi(w.c_str());
    };
    // (the sentence speaks of the future: "would", "upcoming", data/context-words.tsv's "future")
    auto future = [&] {
      for (size_t c = begin; c < end; ++c)
        if (r.context_word(tokens[c].key, ContextList::kFuture)) return true;
      return false;
    };
    int year = year_of(at), month = 0;
    if (year < 1900) {
      // a month's full name ("in Mar del Plata" is a place)
      if (!tokens[at].capitalised) return false;
      month = month_number(tokens[at].key);
      if (month == 0 || tokens[at].key.size() < 3 || (tokens[at].key.size() < 5 && tokens[at].key != "may" &&
                                                      tokens[at].key != "june" && tokens[at].key != "july"))
        return false;
      year = year_of(at + 1);
      if (year < 1900) year = month > meeting_month ? meeting_year - 1 : meeting_year;
      if (month > meeting_month && year == meeting_year - 1 && future()) return false;
    }
    if (year != meeting_year) return year < meeting_year;
    if (month == 0 || month >= meeting_month) return false;
    return !(month + 1 == meeting_month && meeting_day <= 7);
  };

  // A day of the week before the one the lead gives the meeting: "On
  // Monday, Rwanda's Minister ... told journalists in Kigali" below "held
  // talks on Tuesday" (only where the lead names one day). The days are
  // data/context-words.tsv's "weekday", in the week's order.
  const std::vector<std::string>& days = r.context_list(ContextList::kWeekday);
  auto weekday_at = [&](size_t k) {
    if (k + 1 >= tokens.size() || !tokens[k].is("on") || !tokens[k + 1].capitalised) return 0;
    for (size_t d = 0; d < days.size(); ++d)
      if (tokens[k + 1].is(days[d])) return static_cast<int>(d) + 1;
    return 0;
  };
  int lead_day = 0;
  for (size_t k = 0; k < lead_end && lead_day >= 0; ++k)
    if (const int d = weekday_at(k); d != 0) lead_day = lead_day == 0 || lead_day == d ? d : -1;
  auto day_before = [&](size_t k) {
    const int d = weekday_at(k);
    return lead_day > 0 && d != 0 && d < lead_day;
  };

  // Whether the sentence around token `at` says its minister spoke at
  // another time or place, or took no part (data/participation.tsv,
  // "elsewhere" and "absent"; a time before the meeting's), or took part
  // ("joined": "The talks were hosted by ...", not in a meeting held aside
  // a wider one).
  enum Said { kNothing, kElsewhere, kAbsent, kJoined };
  auto said_elsewhere = [&](size_t at) {
    const auto [begin, end] = sentence_of(at);
    bool joined = false;
    for (size_t k = begin; k < end && !aside && !joined; ++k) {
      const auto m = r.meeting_roles.match_at(body, tokens, k);
      joined = m && m->entry == kMeetingJoined;
    }
    // (not in a clause about something else the minister did: "Antti
    // Häkkänen, who signed a similar agreement last year, also signed ...",
    // "Iwaya (in office since October 2024)"; "who did not take part" says
    // it of the meeting)
    for (size_t k = begin; k < end; ++k) {
      auto m = r.elsewhere.match_at(body, tokens, k);
      if (!m && !other_time(k, begin, end) && !day_before(k)) continue;
      if (m && m->entry == kElsewhereAbsent) return kAbsent;
      // ("the decision of" / "a phone call ... with" say it only of a
      // minister named after them: "welcomed the decision of the cabinet"
      // says nothing of the minister who welcomed it)
      if (m && m->entry == kElsewhereAbout && k > at) continue;
      // the minister, then "who ... last year" (a clause closed by a comma
      // before the phrase says nothing of it: "..., who is mediating with
      // Egypt, was expected in Amman later in the week")
      bool clause = false;
      int brackets = 0;
      for (size_t c = std::min(at, k); c < std::max(at, k); ++c)
        if (tokens[c].is("(")) ++brackets;
        else if (tokens[c].is(")")) --brackets;
        else if (c >= at && (tokens[c].is("who") || tokens[c].is("which") || tokens[c].is("whose"))) clause = true;
        // (a time after "since" is the minister's tenure: "..., attending
        // his first G7 meeting since taking office last month")
        else if (c >= at && tokens[c].is("since")) clause = true;
        else if (clause && tokens[c].is(",")) clause = false;
      if (!clause && brackets == 0) return kElsewhere;
    }
    // ("Gerapetritis will receive Turkish Foreign Minister Hakan Fidan in
    // Athens later in the spring": a meeting still to come)
    if (!joined && future_before(tokens, at, at - begin, r)) return kElsewhere;
    return joined ? kJoined : kNothing;
  };

  // Named once: one naming with a role or a title, and the surname written
  // nowhere else ("Kosiniak-Kamysz said" is a second naming).
  std::vector<bool> absent(b.ministers.size(), false);
  std::vector<Said> said_first(b.ministers.size(), kNothing);  // of a minister named once below the lead
  std::unordered_map<std::string, size_t> by_surname;  // the surname's first word -> minister
  std::vector<std::vector<std::string>> surname_words(b.ministers.size());
  for (size_t i = 0; i < b.ministers.size() && i < places.size(); ++i) {
    const std::string& country = b.ministers[i].country;
    const bool below = !places[i].empty() && places[i].front() >= lead_end &&
                       std::find(b.parties.begin(), b.parties.end(), country) == b.parties.end();
    // In a meeting held aside a wider one, the wider meeting's host, where
    // first named, took no part, however often named ("The Qingdao meeting,
    // hosted by Chinese Defense Minister Dong Jun, ...": data/participation.tsv,
    // "host").
    if (below && aside) {
      const size_t at = places[i].front();
      for (size_t k = sentence_of(at).first; k < at && !absent[i]; ++k)
        if (const auto m = r.meeting_roles.match_at(body, tokens, k); m && m->entry == kMeetingHost)
          absent[i] = passing[i] = true;
      if (absent[i]) continue;
    }
    const bool once_below = below && places[i].size() == 1;
    // Named once in the lead, the only minister of a sentence that says
    // the minister took no part ("An empty seat: China's Minister of
    // National Defense, Dong Jun, did not attend this year's Dialogue"):
    // no party, though its country may be one by other words.
    if (!once_below && places[i].size() == 1 && !places[i].empty() && places[i].front() < lead_end) {
      const size_t at = places[i].front();
      const auto [begin, end] = sentence_of(at);
      bool alone = true;
      for (size_t o = 0; o < places.size() && alone; ++o)
        if (o != i)
          for (size_t p : places[o]) alone = alone && !(p >= begin && p < end);
      if (alone && said_elsewhere(at) == kAbsent) absent[i] = passing[i] = true;
      continue;
    }
    if (!once_below) continue;
    const Said said = said_elsewhere(places[i].front());
    said_first[i] = said;
    passing[i] = said != kJoined &&
                 ((of_two && std::find(named_above.begin(), named_above.end(), country) == named_above.end()) ||
                  said != kNothing);
    // ("Syrian Foreign Minister ..., who is in Baghdad for another meeting,
    // did not take part": whatever later sentences say of him)
    absent[i] = said == kAbsent;
    for (const Token& t : tokenize(surname_key(b.ministers[i].name, r), r.variants))
      if (t.is_word()) surname_words[i].push_back(t.key);
    if (!surname_words[i].empty()) by_surname.emplace(surname_words[i].front(), i);
  }
  std::vector<bool> named_again(b.ministers.size(), false);
  for (size_t k = 0; k < tokens.size() && !by_surname.empty(); ++k) {
    if (!tokens[k].capitalised && !tokens[k].all_caps) continue;
    auto it = by_surname.find(tokens[k].key);
    if (it == by_surname.end()) continue;
    const std::vector<std::string>& words = surname_words[it->second];
    size_t at = k, w = 0;  // "Kosiniak-Kamysz": its words with what joins them
    while (w < words.size() && at < tokens.size()) {
      if (tokens[at].is_word()) {
        if (tokens[at].key != words[w]) break;
        ++w;
      }
      ++at;
    }
    if (w == words.size()) {
      // named again: it took part
      // (not in the sentence that names it: "Lammy said in September ...,
      // but Lammy did not signal any change")
      const auto [first, second] = sentence_of(places[it->second].front());
      if (k >= first && k < second) continue;
      // (nor as the speaker of more words further on in the paragraph of a
      // naming that said the minister spoke elsewhere: "Asked about the visit
      // at a briefing in Abuja, Nigeria's foreign minister ... said ... 'The
      // door ...,' Tuggar said.", data/context-words.tsv's "speech")
      auto speech = [&](size_t t) { return t < tokens.size() && r.context_word(tokens[t].key, ContextList::kSpeech); };
      if (said_first[it->second] != kNothing && said_first[it->second] != kJoined && k >= second &&
          (speech(at) || (k > 0 && speech(k - 1))) &&
          body.substr(tokens[second - 1].end, tokens[k].begin - tokens[second - 1].end).find("\n\n") ==
              std::string_view::npos)
        continue;
      // (named again to say it took no part in the meeting: "Cassis did not
      // take part in the talks."; not in a part of it, "did not attend the
      // state dinner")
      const auto [begin, end] = sentence_of(k);
      bool says_absent = false, says_no_part = false;
      for (size_t c = begin; c < end && !says_absent; ++c) {
        const auto m = r.elsewhere.match_at(body, tokens, c);
        if (!m || m->entry != kElsewhereAbsent) continue;
        says_no_part = true;
        size_t after = m->end;
        while (after < end && (tokens[after].is("in") || tokens[after].is("the"))) ++after;
        // (the meeting itself: "talks", data/context-words.tsv's "meeting-noun")
        says_absent = after >= end || !tokens[after].is_word() ||
                      r.context_word(tokens[after].key, ContextList::kMeetingNoun);
      }
      // (a sentence that says the minister missed a part of it, or met
      // someone else, says no more: "Austin and Dong did not meet in
      // Vientiane")
      // (nor a sentence that names it again at another time or place: "On
      // Wednesday, Schialer said in a statement ..." of a minister first
      // named doing something earlier)
      if (says_absent) absent[it->second] = true;
      else if (!says_no_part && said_elsewhere(k) != kElsewhere) named_again[it->second] = true;
    }
  }
  for (size_t i = 0; i < b.ministers.size(); ++i) passing[i] = absent[i] || (passing[i] && !named_again[i]);
  // A country with a minister who took part took part.
  std::unordered_set<std::string> took_part;
  for (size_t i = 0; i < b.ministers.size(); ++i)
    if (!passing[i]) took_part.insert(b.ministers[i].country);
  for (size_t i = 0; i < b.ministers.size(); ++i)
    if (passing[i] && took_part.count(b.ministers[i].country)) passing[i] = false;
  return passing;
}

// "the United National Congress (UNC)": the acronyms the text defines for
// a name of its own, whose initials they spell (folded), where the
// gazetteer knows them as another organisation's (United Nations Command).
std::unordered_set<std::string> acronyms_of_other_names(std::string_view body, const std::vector<Token>& tokens,
                                                        const Rules& r) {
  std::unordered_set<std::string> own_acronyms;
  for (size_t i = 1; i + 2 < tokens.size(); ++i) {
    const Token& acronym = tokens[i + 1];
    if (!tokens[i].is("(") || !tokens[i + 2].is(")") || !acronym.is_word() || !acronym.all_caps ||
        acronym.key.size() < 2 || acronym.key.size() > 6)
      continue;
    std::string initials;
    size_t k = i;
    while (k > 0 && initials.size() < acronym.key.size()) {
      const Token& t = tokens[k - 1];
      if (t.is_name_link() || t.is("&")) {
        --k;
        continue;
      }
      if (!t.is_word() || !(t.capitalised || t.all_caps)) break;
      initials.insert(initials.begin(), t.key[0]);
      --k;
      if (t.break_before) break;  // (a name at a line's start)
    }
    if (initials != acronym.key) continue;
    const auto phrase = r.organisations.match_at(body, tokens, k);
    const auto own = r.organisations.match_at(body, tokens, i + 1);
    if (own && !(phrase && phrase->entry == own->entry)) own_acronyms.insert(acronym.key);
  }
  return own_acronyms;
}

// "Montenegro expressed interest", "Lula thanked Montenegro", after
// "Prime Minister Luís Montenegro": a minister's surname alone, not the
// country, unless a word of place comes before it ("visited Montenegro",
// "in Montenegro"). The country stays when it is named otherwise too. The
// words of place are data/context-words.tsv's "place-before-surname".
void drop_minister_surnames(const std::vector<Token>& tokens, const Rules& r, Briefing& b,
                            std::vector<Mention>& countries) {
  std::unordered_set<std::string> surnames;
  for (const Minister& m : b.ministers)
    if (m.name.find(' ') != std::string::npos) surnames.insert(surname_key(m.name, r));
  auto is_surname = [&](const Mention& m) {
    if (m.end != m.begin + 1 || !surnames.count(tokens[m.begin].key)) return false;
    return m.begin == 0 || !r.context_word(tokens[m.begin - 1].key, ContextList::kPlaceBeforeSurname);
  };
  std::vector<std::string> named;  // countries of such mentions
  for (const Mention& m : countries)
    if (is_surname(m)) add_unique(named, r.countries.name(m.entry));
  countries.erase(std::remove_if(countries.begin(), countries.end(), is_surname), countries.end());
  for (const std::string& name : named) {
    const bool still = std::any_of(countries.begin(), countries.end(),
                                   [&](const Mention& m) { return r.countries.name(m.entry) == name; });
    const bool by_front_matter = std::any_of(b.evidence.begin(), b.evidence.end(), [&](const Evidence& e) {
      return e.facet == "country" && e.value == name && e.rule != "gazetteer alias";
    });
    if (still || by_front_matter) continue;
    b.countries.erase(std::remove(b.countries.begin(), b.countries.end(), name), b.countries.end());
    b.evidence.erase(std::remove_if(b.evidence.begin(), b.evidence.end(),
                                    [&](const Evidence& e) { return e.facet == "country" && e.value == name; }),
                     b.evidence.end());
  }
}

// A minister named in front matter, with what the knowledge base knows:
// "Antti Häkkänen" or any other form it lists; a surname that names one
// known minister ("Kihara") stands for the full name, as in the text.
Minister known_minister(const std::string& name, const Rules& r) {
  std::vector<Token> tokens = tokenize(name, r.variants);
  int id = -1;
  if (auto m = r.known_minister_names.match_at(name, tokens, 0); m && m->end == tokens.size())
    id = static_cast<int>(m->entry);
  size_t words = std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_word(); });
  if (id < 0 && words == 1) {
    auto it = r.known_by_word.find(surname_key(name, r));
    if (it != r.known_by_word.end() && it->second.size() == 1) id = static_cast<int>(it->second.front());
  }
  if (id < 0) return Minister{name, "", "", ""};
  const KnownMinister& k = r.known_ministers[static_cast<size_t>(id)];
  return Minister{words == 1 ? k.name : name, k.role, k.country, k.name};
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

Analysis Extractor::analyse(std::string_view text, std::string_view file_name) const {
  const Rules& r = *rules_;
  Analysis a;
  Briefing& b = a.briefing;
  FrontMatter fm = parse_front_matter(text);
  b.warnings = fm.warnings;
  a.body = std::string(fm.body);
  const std::string_view body = facet_part(a.body);

  // Found in the briefing's own lines; indexed with all of them.
  const std::string about = without_link_lines(body, r);
  std::vector<Token> tokens = tokenize(about, r.variants);
  join_cut_words(&tokens, r.variants, [&r](const std::string& word) {
    return r.countries.has_word(word) || r.topics.has_word(word) || r.organisations.has_word(word) ||
           r.known_minister_names.has_word(word);
  });
  a.index_body = index_form(body, tokens);
  if (body.size() < a.body.size()) {
    a.index_body += index_form(std::string_view(a.body).substr(body.size()), r.variants);
    b.warnings.push_back(fmt::format("facets read from the first {} of {} of text only; all of it is searchable",
                                     megabytes(body.size()), megabytes(a.body.size())));
  }
  // Front matter that no facet reads ("summary:", "tags:", "author:") is
  // searchable all the same.
  for (const auto& field : fm.fields) {
    static const char* kRead[] = {"title", "page-title", "page-heading", "date", "source", "country", "party",
                                  "organisation", "organization", "topic", "minister"};
    const std::string& key = field.first;
    if (std::find_if(std::begin(kRead), std::end(kRead), [&](const char* k) { return key == k; }) !=
        std::end(kRead))
      continue;
    for (const std::string& v : field.second) a.index_body += "\n" + index_form(v, r.variants);
  }

  // Title: the front matter's, else the first line. A page's own title
  // that no heading confirms (`page-title`, from an HTML page's <title> or a
  // PDF's metadata) yields to the first line's when it is only a site's or
  // a ministry's name ("Ministry of Foreign Affairs of Denmark", "The
  // Jerusalem Post | JPost.com").
  // (an agency's tag left out, as from a headline in the text: "(LEAD)
  // FM Cho, Rubio reaffirm alliance" in a page's <h1> and <title>)
  b.title = std::string(without_agency_tag(fm.first("title"), r));
  if (b.title.empty()) {
    std::string page = fm.first("page-title");
    // (or a site's name and its motto: "OAS :: Organization of American
    // States: Democracy for peace, security, and development")
    // (or a site's name and the section's: "High Commission of India,
    // Accra, Ghana : Press Releases", "Ministerstvo ... SR - News")
    auto site_and_motto = [&](const std::string& t) {
      for (std::string_view sep : {" :: ", " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ", " : "})
        if (size_t at = t.find(sep); at != std::string::npos && at > 0)
          return is_label(t.substr(0, at), r) || is_label(trim(std::string_view(t).substr(at + sep.size())), r);
      return false;
    };
    // (and the page's <h1> is a headline: "OAS :: Organization of American
    // States: Democracy for peace, ..." over "Foreign Ministers of Belize
    // and Guatemala Review ..."; not "NATO: Allies agree ..." over "Press
    // releases")
    // (or a <title> that shares no word of four letters or more, other
    // than a country's, with the <h1>: the site's, as "Naharnet — Lebanon
    // 10 years from now" over a story's headline)
    auto shares_no_word = [&](const std::string& a, const std::string& b) {
      std::vector<std::string> words;
      for (const Token& t : tokenize(a, r.variants))
        if (t.is_word() && t.key.size() >= 4 && !r.countries.has_word(t.key)) words.push_back(t.key);
      for (const Token& t : tokenize(b, r.variants))
        if (t.is_word() && std::find(words.begin(), words.end(), t.key) != words.end()) return false;
      return !words.empty();
    };
    // (or a site's name alone, in parts: "Ministerio de Defensa - Estado
    // Plurinacional de Bolivia", an institution's name and a state's)
    auto site_only = [&](const std::string& t) {
      auto site_part = [&](std::string_view p) { return is_single_label(p, r) || names_institution(p, r); };
      for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "})
        if (size_t at = t.find(sep); at != std::string::npos && at > 0)
          return site_part(trim(std::string_view(t).substr(0, at))) &&
                 site_part(trim(std::string_view(t).substr(at + sep.size())));
      return false;
    };
    const std::string page_heading = fm.first("page-heading");
    const bool motto = (site_and_motto(page) || shares_no_word(page, page_heading) || site_only(page)) &&
                       !page_heading.empty() &&
                       !is_label(page_heading, r) &&
                       line_shape(page_heading, r).words >= 5 && names_something(page_heading, r) &&
                       !names_a_meeting(page, r);
    if (!page.empty() && (is_label(page, r) || motto)) {
      // The page's <h1>, unless it too is a name or a label ("Press
      // Releases"), else the headline at the top of its text.
      std::string headline = fm.first("page-heading");
      if (headline.empty() || is_label(headline, r) || line_shape(headline, r).words < 3)
        headline = first_line_title(body, r);
      if (!headline.empty() && !is_label(headline, r)) page = std::move(headline);
    }
    b.title = without_tab_marks(page.empty() ? first_line_title(body, r) : std::string(without_agency_tag(page, r)));
  }
  a.index_title = index_form(b.title, r.variants);
  b.source = fm.first("source");

  // Date: front matter, else the first full date in the text, else the
  // file name.
  if (std::string d = fm.first("date"); !d.empty()) {
    if (auto date = parse_date(d)) {
      b.date = date->iso();
      b.evidence.push_back({"date", b.date, "front matter", d});
    } else {
      b.warnings.push_back("front matter date '" + d + "' is not a valid date; ignored");
    }
  }
  auto span_text = [&](size_t begin, size_t end) {
    return std::string(body.substr(tokens[begin].begin, tokens[end - 1].end - tokens[begin].begin));
  };
  if (b.date.empty()) {
    // The first date written: a full one, or one without a year ("On
    // October 4") that takes its year from the first full date elsewhere,
    // from an all-numeric date ("03-02-2025") or from the file name.
    // (the order of an all-numeric date: as the text's other dates tell
    // it, else as its spelling does)
    NumericOrder order = NumericOrder::kUnknown;
    if (first_numeric_year(tokens)) {
      order = order_by_other_dates(body, tokens);
      if (order == NumericOrder::kUnknown) order = order_by_spelling(body, tokens, r.variants);
    }
    auto dates = find_dates(body, tokens, order);
    auto yearless = find_yearless_dates(tokens);
    auto from_name = date_from_filename(file_name);
    int year = !dates.empty() ? dates.front().date.year : first_numeric_year(tokens);
    if (!yearless.empty() && !dates.empty()) {
      // A full date with the same day gives its year ("Oct 21" and, later,
      // "21 October 2024"); else the page's own numeric date when it is
      // later than the first full one, which may be history ("relations
      // established on May 8, 1960" above "Published: 21/10/2024").
      const auto same_day = std::find_if(dates.begin(), dates.end(), [&](const DateMention& d) {
        return d.date.month == yearless.front().date.month && d.date.day == yearless.front().date.day;
      });
      if (same_day != dates.end()) year = same_day->date.year;
      else if (const int numeric = first_numeric_year(tokens); numeric > year) year = numeric;
    }
    if (!year && from_name) year = from_name->year;
    if (!yearless.empty() && year && (dates.empty() || yearless.front().begin < dates.front().begin) &&
        is_valid_date(year, yearless.front().date.month, yearless.front().date.day)) {
      const DateMention& m = yearless.front();
      b.date = Date{year, m.date.month, m.date.day}.iso();
      b.evidence.push_back({"date", b.date, "day without a year, year from elsewhere", span_text(m.begin, m.end)});
    } else if (!dates.empty()) {
      const DateMention& m = dates.front();
      b.date = m.date.iso();
      b.evidence.push_back({"date", b.date, "first full date in text", span_text(m.begin, m.end)});
    }
  }
  if (b.date.empty())
    if (auto date = date_from_filename(file_name)) {
      b.date = date->iso();
      b.evidence.push_back({"date", b.date, "file name", std::string(file_name)});
    }

  auto matched = [&](const Mention& m) {
    return std::string(body.substr(tokens[m.begin].begin, tokens[m.end - 1].end - tokens[m.begin].begin));
  };

  // Front matter values come first, then what the text says.
  auto from_front_matter = [&](const char* key, const char* facet, const Gazetteer& g,
                               std::vector<std::string>& into) {
    for (const std::string& v : fm.values(key)) {
      int id = g.lookup(v);
      std::string value = id >= 0 ? g.name(static_cast<uint32_t>(id)) : v;
      if (id < 0) b.warnings.push_back(std::string("front matter ") + key + " '" + v + "' is not in the gazetteer; kept as written");
      add_unique(into, value);
      b.evidence.push_back({facet, value, "front matter", v});
    }
  };
  from_front_matter("country", "country", r.countries, b.countries);
  from_front_matter("party", "party", r.countries, b.parties);
  from_front_matter("organisation", "organisation", r.organisations, b.organisations);
  from_front_matter("organization", "organisation", r.organisations, b.organisations);
  // A topic is one of data/topics.tsv's: a value that is none is read for
  // their trigger phrases ("cyber defence cooperation": cyber), else searchable
  // as text only ("migration"), with a warning either way.
  for (const std::string& v : fm.values("topic")) {
    if (const int id = r.topics.lookup(v); id >= 0) {
      const std::string name = r.topics.name(static_cast<uint32_t>(id));
      add_unique(b.topics, name);
      b.evidence.push_back({"topic", name, "front matter", v});
      continue;
    }
    std::vector<std::string> found;
    for (const Mention& m : r.topics.find(v, tokenize(v, r.variants)))
      add_unique(found, r.topics.name(m.entry));
    for (const std::string& name : found) {
      add_unique(b.topics, name);
      b.evidence.push_back({"topic", name, "front matter, topic trigger", v});
    }
    a.index_body += "\n" + index_form(v, r.variants);
    b.warnings.push_back("front matter topic '" + v + "' is not a topic of topics.tsv; " +
                         (found.empty() ? std::string("searchable as text only")
                                        : fmt::format("read as {} and searchable as text", fmt::join(found, ", "))));
  }

  std::vector<Mention> countries = r.countries.find(body, tokens);
  // "Chad Pillai": a given name, not the country; but "Prime Minister of
  // Georgia Irakli Garibashvili" names the country. "Luís Montenegro": a
  // surname, after a given name that does not begin a sentence or a line
  // (not "Visit Montenegro", "Northern Montenegro" at a line's start).
  if (!r.given_name_countries.empty() || !r.surname_countries.empty()) {
    std::vector<bool> starts(tokens.size() + 1, false), ends(tokens.size() + 1, false);
    for (const Mention& m : countries) starts[m.begin] = ends[m.end] = true;
    auto name_word = [&](const Token& t) {
      return t.is_word() && t.capitalised && !t.all_caps && r.name_word(t.key) == nullptr;
    };
    // (or an initial and a name: "Chad J. McNeeley")
    auto initial = [&](size_t k) {
      return k + 2 < tokens.size() && tokens[k].is_word() && tokens[k].end - tokens[k].begin == 1 &&
             (tokens[k].capitalised || tokens[k].all_caps) && tokens[k + 1].is(".") && name_word(tokens[k + 2]) &&
             !tokens[k + 2].break_before;
    };
    auto given_name = [&](const Mention& m) {
      if (m.end >= tokens.size() || (m.begin > 0 && tokens[m.begin - 1].is("of"))) return false;
      const Token& next = tokens[m.end];
      return r.given_name_countries.count(tokens[m.begin].key) > 0 && (name_word(next) || initial(m.end)) &&
             next.space_before && !next.break_before && !starts[m.end];
    };
    auto surname = [&](const Mention& m) {
      if (m.begin < 2 || !r.surname_countries.count(tokens[m.begin].key)) return false;
      const Token& given = tokens[m.begin - 1];
      const Token& before = tokens[m.begin - 2];
      const bool sentence_start = before.is(".") || before.is("!") || before.is("?") || before.is(":");
      return name_word(given) && tokens[m.begin].space_before && !tokens[m.begin].break_before &&
             !given.break_before && !sentence_start && !ends[m.begin - 1];
    };
    auto person = [&](const Mention& m) { return m.end == m.begin + 1 && (given_name(m) || surname(m)); };
    countries.erase(std::remove_if(countries.begin(), countries.end(), person), countries.end());
  }
  countries.erase(std::remove_if(countries.begin(), countries.end(),
                                 [&](const Mention& m) { return in_language_menu(body, tokens[m.begin], r); }),
                  countries.end());
  drop_capitals_acronyms(countries, tokens);
  // "Dominica Drive", "Kenya Road": a street named after the country.
  auto street = [&](const Mention& m) {
    if (m.end >= tokens.size() || !tokens[m.end].capitalised || tokens[m.end].break_before) return false;
    const NameWordKind* kind = r.name_word(tokens[m.end].key);
    return kind && *kind == NameWordKind::kPlace;
  };
  countries.erase(std::remove_if(countries.begin(), countries.end(), street), countries.end());
  for (const Mention& m : countries) {
    const std::string& name = r.countries.name(m.entry);
    if (std::find(b.countries.begin(), b.countries.end(), name) == b.countries.end()) {
      b.countries.push_back(name);
      b.evidence.push_back({"country", name, "gazetteer alias", matched(m)});
    }
  }
  const std::unordered_set<std::string> own_acronyms = acronyms_of_other_names(body, tokens, r);
  std::vector<Mention> organisations = r.organisations.find(body, tokens);
  drop_capitals_acronyms(organisations, tokens);
  for (const Mention& m : organisations) {
    if (m.end == m.begin + 1 && own_acronyms.count(tokens[m.begin].key)) continue;
    const std::string& name = r.organisations.name(m.entry);
    if (std::find(b.organisations.begin(), b.organisations.end(), name) == b.organisations.end()) {
      b.organisations.push_back(name);
      b.evidence.push_back({"organisation", name, "gazetteer alias", matched(m)});
    }
  }
  for (const Mention& m : r.topics.find(body, tokens)) {
    const std::string& name = r.topics.name(m.entry);
    if (in_address_line(body, tokens[m.begin], r) || civil_training(tokens, m, r) || civil_delivery(tokens, m, r))
      continue;
    if (std::find(b.topics.begin(), b.topics.end(), name) == b.topics.end()) {
      b.topics.push_back(name);
      b.evidence.push_back({"topic", name, "topic trigger", matched(m)});
    }
  }
  for (const Mention& m : topic_pairs(tokens, r)) {
    const std::string& name = r.topics.name(m.entry);
    if (in_address_line(body, tokens[m.begin], r)) continue;
    if (std::find(b.topics.begin(), b.topics.end(), name) == b.topics.end()) {
      b.topics.push_back(name);
      b.evidence.push_back({"topic", name, "topic pair", matched(m)});
    }
  }

  std::vector<MinisterPlaces> places;
  b.ministers = find_ministers(body, tokens, countries, r, b.date, &b.evidence, &places);
  drop_minister_surnames(tokens, r, b, countries);
  // The ministers so far by person key (a front matter may list thousands).
  // (and by the knowledge base's name: "Margarita Robles" in the front
  // matter is the text's "Margarita Robles Fernández")
  std::unordered_map<std::string, size_t> by_key, by_known;
  for (size_t i = 0; i < b.ministers.size(); ++i) {
    by_key.emplace(person_key(b.ministers[i].name, r), i);
    if (!b.ministers[i].known.empty()) by_known.emplace(b.ministers[i].known, i);
  }
  for (const std::string& v : fm.values("minister")) {
    auto same = by_key.find(person_key(v, r));
    if (same == by_key.end()) same = by_key.find(surname_key(v, r));
    std::optional<size_t> at;
    bool as_known = false;  // the same person by the knowledge base only: the front matter's form when as long
    std::optional<Minister> listed;  // (looked up only when the name is not the text's)
    if (same != by_key.end()) {
      at = same->second;
    } else {
      listed = known_minister(v, r);
      if (auto k = by_known.find(listed->known); !listed->known.empty() && k != by_known.end())
        at = k->second, as_known = true;
    }
    if (!at) {
      b.ministers.push_back(std::move(*listed));
      by_key.emplace(person_key(v, r), b.ministers.size() - 1);
      if (!b.ministers.back().known.empty()) by_known.emplace(b.ministers.back().known, b.ministers.size() - 1);
    } else if (v.size() > b.ministers[*at].name.size() || (as_known && v.size() == b.ministers[*at].name.size())) {
      b.ministers[*at].name = v;
    }
    b.evidence.push_back({"minister", v, "front matter", v});
  }
  // A minister with a title but no country, on a ministry's own page, is
  // that ministry's ("The Minister for Foreign Affairs, Hon. Samuel
  // Okudzeto Ablakwa" under "REPUBLIC OF GHANA", or a web page's source,
  // the site's name in its <title>: "Ministry of Foreign Affairs - Kingdom
  // of Bahrain").
  if (std::any_of(b.ministers.begin(), b.ministers.end(),
                  [](const Minister& m) { return m.country.empty() && !m.role.empty(); }))
    if (std::string home = letterhead_country(body, r); !home.empty() ||
                                                        !(home = letterhead_country(b.source, r)).empty() ||
                                                        !(home = government_domain_country(body, r)).empty())
      for (Minister& m : b.ministers)
        if (m.country.empty() && !m.role.empty()) {
          m.country = home;
          b.evidence.push_back({"minister", m.name, "country of the ministry's letterhead", home});
        }
  // Else the host of a meeting of two held in a capital, as the headline or
  // the lead says ("Minister of Internal Affairs Panče Toškovski today
  // hosted in Skopje ... Serbia's Ivica Dačić", a dateline "MADRID —"), when
  // the other side is of another country (data/capitals.tsv).
  host_of_capital(b, body, tokens, r);

  // Countries i..j of a list took part, by `rule` on the words `matched`.
  auto add_parties = [&](size_t i, size_t j, const char* rule, const std::string& matched) {
    for (size_t k = i; k <= j; ++k) {
      const std::string& name = r.countries.name(countries[k].entry);
      if (std::find(b.parties.begin(), b.parties.end(), name) == b.parties.end()) {
        b.parties.push_back(name);
        b.evidence.push_back({"party", name, rule, matched});
      }
    }
  };
  // "the Japan-Philippines-U.S. Trilateral Defense Ministers' Meeting": a
  // chain of countries named as a meeting took part.
  for (size_t i = 0; i < countries.size();) {
    size_t j = i;
    auto joined = [&](size_t a, size_t b) {
      return countries[b].begin == countries[a].end + 1 &&
             (tokens[countries[a].end].key == "-" || tokens[countries[a].end].key == "–" ||
              tokens[countries[a].end].key == "/") &&
             !tokens[countries[a].end].space_before && !tokens[countries[b].begin].space_before;
    };
    while (j + 1 < countries.size() && joined(j, j + 1)) ++j;
    if (j > i) {
      size_t end = countries[j].end;
      bool meeting = false;
      for (size_t k = end; k < tokens.size() && k < end + 8 && !meeting; ++k) {
        if (k > end && tokens[k].break_before) break;
        // (nor past a comma: "along the Thailand-Myanmar border, after talks
        // between ...")
        if (tokens[k].key == "." || tokens[k].key == ";" || tokens[k].key == ",") break;
        // (not past a verb's preposition: "the ASEAN-Australia-New Zealand
        // Free Trade Area to bring bilateral trade ...")
        if (tokens[k].is("to") || tokens[k].is("for") || tokens[k].is("with") || tokens[k].is("by")) break;
        const auto m = r.meeting_words.match_at(body, tokens, k);
        meeting = m.has_value();
        // (a meeting word as an adjective of something else: "the
        // U.S.-Japan-ROK trilateral military alliance", data/context-words.tsv's
        // "not-meeting")
        for (size_t c = meeting ? m->end : 0; meeting && c < m->end + 3 && c < tokens.size(); ++c) {
          if (r.meeting_words.match_at(body, tokens, c) || !tokens[c].is_word()) break;
          if (r.context_word(tokens[c].key, ContextList::kNotMeeting)) meeting = false;
        }
      }
      // (not a meeting still to come, as the words before it in the
      // sentence say: "he will co-chair the Korea-UAE strategic dialogue",
      // data/context-words.tsv's "future")
      if (meeting && future_before(tokens, countries[i].begin, 20, r)) meeting = false;
      // (nor an earlier one, as the words right before it say: "welcomed
      // the outcome of the Japan-Australia-Philippines-U.S. Defense
      // Ministers' Meeting held in Honolulu", data/context-words.tsv's
      // "past-meeting")
      for (size_t k = countries[i].begin; meeting && k-- > 0 && k + 4 >= countries[i].begin;) {
        if (tokens[k].is(".") || tokens[k].is(";")) break;
        if (r.context_word(tokens[k].key, ContextList::kPastMeeting)) meeting = false;
        if (tokens[k].break_before) break;
      }
      // (nor one called off, as the rest of its sentence says: "A meeting of
      // the Kenya-Tanzania Joint Permanent Commission ... has been
      // postponed", data/participation.tsv's "absent")
      for (size_t k = end; meeting && k < tokens.size() && k < end + 40; ++k) {
        if (tokens[k].is(".") || tokens[k].is("!") || tokens[k].is("?") || tokens[k].is(";")) break;
        if (const auto m = r.elsewhere.match_at(body, tokens, k); m && m->entry == kElsewhereAbsent) meeting = false;
      }
      if (meeting)
        add_parties(i, j, "meeting name", span_text(countries[i].begin, end));
    }
    i = j + 1;
  }

  // "Delegations from Kenya, Uganda and Egypt", "Japan, the United Kingdom
  // and the United States attended as observers", "Moldova's delegation": a
  // list of countries with words of taking part (data/participation.tsv).
  auto joiner = [&](size_t k) {
    const std::string& key = tokens[k].key;
    return key == "," || key == "and" || key == "&" || key == "the";
  };
  auto filler = [&](size_t k) {  // between a list and what it did
    const std::string& key = tokens[k].key;
    return key == "'" || key == "s" || key == "—" || key == "–" || key == "-" || key == "a" || key == "its" ||
           key == "their" || key == "also";
  };
  // An item of a list that is no country the gazetteer knows: "Australia,
  // Cook Islands, Fiji, French Polynesia and Kiribati" (territories,
  // observers). At most three capitalised words, a joiner after them.
  auto other_item = [&](size_t k, size_t stop) {
    size_t w = k;
    while (w < stop && w < k + 3 && (tokens[w].capitalised || tokens[w].all_caps)) ++w;
    return w > k && w < stop && joiner(w) ? w : k;
  };
  // Whether token k begins a sentence or a line near the text's start,
  // where the headline and the lead are, after a dateline's dash ("ACCRA -
  // Ghana and ...") or a short opening phrase ("On Wednesday, Japan and
  // ..."; not "In 1994, Israel and Jordan ...").
  constexpr size_t kLeadTokens = 250;
  auto begins_lead_sentence = [&](size_t k) {
    if (k >= kLeadTokens || k >= tokens.size()) return false;
    // (past a Markdown heading's or a list's marks: "# Uzbekistan and ...")
    size_t first = k;
    while (first > 0 && !tokens[first].break_before && tokens[first - 1].kind == TokenKind::kPunct &&
           (tokens[first - 1].is("#") || tokens[first - 1].is("*") || tokens[first - 1].is(">")))
      --first;
    if (first == 0 || tokens[first].break_before) return true;
    const std::string& prev = tokens[k - 1].key;
    if (prev == "." || prev == "!" || prev == "?" || prev == "-" || prev == "—" || prev == "–" || prev == ":")
      return true;
    if (prev != ",") return false;
    constexpr size_t kOpeningWords = 4;
    size_t words = 0;
    for (size_t c = k - 1; c-- > 0;) {
      const Token& t = tokens[c];
      if (t.kind == TokenKind::kNumber || t.is(",")) return false;
      if (t.is_word() && ++words > kOpeningWords) return false;
      if (t.break_before || (c > 0 && (tokens[c - 1].is(".") || tokens[c - 1].is("-") || tokens[c - 1].is("—") ||
                                       tokens[c - 1].is("–"))))
        return true;
    }
    return true;
  };
  // Whether `found(k)` holds for a token k before token `from`, within
  // `reach` tokens and in the same sentence.
  auto said_earlier_in_sentence = [&](size_t from, size_t reach, auto&& found) {
    for (size_t k = from; k-- > 0 && k + reach > from;) {
      if (tokens[k].is(".") || tokens[k].is("!") || tokens[k].is("?")) return false;
      if (found(k)) return true;
    }
    return false;
  };
  for (size_t i = 0; i < countries.size();) {
    size_t j = i;
    while (j + 1 < countries.size()) {
      const size_t next = countries[j + 1].begin;
      size_t k = countries[j].end;
      for (int items = 0; items <= 3; ++items) {
        const size_t from = k;
        while (k < next && joiner(k)) ++k;
        if (k == next || k == from) break;
        const size_t past = other_item(k, next);
        if (past == k) break;
        k = past;
      }
      if (k != next || k == countries[j].end) break;
      ++j;
    }
    const size_t begin = countries[i].begin, end = countries[j].end;
    bool took_part = false;
    size_t before = begin > 0 && tokens[begin - 1].key == "the" ? begin - 1 : begin;
    for (size_t k = before >= 4 ? before - 4 : 0; k < before && !took_part; ++k) {
      auto m = r.participation.match_at(body, tokens, k);
      took_part = m && m->entry == 0 && m->end == before;
    }
    // "attended by Ministers and Heads of Delegation of the following Member
    // States: Benin, ...": the words before the colon, in the same sentence.
    if (!took_part && before > 0 && tokens[before - 1].is(":")) {
      constexpr size_t kMaxLead = 16;
      for (size_t k = before - 1; k-- > 0 && k + kMaxLead >= before && !took_part;) {
        if (tokens[k].is(".") || tokens[k].is(";") || tokens[k].is(":") || (i > 0 && k < countries[i - 1].end)) break;
        auto m = r.participation.match_at(body, tokens, k);
        took_part = m && m->entry == 0;
      }
    }
    size_t after = end;
    // "Iceland, which has no armed forces, was represented by ...": past a
    // relative clause set off by commas.
    if (after + 1 < tokens.size() && tokens[after].is(",") &&
        (tokens[after + 1].is("which") || tokens[after + 1].is("who"))) {
      size_t k = after + 2;
      while (k < tokens.size() && k < after + 16 && !tokens[k].is(",") && !tokens[k].is(".") &&
             !tokens[k].break_before)
        ++k;
      if (k < tokens.size() && tokens[k].is(",")) after = k + 1;
    }
    // "Japan, the United States and the European Union attended as
    // observers": a last item that is no country (at most three capitalised
    // words after "and" or a comma), then the words of taking part.
    if (after == end) {
      size_t k = end;
      bool joined = false;
      for (; k < tokens.size() && k < end + 3 && joiner(k); ++k)
        if (!tokens[k].is("the")) joined = true;
      size_t w = k;
      while (joined && w < tokens.size() && w < k + 3 && (tokens[w].capitalised || tokens[w].all_caps)) ++w;
      if (w > k) {
        // (a comma may close the list: "... Japan and the European Union,
        // also took part")
        const size_t words = w < tokens.size() && tokens[w].is(",") ? w + 1 : w;
        auto m = r.participation.match_at(body, tokens, words);
        if (m && m->entry == 1) after = words;
      }
    }
    const size_t list_end = after;
    // "Ghana and Côte d'Ivoire have agreed", "Uganda, Somalia agree": two
    // countries or more that begin a sentence of the lead or a headline
    // (not "In 1994, Israel and Jordan agreed", "noted that Russia and
    // Belarus have agreed", "Will Russia and Ukraine agree").
    if (!took_part && j > i && list_end < tokens.size() && begins_lead_sentence(before)) {
      auto m = r.participation.match_at(body, tokens, list_end);
      took_part = m && m->entry == kParticipationSubject;
    }
    while (after < tokens.size() && after < list_end + 3 && filler(after)) ++after;
    if (!took_part && after < tokens.size()) {
      auto m = r.participation.match_at(body, tokens, after);
      took_part = m && m->entry == 1;
    }
    // "The Republic of the Sudan was represented by its Undersecretary ...,
    // and the Federal Republic of Somalia by the Permanent Secretary ...":
    // after "and", a comma or ";", a list, then "by", the verb said once
    // before it in the sentence.
    if (!took_part && list_end < tokens.size() && tokens[list_end].is("by") && before > 0 &&
        (tokens[before - 1].is("and") || tokens[before - 1].is(",") || tokens[before - 1].is(";"))) {
      took_part = said_earlier_in_sentence(before, 80, [&](size_t k) {
        return tokens[k].is("represented") && k + 1 < tokens.size() && tokens[k + 1].is("by");
      });
    }
    // "... welcomed the delegations of Laos, led by ...; of Cambodia, led
    // by ...; and of the Russian Federation, led by ...": after ";" (and
    // "and") and "of", the list goes on that a phrase ending in "of"
    // ("delegations of") began before it in the sentence.
    if (!took_part && before >= 2 && tokens[before - 1].is("of")) {
      size_t p = before - 2;
      if (p > 0 && tokens[p].is("and")) --p;
      took_part = tokens[p].is(";") && said_earlier_in_sentence(p, 160, [&](size_t k) {
                    auto m = r.participation.match_at(body, tokens, k);
                    return m && m->entry == 0 && m->end > k && tokens[m->end - 1].is("of");
                  });
    }
    // "Russia was represented by Sergey Lavrov, whom Jaishankar did not
    // meet": the rest of the sentence, up to another country, says the
    // list took no part in the meeting the briefing is about.
    for (size_t k = list_end; took_part && k < tokens.size() && k < list_end + 40; ++k) {
      if (tokens[k].is(".") || tokens[k].is("!") || tokens[k].is("?") ||
          (j + 1 < countries.size() && k >= countries[j + 1].begin))
        break;
      auto m = r.elsewhere.match_at(body, tokens, k);
      took_part = !(m && m->entry == kElsewhereAbsent);
    }
    // (not in a sentence about talks still to come or offered: "Turkey's
    // readiness to host direct talks between the Russian and Ukrainian
    // delegations", data/context-words.tsv's "future")
    if (took_part && future_before(tokens, before, 30, r)) took_part = false;
    if (took_part)
      add_parties(i, j, "taking part", span_text(before, std::min(after + 2, tokens.size())));
    i = j + 1;
  }

  // A minister's country took part, and is mentioned; but not that of a
  // minister named in passing (in_passing).
  const std::vector<bool> passing = in_passing(b, body, tokens, countries, places, r);
  for (size_t i = 0; i < b.ministers.size(); ++i) {
    const Minister& m = b.ministers[i];
    if (m.country.empty()) continue;
    if (passing[i]) {
      b.evidence.push_back({"country", m.country, "a minister named in passing, so no party", m.name});
      add_unique(b.countries, m.country);
      continue;
    }
    if (std::find(b.parties.begin(), b.parties.end(), m.country) == b.parties.end())
      b.evidence.push_back({"party", m.country, "a minister's country", m.name});
    add_unique(b.parties, m.country);
    add_unique(b.countries, m.country);
  }
  officer_party(b, body, tokens, countries, places, r);
  for (const std::string& p : b.parties) add_unique(b.countries, p);
  // A headline that says the meeting was called off ("Løkke's Washington
  // trip postponed", data/context-words.tsv's "called-off"): no one took
  // part; the countries are mentioned.
  if (!b.parties.empty() && headline_calls_off(b.title, r)) {
    for (const std::string& p : b.parties)
      b.evidence.push_back({"country", p, "the headline says the meeting was called off, so no party", b.title});
    b.parties.clear();
  }
  return a;
}

}  // namespace briefing
