#pragma once
// Briefings published as web pages and PDFs: the format is told by the
// content (and the name only for plain text), and each is turned into the
// project's document format — text with a front matter block carrying the
// title and date the file itself gives.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace briefing {

enum class Format { kText, kHtml, kPdf, kUnknown };

const char* format_name(Format f);

// The format of a file from its first bytes, and its name for plain text.
Format sniff_format(std::string_view head, const std::filesystem::path& path);

// Readable text of an HTML page: scripts, styles and navigation left out,
// entities decoded, blocks on lines of their own; title from <title> or the
// first heading, date from <meta> or <time>. nullopt and *error when it is
// not usable.
std::optional<std::string> html_to_briefing(std::string_view html, std::string* error);

// Text of a PDF, page by page, with its title and creation date.
std::optional<std::string> pdf_to_briefing(const std::string& bytes, std::string* error);

}  // namespace briefing
