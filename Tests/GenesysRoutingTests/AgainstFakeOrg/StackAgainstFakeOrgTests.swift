import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("The whole stack against the in-memory org")
struct StackAgainstFakeOrgTests {
    @Test("a 429 with Retry-After is waited out on the org's clock, then the call succeeds")
    func throttledThenSuccess() async throws {
        let f = try OrgFixture(.clientCredentials)
        try f.org.addSkill(name: "Billing")
        f.org.addFault(FakeFault(.throttle(retryAfter: .seconds(2)), when: .next(1), matching: .init(pathPrefix: "/api/v2/routing/skills")))

        let skills = try await f.routing.listSkills().collectItems()
        #expect(skills.map(\.name) == ["Billing"])

        let lists = f.apiRequests.filter { $0.path == "/api/v2/routing/skills" }
        #expect(lists.map(\.status) == [429, 200])
        #expect(lists[0].fault != nil)
        #expect(lists[1].timestamp - lists[0].timestamp >= .seconds(2))
        // Retry-After 2 s plus the policy's 1 s allowance (no jitter), slept on the org's clock.
        #expect(f.clock.sleeps == [.seconds(3)])
        let counts = await f.client.counters.snapshot()
        #expect(counts.throttled == 1)
        #expect(counts.retries == 1)
    }

    @Test("an injected 503 on a GET is retried with backoff and the read succeeds")
    func serviceUnavailableOnRead() async throws {
        let f = try OrgFixture(.clientCredentials)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        f.org.addFault(FakeFault(.status(503), when: .next(2), matching: .init(methods: [.get], pathPrefix: "/api/v2/routing/queues")))

        #expect(try await f.routing.getQueue(id: queue).name == "Support")
        #expect(f.apiRequests.map(\.status) == [503, 503, 200])
        #expect(f.clock.sleeps == [.milliseconds(500), .seconds(1)])
        #expect(await f.client.counters.snapshot().retries == 2)
    }

    @Test("a create answered 503 before the org saw it is retried and creates exactly one queue; a 500 is not retried")
    func createRetries() async throws {
        let f = try OrgFixture(.clientCredentials)
        f.org.addFault(FakeFault(.status(503), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
        let created = try await f.routing.createQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        #expect(f.org.snapshot().queues.map(\.queue.id) == [created.id])
        #expect(f.apiRequests.map(\.status) == [503, 200])

        f.org.addFault(FakeFault(.status(500), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
        let error = await genesysError { _ = try await f.routing.createQueue(CreateQueueRequest(queue: QueueRequest(name: "Sales"))) }
        #expect(error?.code == .serverError)
        #expect(f.count(.post, "/api/v2/routing/queues") == 3)
        #expect(f.org.snapshot().queues.count == 1)
    }

    @Test("an idempotent PATCH whose answer is lost after the org applied it is retried and the org ends in the wanted state")
    func lostAnswerOnIdempotentWrite() async throws {
        let f = try OrgFixture(.clientCredentials)
        let users = try f.org.addUsers(2)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        try f.org.addQueueMembers(queueID: queue, userIDs: users)
        f.org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1), matching: .init(methods: [.patch])))

        let changed = try await f.routing.setQueueMembersJoined(queueID: queue, [(userID: users[0], joined: false)])
        #expect(changed.map(\.joined) == [false])
        #expect(f.apiRequests.map(\.status) == [nil, 200])
        #expect(try f.org.queueRecord(queue).members.map(\.joined) == [false, true])
    }

    @Test("a token that expires on the org's clock is replaced before use, without a 401")
    func tokenExpiry() async throws {
        let f = try OrgFixture(.clientCredentials, configuration: .init(clients: [.init(tokenLifetime: .seconds(3600))]))
        try f.org.addSkill(name: "Billing")
        #expect(try await f.routing.findSkill(named: "Billing") != nil)

        f.clock.advance(by: .seconds(3600))
        #expect(try await f.routing.findSkill(named: "Billing") != nil)

        #expect(f.org.requests.filter { $0.path == "/oauth/token" }.count == 2)
        #expect(f.everythingSucceeded, "\(f.failures)")
        let tokens = Set(f.apiRequests.compactMap(\.clientID))
        #expect(tokens == [FakeGenesysOrg.defaultClientID])
    }

    @Test("a token the org revokes is answered 401 once, then replaced and the call replayed")
    func revokedToken() async throws {
        let f = try OrgFixture(.clientCredentials)
        let skill = try f.org.addSkill(name: "Billing")
        _ = try await f.routing.getSkill(id: skill)
        f.org.revokeAllTokens()

        let moved = try await f.routing.moveSkill(id: skill, toDivision: f.org.snapshot().homeDivisionID)
        #expect(moved.version == "2")
        #expect(f.apiRequests.map(\.status) == [200, 401, 200])
        #expect(f.org.requests.filter { $0.path == "/oauth/token" }.count == 2)
        #expect(await f.client.counters.snapshot().reauthentications == 1)
        // The PATCH was applied once.
        #expect(f.org.snapshot().skills.first?.version == "2")
    }

    @Test("tokens the org revokes every few requests are replaced transparently for a long run of calls")
    func tokenRequestLimit() async throws {
        let f = try OrgFixture(.clientCredentials, configuration: .init(tokenRequestLimit: 3))
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let skills = try (1...8).map { try f.org.addSkill(name: "Skill \($0)") }
        for skill in skills { _ = try await f.routing.addUserRoutingSkill(userID: jane, skillID: skill, proficiency: 3) }
        #expect(try f.org.userRecord(jane).skills.map(\.id) == skills)
        #expect(f.org.requests.filter { $0.path == "/oauth/token" }.count == 3)
        #expect(await f.client.counters.snapshot().reauthentications == 2)
    }

    @Test("a client paced at Genesys' default never provokes the org's 429 over two minutes of reads")
    func pacedClientNeverThrottled() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(clock: clock)
        let routing = RoutingAPI(client: org.makeClient(rateLimit: .genesysDefault))
        let skill = try org.addSkill(name: "Billing")
        for _ in 1...650 { _ = try await routing.getSkill(id: skill) }

        let reads = org.requests.filter { $0.path.hasPrefix("/api/") }
        #expect(reads.count == 650)
        #expect(reads.allSatisfy { $0.status == 200 }, "\(reads.filter { $0.status != 200 }.prefix(3).map(\.description))")
        #expect(clock.now.offset >= .seconds(120))
    }

    @Test("a burst over the org's own rate limit is throttled and completed after Retry-After, without real sleeps")
    func orgRateLimit() async throws {
        let f = try OrgFixture(.clientCredentials, configuration: .init(rateLimit: RateLimit(requests: 5, per: .seconds(10))))
        let skill = try f.org.addSkill(name: "Billing")
        for _ in 1...8 { #expect(try await f.routing.getSkill(id: skill).name == "Billing") }

        let statuses = f.apiRequests.map(\.status)
        #expect(statuses.filter { $0 == 200 }.count == 8)
        #expect(statuses.filter { $0 == 429 }.count == 1)
        #expect(await f.client.counters.snapshot().throttled == 1)
        #expect(f.clock.now.offset >= .seconds(10))
    }
}
