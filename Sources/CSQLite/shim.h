// Exposes the system libsqlite3 to Swift; SQLITE_TRANSIENT is a macro Swift cannot import, so it is re-declared here.
#include <sqlite3.h>
static const sqlite3_destructor_type brook_sqlite_transient = (sqlite3_destructor_type)-1;
