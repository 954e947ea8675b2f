// `chancery stats`: what a database holds.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>

namespace chancery::cli {

int stats_command(const Arguments& args) {
    namespace po = boost::program_options;
    std::vector<std::string> dbs;
    po::options_description visible("chancery stats --db DIR");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&dbs)->required(), "database (repeat for shards)");
    const auto vm = parse_arguments(args, visible);
    if (!vm) return kOk;

    Searcher searcher(dbs);
    const DatabaseStats stats = searcher.stats();
    auto share = [&](std::size_t n) {
        return stats.documents == 0 ? 0.0 : 100.0 * static_cast<double>(n) /
                                                 static_cast<double>(stats.documents);
    };
    std::printf("documents   %zu\n", stats.documents);
    for (const auto& [lang, count] : stats.languages) {
        std::printf("  lang %-5s %zu (%.1f%%)\n", lang.c_str(), count, share(count));
    }
    std::printf("dates       %s .. %s\n", stats.first_date.empty() ? "-" : stats.first_date.c_str(),
                stats.last_date.empty() ? "-" : stats.last_date.c_str());
    std::printf("with date   %zu (%.1f%%)\n", stats.with_date, share(stats.with_date));
    std::printf("with party  %zu (%.1f%%)\n", stats.with_parties, share(stats.with_parties));
    std::printf("with forum  %zu (%.1f%%)\n", stats.with_forum, share(stats.with_forum));
    std::printf("size        %.1f MB\n", static_cast<double>(stats.bytes) / 1e6);
    return kOk;
}

}  // namespace chancery::cli
