// Argument parsing shared by the subcommands (Boost.ProgramOptions lives in tools/ only).
#pragma once

#include "tools/commands.h"

#include <boost/program_options.hpp>

#include <optional>

namespace chancery::cli {

// Parses a subcommand's arguments. `visible` are the options --help lists;
// `hidden` the ones it does not, which `positional` fills from bare arguments.
// Returns nullopt when --help was asked, after printing `visible`.
// Throws boost::program_options::error for unknown, missing or bad options.
std::optional<boost::program_options::variables_map> parse_arguments(
    const Arguments& args, const boost::program_options::options_description& visible,
    const boost::program_options::options_description& hidden = {},
    const boost::program_options::positional_options_description& positional = {});

}  // namespace chancery::cli
