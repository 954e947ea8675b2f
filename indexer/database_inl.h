// Template part of indexer/database.h.
#pragma once

#include <chancery/error.h>

namespace chancery::detail {

template <typename Body>
auto translate_xapian_errors(const std::string& context, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseLockedError(context + ": locked by another process (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw IndexError(context + ": " + e.get_description());
    }
}

}  // namespace chancery::detail
