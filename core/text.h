#pragma once
// Unicode helpers built on ICU: accent and case folding, UTF-8 checks.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace briefing {

// 64-bit FNV-1a hash of `s`, continuing from `h` (rule fingerprints, long
// paths in id terms, the indexer's path keys).
inline uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A quick hash of a short string (a word, a name), eight bytes at a step,
// for in-memory tables; not stable across versions, never stored.
inline uint64_t short_hash(std::string_view s) {
  uint64_t h = s.size() * 0x9e3779b97f4a7c15ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
  }
  uint64_t w = 0;
  if (s.size() >= 8) {
    std::memcpy(&w, s.data() + s.size() - 8, 8);  // the last eight, overlapping
  } else {
    for (size_t k = 0; k < s.size(); ++k) w |= uint64_t(static_cast<unsigned char>(s[k])) << (8 * k);
  }
  h = (h ^ w) * 0x94d049bb133111ebull;
  return h ^ (h >> 29);
}

// Latin letters folded to ASCII ("Häkkänen" -> "Hakkanen", "Łódź" -> "Lodz",
// "ß" -> "ss"); other scripts and the case are left alone.
std::string fold_accents(std::string_view utf8);

// The ASCII of a Latin letter that has no decomposition ("ø" -> "o", "ß" ->
// "ss") or of common punctuation ("’" -> "'", "—" -> "-"), as ICU's
// Latin-ASCII gives them; nullptr for others.
const char* latin_letter_in_ascii(char32_t c);

// Accent- and case-folded form used for every comparison and term:
// "Häkkänen" -> "hakkanen". Runs of white space become one space and the
// ends are trimmed; typographic apostrophes become "'".
std::string fold_key(std::string_view utf8);

// The text without Markdown's "**" and "__" (each pair of marks dropped, in
// one pass).
std::string without_emphasis_marks(std::string_view text);

// True when the bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// The UTF-8 of text in Windows-1252 (Latin-1 and its punctuation), by ICU.
std::string windows1252_to_utf8(std::string_view bytes);

// The UTF-8 of text in UTF-16 that starts with its byte-order mark (the mark
// left out), by ICU; nullopt when `bytes` does not start with one.
std::optional<std::string> utf16_to_utf8(std::string_view bytes);

// ICU's name for the encoding `label` names ("latin1" -> "ISO-8859-1",
// "utf8" -> "UTF-8", "koi8-r" -> "ibm-878_P100-1996"); "" when ICU knows no
// encoding by that name, or one that does not write ASCII as ASCII (UTF-16,
// EBCDIC, UTF-7): a page whose markup declares it in ASCII is not in it.
std::string charset_name(const std::string& label);

// The UTF-8 of text in `charset` (a name charset_name gives), by ICU; bytes
// not valid in it are left out, counted in *dropped. nullopt when ICU
// cannot convert from it.
std::optional<std::string> charset_to_utf8(std::string_view bytes, const std::string& charset, size_t* dropped);

// The well-formed UTF-8 of `bytes`, ill-formed sequences left out; the count
// of bytes dropped goes to *dropped.
std::string drop_invalid_utf8(std::string_view bytes, size_t* dropped);

// Cuts `utf8` to at most `max_bytes` without splitting a character.
std::string_view truncate_utf8(std::string_view utf8, size_t max_bytes);

bool is_ascii(std::string_view s);

// ASCII-only lowercase, for keys already folded.
std::string ascii_lower(std::string_view s);

// `s` safe to print on a terminal on one line: control characters (C0, DEL
// and C1: escape sequences, carriage returns, newlines) as \xNN, and every
// byte past ASCII too when `s` is not UTF-8.
std::string printable(std::string_view s);

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

}  // namespace briefing
