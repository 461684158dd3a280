// Extraction: entities, citations and relations of one document.
//
// Runs in the ingest pipeline after reading and before writing. Entities
// come from the knowledge base through the phrase matcher (an acronym only
// where the document also names the entity in full; an agency named inside a
// longer agency name after "of" too: "Inspector General of the Department of
// Agriculture"; Chinese State Council bodies also by their function,
// 国务院商务主管部门; nothing that the text names only to say it does not name
// it, "names no mineral such as lithium"); citations from
// scanners over the analysed words (Executive Orders, public laws, U.S.
// Code, C.F.R., Federal Register, Statutes at Large, bills, presidential
// determinations, DOIs; named acts through the knowledge base); relations
// from the sentence each citation stands in (revokes, amends, supersedes:
// only operative language whose agent is the document, "is hereby revoked",
// "is amended by", "I hereby revoke", and the document's own title,
// "Amending Executive Order 14241"; never narrative such as "Executive Order
// 13716, which revoked ...") and from agency heads in the subject of a
// "shall" (directs), plus the
// Federal Register's disposition notes when the record has them. Blocks of
// the National Archives' disposition tables (format eo-disposition) are read
// by their labels ("Revoked by: EO 12805"), not by the sentence verbs.
// An Extractor is immutable after construction and can be shared between
// threads; each call needs its own Analyzer.
#ifndef LODESTONE_INGEST_EXTRACT_H_
#define LODESTONE_INGEST_EXTRACT_H_

#include <memory>
#include <utility>
#include <string>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/ingest/matcher.h"

namespace lodestone {

namespace internal {
class FunctionNames;
}

// The words of a document's title and text, segmented once (issue 10):
// extraction reads them and the index terms are made from them.
struct DocumentWords {
  std::vector<Word> title;
  std::vector<Word> text;
  static DocumentWords Of(const Document& doc, Analyzer& analyzer) {
    return {analyzer.Words(doc.title), analyzer.Words(doc.text)};
  }
};

class Extractor {
 public:
  explicit Extractor(const KnowledgeBase& kb);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;
  // Fills doc->entities, doc->citations and doc->relations (replacing them,
  // except relations of origin "metadata" that a reader gave: they stay, and
  // no relation from the text is added for their targets). `words` are the
  // words of the document (DocumentWords::Of): the pipeline segments each
  // text once and gives the same words to the index (AppendTokens). The
  // analyzer segments what is not the document's text (its references).
  void Extract(Document* doc, const DocumentWords& words, Analyzer& analyzer) const;
  // The same, segmenting the document first (for tests and tools).
  void Extract(Document* doc, Analyzer& analyzer) const;
  const KnowledgeBase& kb() const { return kb_; }

 private:
  const KnowledgeBase& kb_;
  TrieMatcher matcher_;
  std::vector<std::pair<std::string, size_t>> short_names_;  // "Treasury" -> entity index
  std::unique_ptr<internal::FunctionNames> functions_;       // 商务 -> entity index
};

// Citation ids in `text` (for tests and tools): the same scanners as Extract.
std::vector<std::string> FindCitations(const std::string& text, Analyzer& analyzer, const std::string& own_id = "",
                                       const std::string& date = "");

// The sentence of `text` around byte `offset` (trimmed, single-spaced,
// at most about 400 bytes).
std::string SentenceAround(const std::string& text, size_t offset);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_EXTRACT_H_
