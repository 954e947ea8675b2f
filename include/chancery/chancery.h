// Chancery's public API in one include.
//
//   chancery::IndexWriter writer("db");
//   chancery::JsonLinesReader reader("releases.jsonl");
//   while (auto record = reader.next())
//       record->document ? writer.add(*record->document, record->where)
//                        : writer.reject({record->where, record->reason});
//   writer.commit();
//
//   chancery::Searcher searcher({"db"});
//   chancery::SearchRequest request;
//   request.query = "консультации ОБСЕ";
//   for (const auto& hit : searcher.search(request).hits) ...
//
// examples/index_and_search.cc is the whole tour.
#pragma once

#include <chancery/corpus.h>
#include <chancery/document.h>
#include <chancery/error.h>
#include <chancery/evaluation.h>
#include <chancery/index_writer.h>
#include <chancery/searcher.h>
