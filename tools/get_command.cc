// `chancery get`: print stored documents, with the fields Chancery derived.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <iostream>

namespace chancery::cli {

int get_command(const Arguments& args) {
    namespace po = boost::program_options;
    std::vector<std::string> dbs;
    std::vector<std::string> ids;
    po::options_description visible("chancery get --db DIR ID...");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&dbs)->required(), "database (repeat for shards)");
    po::options_description hidden;
    hidden.add_options()("id", po::value(&ids));
    po::positional_options_description positional;
    positional.add("id", -1);
    const auto vm = parse_arguments(args, visible, hidden, positional);
    if (!vm) return kOk;
    if (ids.empty()) throw po::error("no document ids given");

    Searcher searcher(dbs);
    int status = kOk;
    for (const auto& id : ids) {
        if (const auto document = searcher.get(id)) {
            std::cout << to_json(*document) << "\n";
        } else {
            std::cerr << "chancery get: " << id << ": no such document\n";
            status = kRejected;
        }
    }
    return status;
}

}  // namespace chancery::cli
