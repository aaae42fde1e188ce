// MatchList against Xapian's matcher: the same documents, in docid order,
// for queries of every kind it reads, built at random over a database whose
// terms have very different frequencies; the kinds it does not read give
// no list.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <random>
#include <vector>

#include "match_list.h"

using namespace briefing;

namespace {

// Documents 1..n; term "mK" in every document whose number K divides, "r"
// in a random fifth, "none" nowhere.
Xapian::WritableDatabase make_database(Xapian::doccount n) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::mt19937 random(7);
  for (Xapian::doccount d = 1; d <= n; ++d) {
    Xapian::Document doc;
    for (unsigned k : {1u, 2u, 3u, 5u, 7u, 64u, 1000u})
      if (d % k == 0) doc.add_term("m" + std::to_string(k));
    if (random() % 5 == 0) doc.add_term("r");
    db.add_document(doc);
  }
  // Gaps in the docids: documents deleted.
  for (Xapian::docid d = 11; d <= n; d += 97) db.delete_document(d);
  db.commit();
  return db;
}

std::vector<Xapian::docid> by_matcher(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> ids;
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  return ids;
}

std::vector<Xapian::docid> by_list(MatchList& list, Xapian::docid first = 1, Xapian::docid last = 0) {
  std::vector<Xapian::docid> ids;
  for (Xapian::docid d = list.skip_to(first); d != 0 && (last == 0 || d <= last); d = list.skip_to(d + 1))
    ids.push_back(d);
  return ids;
}

Xapian::Query random_query(std::mt19937& random, int depth) {
  static const std::vector<std::string> terms{"m1", "m2", "m3", "m5", "m7", "m64", "m1000", "r", "none"};
  const unsigned pick = random() % 12;
  if (depth == 0 || pick < 4) {
    if (pick == 0 && depth > 0) return Xapian::Query::MatchAll;
    return Xapian::Query(terms[random() % terms.size()]);
  }
  static const Xapian::Query::op ops[] = {Xapian::Query::OP_AND,     Xapian::Query::OP_OR,
                                          Xapian::Query::OP_AND_NOT, Xapian::Query::OP_FILTER,
                                          Xapian::Query::OP_SYNONYM, Xapian::Query::OP_AND_MAYBE,
                                          Xapian::Query::OP_MAX};
  const Xapian::Query::op op = ops[random() % 7];
  std::vector<Xapian::Query> parts;
  for (unsigned i = 0, n = 2 + random() % 3; i < n; ++i) parts.push_back(random_query(random, depth - 1));
  Xapian::Query q(op, parts.begin(), parts.end());
  return random() % 6 == 0 ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 2.5) : q;
}

}  // namespace

TEST_CASE("a match list reads the documents Xapian's matcher matches", "[match_list]") {
  const Xapian::WritableDatabase db = make_database(3000);
  std::mt19937 random(42);
  for (int i = 0; i < 400; ++i) {
    const Xapian::Query q = random_query(random, 1 + i % 4);
    INFO(q.get_description());
    std::unique_ptr<MatchList> list = match_list(db, q);
    REQUIRE(list);
    const std::vector<Xapian::docid> expected = by_matcher(db, q);
    CHECK(by_list(*list) == expected);
    // Read in two parts, as the counting threads read it.
    std::unique_ptr<MatchList> low = match_list(db, q), high = match_list(db, q);
    std::vector<Xapian::docid> joined = by_list(*low, 1, 1500);
    for (Xapian::docid d : by_list(*high, 1501)) joined.push_back(d);
    CHECK(joined == expected);
  }
}

TEST_CASE("a match list is only made for queries it reads exactly", "[match_list]") {
  const Xapian::WritableDatabase db = make_database(100);
  const Xapian::Query m2("m2"), m3("m3");
  CHECK_FALSE(match_list(db, Xapian::Query(Xapian::Query::OP_PHRASE, m2, m3)));
  CHECK_FALSE(match_list(db, Xapian::Query(Xapian::Query::OP_NEAR, m2, m3)));
  CHECK_FALSE(match_list(db, Xapian::Query(Xapian::Query::OP_XOR, m2, m3)));
  CHECK_FALSE(match_list(db, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, "a", "b")));
  CHECK_FALSE(match_list(db, Xapian::Query(Xapian::Query::OP_WILDCARD, "m")));
  // Inside an AND too.
  CHECK_FALSE(match_list(db, Xapian::Query(Xapian::Query::OP_AND, m2, Xapian::Query(Xapian::Query::OP_PHRASE, m2, m3))));
  // Nothing matched: an empty list, not none.
  std::unique_ptr<MatchList> empty = match_list(db, Xapian::Query());
  REQUIRE(empty);
  CHECK(empty->skip_to(1) == 0);
  // Two databases searched as one: Xapian interleaves their docids.
  Xapian::Database two(db);
  two.add_database(db);
  CHECK_FALSE(match_list(two, m2));
}
