// Argument parsing shared by the subcommands.
#include "tools/options.h"

#include <iostream>

namespace chancery::cli {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_arguments(const Arguments& args,
                                                 const po::options_description& visible,
                                                 const po::options_description& hidden,
                                                 const po::positional_options_description& positional) {
    po::options_description all;
    all.add(visible).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << visible;
        return std::nullopt;
    }
    po::notify(vm);
    return vm;
}

}  // namespace chancery::cli
