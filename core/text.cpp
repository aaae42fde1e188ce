#include "text.h"

#include <fmt/format.h>

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "data_files.h"

namespace briefing {

const char* latin_letter_in_ascii(char32_t c) {
  switch (c) {
    case 0x00C6: return "AE";  // Æ
    case 0x00D0: return "D";   // Ð
    case 0x00D8: return "O";   // Ø
    case 0x00DE: return "TH";  // Þ
    case 0x00DF: return "ss";  // ß
    case 0x00E6: return "ae";  // æ
    case 0x00F0: return "d";   // ð
    case 0x00F8: return "o";   // ø
    case 0x00FE: return "th";  // þ
    case 0x0110: return "D";   // Đ
    case 0x0111: return "d";   // đ
    case 0x0126: return "H";   // Ħ
    case 0x0127: return "h";   // ħ
    case 0x0131: return "i";   // ı
    case 0x0141: return "L";   // Ł
    case 0x0142: return "l";   // ł
    case 0x0152: return "OE";  // Œ
    case 0x0153: return "oe";  // œ
    // Letters of Dutch, Serbo-Croatian digraphs, Sámi, and West African
    // alphabets (Hausa, Ewe, Akan), as Latin-ASCII gives them: without
    // them a text with one went through the transliterator
    case 0x0132: return "IJ";  // Ĳ
    case 0x0133: return "ij";  // ĳ
    case 0x0138: return "q";  // ĸ
    case 0x013F: return "L";  // Ŀ
    case 0x0140: return "l";  // ŀ
    case 0x0149: return "'n";  // ŉ
    case 0x014A: return "N";  // Ŋ
    case 0x014B: return "n";  // ŋ
    case 0x017F: return "s";  // ſ
    case 0x0166: return "T";  // Ŧ
    case 0x0167: return "t";  // ŧ
    case 0x0181: return "B";  // Ɓ
    case 0x0253: return "b";  // ɓ
    case 0x018A: return "D";  // Ɗ
    case 0x0257: return "d";  // ɗ
    case 0x0189: return "D";  // Ɖ
    case 0x0256: return "d";  // ɖ
    case 0x0190: return "E";  // Ɛ
    case 0x025B: return "e";  // ɛ
    case 0x0198: return "K";  // Ƙ
    case 0x0199: return "k";  // ƙ
    case 0x01B3: return "Y";  // Ƴ
    case 0x01B4: return "y";  // ƴ
    case 0x0191: return "F";  // Ƒ
    case 0x0192: return "f";  // ƒ
    case 0x01C4: return "DZ";  // Ǆ
    case 0x01C5: return "Dz";  // ǅ
    case 0x01C6: return "dz";  // ǆ
    case 0x01C7: return "LJ";  // Ǉ
    case 0x01C8: return "Lj";  // ǈ
    case 0x01C9: return "lj";  // ǉ
    case 0x01CA: return "NJ";  // Ǌ
    case 0x01CB: return "Nj";  // ǋ
    case 0x01CC: return "nj";  // ǌ
    case 0x01F1: return "DZ";  // Ǳ
    case 0x01F2: return "Dz";  // ǲ
    case 0x01F3: return "dz";  // ǳ
    case 0x01E4: return "G";  // Ǥ
    case 0x01E5: return "g";  // ǥ
    case 0x019D: return "N";  // Ɲ
    case 0x0272: return "n";  // ɲ
    case 0x0197: return "I";  // Ɨ
    case 0x0268: return "i";  // ɨ
    case 0x01B2: return "V";  // Ʋ
    case 0x028B: return "v";  // ʋ
    // Punctuation in most texts: without these, a paragraph with a curly
    // quote or a dash went through the transliterator (60,000 instructions).
    case 0x00A0: return " ";    // no-break space
    case 0x00A9: return "(C)";  // ©
    case 0x00AB: return "<<";   // «
    case 0x00AD: return "-";    // soft hyphen
    case 0x00AE: return "(R)";  // ®
    case 0x00BB: return ">>";   // »
    case 0x2009: return " ";    // thin space
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: return "-";  // dashes
    case 0x2018: case 0x2019: case 0x2032: return "'";   // ‘ ’ ′
    case 0x201A: return ",";                            // ‚
    case 0x201C: case 0x201D: case 0x2033: return "\"";  // “ ” ″
    case 0x201E: return ",,";                           // „
    case 0x2026: return "...";                          // …
    default: return nullptr;
  }
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

namespace {

// The Latin letters of data/latin-ascii.tsv and what each becomes, by
// code point.
const std::vector<std::pair<UChar32, std::string>>& rare_latin_letters() {
  static const std::vector<std::pair<UChar32, std::string>> letters = [] {
    std::vector<std::pair<UChar32, std::string>> out;
    for_each_tsv_row(embedded_data("latin-ascii.tsv"), [&](size_t line, const std::vector<std::string_view>& cols) {
      char* end = nullptr;
      const std::string hex(cols[0]);
      const unsigned long c = std::strtoul(hex.c_str(), &end, 16);
      if (cols.size() < 3 || hex.empty() || *end != '\0' || c > 0x10FFFF || cols[2].empty())
        throw std::runtime_error(fmt::format("latin-ascii.tsv:{}: expected 'code point<TAB>letter<TAB>ascii'", line));
      out.emplace_back(static_cast<UChar32>(c), std::string(cols[2]));
    });
    std::sort(out.begin(), out.end());
    return out;
  }();
  return letters;
}

const std::string* rare_latin_in_ascii(UChar32 c) {
  const auto& letters = rare_latin_letters();
  auto it = std::lower_bound(letters.begin(), letters.end(), c,
                             [](const std::pair<UChar32, std::string>& l, UChar32 v) { return l.first < v; });
  return it != letters.end() && it->first == c ? &it->second : nullptr;
}

// What "[:Latin:] Latin-ASCII" makes of `u`, without the transliterator:
// the Latin letters in ASCII where it writes them so (the table above,
// data/latin-ascii.tsv, or a letter and marks), the rest as written (the
// filter leaves other scripts, marks and symbols alone: "Зеленський",
// "اردو", "•", "ʻ"). Nothing only when ICU cannot decompose.
std::optional<std::string> latin_in_ascii_only(const icu::UnicodeString& u) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80 || uscript_getScript(c, &status) != USCRIPT_LATIN || U_FAILURE(status)) {
      if (U_FAILURE(status)) return std::nullopt;
      out.append(c);
      continue;
    }
    if (const char* plain = latin_letter_in_ascii(c)) {
      out.append(icu::UnicodeString(plain));
      continue;
    }
    if (const std::string* plain = rare_latin_in_ascii(c)) {
      out.append(icu::UnicodeString::fromUTF8(*plain));
      continue;
    }
    // A letter and marks: the letter, if it is ASCII; else (as Latin-ASCII
    // does) the whole as written.
    const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(c), status);
    if (U_FAILURE(status)) return std::nullopt;
    icu::UnicodeString bare;
    bool ascii = true;
    for (int32_t k = 0; k < decomposed.length() && ascii;) {
      const UChar32 d = decomposed.char32At(k);
      k += U16_LENGTH(d);
      if (u_charType(d) == U_NON_SPACING_MARK) continue;
      ascii = d < 0x80;
      bare.append(d);
    }
    if (ascii) out.append(bare);
    else out.append(c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string fold_accents(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Most accented letters are a base letter and marks ("ä" = "a" + "¨"):
  // decomposing and dropping the marks is cheap, and the Latin letters that
  // do not decompose ("ø", "ł", "ß") come from a table that gives what
  // Latin-ASCII gives. What is left (rare letters, other scripts) goes
  // letter by letter. ICU's transliterator is not used: creating it took
  // 15 ms, and linking it half the searcher's start-up relocations;
  // tests/text_test.cpp checks every Latin letter against it.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(u, status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString bare;
      bool ascii = true;
      for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c >= 0x80) {
          if (const char* plain = latin_letter_in_ascii(c)) {
            bare.append(icu::UnicodeString(plain));
            continue;
          }
          ascii = false;
        }
        bare.append(c);
      }
      if (ascii) {
        std::string out;
        bare.toUTF8String(out);
        return out;
      }
    }
  }
  if (std::optional<std::string> out = latin_in_ascii_only(u)) return *out;
  return std::string(utf8);  // (ICU could not decompose: as written)
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string fold_key(std::string_view utf8) {
  // Lowercase ASCII with single spaces inside (most keys, and every row of
  // the rule files) is its own key.
  bool plain = true;
  char prev = ' ';
  for (char c : utf8) {
    if ((c >= 'A' && c <= 'Z') || (c == ' ' && prev == ' ') || c == '\t' || c == '\n' || c == '\r' ||
        static_cast<unsigned char>(c) >= 0x80) {
      plain = false;
      break;
    }
    prev = c;
  }
  if (plain && prev != ' ') return std::string(utf8);
  std::string lowered;
  if (is_ascii(utf8)) {  // most keys
    lowered = ascii_lower(utf8);
  } else if (std::string folded = fold_accents(utf8); is_ascii(folded)) {
    lowered = ascii_lower(folded);
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
    u.foldCase();
    // Typographic apostrophes and quotes compare as ASCII ones.
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), "'");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), "'");
    u.toUTF8String(lowered);
  }
  std::string out;
  out.reserve(lowered.size());
  bool pending_space = false;
  for (char c : lowered) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  // ASCII eight bytes at a time: every file indexed and every hit's text
  // for its snippet come through here.
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  while (!bytes.empty()) {
    size_t ascii = 0;
    for (uint64_t word; ascii + 8 <= bytes.size(); ascii += 8) {
      std::memcpy(&word, bytes.data() + ascii, 8);
      if (word & kHighBits) break;
    }
    while (ascii < bytes.size() && static_cast<uint8_t>(bytes[ascii]) < 0x80) ++ascii;
    bytes.remove_prefix(ascii);
    if (bytes.empty()) break;
    // One character, in ICU's pieces of at most 2 GiB.
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    bytes.remove_prefix(static_cast<size_t>(i));
  }
  return true;
}

namespace {

// In pieces of 1 GiB (an even size, so UTF-16 code units stay whole):
// ICU's lengths are 32-bit.
std::string convert_to_utf8(std::string_view bytes, const char* codepage) {
  constexpr size_t kPiece = size_t{1} << 30;
  std::string out;
  for (size_t at = 0; at < bytes.size(); at += kPiece) {
    std::string_view piece = bytes.substr(at, kPiece);
    icu::UnicodeString u(piece.data(), static_cast<int32_t>(piece.size()), codepage);
    u.toUTF8String(out);
  }
  return out;
}

}  // namespace

std::string windows1252_to_utf8(std::string_view bytes) { return convert_to_utf8(bytes, "windows-1252"); }

std::optional<std::string> utf16_to_utf8(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
  const char* codepage = b0 == 0xFF && b1 == 0xFE ? "UTF-16LE" : b0 == 0xFE && b1 == 0xFF ? "UTF-16BE" : nullptr;
  if (!codepage) return std::nullopt;
  return convert_to_utf8(bytes.substr(2), codepage);
}

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& name) {
  // (ucnv_open takes "" for the platform's default encoding: no name is no
  // encoding here)
  if (name.empty()) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name.c_str(), &status));
  return U_SUCCESS(status) ? std::move(c) : nullptr;
}

// Leaves out the bytes not valid in the source encoding, as ICU's
// UCNV_TO_U_CALLBACK_SKIP does, and counts them (for the warning).
void skip_and_count(const void* context, UConverterToUnicodeArgs*, const char*, int32_t length,
                    UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing left out
  *static_cast<size_t*>(const_cast<void*>(context)) += static_cast<size_t>(length);
  *err = U_ZERO_ERROR;
}

}  // namespace

std::string charset_name(const std::string& label) {
  Converter c = open_converter(label);
  if (!c) return "";
  std::string ascii = "\t\n\r";
  for (char ch = ' '; ch < 0x7F; ++ch) ascii += ch;
  UChar out[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(c.get(), out, 128, ascii.data(), static_cast<int32_t>(ascii.size()), &status);
  if (U_FAILURE(status) || n != static_cast<int32_t>(ascii.size())) return "";
  for (int32_t i = 0; i < n; ++i)
    if (out[i] != static_cast<UChar>(ascii[i])) return "";
  const char* name = ucnv_getName(c.get(), &status);
  return U_SUCCESS(status) && name ? name : "";
}

std::optional<std::string> charset_to_utf8(std::string_view bytes, const std::string& charset, size_t* dropped) {
  size_t lost = 0;
  Converter from = open_converter(charset), to = open_converter("UTF-8");
  UErrorCode status = U_ZERO_ERROR;
  if (from && to) ucnv_setToUCallBack(from.get(), skip_and_count, &lost, nullptr, nullptr, &status);
  if (!from || !to || U_FAILURE(status)) return std::nullopt;
  // Streamed through a pivot of UTF-16, so that no length is more than ICU's
  // 32 bits.
  std::string out;
  out.reserve(bytes.size() * 2);
  char buf[1 << 16];
  UChar pivot[1 << 12];
  UChar *pivot_source = pivot, *pivot_target = pivot;
  const char* source = bytes.data();
  bool reset = true;
  do {
    status = U_ZERO_ERROR;
    char* target = buf;
    ucnv_convertEx(to.get(), from.get(), &target, buf + sizeof buf, &source, bytes.data() + bytes.size(), pivot,
                   &pivot_source, &pivot_target, pivot + std::size(pivot), reset, /*flush=*/true, &status);
    reset = false;
    out.append(buf, static_cast<size_t>(target - buf));
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(status)) return std::nullopt;
  if (dropped) *dropped = lost;
  return out;
}

std::string drop_invalid_utf8(std::string_view bytes, size_t* dropped) {
  std::string out;
  out.reserve(bytes.size());
  size_t lost = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t i = 0, n = static_cast<int32_t>(bytes.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0)
      lost += static_cast<size_t>(i - start);
    else
      out.append(bytes.data() + start, static_cast<size_t>(i - start));
  }
  if (dropped) *dropped = lost;
  return out;
}

std::string_view truncate_utf8(std::string_view utf8, size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  size_t end = max_bytes;
  // Step back over continuation bytes to a character boundary.
  while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
  return utf8.substr(0, end);
}

std::string printable(std::string_view s) {
  // (most values: printable ASCII, as they are)
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) return std::string(s);
  std::string out;
  out.reserve(s.size());
  static const char* kHex = "0123456789abcdef";
  auto escape = [&](unsigned char u) {
    out += "\\x";
    out += kHex[u >> 4];
    out += kHex[u & 15];
  };
  const bool utf8 = is_valid_utf8(s);
  for (size_t i = 0; i < s.size(); ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    if (u < 0x20 || u == 0x7f || (u >= 0x80 && !utf8)) {
      escape(u);
    } else if (u == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      escape(static_cast<unsigned char>(s[++i]));  // U+0080..U+009F, the C1 controls (CSI is U+009B)
    } else if (u == 0xe2 && i + 2 < s.size() &&
               ((static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) >= 0xaa &&
                 static_cast<unsigned char>(s[i + 2]) <= 0xae) ||
                (static_cast<unsigned char>(s[i + 1]) == 0x81 && static_cast<unsigned char>(s[i + 2]) >= 0xa6 &&
                 static_cast<unsigned char>(s[i + 2]) <= 0xa9))) {
      // U+202A..U+202E and U+2066..U+2069: bidirectional overrides, which
      // reorder what a terminal shows ("txt.exe" shown as "exe.txt")
      out += fmt::format("\\u{{{:x}}}", static_cast<unsigned char>(s[i + 1]) == 0x80
                                             ? 0x2000 + static_cast<unsigned char>(s[i + 2]) - 0x80
                                             : 0x2040 + static_cast<unsigned char>(s[i + 2]) - 0x80);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string without_emphasis_marks(std::string_view text) {
  // Copied a stretch at a time: every search reads the text of each hit
  // shown through here.
  std::string out;
  out.reserve(text.size());
  size_t start = 0;  // of the stretch not yet copied
  size_t star = text.find('*'), underscore = text.find('_');
  while (true) {
    const size_t i = std::min(star, underscore);
    if (i == std::string_view::npos || i + 1 >= text.size()) break;
    size_t next = i + 1;  // where the next mark may be
    if (text[i + 1] == text[i]) {
      out.append(text, start, i - start);
      start = next = i + 2;
    }
    if (star < next) star = text.find('*', next);
    if (underscore < next) underscore = text.find('_', next);
  }
  out.append(text.substr(start));
  return out;
}

}  // namespace briefing
