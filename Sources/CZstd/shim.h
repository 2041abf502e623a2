// Exposes the system libzstd to Swift for zstd record-batch compression.
#include <zstd.h>
