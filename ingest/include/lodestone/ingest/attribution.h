// Attribution: the jurisdiction a document belongs to and, for documents of
// the U.S. government, the president in office on its date.
//
// A step of ingest, after a file's records are read and merged and before
// extraction (pipeline.cc): every document passes through Attribute() once
// and the answer is stored in its record, so `show`, `search`, the graph,
// `timeline` and `trace` all read the same value. Thread-safety: a pure
// function of its inputs (the knowledge base is read-only).
//
// Jurisdiction (Document::jurisdiction), first rule that applies:
//   1. stated by the source (Markdown front matter `jurisdiction: us|cn|intl`);
//   2. a paper: none ("");
//   3. Chinese (language zh): cn, when it is a law, regulation, notice or other
//      instrument (any kind but "other"), or an "other" whose title names the
//      state (中华人民共和国) or an instrument (公告 决定 通知 说明 意见);
//   4. from a U.S. government source — the id of a U.S. authority (eo, pl, usc,
//      cfr, fr, stat, bill, pd, frdoc, act), a Federal Register, GPO, USLM or
//      National Archives format, a URL on a .gov or .mil host, the White House
//      briefing-room tags, a U.S. Code excerpt: intl when it is a statement or
//      fact sheet whose title marks a text made with other governments (IsJointTitle),
//      else us;
//   5. otherwise none.
// President (meta "president", a person id): for us documents and the intl
// ones a U.S. government source released, except bills and U.S. Code sections (texts of Congress, or the law as
// amended under many presidents): the president the source states — the
// Federal Register's "signed by" (meta "signed_by") or the National Archives'
// copy of a White House site the page comes from (its URL host) — else the
// president in office on the document's date. Meta "president_source" says
// which ("stated" or "date"); when a stated president is not the one in office
// on the date, the stated one is kept and meta "president_by_date" records the
// other.
#ifndef LODESTONE_INGEST_ATTRIBUTION_H_
#define LODESTONE_INGEST_ATTRIBUTION_H_

#include <string>

#include "lodestone/index/document.h"
#include "lodestone/ingest/kb.h"

namespace lodestone {

// Sets doc->jurisdiction and the president metadata (see above). Idempotent.
void Attribute(const KnowledgeBase& kb, Document* doc);

// True when a title names a text agreed with other governments: "Joint
// Statement", "Joint Fact Sheet", "Leaders' Statement", "Communiqué",
// "Declaration", "Compact", "Statement of Intent", "Roadmap", "Memorandum of
// Understanding", or a title that opens with G7, G20, Quad or C5+1; not a
// "Readout of ..." (the White House's own account) unless it is a joint one.
bool IsJointTitle(const std::string& title);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_ATTRIBUTION_H_
