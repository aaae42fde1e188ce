#include "gen_document.h"

#include <fmt/format.h>

#include <algorithm>

#include "gen_text.h"

namespace bench {

void Composer::choose(Document& doc) {
  curly_ = rng_.chance(0.3);
  markdown_ = rng_.chance(0.2);
  int64_t day = days_from_civil(2015, 1, 1) + static_cast<int64_t>(rng_.below(4018));
  civil_from_days(day, year_, month_, day_);
  doc.labels = Labels{};
  doc.labels.date = fmt::format("{:04}-{:02}-{:02}", year_, month_, day_);

  choose_ministers();
  choose_mentions();
  for (int c : parties_) doc.labels.countries.push_back(rules_.countries[c].name);
  for (int c : extras_) doc.labels.countries.push_back(rules_.countries[c].name);
  for (const Person& p : people_) {
    doc.labels.ministers.push_back(p.m->name);
    const std::string& c = rules_.countries[p.m->country].name;
    if (std::find(doc.labels.parties.begin(), doc.labels.parties.end(), c) == doc.labels.parties.end())
      doc.labels.parties.push_back(c);
  }
  for (const Organisation* o : orgs_) doc.labels.organisations.push_back(o->name);
}

// One to three parties, each with a minister of the meeting's portfolio
// (when it has one), sometimes a second of another portfolio ("2+2").
void Composer::choose_ministers() {
  double r = rng_.real();
  size_t n_parties = r < 0.25 ? 1 : r < 0.85 ? 2 : 3;
  parties_.clear();
  while (parties_.size() < n_parties) {
    int c = rng_.pick(rules_.party_countries);
    if (std::find(parties_.begin(), parties_.end(), c) == parties_.end()) parties_.push_back(c);
  }
  r = rng_.real();
  const char* focus = r < 0.55 ? "Defense Minister" : r < 0.9 ? "Foreign Minister" : nullptr;
  people_.clear();
  auto add_person = [&](const Minister& m) {
    for (const Person& p : people_)
      if (p.m->name == m.name) return;
    people_.push_back({&m, {}});
  };
  std::vector<const Minister*> pool;
  for (int c : parties_) {
    pool.clear();
    for (int i : rules_.countries[c].ministers)
      if (!focus || rules_.ministers[i].role == focus) pool.push_back(&rules_.ministers[i]);
    if (pool.empty())
      for (int i : rules_.countries[c].ministers) pool.push_back(&rules_.ministers[i]);
    add_person(*rng_.pick(pool));
  }
  for (size_t p = 0, n = people_.size(); p < n; ++p) {
    if (!rng_.chance(0.12)) continue;
    pool.clear();
    for (int i : rules_.countries[people_[p].m->country].ministers)
      if (rules_.ministers[i].role != people_[p].m->role) pool.push_back(&rules_.ministers[i]);
    if (!pool.empty()) add_person(*rng_.pick(pool));
  }
  for (Person& p : people_) {
    const Minister& m = *p.m;
    bool shared = std::count_if(people_.begin(), people_.end(),
                                [&](const Person& q) { return q.m->surname == m.surname; }) > 1;
    if (m.surname.empty() || shared) continue;
    bool us = rules_.countries[m.country].name == "United States";
    if (m.role == "Prime Minister" || m.role == "Deputy Prime Minister") p.later = title_of(m);
    else p.later = us ? "Secretary" : "Minister";
  }
}

// Other countries, organisations and topic trigger phrases to mention.
void Composer::choose_mentions() {
  extras_.clear();
  int n_extra = rng_.between(0, 4);
  for (int tries = 0; static_cast<int>(extras_.size()) < n_extra && tries < 20; ++tries) {
    int c = static_cast<int>(rng_.below(rules_.countries.size()));
    if (std::find(parties_.begin(), parties_.end(), c) == parties_.end() &&
        std::find(extras_.begin(), extras_.end(), c) == extras_.end())
      extras_.push_back(c);
  }
  orgs_.clear();
  double r = rng_.real();
  size_t n_orgs = r < 0.45 ? 0 : r < 0.85 ? 1 : 2;
  for (int tries = 0; orgs_.size() < n_orgs && !rules_.organisations.empty() && tries < 10; ++tries) {
    const Organisation* o = &rng_.pick(rules_.organisations);
    if (std::find(orgs_.begin(), orgs_.end(), o) == orgs_.end()) orgs_.push_back(o);
  }
  triggers_.clear();
  int n_triggers = rng_.between(1, 6);
  for (int tries = 0; static_cast<int>(triggers_.size()) < n_triggers && tries < 30; ++tries) {
    const auto& topic = rules_.triggers[rng_.below(rules_.topics.size())];
    if (!topic.empty()) triggers_.push_back(rng_.pick(rng_.pick(topic)));
  }
}

std::string Composer::make_title() {
  std::vector<std::string> names;
  for (int c : parties_) names.push_back(country(c, false));
  std::string title;
  if (names.size() == 1) {
    static const char* kSingle[] = {"sets out defense priorities", "hosts regional security talks",
                                    "outlines modernization plans", "reviews cooperation with partners"};
    title = names[0] + " " + rng_.pick(kSingle);
  } else {
    static const char* kPair[] = {"agree to deepen defense ties", "reaffirm strategic partnership",
                                  "hold ministerial talks", "discuss regional security",
                                  "sign memorandum on defense exchanges", "review cooperation"};
    title = names[0];
    for (size_t i = 1; i < names.size(); ++i) title += (i + 1 == names.size() ? " and " : ", ") + names[i];
    title += " ";
    title += rng_.pick(kPair);
  }
  capitalise(title);
  return title;
}

// Dateline, then who met whom: every minister's first, titled mention.
std::string Composer::make_lead() {
  std::string place = lex_.place(rng_);
  std::string date = date_text(year_, month_, day_);
  std::string dash = curly_ ? " — " : " - ";
  std::string lead;
  switch (rng_.below(3)) {
    case 0: {
      std::string upper = place;
      for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      lead = upper + ", " + date + dash;
      break;
    }
    case 1: lead = date + dash; break;
    default: lead = place + " (" + date + ")" + dash; break;
  }
  size_t first_letter = lead.size();
  std::string subject = first_mention(*people_[0].m);
  if (people_.size() >= 2) {
    static const char* kVerbs[] = {"met", "held talks with", "received", "hosted", "spoke by telephone with"};
    std::string tail;
    switch (rng_.below(3)) {
      case 0: tail = "in " + place; break;
      case 1: tail = fmt::format("for the first time since {}", year_ - rng_.between(1, 6)); break;
      default: tail = "for talks on "; filler_words(rng_.between(3, 7), tail); break;
    }
    lead += subject + " " + rng_.pick(kVerbs) + " " + first_mention(*people_[1].m) + " " + tail + ".";
    for (size_t i = 2; i < people_.size(); ++i)
      lead += " " + first_mention(*people_[i].m) + " also took part in the talks.";
  } else {
    lead += subject + " addressed senior officials in " + place + " on ";
    filler_words(rng_.between(3, 7), lead);
    lead += ".";
  }
  capitalise(lead, first_letter);
  return lead;
}

// The labelled sentences (topics, other countries, organisations, later
// mentions, a later date), in random order.
void Composer::make_items() {
  items_.clear();
  for (const std::string& t : triggers_) items_.push_back(trigger_sentence(t));
  for (int c : extras_) items_.push_back(country_sentence(c));
  for (const Organisation* o : orgs_) items_.push_back(organisation_sentence(*o));
  for (const Person& p : people_)
    for (int i = rng_.between(0, 2); i > 0; --i) items_.push_back(person_sentence(p));
  if (rng_.chance(0.5)) {
    int64_t later = days_from_civil(year_, month_, day_) + rng_.between(20, 400);
    int y, m, d;
    civil_from_days(later, y, m, d);
    items_.push_back(rng_.chance(0.5) ? "The next round of talks is expected on " + date_text(y, m, d) + "."
                                      : fmt::format("Officials will meet again in {} {}.", kMonths[m - 1], y));
  }
  for (std::string& item : items_) capitalise(item);
  for (size_t i = items_.size(); i > 1; --i) std::swap(items_[i - 1], items_[rng_.below(i)]);
}

// Topics are labelled from the text itself: every trigger phrase counts, as
// in the indexer, including those formed around the inserted phrases. Only
// the non-filler text needs matching (filler words cannot form a phrase,
// and no phrase crosses a sentence end).
void Composer::label_topics(Document& doc, const std::string& title, const std::string& lead) {
  scratch_ = title + "\n" + lead;
  for (const std::string& item : items_) scratch_ += "\n" + item;
  tokenize(scratch_, buffer_, keys_);
  hits_.clear();
  rules_.topic_trie.find_every(keys_, hits_);
  std::vector<bool> found(rules_.topics.size());
  for (const PhraseHit& h : hits_) found[h.target] = true;
  for (size_t t = 0; t < found.size(); ++t)
    if (found[t]) doc.labels.topics.push_back(rules_.topics[t]);
}

// Paragraphs of filler with the labelled sentences spread through them, up
// to the word count; Markdown documents get headings and bullet lists.
void Composer::write_body(Document& doc, size_t words) {
  std::string& out = doc.text;
  size_t target = static_cast<size_t>(rng_.between(250, 900));
  size_t next_item = 0;
  while (words < target || next_item < items_.size()) {
    bool bullets = markdown_ && rng_.chance(0.12);
    if (markdown_ && rng_.chance(0.2)) {
      sentence_ = "## ";
      int n = rng_.between(2, 4);
      filler_words(n, sentence_);
      capitalise(sentence_, 3);
      out += sentence_ + "\n\n";
      words += static_cast<size_t>(n);
    }
    int n = rng_.between(2, 6);
    for (int i = 0; i < n; ++i) {
      size_t left = items_.size() - next_item;
      size_t sentences_left = words < target ? (target - words) / 16 + 1 : 0;
      out += bullets ? "- " : "";
      if (left && (sentences_left <= left || rng_.below(sentences_left) < left)) {
        out += items_[next_item];
        words += count_words(items_[next_item++]);
      } else {
        words += filler_sentence(out);
      }
      out += bullets ? "\n" : (i + 1 < n ? " " : "");
      if (words >= target && next_item == items_.size()) break;
    }
    out += bullets ? "\n" : "\n\n";
  }
  doc.words = words;
}

void Composer::compose(size_t index, Document& doc) {
  uint64_t s = seed_ * 0x9e3779b97f4a7c15ULL + index;
  rng_ = Rng(Rng::splitmix(s));
  doc.text.clear();
  british_ = rng_.chance(0.45);
  choose(doc);

  // Labelled text is written in American spelling, labelled, then spelled
  // as the document's style wants; filler comes in that style directly.
  std::string title = make_title();
  std::string lead = make_lead();
  make_items();
  label_topics(doc, title, lead);
  if (british_) {
    to_british(title);
    to_british(lead);
    for (std::string& item : items_) to_british(item);
  }
  if (markdown_) {
    doc.text += "---\ntitle: " + title + "\ndate: " + doc.labels.date + "\ncountry: ";
    for (size_t i = 0; i < parties_.size(); ++i)
      doc.text += (i ? "; " : "") + rules_.countries[parties_[i]].name;
    doc.text += "\n---\n# " + title + "\n\n";
  } else {
    doc.text += title + "\n\n";
  }
  doc.text += lead;
  size_t words = count_words(title) + count_words(lead);
  if (rng_.chance(0.5)) {
    doc.text += ' ';
    words += filler_sentence(doc.text);
  }
  doc.text += "\n\n";
  write_body(doc, words);

  std::string slug;
  for (int c : parties_) {
    if (!slug.empty()) slug += '-';
    for (char ch : rules_.countries[c].name)
      slug += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : (ch >= 'a' && ch <= 'z') ? ch : '-';
  }
  std::string name = rng_.chance(0.6) ? fmt::format("{}-{}-{:06}", doc.labels.date, slug, index)
                                      : fmt::format("{}-{:06}", slug, index);
  doc.path = fmt::format("{:04}/{}.{}", index / 1000, name, markdown_ ? "md" : "txt");
}

}  // namespace bench
