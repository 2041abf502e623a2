// Exposes the system liblz4 frame API to Swift; Kafka uses the LZ4 frame format.
#include <lz4frame.h>
