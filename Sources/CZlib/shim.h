// Exposes the system zlib to Swift for gzip record-batch compression.
#include <zlib.h>
