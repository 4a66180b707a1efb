import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import Logging
import RoutingModels
import Testing

@Suite("Fault injection, rate limit and index lag")
struct FaultTests {
    /// The statuses (or `nil` for a dropped connection) of `count` GETs.
    func statuses(_ h: FakeOrgHarness, count: Int, path: String = "/api/v2/routing/skills") async throws -> [Int?] {
        let token = h.org.issueToken().value
        var result: [Int?] = []
        for _ in 0..<count {
            do {
                result.append(try await h.raw(.get, path, token: token).status)
            } catch is TransportError {
                result.append(nil)
            }
        }
        return result
    }

    @Test("probabilistic faults are the same for the same seed and differ for another", arguments: [
        FakeFault.Effect.status(503), .status(502), .status(504), .throttle(retryAfter: .seconds(3)), .connectionLost(afterApplying: false),
    ])
    func deterministicBySeed(effect: FakeFault.Effect) async throws {
        func run(seed: UInt64) async throws -> [Int?] {
            let h = FakeOrgHarness(configuration: .init(rateLimit: nil, faultSeed: seed))
            h.org.addFault(FakeFault(effect, when: .probability(0.3)))
            return try await statuses(h, count: 60)
        }
        let first = try await run(seed: 42)
        let again = try await run(seed: 42)
        let other = try await run(seed: 7)
        #expect(first == again)
        #expect(first != other)
        let faulted = first.filter { $0 != 200 }.count
        #expect(faulted > 5 && faulted < 40)
    }

    @Test("scheduled faults hit exactly the numbered requests")
    func schedule() async throws {
        let h = FakeOrgHarness()
        h.org.addFault(FakeFault(.status(503), when: .requests([3, 5])))
        #expect(try await statuses(h, count: 6) == [200, 200, 503, 200, 503, 200])
        #expect(h.org.requests.map(\.fault) == [nil, nil, "status 503", nil, "status 503", nil])
    }

    @Test("the next N POSTs to a path fail; other requests are untouched")
    func nextPosts() async throws {
        let h = FakeOrgHarness()
        h.org.addFault(FakeFault(.status(502), when: .next(2), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        _ = try await h.send(.get, "/api/v2/routing/skills")
        var outcomes: [Bool] = []
        for attempt in 1...3 {
            do {
                try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "S\(attempt)"))
                outcomes.append(true)
            } catch {
                outcomes.append(false)
            }
        }
        #expect(outcomes == [false, false, true])
        #expect(h.org.snapshot().skills.compactMap(\.name) == ["S3"])
        #expect(h.org.requests.map(\.status) == [200, 502, 502, 200])
    }

    @Test("writes-only faults leave reads alone")
    func writesOnly() async throws {
        let h = FakeOrgHarness()
        h.org.addFault(FakeFault(.status(500), matching: .writes))
        _ = try await h.send(.get, "/api/v2/routing/skills")
        _ = try await h.send(.post, "/api/v2/users/search", json: UserSearchRequest(query: []))
        let error = await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "S")) }
        #expect(error?.status == 500)
        #expect(error?.serverCode == "internal.server.error")
    }

    @Test("a 429 fault carries Retry-After and the normalised 429 body")
    func throttleBody() async throws {
        let h = FakeOrgHarness()
        h.org.addFault(FakeFault(.throttle(retryAfter: .milliseconds(1500)), when: .next(1)))
        let response = try await h.raw(.get, "/api/v2/routing/skills", token: h.org.issueToken().value)
        #expect(response.status == 429)
        #expect(response.head.headerFields[.retryAfter] == "2")
        let body = try #require(response.errorBody)
        #expect(body.code == "too.many.requests.retry.after")
        #expect(body.status == 429)
        #expect(body.details == [] && body.errors == [])
        #expect(body.message?.contains("Retry the request in [2] seconds") == true)
        #expect(body.contextId == response.correlationID)
    }

    @Test("a dropped connection after applying keeps the write; before applying it does not")
    func droppedConnections() async throws {
        let h = FakeOrgHarness()
        let match = FakeFault.Match(methods: [.post])
        h.org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .requests([1]), matching: match))
        h.org.addFault(FakeFault(.connectionLost(afterApplying: false), when: .requests([2]), matching: match))
        h.org.addFault(FakeFault(.connectFailed, when: .requests([3]), matching: match))
        var errors: [TransportError] = []
        for name in ["Applied", "Lost", "NeverSent"] {
            let error = await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: name)) }
            #expect(error?.code == .transport)
            if let transport = error?.underlying as? TransportError { errors.append(transport) }
        }
        #expect(errors.map(\.kind) == [.connectionLost, .connectionLost, .connectFailed])
        #expect(errors.map(\.requestMayHaveBeenProcessed) == [true, true, false])
        #expect(h.org.snapshot().skills.compactMap(\.name) == ["Applied"])
        #expect(h.org.requests.map(\.status) == [nil, nil, nil])
        #expect(h.org.requests.map(\.fault) == ["connectionLost(afterApplying)", "connectionLost(beforeApplying)", "connectFailed"])
    }

    @Test("the standard retry policy survives a throttle and an applied-but-lost PUT")
    func clientRetries() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(clock: clock)
        let client = org.makeClient()
        let queue = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        org.addFault(FakeFault(.throttle(retryAfter: .seconds(2)), when: .next(1), matching: .init(pathPrefix: "/api/v2/routing/skills")))
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1), matching: .init(methods: [.put])))
        _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "test"))
        #expect(clock.sleeps == [.seconds(3)])  // Retry-After 2 s + 1 s of (un-jittered) Retry-After padding
        let update = try GenesysRequest(method: .put, path: "/api/v2/routing/queues/\(queue)", json: QueueRequest(name: "Q2"), operation: "test")
        _ = try await client.send(update)
        #expect(org.snapshot().queues.first?.queue.name == "Q2")
        #expect(org.count(method: .put) == 2)
        #expect(await client.counters.snapshot().retries == 2)
    }

    @Test("latency and delay faults sleep on the org clock")
    func latency() async throws {
        let clock = ManualClock()
        let org = FakeGenesysOrg(configuration: .init(rateLimit: nil, latency: .milliseconds(200)), clock: clock)
        org.addFault(FakeFault(.delay(.seconds(2)), when: .requests([2])))
        let h = FakeOrgHarnessOver(org: org, clock: clock)
        let task = Task { try await h.raw(.get, "/api/v2/routing/skills") }
        try await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(200))
        #expect(try await task.value.status == 200)
        let second = Task { try await h.raw(.get, "/api/v2/routing/skills") }
        try await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(2199))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        #expect(try await second.value.status == 200)
        #expect(clock.sleeps == [.milliseconds(200), .milliseconds(2200)])
        #expect(org.requests.map(\.timestamp) == [.zero, .milliseconds(200)])
    }

    @Test("the per-token rate limit answers 429 with Retry-After until the window frees")
    func rateLimit() async throws {
        let h = FakeOrgHarness(configuration: .init(rateLimit: RateLimit(requests: 5, per: .seconds(60))))
        let token = h.org.issueToken().value
        for _ in 0..<5 { #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token).status == 200) }
        h.clock.advance(by: .seconds(20))
        let limited = try await h.raw(.get, "/api/v2/routing/skills", token: token)
        #expect(limited.status == 429)
        #expect(limited.head.headerFields[.retryAfter] == "40")
        #expect(limited.errorBody?.code == "too.many.requests.retry.after")
        // Another token has its own budget.
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: h.org.issueToken().value).status == 200)
        h.clock.advance(by: .seconds(39))
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token).head.headerFields[.retryAfter] == "1")
        h.clock.advance(by: .seconds(1))
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token).status == 200)
    }

    @Test("the default rate limit is 300 requests per minute per token")
    func defaultRateLimit() async throws {
        let h = FakeOrgHarness(configuration: .init())
        let token = h.org.issueToken().value
        var statuses: [Int] = []
        for _ in 0..<301 { statuses.append(try await h.raw(.get, "/api/v2/authorization/divisions/home", token: token).status) }
        #expect(statuses.filter { $0 == 200 }.count == 300)
        #expect(statuses.last == 429)
        h.clock.advance(by: .seconds(60))
        #expect(try await h.raw(.get, "/api/v2/authorization/divisions/home", token: token).status == 200)
    }

    @Test("index lag: a new object is missing from listings but found by id until the lag passes")
    func indexLag() async throws {
        let h = FakeOrgHarness(configuration: .init(rateLimit: nil, indexLag: .seconds(5)))
        let old = try h.org.addSkill(name: "Seeded")
        let created = try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "Fresh"), as: RoutingSkill.self)
        let id = try #require(created.id)
        #expect(try await h.get("/api/v2/routing/skills", as: SkillEntityListing.self).entities?.compactMap(\.id) == [old])
        #expect(try await h.get("/api/v2/routing/skills", [("id", id)], as: SkillEntityListing.self).total == 0)
        #expect(try await h.get("/api/v2/routing/skills/\(id)", as: RoutingSkill.self).name == "Fresh")
        h.clock.advance(by: .seconds(5))
        #expect(try await h.get("/api/v2/routing/skills", [("name", "Fresh")], as: SkillEntityListing.self).entities?.compactMap(\.id) == [id])

        // A delete also takes the index a while: the skill stays listed, as deleted.
        try await h.send(.delete, "/api/v2/routing/skills/\(old)")
        let lagging = try await h.get("/api/v2/routing/skills", [("name", "Seeded")], as: SkillEntityListing.self)
        #expect(lagging.entities?.map(\.state) == [.deleted])
        h.clock.advance(by: .seconds(5))
        #expect(try await h.get("/api/v2/routing/skills", [("name", "Seeded")], as: SkillEntityListing.self).total == 0)
    }

    @Test("index lag applies to queues, wrap-up codes, languages and skill groups alike")
    func indexLagEverywhere() async throws {
        let h = FakeOrgHarness(configuration: .init(rateLimit: nil, indexLag: .seconds(3)))
        try h.org.addSkill(name: "A")
        try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: QueueRequest(name: "Q")))
        try await h.send(.post, "/api/v2/routing/wrapupcodes", json: WrapupCodeRequest(name: "W"))
        try await h.send(.post, "/api/v2/routing/languages", json: Language(name: "L"))
        try await h.send(.post, "/api/v2/routing/skillgroups", json: SkillGroupWithMemberDivisions(
            name: "G", skillConditions: [Condition.node(.and, skills: [Condition.skill("A", .greaterThan, 0)])]
        ))
        func counts() async throws -> [Int] {
            [
                try await h.get("/api/v2/routing/queues", as: QueueEntityListing.self).total ?? -1,
                try await h.get("/api/v2/routing/wrapupcodes", as: WrapupCodeEntityListing.self).total ?? -1,
                try await h.get("/api/v2/routing/languages", as: LanguageEntityListing.self).total ?? -1,
                try await h.get("/api/v2/routing/skillgroups", as: SkillGroupEntityListing.self).entities?.count ?? -1,
            ]
        }
        #expect(try await counts() == [0, 0, 0, 0])
        h.clock.advance(by: .seconds(3))
        #expect(try await counts() == [1, 1, 1, 1])
    }
}

/// Raw access to an org built outside ``FakeOrgHarness``.
struct FakeOrgHarnessOver {
    let org: FakeGenesysOrg
    let clock: ManualClock
    let token: String

    init(org: FakeGenesysOrg, clock: ManualClock) {
        self.org = org
        self.clock = clock
        self.token = org.issueToken().value
    }

    func raw(_ method: HTTPRequest.Method, _ path: String) async throws -> TransportResponse {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(token)"
        let request = HTTPRequest(method: method, scheme: "https", authority: "api.fake.genesys.test", path: path, headerFields: fields)
        return try await org.send(request, body: nil, options: TransportOptions(operation: "test", logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
    }
}
