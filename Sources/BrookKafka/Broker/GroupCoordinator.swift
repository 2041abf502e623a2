// A single-node consumer-group coordinator: generations, leader election and assignment relay.
import Foundation

/// Runs Kafka's classic group protocol for every group: members join, the coordinator waits
/// for all known members (or the rebalance timeout), starts a generation and picks a leader;
/// the leader computes assignments client-side and the coordinator hands them out on SyncGroup.
/// Group membership lives in memory: after a restart consumers rejoin, and committed offsets
/// (kept in the topic log) tell them where to resume.
public actor GroupCoordinator {
    enum State: Equatable {
        case empty
        case preparingRebalance
        case completingRebalance
        case stable
    }

    struct Member {
        var id: String
        var sessionTimeout: Duration
        var rebalanceTimeout: Duration
        var protocols: [JoinGroupRequest.AssignmentProtocol]
        var lastSeen: ContinuousClock.Instant
        var joinWaiter: CheckedContinuation<JoinGroupResponse, Never>?
        var syncWaiter: CheckedContinuation<SyncGroupResponse, Never>?
        var assignment: [UInt8] = []
    }

    struct Group {
        var state: State = .empty
        var generation: Int32 = 0
        var protocolType: String?
        var protocolName: String?
        var leader: String?
        var memberOrder: [String] = []
        var members: [String: Member] = [:]
        /// A rebalance completes once every member rejoined and this has passed.
        var earliestCompletion: ContinuousClock.Instant?
        /// Members that have not rejoined by this instant are dropped from the generation.
        var rebalanceDeadline: ContinuousClock.Instant?
    }

    private let config: BrokerConfig
    private let clock = ContinuousClock()
    private var groups: [String: Group] = [:]

    public init(config: BrokerConfig = BrokerConfig()) {
        self.config = config
    }

    // MARK: Protocol operations

    public func join(_ request: JoinGroupRequest, clientID: String?) async -> JoinGroupResponse {
        guard !request.groupID.isEmpty else { return .failure(.invalidGroupID) }
        guard request.sessionTimeoutMs >= config.minSessionTimeoutMs, request.sessionTimeoutMs <= config.maxSessionTimeoutMs else {
            return .failure(.invalidSessionTimeout, memberID: request.memberID)
        }
        var group = groups[request.groupID] ?? Group()
        let others = group.members.values.filter { $0.id != request.memberID }
        let sharesAProtocol = request.protocols.contains { offered in
            others.allSatisfy { member in member.protocols.contains { $0.name == offered.name } }
        }
        guard !request.protocols.isEmpty, others.isEmpty || (group.protocolType == request.protocolType && sharesAProtocol) else {
            return .failure(.inconsistentGroupProtocol, memberID: request.memberID)
        }
        var memberID = request.memberID
        if memberID.isEmpty {
            memberID = "\(clientID ?? "member")-\(UUID().uuidString.lowercased())"
        } else if group.members[memberID] == nil {
            return .failure(.unknownMemberID, memberID: memberID)
        }
        let now = clock.now
        var member = group.members[memberID] ?? Member(
            id: memberID, sessionTimeout: .milliseconds(Int64(request.sessionTimeoutMs)),
            rebalanceTimeout: .milliseconds(Int64(max(request.rebalanceTimeoutMs, 0))),
            protocols: request.protocols, lastSeen: now)
        if group.members[memberID] == nil { group.memberOrder.append(memberID) }
        member.protocols = request.protocols
        member.sessionTimeout = .milliseconds(Int64(request.sessionTimeoutMs))
        member.rebalanceTimeout = .milliseconds(Int64(max(request.rebalanceTimeoutMs, 0)))
        member.lastSeen = now
        member.joinWaiter?.resume(returning: .failure(.rebalanceInProgress, memberID: memberID))
        member.joinWaiter = nil
        group.protocolType = request.protocolType
        group.members[memberID] = member
        groups[request.groupID] = group
        if group.state != .preparingRebalance { prepareRebalance(request.groupID) }

        let groupID = request.groupID
        return await withCheckedContinuation { continuation in
            groups[groupID]?.members[memberID]?.joinWaiter = continuation
            tryCompleteJoin(groupID)
        }
    }

    public func sync(_ request: SyncGroupRequest) async -> SyncGroupResponse {
        guard var group = groups[request.groupID], var member = group.members[request.memberID] else {
            return SyncGroupResponse(errorCode: .unknownMemberID, assignment: [])
        }
        guard request.generationID == group.generation else { return SyncGroupResponse(errorCode: .illegalGeneration, assignment: []) }
        member.lastSeen = clock.now
        group.members[request.memberID] = member
        switch group.state {
        case .empty, .preparingRebalance:
            groups[request.groupID] = group
            return SyncGroupResponse(errorCode: .rebalanceInProgress, assignment: [])
        case .stable:
            groups[request.groupID] = group
            return synced(group, member.assignment)
        case .completingRebalance:
            if request.memberID == group.leader {
                let assignments = Dictionary(request.assignments.map { ($0.memberID, $0.assignment) }, uniquingKeysWith: { $1 })
                for id in group.memberOrder {
                    group.members[id]?.assignment = assignments[id] ?? []
                    if let waiter = group.members[id]?.syncWaiter {
                        group.members[id]?.syncWaiter = nil
                        waiter.resume(returning: synced(group, assignments[id] ?? []))
                    }
                }
                group.state = .stable
                groups[request.groupID] = group
                return synced(group, assignments[request.memberID] ?? [])
            }
            groups[request.groupID] = group
            let groupID = request.groupID
            return await withCheckedContinuation { continuation in
                groups[groupID]?.members[request.memberID]?.syncWaiter?.resume(
                    returning: SyncGroupResponse(errorCode: .rebalanceInProgress, assignment: []))
                groups[groupID]?.members[request.memberID]?.syncWaiter = continuation
            }
        }
    }

    private func synced(_ group: Group, _ assignment: [UInt8]) -> SyncGroupResponse {
        SyncGroupResponse(errorCode: .none, assignment: assignment, protocolType: group.protocolType, protocolName: group.protocolName)
    }

    public func heartbeat(_ request: HeartbeatRequest) -> HeartbeatResponse {
        guard var group = groups[request.groupID], group.members[request.memberID] != nil else {
            return HeartbeatResponse(errorCode: .unknownMemberID)
        }
        group.members[request.memberID]?.lastSeen = clock.now
        groups[request.groupID] = group
        guard request.generationID == group.generation else { return HeartbeatResponse(errorCode: .illegalGeneration) }
        return HeartbeatResponse(errorCode: group.state == .preparingRebalance ? .rebalanceInProgress : .none)
    }

    public func leave(_ request: LeaveGroupRequest) -> LeaveGroupResponse {
        var results: [(memberID: String, errorCode: KafkaErrorCode)] = []
        for memberID in request.memberIDs {
            if groups[request.groupID]?.members[memberID] != nil {
                removeMember(memberID, from: request.groupID)
                results.append((memberID, .none))
            } else {
                results.append((memberID, .unknownMemberID))
            }
        }
        let single = request.memberIDs.count == 1 ? results[0].errorCode : .none
        return LeaveGroupResponse(errorCode: single, members: results)
    }

    /// Whether a commit from this member and generation may be stored. A generation of -1 with
    /// no member id is a commit from a consumer outside group management, always allowed.
    public func validateCommit(groupID: String, memberID: String, generationID: Int32) -> KafkaErrorCode {
        if generationID < 0 && memberID.isEmpty { return .none }
        guard let group = groups[groupID], group.members[memberID] != nil else { return .unknownMemberID }
        groups[groupID]?.members[memberID]?.lastSeen = clock.now
        guard generationID == group.generation else { return .illegalGeneration }
        return group.state == .completingRebalance ? .rebalanceInProgress : .none
    }

    /// Drops members whose session ran out, rebalancing the rest. Members parked in JoinGroup are
    /// governed by the rebalance deadline instead.
    public func expireSessions() {
        let now = clock.now
        for (groupID, group) in groups {
            for (memberID, member) in group.members where member.joinWaiter == nil && member.lastSeen + member.sessionTimeout < now {
                removeMember(memberID, from: groupID)
            }
            if groups[groupID]?.state == .preparingRebalance { tryCompleteJoin(groupID) }
        }
    }

    /// A snapshot for tests and diagnostics: state name, generation and members in join order.
    public func describe(_ groupID: String) -> (state: String, generation: Int32, members: [String])? {
        guard let group = groups[groupID] else { return nil }
        return ("\(group.state)", group.generation, group.memberOrder)
    }

    // MARK: Rebalancing

    private func prepareRebalance(_ groupID: String) {
        guard var group = groups[groupID] else { return }
        let now = clock.now
        for id in group.memberOrder {
            if let waiter = group.members[id]?.syncWaiter {
                group.members[id]?.syncWaiter = nil
                waiter.resume(returning: SyncGroupResponse(errorCode: .rebalanceInProgress, assignment: []))
            }
        }
        let delay = group.state == .empty ? config.initialRebalanceDelay : .zero
        let timeout = group.members.values.map(\.rebalanceTimeout).max() ?? .seconds(30)
        group.state = .preparingRebalance
        group.earliestCompletion = now + delay
        group.rebalanceDeadline = now + timeout
        groups[groupID] = group
        schedule(groupID, at: now + delay)
        schedule(groupID, at: now + timeout)
    }

    private func schedule(_ groupID: String, at instant: ContinuousClock.Instant) {
        Task { [clock] in
            try? await Task.sleep(until: instant, clock: clock)
            self.tryCompleteJoin(groupID)
        }
    }

    private func tryCompleteJoin(_ groupID: String) {
        guard var group = groups[groupID], group.state == .preparingRebalance else { return }
        let now = clock.now
        let allJoined = group.members.values.allSatisfy { $0.joinWaiter != nil }
        let pastDeadline = group.rebalanceDeadline.map { now >= $0 } ?? true
        let delayOver = group.earliestCompletion.map { now >= $0 } ?? true
        guard (allJoined && delayOver) || pastDeadline else { return }
        for id in group.memberOrder where group.members[id]?.joinWaiter == nil {
            group.members[id] = nil
        }
        group.memberOrder.removeAll { group.members[$0] == nil }
        group.generation &+= 1
        guard !group.memberOrder.isEmpty else {
            group.state = .empty
            group.leader = nil
            group.protocolName = nil
            groups[groupID] = group
            return
        }
        if group.leader.map({ group.members[$0] == nil }) ?? true { group.leader = group.memberOrder.first }
        let leaderID = group.leader ?? ""
        let chosen = group.members[leaderID]?.protocols.first { candidate in
            group.members.values.allSatisfy { member in member.protocols.contains { $0.name == candidate.name } }
        }?.name
        group.protocolName = chosen
        group.state = .completingRebalance
        group.earliestCompletion = nil
        group.rebalanceDeadline = nil
        let roster = group.memberOrder.compactMap { id -> JoinGroupResponse.Member? in
            guard let member = group.members[id] else { return nil }
            let metadata = member.protocols.first { $0.name == chosen }?.metadata ?? []
            return JoinGroupResponse.Member(memberID: id, groupInstanceID: nil, metadata: metadata)
        }
        for id in group.memberOrder {
            guard let waiter = group.members[id]?.joinWaiter else { continue }
            group.members[id]?.joinWaiter = nil
            group.members[id]?.lastSeen = now
            group.members[id]?.assignment = []
            guard let chosen else {
                waiter.resume(returning: .failure(.inconsistentGroupProtocol, memberID: id))
                continue
            }
            waiter.resume(returning: JoinGroupResponse(
                errorCode: .none, generationID: group.generation, protocolType: group.protocolType, protocolName: chosen, leader: leaderID,
                memberID: id, members: id == leaderID ? roster : []))
        }
        groups[groupID] = group
    }

    private func removeMember(_ memberID: String, from groupID: String) {
        guard var group = groups[groupID], let member = group.members[memberID] else { return }
        member.joinWaiter?.resume(returning: .failure(.unknownMemberID, memberID: memberID))
        member.syncWaiter?.resume(returning: SyncGroupResponse(errorCode: .unknownMemberID, assignment: []))
        group.members[memberID] = nil
        group.memberOrder.removeAll { $0 == memberID }
        if group.leader == memberID { group.leader = nil }
        groups[groupID] = group
        if group.members.isEmpty {
            groups[groupID]?.state = .empty
            groups[groupID]?.generation &+= 1
        } else if group.state == .preparingRebalance {
            tryCompleteJoin(groupID)
        } else {
            prepareRebalance(groupID)
        }
    }
}
