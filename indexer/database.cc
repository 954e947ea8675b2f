// Opening Chancery databases for reading and writing.
#include "indexer/database.h"

#include "indexer/schema.h"

#include <sys/stat.h>

#include <filesystem>

namespace chancery::detail {

namespace {

// Creates a new database where nothing is yet, atomically: built beside the
// target and renamed into place, so that a kill never leaves a directory that is
// not a database.
void create_atomically(const std::string& path) {
    std::error_code error;
    if (std::filesystem::exists(path, error)) return;
    const std::string scratch = path + ".chancery-create";
    std::filesystem::remove_all(scratch, error);
    {
        Xapian::WritableDatabase db(scratch, Xapian::DB_CREATE);
        db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
        db.commit();
    }
    std::filesystem::rename(scratch, path, error);
    if (error && !std::filesystem::exists(path)) {
        throw IndexError(path + ": cannot create: " + error.message());
    }
    std::filesystem::remove_all(scratch, error);  // lost a race with another creator
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const std::string& path) {
    return translate_xapian_errors(path, [&] {
        create_atomically(path);
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        const std::string key(schema::kSchemaKey);
        const std::string version = db.get_metadata(key);
        if (version.empty()) {
            if (db.get_doccount() > 0) {
                throw IndexError(path + ": not a Chancery database (a Xapian database "
                                        "without Chancery's schema mark)");
            }
            db.set_metadata(key, std::string(schema::kSchemaVersion));
            db.commit();
        } else if (version != schema::kSchemaVersion) {
            throw IndexError(path + ": Chancery schema version " + version +
                             ", this build reads version " + std::string(schema::kSchemaVersion));
        }
        return db;
    });
}

Xapian::Database open_for_reading(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) throw IndexError(path + ": no such database");
    return translate_xapian_errors(path, [&] {
        Xapian::Database db(path);
        // A stub file may list remote shards whose metadata this cannot read
        // cheaply; the mark is checked on local directories.
        if (S_ISDIR(info.st_mode) &&
            db.get_metadata(std::string(schema::kSchemaKey)).empty()) {
            throw IndexError(path + ": not a Chancery database");
        }
        return db;
    });
}

}  // namespace chancery::detail
