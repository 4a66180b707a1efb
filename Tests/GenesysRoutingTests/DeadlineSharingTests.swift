import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

/// Issue 9: the routing API's own loops (version-conflict retries, consistency waits) stop at the
/// caller's `GenesysDeadline` instead of adding their own bounds on top.
@Suite("Routing loops share the caller's deadline")
struct DeadlineSharingTests {
    @Test("version-conflict retries stop at the deadline with deadlineExceeded")
    func versionConflictRetries() async throws {
        let h = try Harness { _ in .json(errorBody(status: 409, code: "conflict", message: "version mismatch"), status: 409) }
        let deadline = GenesysDeadline(timeout: .milliseconds(1_200), clock: h.clock, label: "update agent")
        let error = try await #require(throws: GenesysError.self) {
            try await deadline.run { _ = try await h.routing.updateUserRoutingSkill(userID: "u1", skillID: "s1", proficiency: 3) }
        }
        #expect(error.code == .deadlineExceeded)
        #expect(error.operation == "routing.updateUserRoutingSkill")
        #expect((error.underlying as? GenesysError)?.code == .conflict)
        #expect(h.clock.now.offset <= .milliseconds(1_200))
        #expect(h.requests.count == 2, "one retry after 500 ms; the next (1 s) would pass the deadline")
    }

    @Test("a consistency wait with a longer timeout stops at the caller's deadline")
    func waits() async throws {
        let h = try Harness(routes: [:])
        let deadline = GenesysDeadline(timeout: .seconds(10), clock: h.clock, label: "waiting")
        let error = try await #require(throws: GenesysError.self) {
            try await deadline.run { try await h.routing.waitForCondition(timeout: .seconds(120)) { false } }
        }
        #expect(error.code == .deadlineExceeded)
        #expect(error.operation == "routing.waitForCondition")
        #expect(h.clock.now.offset <= .seconds(10))
        #expect(h.clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
    }
}
