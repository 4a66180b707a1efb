import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// #11 "Writes carry only writable fields": every request body the sync sends is built from the writable
/// schema, so none carries a field Genesys' OpenAPI document marks read-only.
@Suite("Writable request bodies")
struct WritableBodyTests {
    @Test("the fixture lists the read-only fields of the queue bodies the issue names")
    func fixtureIsDerivedFromTheSpec() throws {
        let fields = try ReadOnlyFields.load()
        let put = try #require(fields.operations["putRoutingQueue"])
        #expect(put.method == "PUT" && put.path == "/api/v2/routing/queues/{queueId}")
        for path in ["memberGroups[].memberCount", "memberGroups[].selfUri", "memberGroups[].division.selfUri", "id", "selfUri",
                     "bullseye.rings[].memberGroups[].memberCount"] {
            #expect(put.readOnly.contains(path), "\(path)")
        }
        #expect(fields.isReadOnly("memberGroups[].memberCount", in: put))
        #expect(fields.isReadOnly("defaultScripts.CALL.selfUri", in: put))
        #expect(!fields.isReadOnly("defaultScripts.CALL.id", in: put), "a script is referenced by its id")
        #expect(!fields.isReadOnly("memberGroups[].id", in: put))
        #expect(fields.operation(method: "PATCH", path: "/api/v2/routing/skillgroups/abc")?.name == "patchRoutingSkillgroup")
    }

    @Test("a member-group repair sends member groups as {id, type} and no other read-only field")
    func memberGroupRepair() async throws {
        let harness = try Harness()
        let org = harness.org
        try org.addSkill(name: "A")
        let groupID = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "G", skillConditions: [Semantics.condition("A")]))
        _ = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "G2", skillConditions: [Semantics.condition("A")]))
        var request = QueueRequest(name: "Q", description: "old")
        request.memberGroups = [MemberGroup(id: groupID, type: .skillGroup), MemberGroup(id: "team-1", type: .team)]
        request.bullseye = Bullseye(rings: [Ring(
            expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 10)],
            memberGroups: [MemberGroup(id: groupID, type: .skillGroup)]
        )])
        _ = try org.addQueue(CreateQueueRequest(queue: request))
        let recorder = BodyRecorder(org: org)
        let sync = try recorder.makeSync()

        for skillGroups in [["G"], ["G", "G2"]] {
            recorder.reset()
            let state = DesiredState(queues: [QueueSpec(name: "Q", description: "new \(skillGroups.count)", skillGroups: skillGroups)])
            let report = try await sync.apply(state)
            #expect(report.succeeded)
            #expect(!recorder.bodies.isEmpty)
            let violations = try ReadOnlyFields.load().violations(in: recorder.bodies)
            #expect(violations == [])
        }
        let stored = try #require(org.snapshot().queues.first { $0.queue.name == "Q" })
        #expect(stored.queue.memberGroups?.contains(MemberGroup(id: "team-1", type: .team)) == true)
        #expect(stored.queue.bullseye?.rings?.first?.memberGroups == [MemberGroup(id: groupID, type: .skillGroup)])
    }

    @Test("the queue body keeps every setting but drops what the API marks read-only")
    func writableOnlyKeepsSettings() throws {
        var queue = RoutingQueue(id: "q1", name: "Q", division: Division(id: "d1", name: "Home", selfUri: "/d1"))
        queue.memberCount = 3
        queue.selfUri = "/api/v2/routing/queues/q1"
        queue.memberGroups = [MemberGroup(id: "g1", name: "G", division: Division(id: "d1", name: "Home", selfUri: "/d1"), type: .skillGroup,
                                          memberCount: 4, selfUri: "/g1")]
        queue.defaultScripts = ["CALL": Script(id: "s1", name: "Script", selfUri: "/s1")]
        queue.queueFlow = DomainEntityRef(id: "f1", name: "Flow", selfUri: "/f1")
        queue.scoringMethod = .priorityOnly
        let body = QueueRequest.writable(from: queue)
        #expect(body.id == nil && body.memberCount == nil && body.selfUri == nil)
        #expect(body.division == Division(id: "d1"))
        #expect(body.memberGroups == [MemberGroup(id: "g1", type: .skillGroup)])
        #expect(body.defaultScripts == ["CALL": Script(id: "s1")])
        #expect(body.queueFlow == DomainEntityRef(id: "f1"))
        #expect(body.scoringMethod == .priorityOnly)
        #expect(body.name == "Q")
    }
}
