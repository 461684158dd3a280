// Where each mention of an entity or a citation stands in a document's text,
// so that a page can highlight it (show --json, issue 10).
//
// Extraction (ingest/extract.h) keeps where a mention starts, a byte offset
// into the text, not where it ends. The end is found here, at show time,
// from the words at the start: for an entity, the longest of its knowledge-
// base forms (name, aliases, Chinese names, acronyms, heads, adjectives)
// that the words there spell; for a citation, the word that carries the
// last part of its id ("13817" of eo:13817, "1606" of usc:30/1606, "169" of
// pl:117-169), within a few words; named acts are entities of the knowledge
// base. When nothing matches, the mention is the one word at its start.
// The scanners store a citation at its number ("13817" of "Executive Order
// 13817"), so a citation's span also reaches back over the words before it
// that belong to citations ("Executive Order", "E.O.", "30 U.S.C.", "Pub.
// L.") or to its id ("30" of usc:30/1606).
// Byte offsets then become character (code point) and UTF-16 offsets.
// Private to query/. Thread-safety: a MentionFinder belongs to one thread
// (it uses that thread's Analyzer).
#ifndef LODESTONE_QUERY_SRC_MENTIONS_H_
#define LODESTONE_QUERY_SRC_MENTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/query/engine.h"

namespace lodestone::query::internal {

// The forms an entity is named by, each as the analyser's words.
using Forms = std::vector<std::vector<std::string>>;
Forms FormsOf(const Entity& e, Analyzer& analyzer);

class MentionFinder {
 public:
  // `text` must outlive the finder.
  MentionFinder(const std::string& text, Analyzer& analyzer) : text_(text), analyzer_(analyzer) {}

  // The byte end of the mention that starts at byte `begin`: the end of the
  // longest form of `forms` spelled by the words there, else of the first
  // word. `begin` itself when no word starts at or soon after it.
  uint32_t EntityEnd(uint32_t begin, const Forms& forms) const;
  // The byte end of the citation of `id` (eo:13817, usc:30/1606, doi:...)
  // that starts at byte `begin`: the end of the first of the next few words
  // that holds the last part of the id, else of the first word.
  uint32_t CitationEnd(uint32_t begin, const std::string& id) const;
  // Where the citation of `id` stored at byte `offset` starts: `offset`, or
  // the start of the citation words just before it.
  uint32_t CitationBegin(uint32_t offset, const std::string& id) const;

 private:
  // The words of the text from `begin` on, a short window (byte offsets
  // relative to the text).
  std::vector<Word> WordsFrom(uint32_t begin) const;
  const std::string& text_;
  Analyzer& analyzer_;
};

// Fills the char_* and utf16_* offsets of every span from its byte offsets
// (one pass over the text). The text is UTF-8; a byte that is not a
// continuation byte starts a character.
void SetCharacterOffsets(const std::string& text, const std::vector<TextSpan*>& spans);

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_MENTIONS_H_
