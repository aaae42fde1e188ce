#include "formats.h"

#include <gumbo.h>
#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <memory>
#include <vector>

#include "dates.h"
#include "file_reader.h"
#include "front_matter.h"
#include "text.h"

namespace briefing {

namespace {

// Elements whose content is not the briefing's text.
bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

// The first date written in `text`, as ISO, when it is one that only a
// known numeric order reads ("12/06/2025"), or (`any`) any full date;
// else "".
std::string first_date_in_order(const std::string& text, NumericOrder order, bool any = false) {
  static const SpellingVariants kNone;
  const std::vector<Token> tokens = tokenize(text, kNone);
  const std::vector<DateMention> ordered = find_dates(text, tokens, order);
  if (ordered.empty()) return "";
  if (any) return ordered.front().date.iso();
  const size_t first = ordered.front().begin;
  const std::vector<DateMention> plain = find_dates(text, tokens);
  const std::vector<DateMention> yearless = find_yearless_dates(tokens);
  if ((!plain.empty() && plain.front().begin <= first) || (!yearless.empty() && yearless.front().begin < first))
    return "";
  return ordered.front().date.iso();
}

const char* attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

// How a page in language `lang` (its <html lang>, "it", "en-GB") writes
// an all-numeric date: month first in American English and the
// Philippines' languages, day first in every other language or English
// of a region; plain "en" (or none) does not tell.
NumericOrder numeric_order(const char* lang) {
  std::string l = lang ? fold_key(trim(lang)) : std::string();
  std::replace(l.begin(), l.end(), '_', '-');
  if (l.empty() || l == "en") return NumericOrder::kUnknown;
  for (const char* month_first : {"en-us", "en-ph", "fil", "tl"})
    if (l == month_first || l.rfind(std::string(month_first) + "-", 0) == 0) return NumericOrder::kMonthFirst;
  return NumericOrder::kDayFirst;
}

// Elements nested deeper than this are read as plain text, without
// recursion: a page of 50,000 nested <div>s must not exhaust the stack.
constexpr int kMaxDepth = 500;

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  return nullptr;
}

// Calls `on_text` for each text node under `node`, in order, with an
// explicit stack; `on_text` returns false to stop.
template <typename F>
void for_each_text(const GumboNode* node, F on_text) {
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      if (!on_text(n->v.text.text)) return;
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) continue;
    }
    if (const GumboVector* c = children_of(n))
      for (unsigned i = c->length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(c->data[i - 1]));
  }
}

// Bytes of text under `node`, counted up to `limit`.
size_t text_bytes(const GumboNode* node, size_t limit) {
  size_t total = 0;
  for_each_text(node, [&](const char* text) {
    total += std::strlen(text);
    return total < limit;
  });
  return total;
}

// Whether an element is page furniture by its ARIA role or its class and
// id: cookie banners, breadcrumbs, share buttons, site navigation, links to
// related stories. By class only when it holds little text: a page's <body>
// or wrapper may carry classes such as "has-cookie-banner" too.
bool furniture(const GumboNode* node) {
  if (const char* role = attr(node, "role")) {
    std::string r = ascii_lower(role);
    if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "search" || r == "complementary")
      return true;
  }
  constexpr size_t kMaxFurnitureBytes = 1500;
  switch (node->v.element.tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_MAIN: case GUMBO_TAG_ARTICLE:
      return false;
    default:
      break;
  }
  for (const char* name : {"class", "id"}) {
    const char* value = attr(node, name);
    if (!value) continue;
    std::string v = ascii_lower(value);
    for (const char* word : {"cookie", "breadcrumb", "share", "social", "newsletter", "skip-link", "skiplink",
                             "related", "read-more", "readmore", "recommended", "most-read", "more-stories",
                             "tags"})
      if (v.find(word) != std::string::npos) return text_bytes(node, kMaxFurnitureBytes) < kMaxFurnitureBytes;
  }
  return false;
}

// The page's content element: <main> (or role="main"), else its only
// <article>; nullptr when it has neither.
const GumboNode* content_root(const GumboNode* node, const GumboNode** article, int* articles, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
  if (depth > kMaxDepth) return nullptr;
  if (node->type == GUMBO_NODE_ELEMENT) {
    GumboTag tag = node->v.element.tag;
    const char* role = attr(node, "role");
    if (tag == GUMBO_TAG_MAIN || (role && ascii_lower(role) == "main")) return node;
    if (tag == GUMBO_TAG_ARTICLE && ++*articles == 1) *article = node;
  }
  const GumboVector* children =
      node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  for (unsigned i = 0; i < children->length; ++i)
    if (const GumboNode* found =
            content_root(static_cast<const GumboNode*>(children->data[i]), article, articles, depth + 1))
      return found;
  return nullptr;
}

// The part of a page's <title> that is its heading, when the rest is the
// site's name after a separator ("Headline | Site", "Site - Headline"):
// the words as <title> writes them, compared with the heading's case and
// accents ignored. Empty when <title> is no such pair.
// What separates a headline from a site's name in a <title>.
constexpr std::string_view kTitleSeparators[] = {" | ",  " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                 " :: ", " \xC2\xBB ", " : "};

bool has_title_separator(const std::string& title) {
  return std::any_of(std::begin(kTitleSeparators), std::end(kTitleSeparators),
                     [&](std::string_view sep) { return title.find(sep) != std::string::npos; });
}

std::string without_site_name(const std::string& title, const std::string& heading) {
  // (A <title> of thousands of separators is no such pair: each one costs a
  // fold of both sides.)
  constexpr size_t kLongestTitle = 1024;
  if (heading.empty() || title.size() > kLongestTitle) return "";
  const std::string want = fold_key(heading);
  for (size_t i = 0; i < title.size(); ++i) {
    for (std::string_view sep : kTitleSeparators) {
      if (title.compare(i, sep.size(), sep) != 0) continue;
      std::string left = title.substr(0, i), right = title.substr(i + sep.size());
      if (left.size() >= right.size() && fold_key(left) == want) return left;
      if (right.size() >= left.size() && fold_key(right) == want) return right;
    }
  }
  return "";
}

// Whether a <title> ends with a site's name after a bar: "Headline |
// Federal Government" (one to four words after the last " | ").
bool site_suffixed(const std::string& title) {
  const size_t bar = title.rfind(" | ");
  if (bar == std::string::npos || bar == 0) return false;
  const std::string_view site = std::string_view(title).substr(bar + 3);
  const size_t words = site.empty() ? 0 : std::count(site.begin(), site.end(), ' ') + 1;
  return words >= 1 && words <= 4 && site.size() >= 2;
}

// The headline of a <title> that puts the site's name and section before
// it: "SDD 2024 | News | Minister KIM Yong-hyun holds bilateral talks ..."
// (each part before the last " | " of one to three words, the last of
// five or more). Empty when <title> is no such thing.
std::string after_site_prefix(const std::string& title) {
  const size_t bar = title.rfind(" | ");
  if (bar == std::string::npos || bar == 0) return "";
  const std::string last = title.substr(bar + 3);
  if (std::count(last.begin(), last.end(), ' ') < 4) return "";
  for (size_t from = 0; from < bar;) {
    size_t next = title.find(" | ", from);
    if (next == std::string::npos || next > bar) next = bar;
    const std::string_view part = std::string_view(title).substr(from, next - from);
    if (part.empty() || std::count(part.begin(), part.end(), ' ') > 2) return "";
    from = next + 3;
  }
  return last;
}

// The words of three letters or more, folded.
std::vector<std::string> long_words(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : fold_key(s) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      word += c;
    } else {
      if (word.size() >= 3) out.push_back(word);
      word.clear();
    }
  }
  return out;
}

// How many words of `heading` (of three letters or more) are in `title` too,
// and how many it has.
std::pair<size_t, size_t> shared_words(const std::string& heading, const std::string& title) {
  const std::vector<std::string> said = long_words(heading), in_title = long_words(title);
  size_t shared = 0;
  for (const std::string& w : said)
    if (std::find(in_title.begin(), in_title.end(), w) != in_title.end()) ++shared;
  return {shared, said.size()};
}

// Whether most words of `heading` are in `title` too.
bool same_story(const std::string& heading, const std::string& title) {
  const auto [shared, all] = shared_words(heading, title);
  return all > 0 && shared * 2 > all;
}

// Whether a third of them are, at least.
bool shares_a_third(const std::string& heading, const std::string& title) {
  const auto [shared, all] = shared_words(heading, title);
  return all > 0 && shared * 3 >= all;
}

struct HtmlText {
  std::string text, title, og_title, first_h1, first_heading, date;
  std::string footer_date;  // marked in the page's <footer>: used when nothing else dates it
  // How the page writes "08/04/2025" (its language's way; set before walk)
  NumericOrder order = NumericOrder::kUnknown;
  // The element the page marks as its headline (schema.org microdata:
  // <h2 itemprop="headline">).
  std::string marked_headline;
  std::string classed_headline;  // a heading whose class says it is the title
  std::vector<std::string> site_lines;  // og:site_name and the description: the site's name at length

  void walk(const GumboNode* node, int depth = 0) {
    auto add_text = [&](const char* c) {
      // Line breaks in the source are spaces; blocks make the lines.
      for (; *c; ++c) text += (*c == '\n' || *c == '\r') ? ' ' : *c;
      return true;
    };
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      add_text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    if (depth > kMaxDepth) {
      text += "\n";
      for_each_text(node, add_text);
      text += "\n";
      return;
    }
    const GumboVector* children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TITLE && title.empty()) title = inner_text(node);
      if (tag == GUMBO_TAG_META) meta(node);
      if (date.empty()) date = marked_date(node);
      if (tag == GUMBO_TAG_H1 && first_h1.empty()) first_h1 = inner_text(node);
      if (marked_headline.empty() && tag != GUMBO_TAG_META)
        if (const char* prop = attr(node, "itemprop"); prop && std::string_view(prop) == "headline")
          marked_headline = inner_text(node);
      // (or by its class: <h2 class="pr-title">, <h1 class="article-headline">)
      // (or a table's cell or a block in a page laid out without headings:
      // <td class="newstitle">, <div class="news-title">)
      if (classed_headline.empty())
        if (const char* cls = attr(node, "class")) {
          const std::string c = ascii_lower(cls);
          const bool heading = tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3;
          bool named = c.find("headline") != std::string::npos;
          if (heading) named = named || c.find("title") != std::string::npos;
          else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_DIV)
            for (const char* k : {"newstitle", "news-title", "news_title", "article-title", "article_title"})
              named = named || c.find(k) != std::string::npos;
          else
            named = false;
          if (named) {
            std::string words = inner_text(node);  // (five words or more: not a section's "Related news")
            if (std::count(words.begin(), words.end(), ' ') >= 4) classed_headline = std::move(words);
          }
        }
      if ((tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) && first_heading.empty())
        first_heading = tag == GUMBO_TAG_H1 ? first_h1 : inner_text(node);
      if (skipped(tag) || furniture(node)) {
        // (a page that dates itself only at its foot: <footer><p
        // class="post-date">Published: 21 July 2025</p>)
        if (tag == GUMBO_TAG_FOOTER && footer_date.empty()) footer_date = date_below(node, depth);
        if (tag == GUMBO_TAG_HEAD)
          for (unsigned i = 0; i < children->length; ++i) head_only(static_cast<const GumboNode*>(children->data[i]));
        return;
      }
      if (block(tag)) text += "\n";
      // A table's cells side by side, as Markdown writes them: "Albania |
      // Igli Hasani | Minister for Europe and Foreign Affairs", no name run
      // into the next cell's words.
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        const size_t last = text.find_last_not_of(' ');
        if (last != std::string::npos && text[last] != '\n') text += " | ";
      }
    }
    for (unsigned i = 0; i < children->length; ++i) {
      walk(static_cast<const GumboNode*>(children->data[i]), depth + 1);
      // Links side by side, nothing but spaces between them, are a list
      // ("<a>Antony Blinken</a> <a>South China Sea</a>"): one a line, so
      // that no name runs on into the next.
      if (is_link(children->data[i]) && is_link(next_but_spaces(children, i + 1))) text += "\n";
    }
    if (node->type == GUMBO_NODE_ELEMENT && block(node->v.element.tag)) text += "\n";
  }

  static bool is_link(const void* n) {
    const auto* node = static_cast<const GumboNode*>(n);
    return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_A;
  }
  // The first child from `i` on that is not whitespace between elements.
  static const GumboNode* next_but_spaces(const GumboVector* children, unsigned i) {
    for (; i < children->length; ++i) {
      const auto* node = static_cast<const GumboNode*>(children->data[i]);
      if (node->type != GUMBO_NODE_WHITESPACE) return node;
    }
    return nullptr;
  }

  // The date an element marks as the page's: <time datetime="...">, or the
  // text of an element whose class names a date, in the byline or over the
  // article: <span class="date">Updated 2024.11.12 18:02</span>. "" if none.
  std::string marked_date(const GumboNode* node) const {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TIME)
      if (const char* dt = attr(node, "datetime")) return dt;
    if (dated_class(attr(node, "class"))) {
      constexpr size_t kMaxDateText = 120;
      std::string words = inner_text(node);
      if (words.size() <= kMaxDateText && parse_date(words, order)) return words;
    }
    return {};
  }
  // The first date marked in `node` or below it.
  std::string date_below(const GumboNode* node, int depth) const {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return {};
    if (std::string d = marked_date(node); !d.empty()) return d;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
      if (std::string d = date_below(static_cast<const GumboNode*>(children.data[i]), depth + 1); !d.empty())
        return d;
    return {};
  }

  // A class that names an article's date ("date", "news-date",
  // "post-date published"), not today's on a site's top bar.
  static bool dated_class(const char* cls) {
    if (!cls) return false;
    static const char* kNames[] = {"date", "news-date", "post-date", "article-date", "entry-date", "published",
                                   "pubdate", "date-published", "publish-date", "story-date", "timestamp"};
    std::string_view all(cls);
    for (size_t at = 0; at < all.size();) {
      size_t end = all.find(' ', at);
      if (end == std::string_view::npos) end = all.size();
      const std::string_view word = all.substr(at, end - at);
      for (const char* name : kNames)
        if (word == name) return true;
      at = end + 1;
    }
    return false;
  }

  // <title> and <meta> in the head, nothing else.
  void head_only(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    if (node->v.element.tag == GUMBO_TAG_TITLE && title.empty()) title = inner_text(node);
    if (node->v.element.tag == GUMBO_TAG_META) meta(node);
  }

  void meta(const GumboNode* node) {
    const char* name = attr(node, "property");
    if (!name) name = attr(node, "name");
    if (!name) name = attr(node, "itemprop");
    const char* content = attr(node, "content");
    if (!name || !content) return;
    std::string n = ascii_lower(name);
    if (n == "og:title" && og_title.empty()) og_title = content;
    if (n == "og:site_name" || n == "description") site_lines.push_back(content);
    if (!date.empty()) return;
    if (n == "article:published_time" || n == "date" || n == "dc.date" || n == "dc.date.issued" ||
        n == "dcterms.date" || n == "dcterms.created" || n == "datepublished" || n == "pubdate" ||
        n == "publish-date" || n == "og:published_time")
      date = content;
  }

  // The plain text of a heading or title: no recursion, so a heading
  // inside a heading inside a heading costs no more than one.
  static std::string inner_text(const GumboNode* node) {
    std::string out;
    for_each_text(node, [&](const char* c) {
      for (; *c; ++c) out += (*c == '\n' || *c == '\r') ? ' ' : *c;
      return true;
    });
    return out;
  }
};

// One line, single spaces.
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Lines trimmed, runs of blank lines made one.
std::string tidy_lines(const std::string& s) {
  std::string out;
  size_t start = 0;
  bool blank = false;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string line = squeeze(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (line.empty()) {
      blank = !out.empty();
    } else {
      if (blank) out += "\n";
      out += line + "\n";
      blank = false;
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// PDF text breaks lines where the page does: lines of one paragraph are
// joined ("North\nKorea" is "North Korea"); blank lines stay.
std::string reflow(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') continue;
    if (s[i] == '\n') {
      size_t j = i + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j < s.size() && s[j] == '\n') {  // a paragraph break
        out += "\n\n";
        while (j < s.size() && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
        i = j - 1;
        continue;
      }
      out += ' ';
      continue;
    }
    out += s[i];
  }
  return out;
}

// "2024-09-12T10:00:00+09:00" and other forms -> "2024-09-12", or "".
// `order`: how the page writes "08/04/2025".
std::string iso_date(const std::string& s, NumericOrder order = NumericOrder::kUnknown) {
  if (s.size() >= 10)
    if (auto span = parse_date_span(s.substr(0, 10)); span && span->first == span->last)
      return span->first.substr(0, 4) + "-" + span->first.substr(4, 2) + "-" + span->first.substr(6, 2);
  if (auto d = parse_date(s, order)) return d->iso();
  return {};
}

// A title that no heading of the page confirms (a <title> or a PDF's
// metadata) is written as `page-title`: the extractor takes it unless it
// is only a site's or a ministry's name, and a headline is at the top of
// the text ("Ministry of Foreign Affairs of Denmark" over <h1>...</h1>).
enum class TitleFrom { kHeading, kPage };

// `heading`: with a `page-title`, the page's first <h1>, as `page-heading`:
// the title when the page's own is only a site's name ("Embassy of Japan in
// Viet Nam" over <h1>Japan-Viet Nam Foreign Ministers' Meeting</h1>).
std::string with_front_matter(const std::string& title, const std::string& date, const std::string& body,
                              const std::string& source = "", TitleFrom from = TitleFrom::kHeading,
                              const std::string& heading = "") {
  std::string out = "---\n";
  // Quoted, so that any title reads back as written ("[Update] ...").
  // (A page's heading of megabytes is no title of that size: cut, as the
  // extractor cuts a first line.)
  constexpr size_t kMaxTitleBytes = 1024;
  auto cut = [&](const std::string& s) {
    std::string t = squeeze(s);
    return t.size() > kMaxTitleBytes ? std::string(truncate_utf8(t, kMaxTitleBytes)) + "…" : t;
  };
  const std::string shown = cut(title);
  if (!shown.empty())
    out += std::string(from == TitleFrom::kHeading ? "title: " : "page-title: ") + quote_front_matter_value(shown) +
           "\n";
  if (from == TitleFrom::kPage && !heading.empty() && squeeze(heading) != shown)
    out += "page-heading: " + quote_front_matter_value(cut(heading)) + "\n";
  if (!date.empty()) out += "date: " + date + "\n";
  if (!source.empty()) out += "source: " + quote_front_matter_value(squeeze(source)) + "\n";
  return out + "---\n" + body;
}

// What <title> holds besides its heading part: the site's name ("Ministry
// of Foreign Affairs - Kingdom of Bahrain" after "Headline | ").
std::string site_name(const std::string& title, const std::string& heading) {
  std::string rest;
  if (title.compare(0, heading.size(), heading) == 0) rest = title.substr(heading.size());
  else if (title.size() >= heading.size() && title.compare(title.size() - heading.size(), heading.size(), heading) == 0)
    rest = title.substr(0, title.size() - heading.size());
  else if (size_t at = title.find(heading); at != std::string::npos)
    rest = title.substr(at + heading.size());  // "No: 34, 11 February 2025, Headline / Ministry"
  // The separators between, whole characters only (UTF-8 stays whole).
  static constexpr std::string_view kSeparators[] = {" ", "|", "-", ":", "/", "\xC2\xBB", "\xE2\x80\x93",
                                                     "\xE2\x80\x94"};
  std::string_view cut(rest);
  for (bool more = true; more && !cut.empty();) {
    more = false;
    for (std::string_view sep : kSeparators) {
      if (cut.substr(0, sep.size()) == sep) cut.remove_prefix(sep.size()), more = true;
      if (cut.size() >= sep.size() && cut.substr(cut.size() - sep.size()) == sep) cut.remove_suffix(sep.size()), more = true;
    }
  }
  return std::string(cut);
}

}  // namespace

// Parse errors are not used, and gumbo copies the stack of open elements
// into each: 10,000 unclosed <b> tags took 800 MB. A few are kept.
const GumboOptions& parse_options() {
  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 16;
    return o;
  }();
  return options;
}

std::optional<std::string> html_to_briefing(std::string_view html, std::string* error) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&parse_options(), html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&parse_options(), o); });
  if (!out) {
    *error = "HTML that cannot be parsed";
    return std::nullopt;
  }
  HtmlText t;
  // (the page's marked date in the order of its language: "08/04/2025" on
  // a page in Italian is 8 April)
  if (const GumboNode* html_element = out->root; html_element && html_element->type == GUMBO_NODE_ELEMENT)
    t.order = numeric_order(attr(html_element, "lang"));
  t.walk(out->document);
  std::string body = tidy_lines(t.text);
  if (trim(body).empty()) {
    *error = "HTML page with no text";
    return std::nullopt;
  }
  // The text of the content element alone, without the site's header,
  // banners and sidebars, unless that leaves almost nothing.
  const GumboNode* article = nullptr;
  int articles = 0;
  const GumboNode* root = content_root(out->document, &article, &articles);
  if (!root && articles == 1) root = article;
  std::string content_h1;  // the content element's first <h1>: the article's, not a masthead's
  // (the article's, when there is one: not a card's)
  std::string marked_headline = t.marked_headline.empty() ? t.classed_headline : t.marked_headline;
  if (root) {
    HtmlText content;
    content.walk(root);
    content_h1 = squeeze(content.first_h1);
    marked_headline = content.marked_headline.empty() ? content.classed_headline : content.marked_headline;
    std::string main_body = tidy_lines(content.text);
    constexpr size_t kMinContentBytes = 200;
    if (main_body.size() >= kMinContentBytes || main_body.size() * 2 >= body.size()) body = std::move(main_body);
  }
  // Title: <title> without the site's name when the rest is the page's
  // first heading, in any case ("SIS - Headline" over <h2>Headline</h2>,
  // "Headline | Ministry" over <h1>HEADLINE</h1>); the page's first <h1>
  // when <title> holds it and more, or tells the same story around it in
  // other words (an <h1> of five words or more); else og:title, else
  // <title>, else the first heading.
  std::string title = squeeze(t.title), h1 = squeeze(t.first_h1), site;
  TitleFrom from = TitleFrom::kHeading;
  std::string cut = without_site_name(title, h1);
  if (cut.empty()) cut = without_site_name(title, squeeze(t.first_heading));
  if (!cut.empty()) {
    site = site_name(title, cut);
    title = std::move(cut);
  } else if (!h1.empty() && title.find(h1) != std::string::npos && h1.size() * 5 >= title.size() * 2) {
    site = site_name(title, h1);
    title = h1;
  } else if (const std::string heading = squeeze(t.first_heading);
             heading.size() >= 20 && title.find(heading) != std::string::npos && heading.size() * 5 >= title.size() * 2) {
    // (Its first <h2> with a number and a date before it and the site after:
    // "No: 34, 11 February 2025, Press Release Regarding ... / Republic of
    // Türkiye Ministry of Foreign Affairs".)
    site = site_name(title, heading);
    title = heading;
  }
  else if (std::count(h1.begin(), h1.end(), ' ') >= 4 &&
           (same_story(h1, title) ||
            (title.rfind(" | ") != std::string::npos && shares_a_third(h1, title.substr(0, title.rfind(" | "))))))
    // The page's own headline, when <title> tells the same story in other
    // words, or in part before a site's name ("Courtesy Call on the Cabinet
    // Secretary for Defence | Embassy of Japan in Kenya" over <h1>Courtesy
    // Call by Ambassador ... on Hon. ..., Cabinet Secretary for Defence</h1>;
    // "... on surprise visit to Kyiv | CNN Politics" over <h1>...
    // during surprise Kyiv visit</h1>); not a banner ("Welcome to the
    // official website of the Ministry").
    title = h1, from = TitleFrom::kHeading;
  else if (const std::string marked = squeeze(marked_headline);
           std::count(marked.begin(), marked.end(), ' ') >= 2 && has_title_separator(title))
    // The headline the page marks as such (itemprop="headline") over a
    // <title> that is the site's name ("MINREX - Ministry of External
    // Relations").
    title = marked, from = TitleFrom::kHeading;
  else if (std::count(content_h1.begin(), content_h1.end(), ' ') >= 4 && site_suffixed(title))
    // A headline of its own in the article over "Other words | Site": the
    // page's headline ("Chancellor receives Ukrainian Prime Minister |
    // Federal Government" over <h1>Chancellor Merz: "Germany will stay at
    // Ukraine's side ..."</h1>); not a masthead's <h1> outside it.
    title = content_h1, from = TitleFrom::kHeading;
  else if (const std::string headline = after_site_prefix(title); !headline.empty())
    title = headline, from = TitleFrom::kPage;
  else if (!t.og_title.empty())
    title = squeeze(t.og_title), from = TitleFrom::kPage;
  else if (!title.empty() && std::count(title.begin(), title.end(), ' ') <= 1 &&
           std::count(h1.begin(), h1.end(), ' ') >= 4)
    // A <title> of one or two words is the site's name ("Shabait", "Fiji
    // Sun"), no headline: the page's <h1> of five words or more is.
    title = h1, from = TitleFrom::kHeading;
  else
    from = TitleFrom::kPage;
  if (title.empty()) title = squeeze(t.first_heading), from = TitleFrom::kHeading;
  // The site's name at length, when the page's metadata has it: "Ministry
  // of Foreign Affairs and International Cooperation - Republic of Zambia"
  // (its country gives the ministry's ministers theirs).
  constexpr size_t kMaxSiteName = 150;
  if (!site.empty())
    for (const std::string& line : t.site_lines) {
      const std::string longer = squeeze(line);
      if (longer.size() > site.size() && longer.size() <= kMaxSiteName && longer.compare(0, site.size(), site) == 0) {
        site = longer;
        break;
      }
    }
  // The text's other dates tell the order of an all-numeric one better
  // than the page's language: a site in Spanish marked "en-US" writes
  // "09/04/2025" above "Wednesday, April 9".
  static const SpellingVariants kNone;
  const std::string dated = t.date + "\n" + t.footer_date + "\n" + body;
  if (const NumericOrder told = order_by_other_dates(dated, tokenize(dated, kNone)); told != NumericOrder::kUnknown)
    t.order = told;
  // A date at the page's foot stands in only when neither the page nor its
  // text dates it otherwise: a date written in the text is the meeting's.
  std::string date = iso_date(t.date, t.order);
  if (date.empty() && !t.footer_date.empty() && !parse_date(body)) date = iso_date(t.footer_date, t.order);
  // An all-numeric date that only the page's language reads ("Publication
  // date: 12/06/2025" on a page in es-UY), written before any other date.
  if (date.empty() && t.order != NumericOrder::kUnknown) date = first_date_in_order(body, t.order);
  // A full date in the headline is the day the page is about, over the day
  // it was published: "Prime Minister's agenda for Tuesday, 14 October
  // 2025" marked "Published: 13.10.2025".
  if (std::string in_title = first_date_in_order(title, t.order, /*any=*/true); !in_title.empty())
    date = std::move(in_title);
  // (a page without an <h1>: the headline it marks as such is its heading)
  return with_front_matter(title, date, body, site, from,
                           h1.empty() ? squeeze(marked_headline) : h1);
}

std::optional<std::string> pdf_to_briefing(const std::string& bytes, std::string* error) {
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);  // no noise on stderr
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    *error = "PDF that cannot be read";
    return std::nullopt;
  }
  if (doc->is_locked()) {
    *error = "PDF locked with a password";
    return std::nullopt;
  }
  std::string body;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    body.append(utf8.begin(), utf8.end());
    body += "\n\n";
  }
  body = tidy_lines(reflow(body));
  if (trim(body).empty()) {
    *error = "PDF with no text (scanned images?)";
    return std::nullopt;
  }
  poppler::byte_array title_utf8 = doc->get_title().to_utf8();
  std::string title(title_utf8.begin(), title_utf8.end());
  std::string date;
  if (time_t created = doc->get_creation_date_t(); created > 0) {
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&created));
    date = buf;
  }
  // A date written in the text is the meeting's; the file's creation date
  // only stands in when the text has none.
  if (parse_date(body)) date.clear();
  return with_front_matter(title, date, body, "", TitleFrom::kPage);
}

namespace {

// The briefing in a file's bytes (UTF-16 already read as UTF-8), by format.
std::optional<FileContent> briefing_from_bytes(std::string bytes, const std::filesystem::path& path,
                                               std::string* error) {
  switch (sniff_format(std::string_view(bytes).substr(0, 512), path)) {
    case Format::kText:
      return check_briefing_text(std::move(bytes), error);
    case Format::kPdf: {
      auto text = pdf_to_briefing(bytes, error);
      if (!text) return std::nullopt;
      auto content = check_briefing_text(std::move(*text), error);
      if (content) content->format = Format::kPdf;
      return content;
    }
    case Format::kHtml: {
      std::vector<std::string> warnings;
      // (A page in the charset it declares is no invalid UTF-8: "<meta
      // charset="koi8-r">" over Russian in KOI8-R.)
      if (auto utf8 = from_declared_charset(bytes, &warnings)) bytes = std::move(*utf8);
      else bytes = to_valid_utf8(std::move(bytes), &warnings);
      auto text = html_to_briefing(bytes, error);
      if (!text) return std::nullopt;
      auto content = check_briefing_text(std::move(*text), error);
      if (content) {
        content->warnings.insert(content->warnings.begin(), warnings.begin(), warnings.end());
        content->format = Format::kHtml;
      }
      return content;
    }
    case Format::kUnknown:
      break;
  }
  *error = "unknown format (not text, Markdown, HTML or PDF)";
  return std::nullopt;
}

}  // namespace

std::optional<FileContent> read_briefing_file(const std::filesystem::path& path, uint64_t max_bytes,
                                              std::string* error, bool* unreadable) {
  auto read = read_file_bytes(path, max_bytes, error, unreadable);
  if (!read) return std::nullopt;
  size_t replaced = 0;
  std::string bytes = from_utf16(std::move(*read), &replaced);
  auto content = briefing_from_bytes(std::move(bytes), path, error);
  if (content && replaced > 0)
    content->warnings.push_back(fmt::format("invalid UTF-16: {} character(s) read as U+FFFD", replaced));
  return content;
}

}  // namespace briefing
