// `chancery delete`: remove documents by id.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>

namespace chancery::cli {

int delete_command(const Arguments& args) {
    namespace po = boost::program_options;
    std::string db;
    std::vector<std::string> ids;
    std::string ids_file;
    po::options_description visible("chancery delete --db DIR (--id ID... | --ids FILE)");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&db)->required(), "database directory")
        ("id", po::value(&ids), "id of a document to remove (repeatable)")
        ("ids", po::value(&ids_file), "file with one id per line");
    const auto vm = parse_arguments(args, visible);
    if (!vm) return kOk;
    if (!ids_file.empty()) {
        std::ifstream in(ids_file);
        if (!in) throw po::error("cannot open --ids file " + ids_file);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) ids.push_back(line);
        }
    }
    if (ids.empty()) throw po::error("no ids given (--id or --ids)");

    IndexWriter writer(db);
    const std::size_t removed = writer.remove(ids);
    std::cout << "removed " << removed << " of " << ids.size() << " ids; "
              << writer.document_count() << " documents in " << db << "\n";
    return removed == ids.size() ? kOk : kRejected;
}

}  // namespace chancery::cli
