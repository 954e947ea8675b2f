// The `chancery` subcommands. Each takes the arguments after its name and
// returns the process exit status (see exit codes below).
#pragma once

#include <string>
#include <vector>

namespace chancery::cli {

// Exit statuses shared by all subcommands.
inline constexpr int kOk = 0;
inline constexpr int kRejected = 1;     // some input was rejected; the rest was done
inline constexpr int kUsage = 2;        // bad options or an unreadable query
inline constexpr int kFailure = 3;      // a database or file could not be used

using Arguments = std::vector<std::string>;

int index_command(const Arguments& args);
int search_command(const Arguments& args);
int get_command(const Arguments& args);
int eval_command(const Arguments& args);
int stats_command(const Arguments& args);
int delete_command(const Arguments& args);
int group_command(const Arguments& args);

}  // namespace chancery::cli
