// Document -> Xapian document: derives missing fields and writes every term,
// value and the stored data that the schema names.
#pragma once

#include "analyzers/analyzer.h"

#include <chancery/document.h>

#include <xapian.h>

namespace chancery {

// Builds Xapian documents. Owns an Analyzer: not thread-safe, one per thread.
class DocumentBuilder {
  public:
    DocumentBuilder() = default;

    // Fills the fields `document` lacks (language) and returns the Xapian
    // document to store under the id term schema::term(kIdPrefix, document.id).
    [[nodiscard]] Xapian::Document build(Document& document);

    [[nodiscard]] const Analyzer& analyzer() const { return analyzer_; }

  private:
    // Indexes the words of one field; returns the last position used.
    Xapian::termpos index_text(Xapian::Document& xdoc, std::string_view text,
                               std::string_view lang, Xapian::termpos first_position, bool title);

    Analyzer analyzer_;
};

}  // namespace chancery
