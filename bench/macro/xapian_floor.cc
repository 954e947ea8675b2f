// The least a Xapian application does, to measure Chancery against: index with
// TermGenerator (Snowball stemmer of each document's lang, title weighted, whole
// line stored); search with QueryParser, BM25, top 10, MSet::snippet and one
// ValueCountMatchSpy with exact counts.
//
//   xapian_floor index DB FILE.jsonl[.gz]...
//   xapian_floor search DB QUERIES.tsv REPS
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

namespace {

int index(const std::string& path, char** files, int count) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator generator;
    std::map<std::string, Xapian::Stem> stemmers;
    std::size_t documents = 0;
    for (int f = 0; f < count; ++f) {
        gzFile in = gzopen(files[f], "rb");
        if (in == nullptr) {
            std::cerr << files[f] << ": cannot open\n";
            return 1;
        }
        std::string line;
        char buffer[1 << 16];
        for (;;) {
            line.clear();
            bool eof = true;
            while (gzgets(in, buffer, sizeof buffer) != nullptr) {
                eof = false;
                line.append(buffer);
                if (!line.empty() && line.back() == '\n') break;
            }
            if (eof) break;
            const auto doc = nlohmann::json::parse(line, nullptr, false);
            if (!doc.is_object() || !doc.contains("id")) continue;
            const std::string lang = doc.value("lang", "");
            const std::string stem_lang = lang == "ru" ? "russian" : lang == "fr" ? "french"
                                                                                 : "english";
            auto it = stemmers.try_emplace(stem_lang, stem_lang).first;
            generator.set_stemmer(it->second);
            generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
            Xapian::Document xdoc;
            generator.set_document(xdoc);
            const auto title = doc.value("title", nlohmann::json()).is_string() ? doc["title"].get<std::string>() : "";
            const auto body = doc.value("body", nlohmann::json()).is_string() ? doc["body"].get<std::string>() : "";
            generator.index_text(title, 3);
            generator.increase_termpos();
            generator.index_text(body);
            xdoc.add_boolean_term("L" + lang);
            xdoc.add_value(1, lang);
            if (doc.value("date", nlohmann::json()).is_string()) {
                const std::string date = doc["date"];
                xdoc.add_value(0, date);
                xdoc.add_boolean_term("Y" + date.substr(0, 4));
            }
            xdoc.set_data(line);
            const std::string id = "Q" + doc["id"].get<std::string>();
            xdoc.add_boolean_term(id);
            db.replace_document(id, xdoc);
            ++documents;
        }
        gzclose(in);
    }
    db.commit();
    std::cout << "indexed " << documents << "\n";
    return 0;
}

int search(const std::string& path, const std::string& queries_file, int reps) {
    Xapian::Database db(path);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.add_boolean_prefix("lang", "L");
    parser.add_boolean_prefix("year", "Y");
    Xapian::RangeProcessor dates(0, "date:");
    parser.add_rangeprocessor(&dates);
    std::vector<std::string> queries;
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));
    }
    std::vector<double> ms;
    for (const auto& text : queries) {
        for (int rep = -1; rep < reps; ++rep) {
            const auto start = std::chrono::steady_clock::now();
            Xapian::Enquire enquire(db);
            enquire.set_query(parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT |
                                                           Xapian::QueryParser::FLAG_WILDCARD));
            Xapian::ValueCountMatchSpy spy(1);
            enquire.add_matchspy(&spy);
            const Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                const auto doc = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
                const std::string body = doc.is_object() && doc.value("body", nlohmann::json()).is_string()
                                             ? doc["body"].get<std::string>() : "";
                (void)mset.snippet(body, 240);
            }
            const double elapsed = std::chrono::duration<double, std::milli>(
                                       std::chrono::steady_clock::now() - start).count();
            if (rep >= 0) ms.push_back(elapsed);
        }
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) {
        return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
    };
    std::printf("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms\n", pct(0.5), pct(0.95), pct(0.99));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc >= 4 && std::string(argv[1]) == "index") return index(argv[2], argv + 3, argc - 3);
        if (argc == 5 && std::string(argv[1]) == "search") {
            return search(argv[2], argv[3], std::stoi(argv[4]));
        }
    } catch (const Xapian::Error& e) {
        std::cerr << e.get_description() << "\n";
        return 1;
    }
    std::cerr << "usage: xapian_floor index DB FILE...  |  xapian_floor search DB QUERIES.tsv REPS\n";
    return 2;
}
