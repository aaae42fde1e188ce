// gen_corpus: writes a deterministic synthetic corpus of ministerial
// briefings, and its gold labels, for benchmarking the indexer and searcher.
//
//   gen_corpus --out DIR --docs N [--seed S] [--data DIR]
//
// DIR/NNNN/*.txt|*.md (at most 1000 files a folder) and DIR/gold.tsv in the
// format of corpus/gold.tsv. The same seed and N give the same bytes.
#include <fcntl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <filesystem>
#include <iostream>

#include "gen_document.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

void write_all(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) throw std::runtime_error(fmt::format("{}: write failed", path));
    done += static_cast<size_t>(n);
  }
}

void write_file(const std::string& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot create {}", path));
  write_all(fd, data, path);
  ::close(fd);
}

// Writes files on other threads, so that generating and writing overlap
// (creating many small files costs more than making their text).
class FileWriter {
 public:
  explicit FileWriter(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
  }
  ~FileWriter() { finish(); }
  void push(std::string path, std::string data) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [this] { return queue_.size() < kCapacity; });
    queue_.emplace_back(std::move(path), std::move(data));
    ready_.notify_one();
  }
  // Waits for every file; rethrows the first write error.
  void finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
      ready_.notify_all();
    }
    for (std::thread& t : threads_)
      if (t.joinable()) t.join();
    if (!error_.empty()) throw std::runtime_error(error_);
  }

 private:
  static constexpr size_t kCapacity = 256;
  void loop() {
    while (true) {
      std::pair<std::string, std::string> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
        room_.notify_one();
      }
      try {
        write_file(job.first, job.second);
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (error_.empty()) error_ = e.what();
      }
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::pair<std::string, std::string>> queue_;
  bool done_ = false;
  std::string error_;
  std::vector<std::thread> threads_;
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ";") + s;
  return out;
}

int run(int argc, char** argv) {
  std::string out_dir, data_dir = BENCH_DATA_DIR;
  size_t docs = 0, synthetic = 50000;
  int writers = 3;
  uint64_t seed = 42;
  bool quiet = false;
  po::options_description opts(
      "Usage: gen_corpus --out DIR --docs N [--seed S] [--data DIR]\n\n"
      "Writes N synthetic briefings (.txt, .md with front matter) into DIR/NNNN/\n"
      "and their labels into DIR/gold.tsv. DIR must be empty or missing.\n\nOptions");
  opts.add_options()
      ("help,h", "show this help")
      ("out,o", po::value(&out_dir)->value_name("DIR"), "corpus folder to create")
      ("docs,n", po::value(&docs)->value_name("N"), "number of documents")
      ("seed,s", po::value(&seed)->value_name("S")->default_value(42), "random seed")
      ("data", po::value(&data_dir)->value_name("DIR")->default_value(data_dir),
       "the project's rule files (countries.tsv, ministers.tsv, topics.tsv, ...)")
      ("synthetic-words", po::value(&synthetic)->value_name("N")->default_value(50000),
       "size of the invented vocabulary")
      ("writers", po::value(&writers)->value_name("N")->default_value(3), "threads writing files")
      ("quiet,q", po::bool_switch(&quiet), "no summary line");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, opts), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << opts;
    return 0;
  }
  if (writers < 1) throw std::runtime_error("--writers must be at least 1");
  if (out_dir.empty() || !docs) throw std::runtime_error("--out DIR and --docs N are required (see --help)");
  if (fs::exists(out_dir) && !fs::is_empty(out_dir))
    throw std::runtime_error(fmt::format("{} is not empty", out_dir));

  auto start = std::chrono::steady_clock::now();
  bench::Rules rules = bench::load_rules(data_dir);
  bench::Lexicon lexicon(rules, seed, synthetic);
  bench::Composer composer(rules, lexicon, seed);
  fs::create_directories(out_dir);

  std::string gold_path = out_dir + "/gold.tsv";
  std::FILE* gold = std::fopen(gold_path.c_str(), "w");
  if (!gold) throw std::runtime_error(fmt::format("cannot create {}", gold_path));
  std::vector<char> gold_buffer(8 << 20);
  std::setvbuf(gold, gold_buffer.data(), _IOFBF, gold_buffer.size());
  std::fputs("file\tdate\tcountries\tparties\tministers\ttopics\torganisations\n", gold);

  bench::Document doc;
  FileWriter writer(writers);
  uint64_t bytes = 0, words = 0, markdown = 0;
  for (size_t i = 0; i < docs; ++i) {
    if (i % 1000 == 0) fs::create_directory(fmt::format("{}/{:04}", out_dir, i / 1000));
    composer.compose(i, doc);
    bytes += doc.text.size();
    const bench::Labels& l = doc.labels;
    std::string row = fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", doc.path, l.date, join(l.countries),
                                  join(l.parties), join(l.ministers), join(l.topics), join(l.organisations));
    std::fwrite(row.data(), 1, row.size(), gold);
    words += doc.words;
    markdown += doc.path.back() == 'd';
    writer.push(out_dir + "/" + doc.path, std::move(doc.text));
  }
  writer.finish();
  if (std::fclose(gold) != 0) throw std::runtime_error(fmt::format("{}: write failed", gold_path));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!quiet)
    std::cout << fmt::format(
        "{} documents ({} .md), {} words, {:.1f} MB in {:.2f} s ({:.0f} documents/s); "
        "vocabulary {} words ({} removed as trigger-forming)\n",
        docs, markdown, words, bytes / 1e6, seconds, docs / seconds, lexicon.size(), lexicon.removed());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "gen_corpus: " << e.what() << "\n";
    return 2;
  }
}
