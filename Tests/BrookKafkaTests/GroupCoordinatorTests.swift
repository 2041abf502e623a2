// The single-node group coordinator: generations, leaders, assignment relay, rebalances.
import Testing
@testable import BrookKafka

@Suite struct GroupCoordinatorTests {
    static let range = JoinGroupRequest.AssignmentProtocol(name: "range", metadata: [1, 2, 3])

    func join(_ coordinator: GroupCoordinator, memberID: String = "", session: Int32 = 10_000, rebalance: Int32 = 2_000) async -> JoinGroupResponse {
        await coordinator.join(JoinGroupRequest(groupID: "g", sessionTimeoutMs: session, rebalanceTimeoutMs: rebalance,
                                                memberID: memberID, protocols: [Self.range]), clientID: "c")
    }

    @Test func twoMembersShareOneGenerationAndOnlyTheLeaderSeesTheRoster() async throws {
        let coordinator = GroupCoordinator(config: TestSupport.quietConfig())
        async let first = join(coordinator)
        async let second = join(coordinator)
        let (a, b) = await (first, second)
        #expect(a.errorCode == .none && b.errorCode == .none)
        #expect(a.generationID == 1 && b.generationID == 1)
        #expect(a.leader == b.leader)
        let leader = a.memberID == a.leader ? a : b
        let follower = a.memberID == a.leader ? b : a
        #expect(leader.members.count == 2 && follower.members.isEmpty)
        #expect(leader.members.first?.metadata == [1, 2, 3])
        #expect(leader.protocolName == "range")

        async let followerSync = coordinator.sync(SyncGroupRequest(groupID: "g", generationID: 1, memberID: follower.memberID, assignments: []))
        try await Task.sleep(for: .milliseconds(20))
        let leaderSync = await coordinator.sync(SyncGroupRequest(groupID: "g", generationID: 1, memberID: leader.memberID, assignments: [
            .init(memberID: leader.memberID, assignment: [0xA]), .init(memberID: follower.memberID, assignment: [0xB]),
        ]))
        #expect(leaderSync == SyncGroupResponse(errorCode: .none, assignment: [0xA], protocolType: "consumer", protocolName: "range"))
        #expect(await followerSync == SyncGroupResponse(errorCode: .none, assignment: [0xB], protocolType: "consumer", protocolName: "range"))
        #expect(await coordinator.heartbeat(HeartbeatRequest(groupID: "g", generationID: 1, memberID: follower.memberID)).errorCode == .none)
    }

    @Test func aNewMemberMakesOthersRejoinThroughHeartbeat() async throws {
        let coordinator = GroupCoordinator(config: TestSupport.quietConfig())
        let a = await join(coordinator)
        _ = await coordinator.sync(SyncGroupRequest(groupID: "g", generationID: a.generationID, memberID: a.memberID, assignments: []))
        async let newcomer = join(coordinator)
        var beat = HeartbeatResponse(errorCode: .none)
        for _ in 0..<200 where beat.errorCode == .none {
            try await Task.sleep(for: .milliseconds(10))
            beat = await coordinator.heartbeat(HeartbeatRequest(groupID: "g", generationID: a.generationID, memberID: a.memberID))
        }
        #expect(beat.errorCode == .rebalanceInProgress)
        let rejoin = await join(coordinator, memberID: a.memberID)
        let b = await newcomer
        #expect(rejoin.generationID == a.generationID + 1 && b.generationID == rejoin.generationID)
        #expect(rejoin.leader == a.memberID)
        #expect(await coordinator.validateCommit(groupID: "g", memberID: a.memberID, generationID: a.generationID) == .illegalGeneration)
    }

    @Test func membersThatDoNotRejoinAreDroppedAtTheRebalanceTimeout() async throws {
        let coordinator = GroupCoordinator(config: TestSupport.quietConfig())
        let a = await join(coordinator, rebalance: 300)
        _ = await coordinator.sync(SyncGroupRequest(groupID: "g", generationID: a.generationID, memberID: a.memberID, assignments: []))
        let b = await join(coordinator, rebalance: 300)
        #expect(b.generationID == 2)
        #expect(b.leader == b.memberID)
        #expect(await coordinator.describe("g")?.members == [b.memberID])
    }

    @Test func leavingTriggersARebalanceForTheRest() async throws {
        let coordinator = GroupCoordinator(config: TestSupport.quietConfig())
        async let first = join(coordinator)
        async let second = join(coordinator)
        let (a, b) = await (first, second)
        let left = await coordinator.leave(LeaveGroupRequest(groupID: "g", memberIDs: [a.memberID]))
        #expect(left.errorCode == .none)
        #expect(await coordinator.heartbeat(HeartbeatRequest(groupID: "g", generationID: b.generationID, memberID: b.memberID)).errorCode == .rebalanceInProgress)
        let rejoined = await join(coordinator, memberID: b.memberID)
        #expect(rejoined.generationID == b.generationID + 1 && rejoined.members.count == 1)
        #expect(await coordinator.leave(LeaveGroupRequest(groupID: "g", memberIDs: ["stranger"])).errorCode == .unknownMemberID)
    }

    @Test func expiredSessionsLeaveTheGroup() async throws {
        let coordinator = GroupCoordinator(config: TestSupport.quietConfig())
        let a = await join(coordinator, session: 1_000)
        try await Task.sleep(for: .milliseconds(1_100))
        await coordinator.expireSessions()
        #expect(await coordinator.heartbeat(HeartbeatRequest(groupID: "g", generationID: a.generationID, memberID: a.memberID)).errorCode == .unknownMemberID)
        #expect(await coordinator.describe("g")?.state == "empty")
    }

    @Test func invalidJoinsAreRefused() async {
        let coordinator = GroupCoordinator(config: TestSupport.quietConfig())
        #expect(await join(coordinator, session: 10).errorCode == .invalidSessionTimeout)
        #expect(await join(coordinator, memberID: "unknown").errorCode == .unknownMemberID)
        let empty = await coordinator.join(JoinGroupRequest(groupID: "", sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 1_000, memberID: "", protocols: [Self.range]), clientID: nil)
        #expect(empty.errorCode == .invalidGroupID)
    }
}
