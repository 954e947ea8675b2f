// `chancery`: index diplomatic texts into Xapian and search them.
#include "tools/commands.h"

#include <chancery/error.h>

#include <boost/program_options/errors.hpp>

#include <cstring>
#include <iostream>

namespace {

constexpr const char* kUsageText =
    "usage: chancery COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  index   --db DIR FILE...     index JSON Lines corpora (.jsonl, .jsonl.gz, - for stdin)\n"
    "  search  --db DIR QUERY       ranked search with snippets\n"
    "  get     --db DIR ID...       print stored documents as JSON Lines\n"
    "  delete  --db DIR --id ID     remove documents (--ids FILE: one id per line)\n"
    "  stats   --db DIR             documents, languages, dates, field coverage, size\n"
    "  group   --db DIR             detect translations among documents without a group\n"
    "  eval    --qrels FILE RUN     score a TREC run: MAP, nDCG@10, P@10, Recall@100, MRR\n"
    "\n"
    "`chancery COMMAND --help` lists a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
    namespace cli = chancery::cli;
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        (argc < 2 ? std::cerr : std::cout) << kUsageText;
        return argc < 2 ? cli::kUsage : cli::kOk;
    }
    const std::string command = argv[1];
    const cli::Arguments args(argv + 2, argv + argc);
    try {
        if (command == "index") return cli::index_command(args);
        if (command == "search") return cli::search_command(args);
        if (command == "get") return cli::get_command(args);
        if (command == "eval") return cli::eval_command(args);
        if (command == "stats") return cli::stats_command(args);
        if (command == "delete") return cli::delete_command(args);
        if (command == "group") return cli::group_command(args);
        std::cerr << "chancery: unknown command '" << command << "'\n\n" << kUsageText;
        return cli::kUsage;
    } catch (const boost::program_options::error& e) {
        std::cerr << "chancery " << command << ": " << e.what() << "\n";
        return cli::kUsage;
    } catch (const chancery::QueryError& e) {
        std::cerr << "chancery " << command << ": query error at character "
                  << e.position() + 1 << ": " << e.what() << "\n";
        return cli::kUsage;
    } catch (const chancery::Error& e) {
        std::cerr << "chancery " << command << ": " << e.what() << "\n";
        return cli::kFailure;
    } catch (const std::exception& e) {
        std::cerr << "chancery " << command << ": " << e.what() << "\n";
        return cli::kFailure;
    }
}
