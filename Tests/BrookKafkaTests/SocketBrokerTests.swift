// The broker over a real TCP socket on 127.0.0.1 with an ephemeral port.
import BrookStorage
import NIOCore
import NIOPosix
import Testing
@testable import BrookKafka

@Suite struct SocketBrokerTests {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    func connect(port: Int) async throws -> Connection {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(KafkaFrameDecoder(maxFrameBytes: 1 << 24)))
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
    }

    func lengthPrefixed(_ frame: [UInt8]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: frame.count + 4)
        buffer.writeInteger(Int32(frame.count))
        buffer.writeBytes(frame)
        return buffer
    }

    @Test func clientsTalkToTheBrokerOverLoopback() async throws {
        let broker = KafkaBroker(log: try TopicLog(path: TestSupport.temporaryPath()), host: "127.0.0.1", port: 0, config: TestSupport.quietConfig())
        let port = try await broker.start()
        #expect(port > 0)
        let connection = try await connect(port: port)
        let replies: [[UInt8]] = try await connection.executeThenClose { inbound, outbound in
            let requests = [
                TestSupport.frame(.apiVersions, version: 0, correlationID: 1),
                TestSupport.frame(.metadata, version: 1, correlationID: 2) { writer in
                    writer.arrayCount(1)
                    writer.string("socket-topic")
                },
            ]
            for request in requests { try await outbound.write(lengthPrefixed(request)) }
            var replies: [[UInt8]] = []
            for try await var frame in inbound {
                replies.append(frame.readBytes(length: frame.readableBytes) ?? [])
                if replies.count == requests.count { break }
            }
            return replies
        }
        #expect(replies.count == 2)
        var versions = ByteReader(replies[0])
        #expect(try versions.int32() == 1)
        #expect(try versions.int16() == 0)
        var metadata = ByteReader(replies[1])
        #expect(try metadata.int32() == 2)
        #expect(try metadata.int32() == 1)
        #expect(try metadata.int32() == 0)
        #expect(try metadata.string() == "127.0.0.1")
        #expect(try metadata.int32() == Int32(port))
        await broker.shutdown()
    }

    @Test func oversizedFramesCloseTheConnection() async throws {
        var config = TestSupport.quietConfig()
        config.maxFrameBytes = 1024
        let broker = KafkaBroker(log: try TopicLog(path: TestSupport.temporaryPath()), host: "127.0.0.1", port: 0, config: config)
        let port = try await broker.start()
        let connection = try await connect(port: port)
        let received: Int = try await connection.executeThenClose { inbound, outbound in
            var header = ByteBufferAllocator().buffer(capacity: 8)
            header.writeInteger(Int32(200 * 1024 * 1024))
            header.writeInteger(Int32(0))
            try await outbound.write(header)
            var count = 0
            do {
                for try await _ in inbound { count += 1 }
            } catch {
                return count
            }
            return count
        }
        #expect(received == 0)
        let healthy = try await connect(port: port)
        let reply: [UInt8]? = try await healthy.executeThenClose { inbound, outbound in
            try await outbound.write(lengthPrefixed(TestSupport.frame(.apiVersions, version: 2, correlationID: 5)))
            for try await var frame in inbound { return frame.readBytes(length: frame.readableBytes) }
            return nil
        }
        #expect(reply?.prefix(4) == [0, 0, 0, 5])
        await broker.shutdown()
    }
}
