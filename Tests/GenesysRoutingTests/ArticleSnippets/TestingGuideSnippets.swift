// The Swift code of Documentation/TestingWithTheFakeOrg.md, compiled; its example suite runs as a test.
// `ArticleSnippetsTests` checks that every ```swift block of the guide appears here or, for the seeded
// test it shares with the GenesysTesting article, in GenesysTestingArticleSnippets.swift.
import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysTesting
import GenesysTestingServer
import HTTPTypes
import Logging
import RoutingSync
import Testing

enum TestingGuideSnippets {
    static func client() {
        let org = FakeGenesysOrg()
        let client = org.makeClient()          // client credentials against the org's own token endpoint
        let routing = RoutingAPI(client: client)
        _ = routing
    }

    static func seed() throws {
        let org = FakeGenesysOrg()                                   // one division, "Home" (the home division)
        let sales = try org.addDivision(name: "Sales")               // returns the id
        let jane = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com", division: "Sales")
        let billing = try org.addSkill(name: "Billing")
        let spanish = try org.addLanguage(name: "Spanish")
        try org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        try org.assignLanguage(userID: jane, languageID: spanish, proficiency: 5)
        _ = sales
    }

    static func seedFile(seedURL: URL) throws {
        let org = try FakeGenesysOrg(seed: FakeOrgSeed.load(from: seedURL))
        _ = org
    }

    static func zeroWrites(org: FakeGenesysOrg, sync: RoutingSync, desired: DesiredState) async throws {
        org.resetLog()
        let plan = try await sync.plan(desired)
        #expect(org.writes.isEmpty)                                        // planning never writes
        #expect(org.count(method: .get, pathPrefix: "/api/v2/routing/queues") <= 3)
        _ = plan
    }

    static func snapshot(org: FakeGenesysOrg) {
        let state = org.snapshot()
        #expect(state.skills.filter { $0.state != .deleted }.compactMap(\.name) == ["Billing"])
    }

    static func faults(org: FakeGenesysOrg) {
        // Every write has a 20 % chance of a 503.
        org.addFault(FakeFault(.status(503), when: .probability(0.2), matching: .writes))
        // The next queue create is applied, but the client never hears back: is it created twice?
        let id = org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                                        matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
        org.removeFault(id)          // or org.removeAllFaults()
    }

    static func time() async throws {
        let clock = ManualClock()                                        // .manual
        let org = FakeGenesysOrg(configuration: .init(indexLag: .seconds(5)), clock: clock)
        let routing = RoutingAPI(client: org.makeClient())

        _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
        #expect(try await routing.findSkill(named: "Billing") == nil)    // not indexed yet
        clock.advance(by: .seconds(5))
        #expect(try await routing.findSkill(named: "Billing") != nil)
    }

    static func overHTTP() async throws {
        let org = FakeGenesysOrg()
        let server = try FakeServer(org: org, logger: Logger(label: "fake-server"))
        let baseURL = try await server.start()                  // http://127.0.0.1:PORT, a free port
        let client = try GenesysClient(
            region: try GenesysRegion.custom(apiURL: baseURL),
            credentials: ClientCredentials(clientID: "fake-client", clientSecret: "fake-secret")
        )
        // … real transport, real sockets …
        await server.stop()
        _ = client
    }
}

@Suite("Onboarding agents")
struct OnboardingTests {
    static let file = """
        version: 1
        skills: [{ name: Billing }, { name: Refunds }]
        agents:
          - user: jane.doe@example.com
            skills: { Billing: 4, Refunds: 2 }
        """

    @Test("gives the agent the declared skills, and a second run sends zero writes")
    func appliesOnce() async throws {
        let org = FakeGenesysOrg()
        let jane = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
        let routing = RoutingAPI(client: org.makeClient())
        let sync = RoutingSync(routing: routing)
        let desired = try DesiredStateLoader.load(string: Self.file, format: .yaml, fileName: "onboarding.yaml")

        let report = try await sync.apply(desired)
        #expect(report.succeeded, "\(report.failed)")
        let profile = try await routing.getRoutingProfile(userID: jane)
        #expect(Set(profile.skills.compactMap(\.name)) == ["Billing", "Refunds"])

        org.resetLog()
        let second = try await sync.apply(desired)
        #expect(second.plan.changes.isEmpty)
        #expect(org.writes.isEmpty)
    }

    @Test("a create whose answer is lost is not created twice")
    func lostAnswer() async throws {
        let org = FakeGenesysOrg()
        _ = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                               matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        let sync = RoutingSync(client: org.makeClient())
        let desired = try DesiredStateLoader.load(string: Self.file, format: .yaml, fileName: "onboarding.yaml")

        let report = try await sync.apply(desired)
        #expect(report.succeeded)
        let billing = org.snapshot().skills.filter { $0.name == "Billing" && $0.state != .deleted }
        #expect(billing.count == 1)
    }

    @Test("a 429 is waited out and retried, without sleeping for real")
    func throttled() async throws {
        let org = FakeGenesysOrg()
        org.addFault(FakeFault(.throttle(retryAfter: .seconds(2)), when: .next(1),
                               matching: .init(pathPrefix: "/api/v2/routing/skills")))
        let client = org.makeClient()

        _ = try await RoutingAPI(client: client).listSkills().collectItems()

        let statuses = org.requests.filter { $0.operation == "routing.listSkills" }.map(\.status)
        #expect(statuses == [429, 200])
        let counts = await client.counters.snapshot()
        #expect(counts.throttled == 1)
        #expect(counts.retries == 1)
    }

    @Test("a revoked token is replaced and the call replayed once")
    func revokedToken() async throws {
        let org = FakeGenesysOrg()
        let client = org.makeClient()
        let routing = RoutingAPI(client: client)
        _ = try await routing.listSkills().collectItems()

        org.revokeAllTokens()
        _ = try await routing.listSkills().collectItems()
        #expect(await client.counters.snapshot().reauthentications == 1)
    }
}
