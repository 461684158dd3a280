#include "extract/relation_verbs.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace lodestone::internal {

namespace {

enum class Shape : uint8_t { kBase, kThird, kParticiple, kGerund, kNoun };

struct VerbWord {
  RelationAction action;
  Shape shape;
};

const std::unordered_map<std::string, VerbWord>& VerbWords() {
  using A = RelationAction;
  using S = Shape;
  static const std::unordered_map<std::string, VerbWord> k = {
      {"revoke", {A::kRevoke, S::kBase}},          {"revokes", {A::kRevoke, S::kThird}},
      {"revoked", {A::kRevoke, S::kParticiple}},   {"revoking", {A::kRevoke, S::kGerund}},
      {"revocation", {A::kRevoke, S::kNoun}},      {"revocations", {A::kRevoke, S::kNoun}},
      {"rescind", {A::kRevoke, S::kBase}},         {"rescinds", {A::kRevoke, S::kThird}},
      {"rescinded", {A::kRevoke, S::kParticiple}}, {"rescinding", {A::kRevoke, S::kGerund}},
      {"rescission", {A::kRevoke, S::kNoun}},      {"rescissions", {A::kRevoke, S::kNoun}},
      {"amend", {A::kAmend, S::kBase}},            {"amends", {A::kAmend, S::kThird}},
      {"amended", {A::kAmend, S::kParticiple}},    {"amending", {A::kAmend, S::kGerund}},
      {"amendment", {A::kAmend, S::kNoun}},        {"amendments", {A::kAmend, S::kNoun}},
      {"supersede", {A::kSupersede, S::kBase}},    {"supersedes", {A::kSupersede, S::kThird}},
      {"superseded", {A::kSupersede, S::kParticiple}}, {"superseding", {A::kSupersede, S::kGerund}},
  };
  return k;
}

// Adverbs that may stand between an auxiliary and its participle ("is hereby
// further amended").
bool IsAdverb(const std::string& t) {
  static const std::unordered_set<std::string> k = {"hereby", "further", "also", "each", "herein", "expressly",
                                                    "respectively", "both", "likewise", "thereby", "hereafter",
                                                    "accordingly", "similarly", "all"};
  return k.count(t) > 0;
}

bool IsModal(const std::string& t) {
  static const std::unordered_set<std::string> k = {"to",   "shall", "may",   "should", "must",  "will",
                                                    "would", "can",  "could", "might",  "cannot"};
  return k.count(t) > 0;
}

bool IsNegation(const std::string& t) { return t == "not" || t == "never" || t == "nothing" || t == "neither"; }

VerbForm Participle(const std::vector<Word>& w, size_t i, size_t from) {
  // "as amended", "as further amended": a qualifier of the citation.
  for (size_t j = i; j > from && i - j < 3;) {
    --j;
    if (w[j].term == "as") return VerbForm::kQualifier;
    if (!IsAdverb(w[j].term)) break;
  }
  // Back over adverbs and coordinated participles to the auxiliary: "are
  // hereby replaced and superseded".
  size_t j = i;
  for (size_t steps = 0; j > from && steps < 5; ++steps) {
    const std::string& t = w[j - 1].term;
    bool participle = t.size() > 3 && t.compare(t.size() - 2, 2, "ed") == 0 && !w[j - 1].cjk;
    if (!(IsAdverb(t) || t == "and" || t == "or" || participle)) break;
    --j;
  }
  if (j == from) return i + 1 < w.size() && w[i + 1].term == "by" ? VerbForm::kPassiveNarrative : VerbForm::kActiveNarrative;
  const std::string& aux = w[j - 1].term;
  if (IsNegation(aux)) return VerbForm::kInstruction;
  if (aux == "is" || aux == "are") {
    // "Nothing in this order is revoked": a negated subject (a "not" elsewhere
    // in the sentence, "the PRC has not taken steps", negates something else).
    for (size_t k = from; k + 1 < j; ++k)
      if (w[k].term == "nothing" || w[k].term == "neither") return VerbForm::kInstruction;
    return VerbForm::kPassiveOperative;
  }
  if (aux == "was" || aux == "were" || aux == "been" || aux == "being") return VerbForm::kPassiveNarrative;
  if (aux == "be") {
    size_t m = j - 1;
    while (m > from && IsAdverb(w[m - 1].term)) --m;
    bool shall = m > from && w[m - 1].term == "shall";
    return shall ? VerbForm::kPassiveOperative : VerbForm::kPassiveNarrative;
  }
  // A participle without an auxiliary: "Executive Order 1, revoked by ..." is
  // a reduced passive; "which revoked Executive Order 2" is the past tense.
  if (i + 1 < w.size() && w[i + 1].term == "by") return VerbForm::kPassiveNarrative;
  return VerbForm::kActiveNarrative;
}

// True when the sentence [from, i) says the document acts: "hereby", "I",
// or "this order/proclamation/memorandum" as the subject.
bool DocumentActs(const std::vector<Word>& w, size_t i, size_t from) {
  for (size_t k = from; k < i; ++k) {
    const std::string& t = w[k].term;
    if (t == "hereby") return true;
    if (t == "this" && k + 1 < i) {
      const std::string& n = w[k + 1].term;
      if (n == "order" || n == "proclamation" || n == "memorandum" || n == "determination") return true;
    }
  }
  // "I revoke", "I additionally amend"
  if (i > from && w[i - 1].term == "i") return true;
  const std::string& adverb = i > from + 1 ? w[i - 1].term : std::string();
  return i > from + 1 && w[i - 2].term == "i" && adverb.size() > 3 &&
         adverb.compare(adverb.size() - 2, 2, "ly") == 0;
}

}  // namespace

std::vector<RelationVerb> ClassifyRelationVerbs(const std::vector<Word>& w, const std::vector<uint32_t>& sentence) {
  std::vector<RelationVerb> out(w.size());
  const auto& verbs = VerbWords();
  size_t from = 0;  // first word of the current sentence
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && sentence[i] != sentence[i - 1]) from = i;
    const std::string& t = w[i].term;
    // Every verb word starts with a, r or s and has 5 to 11 letters.
    if (w[i].cjk || t.size() < 5 || t.size() > 11 || !(t[0] == 'a' || t[0] == 'r' || t[0] == 's')) continue;
    auto it = verbs.find(t);
    if (it == verbs.end()) continue;
    RelationVerb& v = out[i];
    v.action = it->second.action;
    switch (it->second.shape) {
      case Shape::kNoun:
      case Shape::kGerund:
        v.form = VerbForm::kNoun;
        break;
      case Shape::kParticiple:
        v.form = Participle(w, i, from);
        break;
      case Shape::kBase: {
        const std::string& prev = i > from ? w[i - 1].term : std::string();
        bool instruction = IsModal(prev) || IsNegation(prev);
        v.form = !instruction && DocumentActs(w, i, from) ? VerbForm::kActiveOperative : VerbForm::kInstruction;
        break;
      }
      case Shape::kThird: {
        // "Nothing in this order revokes", "does not revoke" (a negation of
        // this verb, not of another one earlier in the sentence).
        bool negated = i > from && IsNegation(w[i - 1].term);
        for (size_t k = from; k < i; ++k) negated = negated || w[k].term == "nothing" || w[k].term == "neither";
        v.form = negated ? VerbForm::kInstruction
                         : DocumentActs(w, i, from) ? VerbForm::kActiveOperative : VerbForm::kActiveNarrative;
        break;
      }
    }
  }
  return out;
}

RelationAction TitleAction(const std::vector<Word>& w, size_t word) {
  const auto& verbs = VerbWords();
  for (size_t j = word, n = 0; j > 0 && n < 12; ++n) {
    --j;
    auto it = verbs.find(w[j].term);
    if (it == verbs.end()) continue;
    // "... Executive Order 14257, as Amended" qualifies an earlier citation.
    if (j > 0 && w[j - 1].term == "as") return RelationAction::kNone;
    return it->second.action;
  }
  return RelationAction::kNone;
}

}  // namespace lodestone::internal
