// Kafka's default partitioner: the partition a producer sends a keyed record to.

/// Places a key where Kafka's Java producer (and so Flink's 'default' sink partitioner) places
/// it, `toPositive(murmur2(key)) % partitions`, so Brook and Java producers writing one topic keep
/// each key in the same partition.
public enum KafkaPartitioner {
    /// The partition of a record whose key is `key`, among `partitions` partitions.
    public static func partition(ofKey key: [UInt8], partitions: Int32) -> Int32 {
        Int32(bitPattern: murmur2(key) & 0x7fff_ffff) % partitions
    }

    /// MurmurHash2 (32-bit) with the seed Kafka's clients use, 0x9747b28c; the Java client reads
    /// the same 32 bits as a signed int.
    public static func murmur2(_ data: [UInt8]) -> UInt32 {
        let m: UInt32 = 0x5bd1_e995
        var hash: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: data.count)
        let whole = data.count / 4 * 4
        var index = 0
        while index < whole {
            var k = UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16 | UInt32(data[index + 3]) << 24
            k &*= m
            k ^= k >> 24
            k &*= m
            hash = (hash &* m) ^ k
            index += 4
        }
        let tail = data.count - whole
        if tail > 0 {
            if tail == 3 { hash ^= UInt32(data[whole + 2]) << 16 }
            if tail >= 2 { hash ^= UInt32(data[whole + 1]) << 8 }
            hash ^= UInt32(data[whole])
            hash &*= m
        }
        hash ^= hash >> 13
        hash &*= m
        hash ^= hash >> 15
        return hash
    }
}
