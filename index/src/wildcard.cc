#include "wildcard.h"

#include "lodestone/index/schema.h"

namespace lodestone::internal {

namespace {
// The fields Rewrite writes: unlikely to be typed, never a real field.
constexpr char kTextField[] = "lodewildcard";
constexpr char kTitleField[] = "lodewildcardtitle";
}  // namespace

class WildcardExpander::Field : public Xapian::FieldProcessor {
 public:
  Field(WildcardExpander* owner, std::string prefix) : owner_(owner), prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& text) override {
    const std::string word = Xapian::Unicode::tolower(text);
    const std::string start = prefix_ + word;
    std::vector<Xapian::Query> terms;
    const Xapian::Database& db = owner_->db_;
    for (auto t = db.allterms_begin(start); t != db.allterms_end(start); ++t) {
      if (terms.size() >= owner_->limit_) {
        if (owner_->error_.empty())
          owner_->error_ = word + "* stands for more than " + std::to_string(owner_->limit_) +
                           " words of the index; type more letters before the *";
        return Xapian::Query();
      }
      terms.emplace_back(*t);
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

 private:
  WildcardExpander* owner_;
  std::string prefix_;
};

WildcardExpander::WildcardExpander(const Xapian::Database& db, size_t limit) : db_(db), limit_(limit) {}
WildcardExpander::~WildcardExpander() = default;

void WildcardExpander::Register(Xapian::QueryParser& qp) {
  fields_.push_back(std::make_unique<Field>(this, ""));
  qp.add_prefix(kTextField, fields_.back().get());
  fields_.push_back(std::make_unique<Field>(this, schema::kPrefixTitle));
  qp.add_prefix(kTitleField, fields_.back().get());
}

std::string WildcardExpander::Rewrite(const std::string& q) const {
  std::string out;
  bool quoted = false;
  size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == '"') quoted = !quoted;
    if (quoted || c == ' ' || c == '(' || c == ')' || c == '"') {
      out += c;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
    std::string tok = q.substr(i, j - i);
    i = j;
    std::string sign;
    if (tok[0] == '+' || tok[0] == '-') {
      sign = tok.substr(0, 1);
      tok = tok.substr(1);
    }
    if (tok.size() < 2 || tok.back() != '*' || tok.find('*') != tok.size() - 1) {
      out += sign + tok;
      continue;
    }
    const size_t colon = tok.find(':');
    const std::string field = colon == std::string::npos ? "" : tok.substr(0, colon);
    const std::string word = tok.substr(colon == std::string::npos ? 0 : colon + 1, tok.size() - 1 - (colon == std::string::npos ? 0 : colon + 1));
    if (word.empty() || (field != "" && field != "title")) {
      out += sign + tok;  // other fields: Xapian's meaning
      continue;
    }
    out += sign + (field.empty() ? kTextField : kTitleField) + ":" + word;
  }
  return out;
}

}  // namespace lodestone::internal
