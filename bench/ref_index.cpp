// ref_index: the plainest Xapian indexing loop, as a yardstick for the
// indexer. Walks the folders, reads each .txt/.md file, indexes its text
// with TermGenerator (English stemmer, positions) under the unique id term
// "Q" + absolute path, replace_document, one commit at the end (Xapian's
// default flush threshold in between). No extraction, no values.
//
//   ref_index --db DIR PATH...
#include <xapian.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

bool indexable(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text";
}

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool read_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  out.clear();
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
  std::fclose(f);
  return true;
}

int run(int argc, char** argv) {
  std::string db_path;
  std::vector<std::string> inputs;
  po::options_description opts("Usage: ref_index --db DIR PATH...\n\nOptions");
  opts.add_options()("help,h", "show this help")("db", po::value(&db_path)->value_name("DIR"), "database");
  po::options_description all;
  all.add(opts).add_options()("path", po::value(&inputs)->composing());
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help") || db_path.empty() || inputs.empty()) {
    std::cout << opts;
    return vm.count("help") ? 0 : 2;
  }

  auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  std::string text;
  uint64_t docs = 0, bytes = 0, failed = 0;
  auto index_file = [&](const fs::path& p) {
    std::string path = fs::absolute(p).lexically_normal().string();
    if (!read_file(path, text)) {
      std::cerr << "ref_index: " << path << ": cannot read\n";
      ++failed;
      return;
    }
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(text);
    doc.set_data(path);
    std::string id = "Q" + path;
    doc.add_boolean_term(id);
    db.replace_document(id, doc);
    ++docs;
    bytes += text.size();
  };
  for (const std::string& input : inputs) {
    if (!fs::is_directory(input)) {
      index_file(input);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(input); it != fs::recursive_directory_iterator(); ++it) {
      if (hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && indexable(it->path())) index_file(it->path());
    }
  }
  db.commit();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format("ref_index: {} documents, {:.1f} MB in {:.2f} s ({:.1f} documents/s)\n", docs,
                           bytes / 1e6, seconds, docs / seconds);
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << "ref_index: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "ref_index: " << e.what() << "\n";
  }
  return 2;
}
