// The whole Chancery API in one program: index three releases, search them.
//
//   index_and_search DB_DIR
//
// Exits 0 when both searches find the release they should.
#include <chancery/chancery.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: index_and_search DB_DIR\n";
        return 2;
    }
    const std::string db = argv[1];
    try {
        // Write: documents go in batches; commit() makes them durable.
        chancery::IndexWriter writer(db);
        chancery::Document cyber;
        cyber.id = "example-ru-1";
        cyber.lang = "ru";
        cyber.date = "2021-09-28";
        cyber.title = "О российско-французских консультациях по международной информационной "
                      "безопасности";
        cyber.body = "28 сентября в Москве состоялись консультации. Обсуждены вопросы работы "
                     "РГОС ООН, ОБСЕ, ОЭСР и МСЭ.";
        cyber.parties = {"RU", "FR"};
        writer.add(cyber);

        chancery::Document osce;
        osce.id = "example-en-1";
        osce.date = "2021-11-18";  // no lang: Chancery identifies it
        osce.title = "Statement at the OSCE Permanent Council";
        osce.body = "We consider the OSCE confidence-building measures a useful instrument.";
        writer.add(osce);

        chancery::Document brics;
        brics.id = "example-ru-2";
        brics.title = "О саммите БРИКС в Казани";
        brics.body = "Лидеры государств БРИКС обсудили укрепление сотрудничества.";
        writer.add(brics);
        writer.commit();
        std::cout << "indexed " << writer.report().indexed << " documents\n";

        // Read: a Searcher per thread; the request is a plain struct.
        chancery::Searcher searcher({db});
        int missing = 0;
        for (const auto& [query, expected] :
             {std::pair<std::string, std::string>{"консультация ОБСЕ", "example-ru-1"},
              {"OSCE statement", "example-en-1"},
              // English words find the Russian release: cross-lingual search is on by default.
              {"BRICS summit in Kazan", "example-ru-2"}}) {
            chancery::SearchRequest request;
            request.query = query;
            request.limit = 3;
            const chancery::SearchResult result = searcher.search(request);
            std::cout << query << ": " << result.total << " matches\n";
            for (const auto& expansion : result.expansions) {
                std::cout << "  (" << expansion.word << " -> " << expansion.added << ", "
                          << expansion.source << ")\n";
            }
            for (const auto& hit : result.hits) {
                std::cout << "  " << hit.rank << ". " << hit.id << " [" << hit.lang << "] "
                          << hit.title << "\n     " << hit.snippet.text << "\n";
            }
            if (result.hits.empty() || result.hits.front().id != expected) ++missing;
        }
        return missing == 0 ? 0 : 1;
    } catch (const chancery::Error& e) {
        std::cerr << "index_and_search: " << e.what() << "\n";
        return 1;
    }
}
