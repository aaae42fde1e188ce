#pragma once
// Writes one synthetic briefing: title, dateline with the date, ministers
// introduced with their titles and later by surname, topic trigger phrases,
// other countries and organisations, and filler sentences up to a word
// count; .md documents get front matter. Returns the labels it inserted.
#include <cstdint>
#include <string>
#include <vector>

#include "gen_lexicon.h"
#include "gen_random.h"
#include "gen_rules.h"

namespace bench {

struct Labels {
  std::string date;  // YYYY-MM-DD
  std::vector<std::string> countries, parties, ministers, topics, organisations;
};

struct Document {
  std::string path;  // relative to the corpus folder
  std::string text;
  Labels labels;
  size_t words = 0;
};

class Composer {
 public:
  Composer(const Rules& rules, const Lexicon& lexicon, uint64_t seed)
      : rules_(rules), lex_(lexicon), seed_(seed) {}
  // Document number `index`; depends only on the seed and the index.
  void compose(size_t index, Document& doc);

 private:
  struct Person {
    const Minister* m;
    std::string later;  // title for later mentions ("Minister"), empty: full name
  };
  // Text builders (American spelling; made British at the end if chosen).
  void filler_words(int n, std::string& out);
  size_t filler_sentence(std::string& out);  // returns its word count
  std::string country(int c, bool possessive);
  std::string first_mention(const Minister& m);
  std::string later_mention(const Person& p);
  std::string title_of(const Minister& m);
  std::string date_text(int y, int m, int d);
  std::string trigger_sentence(const std::string& trigger);
  std::string country_sentence(int c);
  std::string organisation_sentence(const Organisation& o);
  std::string person_sentence(const Person& p);
  void choose(Document& doc);  // what to mention, and its labels
  void choose_ministers();
  void choose_mentions();
  std::string make_title();
  std::string make_lead();
  void make_items();
  void label_topics(Document& doc, const std::string& title, const std::string& lead);
  void write_body(Document& doc, size_t words);
  void to_british(std::string& text);

  const Rules& rules_;
  const Lexicon& lex_;
  uint64_t seed_;
  Rng rng_{0};
  bool curly_ = false, markdown_ = false, british_ = false;
  int year_ = 0, month_ = 0, day_ = 0;
  std::vector<int> parties_, extras_;
  std::vector<Person> people_;
  std::vector<const Organisation*> orgs_;
  std::vector<std::string> triggers_;
  std::vector<std::string> items_;
  // Reused buffers.
  std::string scratch_, buffer_, sentence_;
  std::vector<std::string_view> keys_;
  std::vector<PhraseHit> hits_;
};

}  // namespace bench
