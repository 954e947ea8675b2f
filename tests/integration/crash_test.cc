// Crash safety: `chancery index` killed with SIGKILL at several moments leaves
// a database that opens and holds whole batches only; re-running completes it.
// A second writer is refused with a clear message.
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

extern char** environ;

namespace chancery {
namespace {

constexpr std::size_t kSampleDocuments = 36;
constexpr std::size_t kBatch = 50;

pid_t spawn_index(const std::string& db, const std::string& corpus, const std::string& err) {
    const std::string batch = std::to_string(kBatch);
    const char* argv[] = {CHANCERY_CLI, "index", "--quiet", "--batch-size", batch.c_str(),
                          "--db", db.c_str(), corpus.c_str(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    posix_spawn(&pid, CHANCERY_CLI, &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int wait_status(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

int run_index(const std::string& db, const std::string& corpus, const std::string& err) {
    return wait_status(spawn_index(db, corpus, err));
}

std::size_t documents_in(const std::string& db) {
    return Xapian::Database(db).get_doccount();
}

class CrashTest : public ::testing::Test {
  protected:
    void SetUp() override {
        corpus_ = testing::shared_path("corpora/mid_russia_telegram_en_2025_2026.jsonl.gz");
        if (corpus_.empty()) GTEST_SKIP() << "shared corpus mid_russia_telegram_en_2025_2026 not found";
        sample_ = std::string(CHANCERY_SOURCE_DIR) + "/corpora/sample/releases.jsonl";
        err_ = dir_ / "stderr";
    }
    std::string corpus_, sample_, err_;
    testing::TempDir dir_;
};

// The kill moments, in milliseconds after the start: from before the database
// exists to near the end of the run.
const int kKillAfterMs[] = {5, 60, 200, 500, 900, 1500, 2500};

TEST_F(CrashTest, AKilledUpdateKeepsWholeBatchesAndARerunCompletesIt) {
    const std::string db = dir_ / "db";
    ASSERT_EQ(run_index(db, sample_, err_), 0);
    ASSERT_EQ(run_index(dir_ / "full", corpus_, err_), 0);
    const std::size_t total = kSampleDocuments + documents_in(dir_ / "full");
    for (const int ms : kKillAfterMs) {
        SCOPED_TRACE("killed after " + std::to_string(ms) + " ms");
        const pid_t pid = spawn_index(db, corpus_, err_);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        kill(pid, SIGKILL);
        wait_status(pid);
        const std::size_t count = documents_in(db);  // throws if it does not open
        // The corpus's ids are new to the database: every committed batch adds kBatch.
        EXPECT_TRUE(count == total || (count - kSampleDocuments) % kBatch == 0) << count;
    }
    ASSERT_EQ(run_index(db, corpus_, err_), 0);
    EXPECT_EQ(documents_in(db), total);
}

TEST_F(CrashTest, AKilledFreshBuildLeavesAnEmptyDatabaseAndARerunCompletesIt) {
    ASSERT_EQ(run_index(dir_ / "full", corpus_, err_), 0);
    const std::size_t total = documents_in(dir_ / "full");
    for (const int ms : kKillAfterMs) {
        SCOPED_TRACE("killed after " + std::to_string(ms) + " ms");
        const std::string db = dir_ / ("fresh-" + std::to_string(ms));
        const pid_t pid = spawn_index(db, corpus_, err_);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        kill(pid, SIGKILL);
        wait_status(pid);
        if (std::filesystem::exists(db)) {
            const std::size_t count = documents_in(db);
            EXPECT_TRUE(count == 0 || count == total) << count;
        }
        ASSERT_EQ(run_index(db, corpus_, err_), 0);
        EXPECT_EQ(documents_in(db), total);
        EXPECT_FALSE(std::filesystem::exists(db + ".chancery-build"));
    }
}

TEST_F(CrashTest, RefusesASecondWriterWhileTheFirstRuns) {
    const std::string db = dir_ / "db";
    ASSERT_EQ(run_index(db, sample_, err_), 0);
    const pid_t first = spawn_index(db, corpus_, dir_ / "first-stderr");
    // Give the first writer time to take the lock, then try a second one.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const int second = run_index(db, sample_, err_);
    const int first_status = wait_status(first);
    ASSERT_EQ(first_status, 0);
    EXPECT_EQ(second, 3);
    std::ifstream in(err_);
    const std::string message((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(message.find("locked by another process"), std::string::npos) << message;
}

}  // namespace
}  // namespace chancery
