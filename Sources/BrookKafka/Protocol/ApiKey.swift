// The Kafka APIs Brook serves, with the version ranges it implements and advertises.

/// One Kafka request type. `supportedVersions` is exactly what ApiVersions advertises, so a
/// client never picks a version the codec cannot read.
public enum ApiKey: Int16, Sendable, CaseIterable {
    case produce = 0
    case fetch = 1
    case listOffsets = 2
    case metadata = 3
    case offsetCommit = 8
    case offsetFetch = 9
    case findCoordinator = 10
    case joinGroup = 11
    case heartbeat = 12
    case leaveGroup = 13
    case syncGroup = 14
    case apiVersions = 18
    case createTopics = 19
    case deleteTopics = 20
    case initProducerID = 22

    public var supportedVersions: ClosedRange<Int16> {
        switch self {
        case .produce: return 3...9
        case .fetch: return 4...12
        case .listOffsets: return 1...6
        case .metadata: return 0...9
        case .offsetCommit: return 2...8
        case .offsetFetch: return 1...7
        case .findCoordinator: return 0...3
        case .joinGroup: return 0...9
        case .heartbeat: return 0...4
        case .leaveGroup: return 0...5
        case .syncGroup: return 0...5
        case .apiVersions: return 0...3
        case .createTopics: return 0...6
        case .deleteTopics: return 0...5
        case .initProducerID: return 0...4
        }
    }

    /// The first version that uses compact types and tagged fields (KIP-482). Needed even for
    /// versions Brook does not implement, to find where an unsupported request's header ends.
    public var firstFlexibleVersion: Int16 {
        switch self {
        case .produce: return 9
        case .fetch: return 12
        case .listOffsets: return 6
        case .metadata: return 9
        case .offsetCommit: return 8
        case .offsetFetch: return 6
        case .findCoordinator: return 3
        case .joinGroup: return 6
        case .heartbeat: return 4
        case .leaveGroup: return 4
        case .syncGroup: return 4
        case .apiVersions: return 3
        case .createTopics: return 5
        case .deleteTopics: return 4
        case .initProducerID: return 2
        }
    }

    public func isFlexible(_ version: Int16) -> Bool { version >= firstFlexibleVersion }

    /// Response header v1 (with tagged fields) for flexible versions, except ApiVersions, whose
    /// response header stays v0 so a client can read it before knowing what the broker speaks.
    public func responseHeaderVersion(_ version: Int16) -> Int16 {
        self != .apiVersions && isFlexible(version) ? 1 : 0
    }
}
