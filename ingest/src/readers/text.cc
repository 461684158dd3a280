// Plain text: the text as it is, its first line as the title, its kind from
// its wording, its own number when it opens with its heading.
#include <string>
#include <vector>

#include "extract/classify.h"
#include "extract/own_id.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/whitespace.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

Result<std::vector<Document>> ReadText(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  Document d;
  d.id = HashId(in.key);
  d.format = "text";
  d.text = CleanWhitespace(*utf8);
  d.title = FirstLine(d.text);
  if (d.title.size() > 200) d.title = d.title.substr(0, 200);
  d.kind = ClassifyKind(in.path, d.title, d.text);
  TakeOwnHeading(d);
  if (d.language.empty()) d.language = GuessLanguage(d.text);
  return std::vector<Document>{std::move(d)};
}

bool SniffText(const FileHead& f) { return f.TextLike(); }

}  // namespace

extern const Reader kTextReader = {"text", kRichPlainText, SniffText, ReadText};

}  // namespace lodestone::internal
