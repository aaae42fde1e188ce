#include "match_list.h"

#include <algorithm>
#include <vector>

namespace briefing {
namespace {

// An OR of more parts than this is left to Xapian (a wildcard expanded to
// thousands of terms is merged better by its matcher's heap).
constexpr size_t kMostParts = 64;

using Part = std::unique_ptr<MatchList>;

// One term's posting list ("" for every document).
class TermList : public MatchList {
 public:
  TermList(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)), end_(db.postlist_end(term)),
        most_(term.empty() ? db.get_doccount() : db.get_termfreq(term)) {}
  Xapian::docid skip_to(Xapian::docid did) override {
    if (it_ == end_) return 0;
    Xapian::docid at = *it_;
    if (at >= did) return at;
    if (did == at + 1) ++it_;
    else it_.skip_to(did);
    return it_ == end_ ? 0 : *it_;
  }
  Xapian::doccount most() const override { return most_; }

 private:
  Xapian::PostingIterator it_, end_;
  Xapian::doccount most_;
};

class NoList : public MatchList {
 public:
  Xapian::docid skip_to(Xapian::docid) override { return 0; }
  Xapian::doccount most() const override { return 0; }
};

// Every part: each moved to the largest docid any of them is at, rarest
// first, until they agree.
class AndList : public MatchList {
 public:
  explicit AndList(std::vector<Part> parts) : parts_(std::move(parts)) {
    std::sort(parts_.begin(), parts_.end(), [](const Part& a, const Part& b) { return a->most() < b->most(); });
  }
  Xapian::docid skip_to(Xapian::docid did) override {
    for (size_t i = 0; i < parts_.size();) {
      const Xapian::docid at = parts_[i]->skip_to(did);
      if (at == 0) return 0;
      if (at != did) {
        did = at;
        i = i == 0 ? 1 : 0;  // the others must reach it too
        continue;
      }
      ++i;
    }
    return did;
  }
  Xapian::doccount most() const override { return parts_.front()->most(); }

 private:
  std::vector<Part> parts_;
};

// Any part: the smallest docid one of them is at.
class OrList : public MatchList {
 public:
  explicit OrList(std::vector<Part> parts) : parts_(std::move(parts)), at_(parts_.size(), 0) {}
  Xapian::docid skip_to(Xapian::docid did) override {
    Xapian::docid least = 0;
    for (size_t i = 0; i < parts_.size();) {
      if (at_[i] < did) at_[i] = parts_[i]->skip_to(did);
      if (at_[i] == 0) {  // at its end: dropped
        parts_.erase(parts_.begin() + i);
        at_.erase(at_.begin() + i);
        continue;
      }
      if (least == 0 || at_[i] < least) least = at_[i];
      ++i;
    }
    return least;
  }
  Xapian::doccount most() const override {
    Xapian::doccount n = 0;
    for (const Part& p : parts_) n += p->most();
    return n;
  }

 private:
  std::vector<Part> parts_;
  std::vector<Xapian::docid> at_;  // where each part is; 0 before the first move
};

// The first part's matches that the second has not.
class AndNotList : public MatchList {
 public:
  AndNotList(Part in, Part out) : in_(std::move(in)), out_(std::move(out)) {}
  Xapian::docid skip_to(Xapian::docid did) override {
    while (true) {
      const Xapian::docid at = in_->skip_to(did);
      if (at == 0) return 0;
      if (!out_done_ && out_at_ < at) out_done_ = (out_at_ = out_->skip_to(at)) == 0;
      if (out_done_ || out_at_ != at) return at;
      did = at + 1;
    }
  }
  Xapian::doccount most() const override { return in_->most(); }

 private:
  Part in_, out_;
  Xapian::docid out_at_ = 0;  // where `out_` is; 0 before its first move
  bool out_done_ = false;     // `out_` is at its end
};

Part build(const Xapian::Database& db, const Xapian::Query& q) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      auto t = q.get_terms_begin();
      if (t == q.get_terms_end()) return nullptr;
      return std::make_unique<TermList>(db, *t);
    }
    case Xapian::Query::LEAF_MATCH_ALL:
      return std::make_unique<TermList>(db, std::string());
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return std::make_unique<NoList>();
    case Xapian::Query::OP_SCALE_WEIGHT:
      return q.get_num_subqueries() == 1 ? build(db, q.get_subquery(0)) : nullptr;
    case Xapian::Query::OP_AND_MAYBE:  // matches what its first part matches
      return q.get_num_subqueries() >= 1 ? build(db, q.get_subquery(0)) : nullptr;
    case Xapian::Query::OP_AND_NOT: {
      // The first part's matches without any of the others'.
      const size_t n = q.get_num_subqueries();
      if (n == 0) return nullptr;
      Part in = build(db, q.get_subquery(0));
      if (!in || n == 1) return in;
      std::vector<Part> outs;
      for (size_t i = 1; i < n; ++i) {
        Part p = build(db, q.get_subquery(i));
        if (!p) return nullptr;
        outs.push_back(std::move(p));
      }
      Part out = outs.size() == 1 ? std::move(outs.front()) : std::make_unique<OrList>(std::move(outs));
      return std::make_unique<AndNotList>(std::move(in), std::move(out));
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      const size_t n = q.get_num_subqueries();
      if (n == 0 || n > kMostParts) return nullptr;
      std::vector<Part> parts;
      for (size_t i = 0; i < n; ++i) {
        Part p = build(db, q.get_subquery(i));
        if (!p) return nullptr;
        parts.push_back(std::move(p));
      }
      if (parts.size() == 1) return std::move(parts.front());
      const auto op = q.get_type();
      if (op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER)
        return std::make_unique<AndList>(std::move(parts));
      return std::make_unique<OrList>(std::move(parts));
    }
    default:
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<MatchList> match_list(const Xapian::Database& db, const Xapian::Query& query) {
  if (db.size() != 1) return nullptr;
  if (query.empty()) return std::make_unique<NoList>();
  return build(db, query);
}

}  // namespace briefing
