import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Waiting for eventual consistency")
struct WaitingTests {
    static func group(_ status: String) -> String { #"{"id":"g1","name":"G","status":"\#(status)","memberCount":2}"# }

    @Test("waitForSkillGroupMembership polls with exponential backoff until Complete")
    func skillGroupCompletes() async throws {
        let polls = LockedBox(0)
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillgroups/g1": { _ in
                let n = polls.withLock { $0 += 1; return $0 }
                return .json(Self.group(n < 4 ? "InProgress" : "Complete"))
            },
        ])
        let group = try await h.routing.waitForSkillGroupMembership(skillGroupID: "g1")
        #expect(group.status == .complete)
        #expect(h.requests.count == 4)
        #expect(h.clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test("on a manual clock the wait sleeps until the test advances time")
    func manualClock() async throws {
        let polls = LockedBox(0)
        let clock = ManualClock(mode: .manual)
        let h = try Harness(clock: clock, routes: [
            "GET /api/v2/routing/skillgroups/g1": { _ in
                let n = polls.withLock { $0 += 1; return $0 }
                return .json(Self.group(n < 3 ? "InProgress" : "Complete"))
            },
        ])
        let routing = h.routing
        let task = Task { try await routing.waitForSkillGroupMembership(skillGroupID: "g1", timeout: .seconds(10)) }
        try await clock.waitForSleepers(1)
        #expect(polls.current == 1)
        clock.advance(by: .milliseconds(500))
        try await clock.waitForSleepers(1)
        #expect(polls.current == 2)
        clock.advance(by: .seconds(1))
        let group = try await task.value
        #expect(group.status == .complete)
        #expect(polls.current == 3)
    }

    @Test("a group still InProgress at the deadline throws timedOut; the last sleep is cut to the deadline")
    func skillGroupTimesOut() async throws {
        let h = try Harness { _ in .json(Self.group("InProgress")) }
        let error = await genesysError { try await h.routing.waitForSkillGroupMembership(skillGroupID: "g1", timeout: .seconds(4)) }
        #expect(error?.code == .timedOut)
        #expect(error?.operation == "routing.waitForSkillGroupMembership")
        #expect(h.clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2), .milliseconds(500)])
        #expect(h.requests.count == 5)
    }

    @Test("waitForValue retries a search until the new skill shows up, treating 404 as not yet")
    func untilFound() async throws {
        let polls = LockedBox(0)
        let h = try Harness(routes: [
            "GET /api/v2/routing/skills": { _ in
                let n = polls.withLock { $0 += 1; return $0 }
                switch n {
                case 1: return .json(errorBody(status: 404, code: "not.found", message: "not yet"), status: 404)
                case 2: return .json(pageJSON([entity("x", "Billing EN", #""state":"active""#)], pageNumber: 1, pageCount: 1))
                default: return .json(pageJSON([entity("s1", "Billing", #""state":"active""#)], pageNumber: 1, pageCount: 1))
                }
            },
        ])
        let routing = h.routing
        let skill = try await routing.waitForValue { try await routing.findSkill(named: "Billing") }
        #expect(skill.id == "s1")
        #expect(h.clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test("errors other than notFound end the wait at once")
    func otherErrorsPropagate() async throws {
        let h = try Harness { _ in .json(errorBody(status: 403, code: "missing.permissions", message: "no"), status: 403) }
        let routing = h.routing
        let error = await genesysError { _ = try await routing.waitForValue { try await routing.findSkill(named: "A") } }
        #expect(error?.code == .forbidden)
        #expect(h.clock.sleeps.isEmpty)
    }

    @Test("waitForCondition caps the delay at maxDelay")
    func maxDelay() async throws {
        let h = try Harness { _ in .json("{}") }
        let checks = LockedBox(0)
        try await h.routing.waitForCondition(timeout: .seconds(60), initialDelay: .seconds(1), maxDelay: .seconds(3)) {
            checks.withLock { $0 += 1; return $0 } == 5
        }
        #expect(h.clock.sleeps == [.seconds(1), .seconds(2), .seconds(3), .seconds(3)])
    }
}

@Suite("Errors")
struct ErrorsTests {
    @Test("HTTP statuses map to error codes", arguments: [
        (400, GenesysError.Code.badRequest), (401, .unauthorized), (403, .forbidden), (404, .notFound), (409, .conflict),
        (415, .badRequest), (501, .serverError),
    ])
    func statusToCode(status: Int, code: GenesysError.Code) async throws {
        let h = try Harness { _ in .json(errorBody(status: status, code: "some.code", message: "m"), status: status) }
        let error = await genesysError { _ = try await h.routing.getQueue(id: "q1") }
        #expect(error?.code == code)
        #expect(error?.status == status)
        #expect(error?.serverCode == "some.code")
        #expect(error?.operation == "routing.getQueue")
    }

    @Test("an undecodable success body is a decoding error naming the operation")
    func decoding() async throws {
        let h = try Harness { _ in .json(#"{"id": 42}"#) }
        let error = await genesysError { _ = try await h.routing.getSkill(id: "s1") }
        #expect(error?.code == .decoding)
        #expect(error?.operation == "routing.getSkill")
    }
}
