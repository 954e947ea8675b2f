// `chancery group`: detect the language versions of one text among documents
// that carry no group, and give each set a shared group.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <iostream>

namespace chancery::cli {

int group_command(const Arguments& args) {
    namespace po = boost::program_options;
    std::string db;
    GroupDetectionOptions options;
    po::options_description visible("chancery group --db DIR [options]");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&db)->required(), "database directory")
        ("max-days-apart", po::value(&options.max_days_apart)->default_value(options.max_days_apart),
         "versions are released at most this many days apart")
        ("min-similarity", po::value(&options.min_similarity)->default_value(options.min_similarity),
         "similarity needed to pair two documents (0..1)")
        ("min-shared", po::value(&options.min_shared)->default_value(options.min_shared),
         "names and numbers two short texts must share");
    const auto vm = parse_arguments(args, visible);
    if (!vm) return kOk;
    const GroupDetectionReport report = detect_translation_groups(db, options);
    std::cout << "compared " << report.candidates << " documents without a group; formed "
              << report.groups << " groups of " << report.documents << " documents\n";
    return kOk;
}

}  // namespace chancery::cli
