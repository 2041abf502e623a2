// Brook's default partitioner places keys where Kafka's Java producer does.
import Testing
import BrookKafka

@Suite struct KafkaPartitionerTests {
    /// Expected hashes and partitions computed with kafka-python 3.0.12's
    /// `kafka.partitioner.default.murmur2` (the Java client's `Utils.murmur2`, as unsigned 32 bits),
    /// partition = (hash & 0x7fffffff) % partitions. Lengths 0 to 11 cover every tail length.
    static let known: [(key: [UInt8], hash: UInt32, of3: Int32, of4: Int32)] = [
        (Array("".utf8), 275_646_681, 0, 1),
        (Array("a".utf8), 2_731_586_172, 1, 0),
        (Array("21".utf8), 3_321_034_988, 0, 0),
        ([0xff, 0xfe], 1_717_632_651, 0, 3),
        (Array("abc".utf8), 479_470_107, 0, 3),
        (Array("AAPL".utf8), 1_691_292_177, 0, 1),
        (Array("MSFT".utf8), 2_399_470_850, 0, 2),
        (Array("abcde".utf8), 461_995_741, 1, 1),
        (Array("abcdefg".utf8), 3_948_500_121, 1, 1),
        (Array("hello world".utf8), 1_221_641_059, 1, 3),
        (Array(#"{"sym":"AAPL"}"#.utf8), 737_024_605, 1, 1),
    ]

    @Test func murmur2MatchesKafkasClients() {
        for entry in Self.known {
            #expect(KafkaPartitioner.murmur2(entry.key) == entry.hash, "\(entry.key)")
        }
    }

    @Test func keysLandInThePartitionKafkasDefaultPartitionerChooses() {
        for entry in Self.known {
            #expect(KafkaPartitioner.partition(ofKey: entry.key, partitions: 3) == entry.of3, "\(entry.key)")
            #expect(KafkaPartitioner.partition(ofKey: entry.key, partitions: 4) == entry.of4, "\(entry.key)")
        }
    }
}
