// ref_search: the plainest Xapian query loop, as a yardstick for the
// searcher. One process, the database opened once; per query: QueryParser
// (English stemmer, default operator AND), get_mset(0, 10). With
// --facet-slot N, one ValueCountMatchSpy on slot N and check_at_least =
// document count, so every match is counted (exact facet counts).
//
//   ref_search --db DIR --queries FILE [--facet-slot N] [--verbose]
//
// FILE holds one query per line (blank lines and lines starting with '#'
// are skipped), the same format as `searcher --batch`.
#include <xapian.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>

namespace po = boost::program_options;

namespace {

int run(int argc, char** argv) {
  std::vector<std::string> dbs;
  std::string queries_file;
  int facet_slot = -1;
  unsigned limit = 10;
  bool verbose = false;
  po::options_description opts("Usage: ref_search --db DIR --queries FILE [--facet-slot N]\n\nOptions");
  opts.add_options()
      ("help,h", "show this help")
      ("db", po::value(&dbs)->composing()->value_name("DIR"), "database (repeat for several)")
      ("queries", po::value(&queries_file)->value_name("FILE"), "one query per line")
      ("facet-slot", po::value(&facet_slot)->value_name("N"), "count the values of slot N over all matches")
      ("limit", po::value(&limit)->value_name("N")->default_value(10), "results fetched per query")
      ("verbose,v", po::bool_switch(&verbose), "one line per query: ms, matches, facet values, query");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, opts), vm);
  po::notify(vm);
  if (vm.count("help") || dbs.empty() || queries_file.empty()) {
    std::cout << opts;
    return vm.count("help") ? 0 : 2;
  }
  std::ifstream in(queries_file);
  if (!in) throw std::runtime_error("cannot read " + queries_file);
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') queries.push_back(line);

  auto open_start = std::chrono::steady_clock::now();
  Xapian::Database db;
  for (const std::string& path : dbs) db.add_database(Xapian::Database(path));
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.set_database(db);
  Xapian::Enquire enquire(db);
  Xapian::doccount doccount = db.get_doccount();
  double open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - open_start).count();

  std::vector<double> ms;
  uint64_t matches = 0, errors = 0, facet_values = 0;
  for (const std::string& q : queries) {
    auto start = std::chrono::steady_clock::now();
    Xapian::doccount found = 0;
    size_t values = 0;
    try {
      enquire.set_query(qp.parse_query(q));
      std::optional<Xapian::ValueCountMatchSpy> spy;
      if (facet_slot >= 0) {
        spy.emplace(static_cast<Xapian::valueno>(facet_slot));
        enquire.add_matchspy(&*spy);
      }
      Xapian::MSet mset = enquire.get_mset(0, limit, spy ? doccount : 0);
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
      found = mset.get_matches_estimated();  // exact when every match was checked
      if (spy)
        for (Xapian::TermIterator v = spy->values_begin(); v != spy->values_end(); ++v) ++values;
      enquire.clear_matchspies();
    } catch (const Xapian::QueryParserError& e) {
      ++errors;
      if (verbose) std::cerr << "ref_search: " << q << ": " << e.get_description() << "\n";
    }
    double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ms.push_back(elapsed);
    matches += found;
    facet_values += values;
    if (verbose) std::cout << fmt::format("{:.3f}\t{}\t{}\t{}\n", elapsed, found, values, q);
  }
  if (ms.empty()) throw std::runtime_error(queries_file + ": no queries");
  double total = 0;
  for (double m : ms) total += m;
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  double median = sorted.size() % 2 ? sorted[sorted.size() / 2]
                                    : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
  std::cout << fmt::format(
      "ref_search: {} queries over {} documents{}: total {:.1f} ms, mean {:.3f} ms, median {:.3f} ms, "
      "max {:.3f} ms; open {:.1f} ms; {} matches{}, {} parse errors\n",
      ms.size(), doccount, facet_slot >= 0 ? fmt::format(" with facet slot {}", facet_slot) : "", total,
      total / ms.size(), median, sorted.back(), open_ms, matches,
      facet_slot >= 0 ? fmt::format(" (exact), {} facet values", facet_values) : " (estimated)", errors);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << "ref_search: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "ref_search: " << e.what() << "\n";
  }
  return 2;
}
