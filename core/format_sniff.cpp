// Telling a file's format by its first bytes: no parser needed, so the
// searcher can use it without linking the HTML and PDF libraries.
#include <string>

#include "file_reader.h"
#include "formats.h"
#include "text.h"

namespace briefing {

const char* format_name(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kHtml: return "HTML";
    case Format::kPdf: return "PDF";
    case Format::kUnknown: return "unknown";
  }
  return "unknown";
}

Format sniff_format(std::string_view head, const std::filesystem::path& path) {
  if (head.substr(0, 5) == "%PDF-") return Format::kPdf;
  std::string_view h = head;
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  h = trim(h);
  std::string start = ascii_lower(h.substr(0, 256));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title"})
    if (start.rfind(tag, 0) == 0) return start.rfind("<!--", 0) == 0 && start.find("<html") == std::string::npos
                                              ? Format::kText
                                              : Format::kHtml;
  std::string ext = ascii_lower(path.extension().string());
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::kHtml;
  if (has_briefing_extension(path)) return Format::kText;
  return Format::kUnknown;
}

}  // namespace briefing
