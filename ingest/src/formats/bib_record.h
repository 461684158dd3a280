// One paper record as the reference-manager exports of Chinese databases
// and PubMed give it (CNKI E-Study, RefWorks and EndNote layouts, NoteExpress
// from Wanfang or CNKI, CQVIP, MEDLINE), and the Document it becomes. Each
// reader maps its own tags onto a BibRecord; the paper is built in one place
// so that the formats agree on ids, authors, keywords and addresses.
// Private to ingest/. Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_FORMATS_BIB_RECORD_H_
#define LODESTONE_INGEST_SRC_FORMATS_BIB_RECORD_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/tagged_records.h"
#include "lodestone/index/document.h"

namespace lodestone::internal {

struct BibRecord {
  std::string format;     // the reader's format name
  std::string own_id;     // the database's key as an id (cnki:ZNYX202101034, wanfang:…, pmid:…), or ""
  std::vector<std::string> other_ids;  // more ids of the record (pmid: when the DOI wins)
  std::string doi;        // as printed; normalised here
  std::string title, translated_title;
  std::vector<std::string> authors;        // as written: "柯洪琴", "de Medeiros, Luana Moreira"
  std::vector<std::string> authors_short;  // MEDLINE AU "de Medeiros LM"
  std::vector<std::string> translated_authors;
  // Addresses: of one author (NoteExpress lists one per author, MEDLINE
  // puts AD under its FAU), as (index in `authors`, address), or of the
  // record without saying whose (CNKI Organ, RefWorks AD).
  std::vector<std::pair<size_t, std::string>> author_addresses;
  std::vector<std::string> addresses;
  std::vector<std::string> keywords;        // one per entry, as printed
  std::vector<std::string> index_keywords;  // a database's: MeSH headings
  std::vector<std::string> translated_keywords;
  std::string abstract;
  std::string journal, journal_abbrev, year, date, volume, issue, pages, issn, url, language, document_type;
  std::string funding;  // the record's fund field as printed ("国家自然科学基金(71991480)")
  std::string database;  // "CNKI", "Wanfang", "PubMed", ...
};

// The paper: id doi:<DOI> when the record has one, else own_id, else
// rec:<hash of title and year>; the other ids become aliases. Authors
// and keywords as written (names are never reordered or abbreviated);
// addresses become Affiliation values with the organisation as printed
// (a Chinese address's postcode and city before the organisation are
// dropped: "220005,徐州市 徐州医科大学附属医院" -> "徐州医科大学附属医院").
// Language from the record, else guessed from the title.
Document PaperFromRecord(const BibRecord& rec, const std::string& key, size_t n);

// A ';'-separated list as CNKI prints it ("柯洪琴;陈璿英;王启斌;"), full-width
// '；' too (never ',': commas stand inside organisations' names): items
// trimmed and kept as printed, empty ones dropped.
std::vector<std::string> SplitNameList(std::string_view s);

// Every item of a tag's lines, each line split as SplitNameList splits it
// (one author per line, or "王小明;李华;" on one).
std::vector<std::string> NameListOf(const TaggedRecord& rec, const char* tag);

// The CNKI FileName in a link ("…detail.aspx?FileName=ZNYX202101034&DbName=…",
// "…/detail/ZNYX202101034.html"), or "".
std::string CnkiFileName(std::string_view url);

// The Wanfang record id in a link ("…detail.do?_type=perio&id=lcjyzz-d202001100",
// "…/periodical/zgzl202001003"), or "".
std::string WanfangId(std::string_view url);

// The database's key in a record's link as an id: cnki:<FileName> for a
// CNKI link, wanfang:<id> for a Wanfang one, else "".
std::string IdOfLink(std::string_view url);

// A Chinese address without its leading postcode and city:
// "220005,徐州市 徐州医科大学附属医院肿瘤科" -> "徐州医科大学附属医院肿瘤科";
// other addresses as they are (trimmed).
std::string ChineseOrganization(std::string_view address);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_BIB_RECORD_H_
