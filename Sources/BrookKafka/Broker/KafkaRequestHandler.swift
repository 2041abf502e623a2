// Turns one request frame into one response frame against the topic log and group coordinator.
import BrookStorage

/// The broker's single owner of the `TopicLog`: every request that touches storage runs on this
/// actor, one at a time, on the dedicated storage thread, so the SQLite connection is never
/// shared. Sockets are not its concern, which lets tests drive it with frames or typed requests.
public actor KafkaRequestHandler {
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        StorageExecutor.shared.asUnownedSerialExecutor()
    }

    let log: TopicLog
    let config: BrokerConfig
    public let coordinator: GroupCoordinator
    var producers = ProducerStateTable()
    /// Fetches parked until the next append or their max wait.
    var appendWaiters = AppendWaiters()
    var advertisedHost: String
    var advertisedPort: Int32

    public init(log: sending TopicLog, config: BrokerConfig = BrokerConfig(), advertisedHost: String = "127.0.0.1", advertisedPort: Int32 = 9092) {
        self.log = log
        self.config = config
        self.coordinator = GroupCoordinator(config: config)
        self.advertisedHost = advertisedHost
        self.advertisedPort = advertisedPort
    }

    /// Metadata and FindCoordinator point clients here, so this must be the address they reach.
    public func setAdvertisedAddress(host: String, port: Int32) {
        advertisedHost = host
        advertisedPort = port
    }

    /// The response frame (without the length prefix) for one request frame, or nil when the
    /// request wants none (Produce with acks=0). Throws for frames that cannot be parsed, after
    /// which the connection should be closed, as Kafka does.
    public func handle(frame: [UInt8]) async throws -> [UInt8]? {
        var reader = ByteReader(frame)
        let header = try RequestHeader.decode(from: &reader)
        guard let api = ApiKey(rawValue: header.apiKey), api.supportedVersions.contains(header.apiVersion) else {
            guard header.apiKey == ApiKey.apiVersions.rawValue else {
                throw KafkaCodecError.malformed("unsupported api \(header.apiKey) v\(header.apiVersion)")
            }
            return Self.frame(ApiVersionsResponse(errorCode: .unsupportedVersion), api: .apiVersions, version: 0, correlationID: header.correlationID)
        }
        let version = header.apiVersion
        let response: any KafkaResponse
        switch api {
        case .apiVersions:
            _ = try ApiVersionsRequest(from: &reader, version: version)
            response = ApiVersionsResponse()
        case .metadata:
            response = metadata(try MetadataRequest(from: &reader, version: version))
        case .produce:
            let request = try ProduceRequest(from: &reader, version: version)
            let produced = produce(request)
            if request.acks == 0 { return nil }
            response = produced
        case .fetch:
            response = await fetch(try FetchRequest(from: &reader, version: version))
        case .listOffsets:
            response = listOffsets(try ListOffsetsRequest(from: &reader, version: version))
        case .findCoordinator:
            response = findCoordinator(try FindCoordinatorRequest(from: &reader, version: version))
        case .joinGroup:
            response = await coordinator.join(try JoinGroupRequest(from: &reader, version: version), clientID: header.clientID)
        case .syncGroup:
            response = await coordinator.sync(try SyncGroupRequest(from: &reader, version: version))
        case .heartbeat:
            response = await coordinator.heartbeat(try HeartbeatRequest(from: &reader, version: version))
        case .leaveGroup:
            response = await coordinator.leave(try LeaveGroupRequest(from: &reader, version: version))
        case .offsetCommit:
            response = await offsetCommit(try OffsetCommitRequest(from: &reader, version: version))
        case .offsetFetch:
            response = offsetFetch(try OffsetFetchRequest(from: &reader, version: version))
        case .createTopics:
            response = createTopics(try CreateTopicsRequest(from: &reader, version: version))
        case .deleteTopics:
            response = deleteTopics(try DeleteTopicsRequest(from: &reader, version: version))
        case .initProducerID:
            response = initProducerID(try InitProducerIDRequest(from: &reader, version: version))
        }
        return Self.frame(response, api: api, version: version, correlationID: header.correlationID)
    }

    static func frame(_ response: any KafkaResponse, api: ApiKey, version: Int16, correlationID: Int32) -> [UInt8] {
        var writer = ByteWriter()
        ResponseHeader.encode(correlationID: correlationID, version: api.responseHeaderVersion(version), into: &writer)
        response.encode(into: &writer, version: version)
        return writer.bytes
    }

    /// Applies every topic's retention; returns the number of records removed.
    @discardableResult
    public func enforceRetention(now: Int64 = TopicLog.nowMilliseconds()) throws -> Int {
        try log.enforceRetention(now: now)
    }

    public func stats() throws -> [TopicStats] { try log.stats() }
}
