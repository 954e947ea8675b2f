// Document -> Xapian document: derives missing fields and writes every term,
// value and the stored data that the schema names.
#pragma once

#include "analyzers/analyzer.h"
#include "analyzers/extractor.h"
#include "analyzers/gazetteer.h"

#include <chancery/document.h>

#include <xapian.h>

namespace chancery {

// Builds Xapian documents. Owns an Analyzer and a FieldExtractor: not
// thread-safe, one per thread. The gazetteer is shared and must outlive it.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const Gazetteer& gazetteer)
        : gazetteer_(&gazetteer), extractor_(gazetteer) {}

    // Fills the fields `document` lacks (language, date, parties, forum; always
    // the mentioned entities and dates), turns the input's parties and forum
    // into the gazetteer's codes, and returns the Xapian document to store
    // under the id term schema::term(kIdPrefix, document.id).
    [[nodiscard]] Xapian::Document build(Document& document);

    [[nodiscard]] const Analyzer& analyzer() const { return analyzer_; }

  private:
    void derive_fields(Document& document, const std::vector<Token>& title,
                       const std::vector<Token>& body);
    void index_tokens(Xapian::Document& xdoc, const std::vector<Token>& tokens,
                      std::string_view lang, bool title);

    const Gazetteer* gazetteer_;
    Analyzer analyzer_;
    FieldExtractor extractor_;
};

}  // namespace chancery
