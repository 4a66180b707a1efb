import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
import Testing

/// Operation names (in errors, logs, metrics and spans) are `routing.<method base name>`, derived from the
/// method itself: a plural look-up reports its own name, and a renamed call reports its new name.
@Suite("Operation names")
struct OperationNameTests {
    /// One public call made with an argument it refuses before sending anything.
    struct Call: Sendable, CustomTestStringConvertible {
        let method: String
        let run: @Sendable (RoutingAPI) async throws -> Void
        var testDescription: String { method }

        init(_ method: String, _ run: @escaping @Sendable (RoutingAPI) async throws -> Void) {
            self.method = method
            self.run = run
        }
    }

    static let refusedCalls: [Call] = [
        Call("findSkill") { _ = try await $0.findSkill(named: "") },
        Call("findSkills") { _ = try await $0.findSkills(named: "") },
        Call("findLanguage") { _ = try await $0.findLanguage(named: "") },
        Call("findLanguages") { _ = try await $0.findLanguages(named: "") },
        Call("findWrapupCode") { _ = try await $0.findWrapupCode(named: "") },
        Call("findWrapupCodes") { _ = try await $0.findWrapupCodes(named: "") },
        Call("findSkillGroup") { _ = try await $0.findSkillGroup(named: "") },
        Call("findSkillGroups") { _ = try await $0.findSkillGroups(named: "") },
        Call("findQueue") { _ = try await $0.findQueue(named: "") },
        Call("findQueues") { _ = try await $0.findQueues(named: "") },
        Call("findDivision") { _ = try await $0.findDivision(named: "") },
        Call("findUser") { _ = try await $0.findUser(email: "") },
        Call("createSkill") { _ = try await $0.createSkill(CreateRoutingSkill(name: " ")) },
        Call("moveSkill") { _ = try await $0.moveSkill(id: "s1", toDivision: "") },
        Call("createLanguage") { _ = try await $0.createLanguage(Language(name: "")) },
        Call("createWrapupCode") { _ = try await $0.createWrapupCode(WrapupCodeRequest(name: "")) },
        Call("getRoutingProfile") { _ = try await $0.getRoutingProfile(userID: "") },
        Call("waitForCondition") { try await $0.waitForCondition(timeout: .seconds(-1)) { true } },
        Call("waitForValue") { _ = try await $0.waitForValue(timeout: .seconds(-1)) { 1 } },
        Call("waitForSkillGroupMembership") { _ = try await $0.waitForSkillGroupMembership(skillGroupID: "") },
        Call("updateQueue") { _ = try await $0.updateQueue(id: "", QueueRequest(name: "Q")) },
        Call("moveObjects") { try await $0.moveObjects(toDivision: "", objectType: .queue, objectIDs: ["q1"]) },
        Call("addQueueMembers") { try await $0.addQueueMembers(queueID: "", userIDs: ["u1"]) },
        Call("removeQueueMembers") { try await $0.removeQueueMembers(queueID: "", userIDs: ["u1"]) },
        Call("replaceUserRoutingSkills") { _ = try await $0.replaceUserRoutingSkills(userID: "", []) },
        Call("addOrUpdateUserRoutingLanguages") { _ = try await $0.addOrUpdateUserRoutingLanguages(userID: "", []) },
        Call("setUserUtilization") { _ = try await $0.setUserUtilization(userID: "", UtilizationRequest()) },
        Call("validateSkillExpression") { _ = try await $0.validateSkillExpression(" ") },
    ]

    @Test("a refused call reports routing.<its own method name>", arguments: refusedCalls)
    func refusedCallNamesItself(_ call: Call) async throws {
        let h = try Harness { _ in .json("{}") }
        let error = await genesysError { try await call.run(h.routing) }
        #expect(error?.code == .invalidRequest)
        #expect(error?.operation == "routing.\(call.method)")
        #expect(h.requests.isEmpty)
    }

    @Test("a server error on a renamed call reports the new name, also through the deprecated spelling")
    @available(*, deprecated, message: "exercises the deprecated forwarders")
    func renamedCallsReportTheirNewName() async throws {
        let h = try Harness { _ in .json(errorBody(status: 403, code: "missing.permissions", message: "no"), status: 403) }
        let moved = await genesysError { _ = try await h.routing.moveSkill(id: "s1", toDivision: "d2") }
        let old = await genesysError { _ = try await h.routing.updateSkillDivision(id: "s1", divisionID: "d2") }
        #expect(moved?.operation == "routing.moveSkill")
        #expect(old?.operation == "routing.moveSkill")
        #expect(h.transport.exchanges.map(\.operation) == ["routing.moveSkill", "routing.moveSkill"])
    }
}
