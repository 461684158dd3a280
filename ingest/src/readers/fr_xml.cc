// Federal Register XML (PRESDOCU, EXECORD, PROCLA, FEDREG): the order's text
// without its printing artefacts, its heading's number and date.
#include <string>
#include <vector>

#include "extract/classify.h"
#include "formats/whitespace.h"
#include "formats/xml.h"
#include "readers/federal_register.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

Result<std::vector<Document>> ReadFrXml(const FileInput& in) {
  auto doc = ParseXml(in.bytes);
  if (!doc.ok()) return doc.status();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  Document d;
  d.format = "fr-xml";
  // Printing artefacts: page numbers, graphics, filing trailer, billing code.
  static const std::vector<std::string_view> kSkip = {"PRTPAGE", "GPH", "FRDOC", "FILED", "BILCOD", "GID"};
  static const std::vector<std::string_view> kBlocks = {"P",    "FP",   "HD",    "EXECORDR", "PRES", "TITLE3",
                                                        "PSIG", "PLACE", "DATE", "PROCLA",   "PRORDR", "GPOTABLE",
                                                        "ROW",  "EXTRACT", "NOTE", "LI"};
  d.text = CleanWhitespace(Text(root, kSkip, kBlocks));
  std::string number = EoNumberFromName(in.path);
  if (xmlNode* hd = Find(root, "EXECORDR")) {
    std::string heading = Text(hd);
    std::string date;
    FindEoHeading(heading, &number, &date);
    d.date = date;
    d.kind = Kind::kExecutiveOrder;
  } else {
    d.kind = ClassifyKind(in.path, "", d.text);
  }
  if (xmlNode* hd = Find(root, "HD")) d.title = CleanWhitespace(Text(hd));
  if (d.kind == Kind::kExecutiveOrder && !number.empty()) {
    d.number = number;
    d.id = "eo:" + number;
  } else {
    d.id = HashId(in.key);
  }
  d.language = "en";
  
  return std::vector<Document>{std::move(d)};
}

bool SniffFrXml(const FileHead& f) {
  return f.ExtIs({".xml"}) && (f.Has("<PRESDOCU") || f.Has("<FEDREG") || f.Has("<EXECORD") || f.Has("<PROCLA"));
}

}  // namespace

extern const Reader kFrXmlReader = {"fr-xml", kRichStructured, SniffFrXml, ReadFrXml};

}  // namespace lodestone::internal
