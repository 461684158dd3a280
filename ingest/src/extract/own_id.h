// A document's own id and version from its opening lines. Private; the
// readers of policy texts and PDFs call it (readers/*.cc).
//
// The number a document states as its heading is its id: a plain-text,
// Markdown, HTML or PDF file whose text opens "Executive Order 12003 of May
// 1, 2001" and a title is eo:12003; likewise "Proclamation 10001",
// "Presidential Determination No. 2022-07" and "Public Law 117-169". Only a
// heading counts: the number must open the text and be followed by the end
// of its line, by " of <date>" and the end of the line or a title, never by
// the rest of a sentence ("Executive Order 14148 of January 20, 2025,
// revoked ...", "Executive Order 13694 is amended"), and a number cited
// further down the first lines is not the document's.
//
// A Chinese law or regulation opens with its promulgation history (dated
// 通过, 修正, 修订, 公布, 发布 lines under the title). A version is dated by the
// latest of them; a version made by a revision or an amendment supersedes the
// version of the event before it, and both have the id
// cnlaw:<title>@<YYYY-MM-DD>, so that the newer names the older without
// having seen it.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_OWN_ID_H_
#define LODESTONE_INGEST_SRC_EXTRACT_OWN_ID_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "lodestone/index/document.h"

namespace lodestone::internal {

struct OwnHeading {
  std::string id;      // eo:12003, proc:10001, pd:2022-07, pl:117-169
  std::string number;  // 12003, 10001, 2022-07, 117-169
  Kind kind = Kind::kOther;
  std::string date;    // ISO, when the heading gives one
  std::string title;   // the rest of the heading line or the next line, when there is one
};

// The heading of `text` (its first non-blank line), if it states a number.
std::optional<OwnHeading> ReadOwnHeading(std::string_view text);

struct LawVersion {
  std::string date;             // latest adoption, revision, amendment or promulgation
  std::string previous;         // date of the event before a revision or amendment, else ""
  size_t offset = 0;            // byte offset of the latest event's line
};

// The promulgation history at the head of a Chinese law's text; nullopt when
// the text opens with none.
std::optional<LawVersion> ReadPromulgationHistory(std::string_view text);

// cnlaw:<title>@<date>: the title without spaces and without a trailing
// "（2024年修订）"-style note.
std::string ChineseLawId(std::string_view title, const std::string& date);

// Gives `d` the id, kind, number and date that its text states as its
// heading ("Executive Order 12003 of May 1, 2001", "Proclamation 10001",
// "Presidential Determination No. 2022-07", "Public Law 117-169"), and the
// heading's title when `d` has none or only the heading line; false, and
// `d` unchanged, when the text opens with no such heading.
bool TakeOwnHeading(Document& d);

// A Chinese law or regulation that opens with its promulgation history is
// one version of the law: dated by its latest event, with the cnlaw: id, and
// superseding the version it revised (a relation of origin "metadata").
void TakeChineseVersion(Document& d);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_OWN_ID_H_
