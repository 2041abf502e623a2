// The TCP listener: accepts Kafka clients and feeds their frames to the request handler.
import BrookStorage
import NIOCore
import NIOPosix

/// Serves a `TopicLog` over the Kafka wire protocol on one address. Each connection is handled
/// one request at a time, in order, as Kafka clients expect; the log itself is only touched by
/// the `KafkaRequestHandler` actor.
public actor KafkaBroker {
    public nonisolated let handler: KafkaRequestHandler
    public nonisolated let host: String
    private let requestedPort: Int
    private let config: BrokerConfig
    private var serverChannel: (any Channel)?
    private var connections: [ObjectIdentifier: any Channel] = [:]
    private var tasks: [Task<Void, Never>] = []
    /// The port actually bound, known after `start()` (useful with port 0).
    public private(set) var port: Int?

    public init(log: sending TopicLog, host: String = "127.0.0.1", port: Int = 9092, config: BrokerConfig = BrokerConfig()) {
        self.handler = KafkaRequestHandler(log: log, config: config, advertisedHost: config.advertisedHost ?? host,
                                           advertisedPort: Int32(clamping: port))
        self.host = host
        self.requestedPort = port
        self.config = config
    }

    /// Binds the listener and starts serving; returns the bound port. Metadata advertises
    /// `host` (or `config.advertisedHost`) and this port as broker 0, so clients reconnect to
    /// exactly this listener.
    @discardableResult
    public func start() async throws -> Int {
        let maxFrameBytes = config.maxFrameBytes
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: requestedPort) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(KafkaFrameDecoder(maxFrameBytes: maxFrameBytes)))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let boundPort = server.channel.localAddress?.port ?? requestedPort
        port = boundPort
        serverChannel = server.channel
        await handler.setAdvertisedAddress(host: config.advertisedHost ?? host, port: Int32(clamping: boundPort))

        let handler = self.handler
        tasks.append(Task {
            try? await server.executeThenClose { inbound in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in inbound {
                            group.addTask { await self.serve(connection, handler: handler) }
                        }
                    } catch {
                        return
                    }
                }
            }
        })
        let config = self.config
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: config.sessionCheckInterval)
                await handler.coordinator.expireSessions()
            }
        })
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: config.retentionCheckInterval)
                if Task.isCancelled { break }
                _ = try? await handler.enforceRetention()
            }
        })
        return boundPort
    }

    /// Stops accepting, closes every open connection and ends the background tasks.
    public func shutdown() async {
        for task in tasks { task.cancel() }
        tasks.removeAll()
        try? await serverChannel?.close()
        serverChannel = nil
        for channel in connections.values { try? await channel.close() }
        connections.removeAll()
    }

    private func register(_ channel: any Channel) { connections[ObjectIdentifier(channel)] = channel }
    private func unregister(_ channel: any Channel) { connections[ObjectIdentifier(channel)] = nil }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, handler: KafkaRequestHandler) async {
        register(connection.channel)
        defer { unregister(connection.channel) }
        try? await connection.executeThenClose { inbound, outbound in
            for try await var frame in inbound {
                let request = frame.readBytes(length: frame.readableBytes) ?? []
                guard let response = try await handler.handle(frame: request) else { continue }
                var buffer = ByteBufferAllocator().buffer(capacity: response.count + 4)
                buffer.writeInteger(Int32(response.count))
                buffer.writeBytes(response)
                try await outbound.write(buffer)
            }
        }
    }
}
