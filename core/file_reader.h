#pragma once
// Reading one briefing file from disk, with the checks that keep bad input
// out of the index: unreadable, too large, empty, binary, invalid UTF-8.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats.h"

namespace briefing {

// Plain-text extensions (".txt", ".md", ...).
bool has_briefing_extension(const std::filesystem::path& path);

// Every extension read when walking a folder: text, HTML and PDF.
bool has_document_extension(const std::filesystem::path& path);

// The format of a file by its first bytes (and its name for plain text).
Format sniff_file(const std::filesystem::path& path);

struct FileContent {
  std::string text;                   // valid UTF-8
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 bytes dropped
  Format format = Format::kText;      // what the file was
};

// The bytes of a regular file of at most max_bytes, opened without
// blocking (a FIFO is refused, not waited on); else nullopt and the reason,
// and *unreadable (if given) set when the file could not be opened or read
// (its permissions, a disk error) rather than being no file to index.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path, uint64_t max_bytes,
                                           std::string* error, bool* unreadable = nullptr);

// Text in UTF-16 with a byte-order mark as UTF-8; other bytes unchanged.
// *replaced (if given): how many ill-formed code units (a lone surrogate)
// were read as U+FFFD.
std::string from_utf16(std::string bytes, size_t* replaced = nullptr);

// `bytes` as valid UTF-8: unchanged when they are; read as Windows-1252
// when they hold no UTF-8 sequence at all (a legacy 8-bit file); else with
// the ill-formed bytes left out. Says which in *warnings.
std::string to_valid_utf8(std::string bytes, std::vector<std::string>* warnings);

// The charset an HTML page declares in its first bytes, lowercased, as
// written: an XML declaration's ("<?xml version="1.0" encoding="koi8-r"?>"),
// else the first <meta> that names one, in its own attribute (<meta
// charset="koi8-r">) or in its content (<meta http-equiv="Content-Type"
// content="text/html; charset=shift_jis">); quotes optional. "" when none.
std::string declared_charset(std::string_view html);

// An HTML page that is not UTF-8 in UTF-8, by the charset it declares
// ("koi8-r", "shift_jis"; Latin-1 and ASCII read as Windows-1252, as
// browsers do); bytes not valid in it are left out, with a warning.
// nullopt, for to_valid_utf8 to take, when the page is UTF-8 already, has
// a byte-order mark, or declares no charset, UTF-8 or one ICU does not know.
std::optional<std::string> from_declared_charset(std::string_view html, std::vector<std::string>* warnings);

// Checks bytes read from anywhere: empty, binary, invalid UTF-8 (made valid
// by to_valid_utf8, with a warning). The text, or nullopt and the reason in *error.
std::optional<FileContent> check_briefing_text(std::string bytes, std::string* error);

// The file's text, HTML pages and PDFs converted, or the reason it cannot
// be indexed (in *error, one line, without the file name; *unreadable as
// for read_file_bytes). Defined with the converters in formats.cpp.
std::optional<FileContent> read_briefing_file(const std::filesystem::path& path, uint64_t max_bytes,
                                              std::string* error, bool* unreadable = nullptr);

// The same for plain text only (an HTML page or PDF is an error): needs no
// converter, so programs that only read text again (the searcher, for
// snippets) do not link the HTML and PDF libraries.
std::optional<FileContent> read_text_briefing(const std::filesystem::path& path, uint64_t max_bytes,
                                              std::string* error);

}  // namespace briefing
