#include "document_codec.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "facet_dictionary.h"
#include "ministers.h"
#include "rules.h"
#include "schema.h"
#include "text.h"

namespace briefing {

using nlohmann::json;

std::string id_term(std::string_view path) {
  constexpr size_t kMaxPathInTerm = 200;
  if (path.size() <= kMaxPathInTerm) return std::string(kPrefixId) + std::string(path);
  return std::string(kPrefixId) + std::string(truncate_utf8(path, kMaxPathInTerm - 20)) +
         fmt::format("#{:016x}", fnv1a(path));
}

namespace {

// `n` as eight bytes, most significant first: keys that sort as numbers.
std::string big_endian(uint64_t n) {
  std::string bytes(8, '\0');
  for (int i = 7; i >= 0; --i, n >>= 8) bytes[static_cast<size_t>(i)] = static_cast<char>(n & 0xff);
  return bytes;
}

std::string to_hex(std::string_view bytes) {
  std::string hex;
  hex.reserve(2 * bytes.size());
  for (unsigned char c : bytes) hex += fmt::format("{:02x}", c);
  return hex;
}

std::string from_hex(std::string_view hex) {
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1]));
  return bytes;
}

}  // namespace

std::string path_key(std::string_view path) { return big_endian(fnv1a(path)); }

std::string signature_key(std::string_view signature) {
  return big_endian(fnv1a(signature)) + big_endian(fnv1a(signature, 0x84222325cbf29ce4ull));
}

std::vector<std::string> facet_values(const Briefing& b, FacetId f) {
  switch (f) {
    case FacetId::kCountry: return b.countries;
    case FacetId::kParty: return b.parties;
    case FacetId::kTopic: return b.topics;
    case FacetId::kOrganisation: return b.organisations;
    case FacetId::kMinister: {  // one person, one value: the knowledge base's name when it knows them
      std::vector<std::string> names;
      for (const Minister& m : b.ministers) {
        const std::string& name = m.known.empty() ? m.name : m.known;
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
      return names;
    }
    case FacetId::kRole: {
      std::vector<std::string> roles;
      for (const Minister& m : b.ministers)
        if (!m.role.empty() && std::find(roles.begin(), roles.end(), m.role) == roles.end())
          roles.push_back(m.role);
      return roles;
    }
  }
  return {};
}

namespace {

// The forms of a minister's name to index: the name, and when the knowledge
// base knows the person, every form it lists.
std::vector<std::string> known_forms(const std::string& name, const Rules& rules) {
  std::vector<Token> tokens = tokenize(name, rules.variants);
  auto m = rules.known_minister_names.match_at(name, tokens, 0);
  if (!m || m->end != tokens.size()) return {name};
  std::vector<std::string> forms = rules.known_ministers[m->entry].names;
  if (std::find(forms.begin(), forms.end(), name) == forms.end()) forms.insert(forms.begin(), name);
  return forms;
}

// A minister is also found by surname alone, and by every form of the
// name the knowledge base knows ("S. Jaishankar" by "Subrahmanyam
// Jaishankar", "Kamikawa Yoko" by "Yoko Kamikawa").
void add_person_terms(Xapian::Document& doc, const Facet& f, const std::string& name, const Normaliser& normaliser) {
  for (const std::string& form : known_forms(name, normaliser.rules())) {
    doc.add_boolean_term(normaliser.term(f, form));
    std::string surname = surname_key(form, normaliser.rules());
    if (!surname.empty()) doc.add_boolean_term(make_term(f.prefix, surname));
    for (const std::string& key : inner_name_keys(form, normaliser.rules()))
      doc.add_boolean_term(make_term(f.prefix, key));
  }
}

}  // namespace

Xapian::Document build_document(const Analysis& a, const SourceFile& file,
                                const Normaliser& normaliser, Xapian::TermGenerator& tg,
                                FacetDictionary* dictionary) {
  const Briefing& b = a.briefing;
  Xapian::Document doc;
  tg.set_document(doc);
  // Title words under their own prefix, and among the free text with a
  // higher weight.
  tg.index_text(a.index_title, 1, std::string(kPrefixTitle));
  tg.index_text(a.index_title, 3);
  tg.increase_termpos();
  tg.index_text(a.index_body);

  // Every facet's display values, each tagged with its facet's prefix
  // ("XCJapan"): in the document data, and as ids for counting.
  std::string facet_slot;
  json tagged_values = json::array();
  for (const Facet& f : kFacets) {
    for (const std::string& v : facet_values(b, f.id)) {
      std::string tagged(f.prefix);
      for (char c : v) tagged += c == kValueSeparator ? ' ' : c;
      if (!facet_slot.empty()) facet_slot += kValueSeparator;
      facet_slot += tagged;
      tagged_values.push_back(std::move(tagged));
      doc.add_boolean_term(normaliser.term(f, v));
      if (f.normaliser == NormaliserKind::kPerson) add_person_terms(doc, f, v, normaliser);
    }
  }
  // A minister is also found by the name as the briefing writes it
  // ("Antony J. Blinken", counted as "Antony Blinken").
  for (const Minister& m : b.ministers)
    if (!m.known.empty() && m.known != m.name) {
      doc.add_boolean_term(normaliser.term(facet(FacetId::kMinister), m.name));
      add_person_terms(doc, facet(FacetId::kMinister), m.name, normaliser);
    }
  if (dictionary) doc.add_value(kSlotFacetIds, dictionary->encode(facet_slot));
  std::string yyyymmdd = b.date;
  yyyymmdd.erase(std::remove(yyyymmdd.begin(), yyyymmdd.end(), '-'), yyyymmdd.end());
  if (!yyyymmdd.empty()) doc.add_value(kSlotDate, yyyymmdd);
  // Both sort keys ascend: dates (or their complement), then the path's
  // hash; undated documents last.
  std::string newest = yyyymmdd.empty() ? "~" : fmt::format("{:08d}", 99999999 - std::stoi(yyyymmdd));
  doc.add_value(kSlotOldestFirst, (yyyymmdd.empty() ? "~" : yyyymmdd) + path_key(file.path));
  doc.add_value(kSlotNewestFirst, newest + path_key(file.path));
  doc.add_value(kSlotSignature, signature_key(file.signature));
  doc.add_boolean_term(id_term(file.path));

  json ministers = json::array();
  for (const Minister& m : b.ministers) {
    json one = {{"name", m.name}, {"role", m.role}, {"country", m.country}};
    if (!m.known.empty()) one["known"] = m.known;
    ministers.push_back(std::move(one));
  }
  json data = {{"path", file.path},
               {"title", b.title},
               {"date", b.date},
               {"ministers", ministers},
               {"source", b.source},
               {"facets", tagged_values}};
  // JSON holds UTF-8 only: a path that is not ("caf\xE9.txt" from a
  // Latin-1 archive) has U+FFFD in "path", and its bytes here.
  if (!is_valid_utf8(file.path)) data["path_bytes"] = to_hex(file.path);
  if (file.store_text) data["text"] = a.body;

  doc.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return doc;
}

namespace {

// Reads the document data straight into a StoredBriefing (nlohmann's SAX
// interface: no JSON tree is built for the few fields a hit shows).
class DataReader : public nlohmann::json_sax<json> {
 public:
  explicit DataReader(StoredBriefing* out) : out_(out) {}

  // Whether the data was a JSON object (as the indexer writes it).
  bool read_an_object() const { return object_; }
  // The path's bytes, in hex, when it is not UTF-8; else "".
  const std::string& path_bytes() const { return path_bytes_; }

  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool string(string_t& v) override {
    if (depth_ == 1) {
      Briefing& b = out_->briefing;
      if (key_ == "path") out_->path = std::move(v);
      else if (key_ == "path_bytes") path_bytes_ = std::move(v);
      else if (key_ == "title") b.title = std::move(v);
      else if (key_ == "date") b.date = std::move(v);
      else if (key_ == "source") b.source = std::move(v);
      else if (key_ == "text") out_->text = std::move(v);
    } else if (depth_ == 3 && in_ministers_) {
      Minister& m = out_->briefing.ministers.back();
      if (key_ == "name") m.name = std::move(v);
      else if (key_ == "role") m.role = std::move(v);
      else if (key_ == "country") m.country = std::move(v);
      else if (key_ == "known") m.known = std::move(v);
    } else if (depth_ == 2 && key_ == "facets") {
      if (!out_->facets.empty()) out_->facets += kValueSeparator;
      out_->facets += v;
    }
    return true;
  }
  bool start_object(std::size_t) override {
    if (++depth_ == 1) object_ = true;
    if (depth_ == 3 && in_ministers_) out_->briefing.ministers.emplace_back();
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 2 && key_ == "ministers") in_ministers_ = true;
    return true;
  }
  bool end_array() override {
    if (depth_ == 2) in_ministers_ = false;
    --depth_;
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  StoredBriefing* out_;
  std::string key_;
  int depth_ = 0;
  bool in_ministers_ = false;
  bool object_ = false;
  std::string path_bytes_;
};

}  // namespace

StoredBriefing read_document(const Xapian::Document& doc) {
  StoredBriefing s;
  DataReader reader(&s);
  const std::string data = doc.get_data();
  if (!json::sax_parse(data, &reader) || !reader.read_an_object())
    throw std::runtime_error(fmt::format("document {} was not written by this indexer", doc.get_docid()));
  if (!reader.path_bytes().empty()) s.path = from_hex(reader.path_bytes());
  Briefing& b = s.briefing;
  for_each_facet_value(s.facets, [&](const Facet& f, std::string_view value) {
    switch (f.id) {
      case FacetId::kCountry: b.countries.emplace_back(value); break;
      case FacetId::kParty: b.parties.emplace_back(value); break;
      case FacetId::kTopic: b.topics.emplace_back(value); break;
      case FacetId::kOrganisation: b.organisations.emplace_back(value); break;
      case FacetId::kMinister:  // with role and country in "ministers"
      case FacetId::kRole: break;
    }
  });
  return s;
}

std::string display_values(const Xapian::Document& doc) {
  try {
    return read_document(doc).facets;
  } catch (const std::runtime_error&) {
    return std::string();  // not ours: no values
  }
}

}  // namespace briefing
