// Citations across languages (issue 15): Chinese text citing U.S.
// instruments, and English text citing Chinese laws, resolved to the ids the
// documents themselves have, so that a Chinese paper on U.S. strategy links
// to the orders it discusses and a U.S. document to the PRC law it names.
//
// Chinese -> U.S. (FindChineseCitations): executive orders by number
// (第13817号行政令, 13817号总统行政命令, 行政令第13817号, lists 第13817号和第13953号行政令),
// by translated title next to 行政令/行政命令/总统令 (《关于确保关键矿产安全和可靠供应的联邦战略》
// 行政令 -> eo:13817, through the knowledge base's zh_titles; a title alone only when
// it equals a known one and is long), public laws (第117-169号公法) and the U.S.
// Code (《美国法典》第50编第4501节). Named acts are matched by the extractor's
// phrase matcher through the acts' Chinese names (kb "zh"), which also cite
// the act's public law.
// English -> Chinese laws (ChineseLawVersion): the extractor's matcher finds
// the English names of cnlaw entries; this picks the version cited.
// Private to ingest/. Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_CROSS_LANGUAGE_H_
#define LODESTONE_INGEST_SRC_EXTRACT_CROSS_LANGUAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/ingest/kb.h"

namespace lodestone::internal {

struct CrossCitation {
  std::string id;     // eo:13817, pl:117-169, usc:50/4501
  size_t offset = 0;  // byte offset of the citation in the text
};

// Citations of U.S. instruments written in Chinese, in text order.
std::vector<CrossCitation> FindChineseCitations(std::string_view text, const KnowledgeBase& kb);

// The id of the version of `law` (a cnlaw entity with versions) that a
// mention at [begin, end) of `text` cites: the version whose year is written
// next to the name ("the 2024 Mineral Resources Law", "Mineral Resources Law
// (revised 2024)"), else the latest version on or before `date` (the citing
// document's), else the earliest when the document predates them all, else
// (no date) the latest. "" when the entity has no versions.
std::string ChineseLawVersion(const Entity& law, std::string_view text, size_t begin, size_t end,
                              const std::string& date);

// How close a written title is to a known one, 0..1: Dice's coefficient of
// their character bigrams after dropping function words and punctuation
// (关于, 的, 和, 与, 及, 、, spaces).
double TitleSimilarity(std::string_view a, std::string_view b);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_CROSS_LANGUAGE_H_
