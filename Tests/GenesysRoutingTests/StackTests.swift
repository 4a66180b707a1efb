import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import Logging
import RoutingModels
import Testing

/// A token provider that hands out `token-1`, then `token-2` after the API rejected `token-1`, …
actor RotatingTokenProvider: AccessTokenProvider {
    private var generation = 1
    private(set) var fetches = 0
    private(set) var invalidations = 0

    func accessToken(logger: Logger) async throws -> AccessToken {
        fetches += 1
        return AccessToken(value: "token-\(generation)")
    }

    func invalidate(_ token: AccessToken) async {
        invalidations += 1
        if token.value == "token-\(generation)" { generation += 1 }
    }
}

@Suite("The whole stack, end to end")
struct StackTests {
    @Test("skills calls survive 429 with Retry-After, a 503 and a rejected token, through retry and auth")
    func proveTheStack() async throws {
        let script = LockedBox<[TransportResponse]>([
            // listSkills(name:)
            .json(errorBody(status: 429, code: "too.many.requests.retry.after", message: "Retry the request in [2] seconds"),
                  status: 429, headers: ["Retry-After": "2"]),
            .json(pageJSON([entity("s1", "Billing", #""state":"active""#)], pageNumber: 1, pageCount: 1)),
            // getSkill
            .json(errorBody(status: 503, code: "service.unavailable", message: "try later"), status: 503),
            .json(entity("s1", "Billing", #""state":"active""#)),
            // createSkill: the token is rejected once, then the replay succeeds
            .json(errorBody(status: 401, code: "authentication.required", message: "expired"), status: 401),
            .json(entity("s2", "Sales", #""state":"active""#)),
            // moveSkill
            .json(entity("s2", "Sales", #""division":{"id":"d2"}"#)),
            // deleteSkill
            .empty(status: 204),
        ])
        let tokens = RotatingTokenProvider()
        let h = try Harness(tokenProvider: tokens) { _ in
            script.withLock { $0.isEmpty ? .json(errorBody(status: 599, code: "script", message: "no more"), status: 599) : $0.removeFirst() }
        }

        let found = try await h.routing.listSkills(name: "Bill").collectItems()
        #expect(found.map(\.id) == ["s1"])
        let skill = try await h.routing.getSkill(id: "s1")
        #expect(skill.name == "Billing")
        let created = try await h.routing.createSkill(CreateRoutingSkill(name: "Sales"))
        #expect(created.id == "s2")
        let moved = try await h.routing.moveSkill(id: "s2", toDivision: "d2")
        #expect(moved.division?.id == "d2")
        try await h.routing.deleteSkill(id: "s2")

        #expect(h.routes == [
            "GET /api/v2/routing/skills", "GET /api/v2/routing/skills",
            "GET /api/v2/routing/skills/s1", "GET /api/v2/routing/skills/s1",
            "POST /api/v2/routing/skills", "POST /api/v2/routing/skills",
            "PATCH /api/v2/routing/skills/s2",
            "DELETE /api/v2/routing/skills/s2",
        ])
        #expect(h.requests.map(\.authorization) == [
            "Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-1",
            "Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-2",
        ])
        // The replayed create sent the same body.
        #expect(try h.requests[4].json() == h.requests[5].json())
        // Retry-After 2 s plus the (un-jittered) 1 s allowance, then the first backoff step for the 503.
        #expect(h.clock.sleeps == [.seconds(3), .milliseconds(500)])
        let counts = await h.client.counters.snapshot()
        #expect(counts.total == 8)
        #expect(counts.retries == 2)
        #expect(counts.throttled == 1)
        #expect(counts.reauthentications == 1)
        #expect(await tokens.invalidations == 1)
    }

    @Test("a create is not retried after a 500, because a POST may already have created the skill")
    func createNotRetriedAfter500() async throws {
        let h = try Harness { _ in .json(errorBody(status: 500, code: "internal.server.error", message: "boom"), status: 500) }
        let error = await genesysError { _ = try await h.routing.createSkill(CreateRoutingSkill(name: "X")) }
        #expect(error?.code == .serverError)
        #expect(h.requests.count == 1)
    }

    @Test("a 429 asking for longer than the policy waits becomes rateLimited with retryAfter")
    func longRetryAfter() async throws {
        let h = try Harness { _ in
            .json(errorBody(status: 429, code: "too.many.requests.retry.after", message: "later"), status: 429, headers: ["Retry-After": "3600"])
        }
        let error = await genesysError { _ = try await h.routing.getSkill(id: "s1") }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == .seconds(3600))
        #expect(h.requests.count == 1)
    }
}
