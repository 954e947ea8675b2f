// Searching shards — local databases side by side, and remote ones served by
// xapian-tcpsrv through a stub file — gives what one merged database gives.
#include <chancery/chancery.h>

#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <vector>
#include <thread>

extern char** environ;

namespace chancery {
namespace {

const char* const kTcpServer = "/usr/bin/xapian-tcpsrv";

// `count` distinct ports on 127.0.0.1 that were free a moment ago (all bound at
// once, so the kernel cannot hand out one twice).
std::vector<int> free_ports(std::size_t count) {
    std::vector<int> sockets, ports;
    for (std::size_t i = 0; i < count; ++i) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        bind(fd, reinterpret_cast<sockaddr*>(&address), length);
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        sockets.push_back(fd);
        ports.push_back(ntohs(address.sin_port));
    }
    for (const int fd : sockets) close(fd);
    return ports;
}

bool accepts_connections(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

// xapian-tcpsrv serving one database on 127.0.0.1 for the life of the object.
class TcpServer {
  public:
    TcpServer(const std::string& db, int port) : port_(port) {
        const std::string port_text = std::to_string(port);
        const char* argv[] = {kTcpServer, "--interface", "127.0.0.1", "--port",
                              port_text.c_str(), "--quiet", db.c_str(), nullptr};
        // The server reports each probe connection below as an error: keep it quiet.
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        const int spawned = posix_spawn(&pid_, kTcpServer, &actions, nullptr,
                                        const_cast<char**>(argv), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (spawned != 0) {
            pid_ = -1;
            return;
        }
        for (int i = 0; i < 100 && !accepts_connections(port); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ~TcpServer() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;
    [[nodiscard]] bool running() const { return pid_ > 0 && accepts_connections(port_); }

  private:
    int port_;
    pid_t pid_ = -1;
};

class ShardsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        // The sample corpus: every document into the merged database, and
        // alternate documents into shard A and shard B.
        IndexWriter merged(dir_ / "merged"), a(dir_ / "a"), b(dir_ / "b");
        JsonLinesReader reader(std::string(CHANCERY_SOURCE_DIR) + "/corpora/sample/releases.jsonl");
        bool to_a = true;
        while (auto record = reader.next()) {
            ASSERT_TRUE(record->document);
            merged.add(*record->document);
            (to_a ? a : b).add(*record->document);
            to_a = !to_a;
        }
        merged.commit();
        a.commit();
        b.commit();
    }

    static SearchRequest request(const std::string& query) {
        SearchRequest r;
        r.query = query;
        r.limit = 20;
        r.facets = {"party", "forum", "lang", "year", "month"};
        return r;
    }

    static void expect_same(const SearchResult& expected, const SearchResult& actual) {
        EXPECT_EQ(actual.total, expected.total);
        ASSERT_EQ(actual.hits.size(), expected.hits.size());
        for (std::size_t i = 0; i < expected.hits.size(); ++i) {
            EXPECT_EQ(actual.hits[i].id, expected.hits[i].id) << "rank " << i + 1;
            EXPECT_NEAR(actual.hits[i].score, expected.hits[i].score, 1e-9);
            EXPECT_EQ(actual.hits[i].snippet.text, expected.hits[i].snippet.text);
            EXPECT_EQ(actual.hits[i].snippet.highlights.size(),
                      expected.hits[i].snippet.highlights.size());
        }
        ASSERT_EQ(actual.facets.size(), expected.facets.size());
        for (const auto& [facet, counts] : expected.facets) {
            const auto& other = actual.facets.at(facet);
            ASSERT_EQ(other.size(), counts.size()) << facet;
            for (std::size_t i = 0; i < counts.size(); ++i) {
                EXPECT_EQ(other[i].value, counts[i].value) << facet;
                EXPECT_EQ(other[i].count, counts[i].count) << facet << " " << counts[i].value;
            }
        }
    }

    testing::TempDir dir_;
};

const char* const kQueries[] = {"консультации", "OSCE OR ОБСЕ", "strategic stability",
                                "year:2023", "саммит БРИКС", "\"Совет Безопасности\""};

TEST_F(ShardsTest, LocalShardsSearchLikeOneMergedDatabase) {
    Searcher merged({dir_ / "merged"});
    Searcher shards({dir_ / "a", dir_ / "b"});
    for (const char* query : kQueries) {
        SCOPED_TRACE(query);
        expect_same(merged.search(request(query)), shards.search(request(query)));
    }
}

TEST_F(ShardsTest, RemoteShardsServedByXapianTcpsrvSearchLikeOneMergedDatabase) {
    if (access(kTcpServer, X_OK) != 0) GTEST_SKIP() << kTcpServer << " not installed (xapian-tools)";
    const std::vector<int> ports = free_ports(2);
    const int port_a = ports[0], port_b = ports[1];
    TcpServer a(dir_ / "a", port_a), b(dir_ / "b", port_b);
    ASSERT_TRUE(a.running() && b.running()) << "xapian-tcpsrv did not start";
    const std::string stub = dir_ / "remote.stub";
    std::ofstream(stub) << "remote 127.0.0.1:" << port_a << "\nremote 127.0.0.1:" << port_b << "\n";

    Searcher merged({dir_ / "merged"});
    Searcher remote({stub});
    EXPECT_EQ(remote.document_count(), merged.document_count());
    for (const char* query : kQueries) {
        SCOPED_TRACE(query);
        expect_same(merged.search(request(query)), remote.search(request(query)));
    }
    EXPECT_EQ(remote.get("mid-ru-0008")->title, merged.get("mid-ru-0008")->title);
}

}  // namespace
}  // namespace chancery
