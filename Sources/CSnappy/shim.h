// Exposes the system libsnappy C API to Swift for snappy record-batch compression.
#include <snappy-c.h>
