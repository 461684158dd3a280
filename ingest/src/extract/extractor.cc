#include "lodestone/ingest/extract.h"

#include <algorithm>
#include <map>
#include <set>

#include "extract/citation_scanners.h"
#include "extract/cn_functions.h"
#include "extract/cn_tasking.h"
#include "extract/cross_language.h"
#include "extract/dispositions.h"
#include "extract/negation.h"
#include "extract/paper_entities.h"
#include "extract/relation_verbs.h"
#include "extract/sentences.h"
#include "formats/doi.h"
#include "lodestone/text/ascii.h"

namespace lodestone {

namespace {

using internal::CongressOf;
using internal::GapBefore;
using internal::IsMonthWord;
using internal::IsNumber;
using internal::MarkKeywords;
using internal::OwnUscTitle;
using internal::ScanExecutiveOrders;
using internal::SentenceIds;
using Scan = internal::CitationScan;
using Found = internal::FoundCitation;

// A pattern's payload: the entity and the role of the name. kBlock marks a
// phrase in which a name means something else ("Gold Star", "gold
// standard"): it wins by length and yields nothing. kAcronym counts only in
// a document that names the entity by another form too. kChinese is a name
// from the entity's "zh" list (a Chinese name of an act also cites its public law).
enum Role : uint32_t { kName = 0, kHead = 1, kAdjective = 2, kBlock = 3, kAcronym = 4, kChinese = 5 };
uint32_t Pack(size_t entity, Role role) { return static_cast<uint32_t>(entity << 3 | role); }
size_t EntityOf(uint32_t v) { return v >> 3; }
Role RoleOf(uint32_t v) { return static_cast<Role>(v & 7); }
bool IsBlock(uint32_t v) { return RoleOf(v) == kBlock; }

// "the Treasury" -> "Treasury", for lists such as "the Departments of State,
// the Treasury, and Defense".
std::string WithoutThe(const std::string& s) { return s.rfind("the ", 0) == 0 ? s.substr(4) : s; }

}  // namespace

// ------------------------------------------------------------ Extractor

Extractor::~Extractor() = default;

Extractor::Extractor(const KnowledgeBase& kb) : kb_(kb), functions_(std::make_unique<internal::FunctionNames>()) {
  Analyzer analyzer;
  const auto& es = kb.entities();
  for (size_t k = 0; k < es.size(); ++k) {
    const Entity& e = es[k];
    // Proper names of countries, agencies and people are capitalised; a
    // mineral or a concept may start a sentence or sit in a title.
    bool name_ci = e.type == "mineral" || e.type == "concept";
    if (!e.ambiguous) matcher_.Add(MakePattern(analyzer, e.name, !name_ci, Pack(k, kName)));
    for (const auto& a : e.aliases) matcher_.Add(MakePattern(analyzer, a, false, Pack(k, kName)));
    for (const auto& a : e.aliases_cs) matcher_.Add(MakePattern(analyzer, a, true, Pack(k, kName)));
    for (const auto& a : e.acronyms) matcher_.Add(MakePattern(analyzer, a, true, Pack(k, kAcronym)));
    for (const auto& f : e.zh_functions) functions_->Add(f, k);
    for (const auto& a : e.zh) matcher_.Add(MakePattern(analyzer, a, false, Pack(k, kChinese)));
    for (const auto& a : e.heads) {
      matcher_.Add(MakePattern(analyzer, a, true, Pack(k, kHead)));
      matcher_.Add(MakePattern(analyzer, text::AsciiUpper(a), true, Pack(k, kHead)));  // MEMORANDUM FOR THE SECRETARY OF ENERGY
    }
    if (e.type == "agency") matcher_.Add(MakePattern(analyzer, text::AsciiUpper(e.name), true, Pack(k, kName)));
    for (const auto& a : e.not_in) matcher_.Add(MakePattern(analyzer, a, false, Pack(k, kBlock)));
    // Departments also go by their short name inside lists.
    const std::string dept = "Department of ";
    if (e.type == "agency" && e.name.rfind(dept, 0) == 0)
      short_names_.emplace_back(WithoutThe(e.name.substr(dept.size())), k);
    for (const auto& a : e.adjectives) matcher_.Add(MakePattern(analyzer, a, true, Pack(k, kAdjective)));
  }
  matcher_.Build();
}

void Extractor::Extract(Document* doc, Analyzer& analyzer) const {
  Extract(doc, DocumentWords::Of(*doc, analyzer), analyzer);
}

namespace {
constexpr size_t kMaxOffsets = 8;  // evidence offsets kept per entity or citation
}  // namespace

// The extraction of one document (eyecite's stages): the analysis computed
// once in the constructor (the words the pipeline segmented, sentence
// numbers, keyword marks, a disposition block's reading), then the three
// stages that read it, in this order: FindEntities (entities, and named
// acts as citations), FindCitations (the scanners, DOIs, references),
// FindRelations (the verbs around the citations, labels, directs).
class Extractor::Pass {
 public:
  Pass(const Extractor& ex, Document* document, const DocumentWords& document_words, Analyzer& an)
      : kb_(ex.kb_),
        matcher_(ex.matcher_),
        short_names_(ex.short_names_),
        functions_(ex.functions_.get()),
        doc(document),
        analyzer(an),
        text(document->text),
        words(document_words.text),
        title_words(document_words.title),
        table(document->format == "eo-disposition") {
    // Relations a reader took from the source's structured fields (origin
    // "metadata", e.g. an order's disposition) are the source's own word: they
    // stay, and the text does not relate their targets otherwise.
    for (const RelationRef& r : doc->relations)
      if (r.origin == "metadata") given.push_back(r);
    // A block of a disposition table was read by its structure, once, in
    // the reader (extract/dispositions.h): the orders it names (with
    // lettered numbers such as 7261-A) are the reader's citations, and their
    // relations its metadata relations; the scanners add the other
    // citations, except on the lines about the order's own publication.
    if (table) given_citations = doc->citations;
    doc->entities.clear();
    doc->citations.clear();
    doc->relations.clear();
    sentence = SentenceIds(words, text);
    kw = MarkKeywords(words);
  }

  void FindEntities();
  void FindCitations();
  void FindRelations();

 private:
  static constexpr size_t kWordBytes = static_cast<size_t>(-1);
  struct AgencyMention {
    size_t word;
    std::string id;
    size_t begin, end;  // bytes of the name
    size_t entity;      // in the knowledge base
  };
  size_t EntityIndex(const Entity& e) const { return static_cast<size_t>(&e - kb_.entities().data()); }
  void cite(const std::string& id, size_t offset) {
    auto [it, inserted] = citation_at.emplace(id, doc->citations.size());
    if (inserted) doc->citations.push_back({id, 0, {}});
    CitationRef& c = doc->citations[it->second];
    ++c.count;
    if (c.offsets.size() < kMaxOffsets) c.offsets.push_back(static_cast<uint32_t>(offset));
  }
  // The name's bytes are [begin, end); by default those of word `word`.
  void add_entity(const Entity& e, size_t word, size_t begin = kWordBytes, size_t end = kWordBytes) {
    if (e.id == doc->id) return;
    auto [it, inserted] = entity_at.emplace(e.id, doc->entities.size());
    if (inserted) doc->entities.push_back({e.id, e.name, 0, {}});
    EntityRef& r = doc->entities[it->second];
    ++r.count;
    if (r.offsets.size() < kMaxOffsets) r.offsets.push_back(static_cast<uint32_t>(words[word].begin));
    if (e.type == "agency")
      agencies.push_back({word, e.id, begin == kWordBytes ? words[word].begin : begin,
                          end == kWordBytes ? words[word].end : end, EntityIndex(e)});
  }

  // The extractor's tables.
  const KnowledgeBase& kb_;
  const TrieMatcher& matcher_;
  const std::vector<std::pair<std::string, size_t>>& short_names_;
  const internal::FunctionNames* functions_;
  // The document and its analysis.
  Document* doc;
  Analyzer& analyzer;  // for the references, which are not the document's text
  const std::string& text;
  const std::vector<Word>& words;
  const std::vector<Word>& title_words;
  const bool table;  // a block of a disposition table
  std::vector<RelationRef> given;  // the reader's metadata relations
  std::vector<CitationRef> given_citations;  // a disposition block's, as the reader found them
  std::vector<uint32_t> sentence;  // sentence number of each word
  std::vector<uint8_t> kw;         // MarkKeywords
  // What the stages found, for the later ones.
  std::map<std::string, size_t> entity_at, citation_at;
  std::vector<AgencyMention> agencies;  // in word order after FindEntities
  std::vector<Found> found;             // the scanners' citations
};

void Extractor::Pass::FindEntities() {
  // Entities (and named acts, which are citations).
  // Names the text names only to say it does not ("names no mineral such as
  // lithium") are no mentions.
  const std::vector<uint8_t> negated = internal::NegatedNamingScopes(words, text, sentence);
  std::vector<PhraseMatch> acronyms;  // kept until the document is known to name their entity in full
  std::vector<std::pair<size_t, std::pair<size_t, size_t>>> matched;  // entity -> [begin, end) bytes
  auto take = [&](const PhraseMatch& m, bool nested) {
    if (IsBlock(m.value) || negated[m.first_word]) return;
    const Entity& e = kb_.entities()[EntityOf(m.value)];
    if (e.type == "act") {
      if (nested) return;
      cite(e.id, words[m.first_word].begin);
      // 《通胀削减法案》 is Public Law 117-169 as much as it is the act's name (issue 15).
      if (RoleOf(m.value) == kChinese && !e.public_law.empty()) cite("pl:" + e.public_law, words[m.first_word].begin);
      return;
    }
    if (e.type == "cnlaw") {  // a PRC law by its English name: the version cited (cross_language.h)
      if (nested) return;
      const std::string id = internal::ChineseLawVersion(e, text, words[m.first_word].begin, words[m.end_word - 1].end, doc->date);
      if (!id.empty() && id != doc->id) cite(id, words[m.first_word].begin);
      return;
    }
    if (e.type == "eo") return;  // orders' translated titles are read by FindChineseCitations
    if (nested && e.type != "agency") return;
    if (RoleOf(m.value) == kAcronym) {
      acronyms.push_back(m);
      return;
    }
    matched.push_back({EntityOf(m.value), {words[m.first_word].begin, words[m.end_word - 1].end}});
    add_entity(e, m.first_word, words[m.first_word].begin, words[m.end_word - 1].end);
  };
  const std::vector<PhraseMatch> matches = matcher_.Match(words, text);
  for (const PhraseMatch& m : matches) {
    take(m, false);
    // An agency named after "of" inside a longer agency name is named too:
    // "Inspector General of the Department of Agriculture", "Office of the
    // Solicitor of the Department of the Interior".
    if (IsBlock(m.value) || kb_.entities()[EntityOf(m.value)].type != "agency" || m.end_word - m.first_word < 4)
      continue;
    for (uint32_t of = m.first_word + 1; of + 1 < m.end_word; ++of) {
      if (words[of].term != "of") continue;
      std::vector<Word> inner(words.begin() + of + 1, words.begin() + m.end_word);
      for (PhraseMatch n : matcher_.Match(inner, text)) {
        if (EntityOf(n.value) == EntityOf(m.value)) continue;
        n.first_word += of + 1;
        n.end_word += of + 1;
        take(n, true);
      }
      break;
    }
  }
  // Chinese State Council bodies named by their function (国务院商务主管部门,
  // 国务院发展改革、财政、能源等有关部门).
  if (!functions_->empty())
    for (const auto& hit : functions_->Find(text)) {
      bool named = false;  // the same words already matched a name of the entity
      for (const auto& [k, range] : matched)
        named = named || (k == hit.entity && hit.offset >= range.first && hit.offset < range.second);
      if (named) continue;
      auto w = std::lower_bound(words.begin(), words.end(), hit.offset,
                                [](const Word& x, size_t off) { return x.end <= off; });
      if (w == words.end()) continue;
      size_t wi = static_cast<size_t>(w - words.begin());
      if (negated[wi]) continue;
      add_entity(kb_.entities()[hit.entity], wi, hit.offset, hit.offset + hit.length);
    }
  // "the Departments of State, the Treasury, Defense, and Energy", "the
  // Secretaries of State and Defense": short names in a list.
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (!kw[i]) continue;
    const std::string& t = words[i].term;
    if (!((t == "departments" || t == "secretaries") && words[i + 1].term == "of")) continue;
    size_t j = i + 2;
    for (;;) {
      if (j < words.size() && words[j].term == "and") ++j;
      if (j < words.size() && words[j].term == "the") ++j;
      size_t best_len = 0, best = 0;
      for (const auto& [name, k] : short_names_) {
        size_t p = 0, n = 0, at = j;
        // Compare word by word, as written ("State", "Homeland Security").
        while (p < name.size() && at < words.size()) {
          size_t sp = name.find(' ', p);
          std::string part = name.substr(p, sp == std::string::npos ? std::string::npos : sp - p);
          if (text.compare(words[at].begin, words[at].end - words[at].begin, part) != 0) break;
          ++n;
          ++at;
          p = sp == std::string::npos ? name.size() + 1 : sp + 1;
        }
        if (p > name.size() && n > best_len) {
          best_len = n;
          best = k;
        }
      }
      if (!best_len) break;
      add_entity(kb_.entities()[best], j);
      j += best_len;
      if (j >= words.size()) break;
      std::string_view gap = GapBefore(words, text, j);
      if (gap.find(',') == std::string_view::npos && words[j].term != "and") break;
    }
    i = j > i ? j - 1 : i;
  }

  // Acronyms count where the document also names their entity otherwise
  // ("Bureau of Ocean Energy Management (BOEM)"): alone, "BPA" or "NEA" is as
  // likely a word of another field.
  for (const PhraseMatch& m : acronyms) {
    const Entity& e = kb_.entities()[EntityOf(m.value)];
    if (entity_at.count(e.id)) add_entity(e, m.first_word, words[m.first_word].begin, words[m.end_word - 1].end);
  }
  std::sort(agencies.begin(), agencies.end(),
            [](const AgencyMention& a, const AgencyMention& b) { return a.word < b.word; });
  // A paper's keywords, organisations and funders (paper_entities.h).
  internal::AddPaperEntities(doc);
}

void Extractor::Pass::FindCitations() {
  // Citations.
  const std::string own_usc = OwnUscTitle(doc->id, doc->meta);
  Scan scan{words, text, doc->id, CongressOf(doc->date), own_usc, kw};
  found = internal::ScanCitations(scan);
  if (table) {
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const Found& f) {
                                 return f.id.rfind("eo:", 0) == 0 ||
                                        internal::OnOwnPublicationLine(text, words[f.word].begin);
                               }),
                found.end());
    for (const CitationRef& c : given_citations) {
      auto [it, inserted] = citation_at.emplace(c.id, doc->citations.size());
      if (inserted) doc->citations.push_back({c.id, 0, {}});
      CitationRef& mine = doc->citations[it->second];
      mine.count += c.count;
      for (uint32_t off : c.offsets)
        if (mine.offsets.size() < kMaxOffsets) mine.offsets.push_back(off);
    }
  }
  for (const Found& f : found) cite(f.id, words[f.word].begin);
  // U.S. instruments cited in Chinese: 第13817号行政令, 《…》行政令, 第117-169号公法 (cross_language.h).
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; }))
    for (const auto& c : internal::FindChineseCitations(text, kb_))
      if (c.id != doc->id) cite(c.id, c.offset);
  for (const auto& [doi, offset] : internal::FindDois(text)) {
    const std::string id = "doi:" + doi;
    // eLife prints a DOI for every figure and supplement of the article
    // (10.7554/eLife.00005.013): parts of the document, not works it cites.
    if (id == doc->id || (id.size() > doc->id.size() && id.compare(0, doc->id.size(), doc->id) == 0 &&
                          id[doc->id.size()] == '.'))
      continue;
    cite(id, offset);
  }
  // A paper's references that name laws and orders ("Executive Order 13817",
  // "Public Law 117-169", "30 U.S.C. 1606") link into the policy graph with
  // the same ids. Only references that mention a trigger word are scanned:
  // a Web of Science export has a quarter of a million of them.
  static const char* kTriggers[] = {"Order", "ORDER", "Law", "LAW", "U.S.C", "USC", "C.F.R", "CFR",
                                    "Fed. Reg", "FED REG", "Stat.", "STAT ", "Act", "ACT"};
  for (auto& ref : doc->references) {
    if (std::none_of(std::begin(kTriggers), std::end(kTriggers),
                     [&](const char* t) { return ref.text.find(t) != std::string::npos; }))
      continue;
    for (const auto& id : lodestone::FindCitations(ref.text, analyzer, doc->id, doc->date)) {
      if (id.rfind("doi:", 0) == 0 || id.rfind("act:", 0) == 0) continue;  // DOIs are the reference's own; acts are guesses
      if (std::find(ref.ids.begin(), ref.ids.end(), id) == ref.ids.end()) ref.ids.push_back(id);
    }
  }
}

void Extractor::Pass::FindRelations() {
  // Relations between documents: the verb of the citation's sentence.
  std::set<std::pair<RelationType, std::string>> seen;
  auto relate = [&](RelationType type, const std::string& target, size_t offset, const char* origin) {
    if (target == doc->id || !seen.insert({type, target}).second) return;
    doc->relations.push_back({type, target, static_cast<uint32_t>(offset), origin});
  };
  for (const RelationRef& r : given) relate(r.type, r.target, r.offset, "metadata");  // a table block's too
  std::set<std::string> settled;  // targets the structured fields relate
  for (const RelationRef& r : doc->relations) settled.insert(r.target);
  // Sentence -> [first word, end word); sentence ids count up from 0.
  std::vector<std::pair<size_t, size_t>> span(words.empty() ? 0 : sentence.back() + 1, {0, 0});
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == 0 || sentence[i] != sentence[i - 1]) span[sentence[i]].first = i;
    span[sentence[i]].second = i + 1;
  }
  // Which orders this document revokes, amends or supersedes: only
  // operative language counts (relation_verbs.h). Words in parentheses (the
  // titles of cited orders) are passed over.
  // Quoted words are text an amendment inserts or strikes ("striking the
  // phrase “In Executive Order 14028, I directed ...”"): never acted on.
  std::vector<uint8_t> in_paren(words.size(), 0), in_quote(words.size(), 0);
  int depth = 0, quote = 0;
  bool straight = false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view gap = GapBefore(words, text, i);
    for (size_t k = 0; k < gap.size(); ++k) {
      char c = gap[k];
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if (c == '"') straight = !straight;
      if (gap.compare(k, 3, "\xE2\x80\x9C") == 0) ++quote;                // “
      if (gap.compare(k, 3, "\xE2\x80\x9D") == 0 && quote > 0) --quote;  // ”
    }
    if (sentence[i] != (i ? sentence[i - 1] : 0)) depth = 0;
    if (gap.find("\n\n") != std::string_view::npos) quote = 0, straight = false;
    in_paren[i] = depth > 0;
    in_quote[i] = quote > 0 || straight;
  }
  std::vector<internal::RelationVerb> verbs = internal::ClassifyRelationVerbs(words, sentence);
  for (size_t i = 0; i < words.size(); ++i)
    if (in_paren[i] || in_quote[i]) verbs[i] = {};
  using internal::RelationAction;
  using internal::VerbForm;
  auto operative = [](const internal::RelationVerb& v) {
    return v.form == VerbForm::kPassiveOperative || v.form == VerbForm::kActiveOperative;
  };
  auto clause_break = [&](size_t i) { return GapBefore(words, text, i).find(';') != std::string_view::npos; };
  // A sentence whose operative verb is followed by ':' hands its action to
  // the list items after it ("The following orders are hereby revoked:").
  std::vector<RelationAction> list_action(span.size(), RelationAction::kNone);
  for (size_t sid = 0; sid + 1 < span.size(); ++sid) {
    auto [from, to] = span[sid];
    if (from >= to) continue;
    std::string_view after = to < words.size() ? GapBefore(words, text, to) : std::string_view();
    RelationAction v = RelationAction::kNone;
    bool any_verb = false;
    for (size_t i = from; i < to; ++i) {
      any_verb = any_verb || verbs[i].form != VerbForm::kNone;
      if (operative(verbs[i])) v = verbs[i].action;
    }
    if (v != RelationAction::kNone && after.find(':') != std::string_view::npos) list_action[sid + 1] = v;
    else if (list_action[sid] != RelationAction::kNone && !any_verb &&
             !(words[from].term == "sec" || words[from].term == "section"))
      list_action[sid + 1] = list_action[sid];
  }
  auto relation_of = [](RelationAction a) {
    return a == RelationAction::kRevoke  ? RelationType::kRevokes
           : a == RelationAction::kAmend ? RelationType::kAmends
                                         : RelationType::kSupersedes;
  };
  // The action this document takes on the order cited at word c.
  auto action_on = [&](size_t c) {
    auto [from, to] = span[sentence[c]];
    // The nearest verb to the left: an active verb takes the citation as its
    // object ("I hereby revoke Executive Order 1"; "which revoked Executive
    // Order 2"), and so does a noun ("the amendments it made to Executive
    // Order 3") or an instruction ("shall revoke any rules implementing
    // Executive Order 4"); a passive one followed by ':' heads a list, whose
    // items a ';' separates ("The following are revoked: (i) ...; (ii) ...").
    bool crossed = false;  // a ';' lies between
    for (size_t i = c; i > from;) {
      if (clause_break(i)) crossed = true;
      --i;
      const auto& v = verbs[i];
      if (v.form == VerbForm::kNone || v.form == VerbForm::kQualifier) continue;
      if (v.form == VerbForm::kPassiveOperative && GapBefore(words, text, i + 1).find(':') != std::string_view::npos)
        return v.action;
      if (crossed) break;
      if (v.form == VerbForm::kActiveOperative) return v.action;
      if (v.form == VerbForm::kActiveNarrative || v.form == VerbForm::kNoun || v.form == VerbForm::kInstruction)
        return RelationAction::kNone;
      break;
    }
    // Else the citation is the subject of the first passive verb to its
    // right ("Executive Order 12836, which ... revoked Executive Order 12800,
    // is revoked": the relative clause's active verb is passed over).
    for (size_t i = c + 1; i < to && !clause_break(i); ++i) {
      const auto& v = verbs[i];
      if (v.form == VerbForm::kPassiveOperative) return v.action;
      if (v.form == VerbForm::kPassiveNarrative) return RelationAction::kNone;
    }
    return list_action[sentence[c]];
  };
  // "... as amended by Executive Order 13757 ..., Executive Order 13984 ...":
  // a citation in a list that "by" opens names an agent, not a target.
  auto agent = [&](size_t c) {
    size_t from = span[sentence[c]].first;
    for (size_t j = c; j > from;) {
      --j;
      if (in_paren[j]) continue;  // a cited order's title ("... Growth by Reviewing ...")
      const std::string& t = words[j].term;
      if (t == "by") return true;
      bool list_word = IsNumber(t) || IsMonthWord(t) || t == "executive" || t == "order" ||
                       t == "orders" || t == "eo" || t == "eos" || t == "no" || t == "nos" || t == "of" ||
                       t == "and" || t == "or";
      if (!list_word) return false;
    }
    return false;
  };
  for (const Found& f : found) {
    if (f.id.rfind("eo:", 0) != 0 || in_paren[f.word] || in_quote[f.word] || settled.count(f.id)) continue;
    if (agent(f.word)) continue;
    RelationAction v = action_on(f.word);
    if (v == RelationAction::kNone) continue;
    // Revoking sections of an order ("sections 401(3)-(4) of Executive Order
    // 12656 ... are revoked") is a partial revocation: neither a revocation
    // nor an amendment (tests/eval/README.md).
    if (v == RelationAction::kRevoke && f.word >= 3 && words[f.word - 3].term == "of") {
      bool sections = false;
      for (size_t i = f.word >= 12 ? f.word - 12 : 0; i < f.word - 3; ++i)
        sections = sections || words[i].term == "section" || words[i].term == "sections";
      if (sections) continue;
    }
    relate(relation_of(v), f.id, words[f.word].begin, "text");
  }
  // "I hereby terminate the national emergency declared in Executive Order
  // 13617, revoke that order": the order meant is the last one cited before.
  // "... that order is hereby revoked" likewise.
  auto is_anaphor = [&](size_t d) {  // "that order", "such Executive Order" at word d
    const std::string& t = words[d].term;
    size_t noun = d + 1;
    if (noun < words.size() && words[noun].term == "executive") ++noun;
    return (t == "that" || t == "such" || t == "said") && noun < words.size() && words[noun].term == "order"
               ? noun
               : size_t{0};
  };
  for (size_t i = 0; i + 2 < words.size() && !table; ++i) {
    size_t anaphor = 0;
    if (verbs[i].form == VerbForm::kActiveOperative) {
      if (is_anaphor(i + 1)) anaphor = i + 1;
    } else if (verbs[i].form == VerbForm::kPassiveOperative) {
      // back over the auxiliary and adverbs to the noun
      size_t j = i;
      while (j > 0 && (words[j - 1].term == "hereby" || words[j - 1].term == "also" || words[j - 1].term == "is" ||
                       words[j - 1].term == "further"))
        --j;
      for (size_t d = j >= 3 ? j - 3 : 0; d + 1 < j; ++d)
        if (size_t noun = is_anaphor(d); noun && noun + 1 == j) anaphor = d;
    }
    if (!anaphor) continue;
    const Found* last = nullptr;
    for (const Found& f : found)
      if (f.word < anaphor && sentence[f.word] == sentence[i] && f.id.rfind("eo:", 0) == 0 && !in_paren[f.word] &&
          !in_quote[f.word])
        last = &f;
    if (last && !settled.count(last->id))
      relate(relation_of(verbs[i].action), last->id, words[last->word].begin, "text");
  }
  // The document's own title says what it does: "Revocation of Executive
  // Orders 13574 ...", "Amending Executive Order 14241".
  // (A disposition table's block is read by its labels only.)
  if (!doc->title.empty() && !table) {
    const std::vector<Word>& tw = title_words;
    Scan title_scan{tw, doc->title, doc->id, 0, std::string(), MarkKeywords(tw)};
    std::vector<Found> in_title;
    ScanExecutiveOrders(title_scan, &in_title);
    // A title the text repeats is at its top (Federal Register formats).
    size_t title_at = std::string_view(text).substr(0, 4096).find(doc->title);
    for (const Found& f : in_title) {
      RelationAction v = internal::TitleAction(tw, f.word);
      if (v == RelationAction::kNone || settled.count(f.id)) continue;
      size_t offset = title_at == std::string::npos ? kNoOffset : title_at + tw[f.word].begin;
      relate(relation_of(v), f.id, offset, "text");
    }
  }
  for (const char* key : {"disposition_notes", "executive_order_notes"}) {
    auto it = doc->meta.find(key);
    if (it == doc->meta.end()) continue;
    std::vector<RelationRef> rel;
    internal::DispositionNoteRelations(it->second, doc->id, &rel);
    for (const auto& r : rel) relate(r.type, r.target, kNoOffset, "metadata");
  }
  // directs: the first agency named in a sentence before its "shall", or
  // right after "direct(s)".
  size_t a = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!kw[i]) continue;
    const std::string& t = words[i].term;
    bool shall = t == "shall";
    bool direct = t == "direct" || t == "directs" || t == "directed";
    if (!shall && !direct) continue;
    while (a < agencies.size() && sentence[agencies[a].word] < sentence[i]) ++a;
    if (shall) {
      if (a < agencies.size() && agencies[a].word < i && sentence[agencies[a].word] == sentence[i])
        relate(RelationType::kDirects, agencies[a].id, words[agencies[a].word].begin, "text");
    } else {
      for (size_t b = a; b < agencies.size() && agencies[b].word <= i + 4; ++b)
        if (agencies[b].word > i && sentence[agencies[b].word] == sentence[i]) {
          relate(RelationType::kDirects, agencies[b].id, words[agencies[b].word].begin, "text");
          break;
        }
    }
  }
  // Chinese text tasks a body as the subject of a clause, the agent after 由
  // or a partner after 会同 (cn_tasking.h); a paper tasks no one.
  if (doc->kind != Kind::kPaper) {
    std::vector<internal::BodyMention> cn;
    for (const AgencyMention& m : agencies)
      if (m.begin < text.size() && static_cast<unsigned char>(text[m.begin]) >= 0xE3) cn.push_back({m.begin, m.end, m.entity});
    if (!cn.empty())
      for (const internal::Tasking& t : internal::ChineseTaskings(text, std::move(cn)))
        relate(RelationType::kDirects, kb_.entities()[t.entity].id, t.offset, "text");
  }
}

void Extractor::Extract(Document* doc, const DocumentWords& document_words, Analyzer& analyzer) const {
  Pass pass(*this, doc, document_words, analyzer);
  pass.FindEntities();
  pass.FindCitations();
  pass.FindRelations();
}

std::vector<std::string> FindCitations(const std::string& text, Analyzer& analyzer, const std::string& own_id,
                                       const std::string& date) {
  std::vector<Word> words = analyzer.Words(text);
  Scan scan{words, text, own_id, CongressOf(date), OwnUscTitle(own_id), MarkKeywords(words)};
  std::vector<std::string> out;
  for (const Found& f : internal::ScanCitations(scan)) out.push_back(f.id);
  for (const auto& d : internal::FindDois(text)) out.push_back("doi:" + d.first);
  return out;
}

}  // namespace lodestone
